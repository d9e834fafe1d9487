package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * {@code /overview}: the whole graph on one page, made once at start from the served data. An SVG drawn
 * on the server (no script, no request elsewhere) puts every state's stance steps ({@code tir:StanceStep},
 * one per stated or reported fact that places a state on the engagement ladder) on a time line, one row
 * per state, each step a numbered dot in its rung's colour that links to its fact and carries the fact's
 * label and quote as its tooltip; undated steps sit in a column of their own. Below it, the facts
 * counted by relation type, certainty and source. This class reads the data into the page's view (the
 * records below: positions, colours, texts); the markup is {@code web/templates/overview.mustache}.
 */
public final class OverviewPage extends HttpServlet {
    /** The time axis: a compressed span for the decades before the 2021 takeover, most of the width after it. */
    private static final int EARLY_FROM = 1990, LATE_FROM = 2021, LATE_TO = 2026;
    private static final int LABEL_W = 170, EARLY_W = 210, LATE_W = 560, GAP = 24, UNDATED_W = 190, UNDATED_DOTS = 9, ROW_H = 26, TOP = 64;
    /** One colour per rung, 0 (designation) to 6 (recognition): red through grey to green. */
    static final String[] RUNG_COLOURS = { "#b2182b", "#e08063", "#9e9e9e", "#74add1", "#4575b4", "#5aae61", "#1b7837" };

    private static final String PREFIXES = """
            PREFIX tir: <https://w3id.org/taliban-relations/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX oa: <http://www.w3.org/ns/oa#>
            PREFIX time: <http://www.w3.org/2006/time#>
            """;
    /**
     * Every stance step, with its fact's label, date as written and a quote. Of several values the least
     * (MIN), and the quote the fact's longest (in characters, the most of its source's text: the first in the source can be
     * a fragment of a table row; of quotes as long, the least), so that the page does not depend on the order
     * in which the store returns them.
     */
    private static final String STEPS = PREFIXES + """
            SELECT ?state ?stateLabel ?rank ?levelLabel ?date ?fact
                   (MIN(?fl) AS ?factLabel) (MIN(?dt) AS ?dateText) (MIN(?q) AS ?quote) WHERE {
              ?step a tir:StanceStep ; tir:stepOf ?state ; tir:rank ?rank ; tir:level ?level ; prov:wasDerivedFrom ?fact .
              ?state rdfs:label ?stateLabel . ?level rdfs:label ?levelLabel .
              OPTIONAL { ?step tir:date ?date }
              OPTIONAL { ?fact rdfs:label ?fl }
              OPTIONAL { ?fact time:hasTime/tir:dateText ?dt }
              OPTIONAL {
                ?fact tir:evidence/oa:hasTarget ?target .
                ?target oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?q .
                FILTER NOT EXISTS {
                  ?fact tir:evidence/oa:hasTarget/oa:hasSelector ?other . ?other a oa:TextQuoteSelector ; oa:exact ?longer .
                  FILTER(STRLEN(?longer) > STRLEN(?q))
                }
              }
            }
            GROUP BY ?state ?stateLabel ?rank ?levelLabel ?date ?fact
            """;
    private static final String BY_TYPE = PREFIXES + """
            SELECT ?label (COUNT(DISTINCT ?fact) AS ?n) WHERE {
              ?fact tir:curatedAt ?where ; a ?type . ?type rdfs:subClassOf* tir:Fact ; rdfs:label ?label .
              FILTER NOT EXISTS { ?fact a ?sub . ?sub rdfs:subClassOf+ ?type FILTER(?sub != ?type) }
            } GROUP BY ?label ORDER BY DESC(?n) ?label
            """;
    private static final String BY_CERTAINTY = PREFIXES + """
            SELECT ?label (COUNT(DISTINCT ?fact) AS ?n) WHERE {
              ?fact tir:curatedAt ?where ; tir:certainty/skos:notation ?label .
            } GROUP BY ?label ORDER BY DESC(?n) ?label
            """;
    private static final String BY_SOURCE = PREFIXES + """
            SELECT ?label (COUNT(DISTINCT ?fact) AS ?n) WHERE {
              ?fact tir:curatedAt ?where ; prov:wasDerivedFrom ?source .
              ?source dcterms:identifier ?file . OPTIONAL { ?source dcterms:title ?title }
              BIND(COALESCE(?title, ?file) AS ?label)
            } GROUP BY ?label ORDER BY DESC(?n) ?label
            """;

    private final byte[] page;

    public OverviewPage(DatasetGraph served) {
        String html = Txn.calculateRead(served, () -> {
            List<Step> steps = steps(served);
            return Templates.render("overview", new View("Overview", steps.size(), steps.stream().map(Step::state).distinct().count(), ladder(steps),
                    List.of(counts(served, "Relation type", BY_TYPE), counts(served, "Certainty", BY_CERTAINTY), counts(served, "Source", BY_SOURCE))));
        });
        this.page = html.getBytes(StandardCharsets.UTF_8);
    }

    /** The page's view (overview.mustache). */
    record View(String title, int stepCount, long stateCount, Ladder ladder, List<Counts> counts) {}
    record Ladder(int width, int height, List<Rung> legend, List<AxisTick> ticks, String earlyX, String lateX, int spanY, String undatedX, int axisY,
                  List<LadderRow> rows) {}
    record Rung(String x, String textX, String fill, int rank, String name) {}
    record AxisTick(String x, int lineTop, int bottom, int y, int year) {}
    record LadderRow(Band band, String href, int labelX, String labelY, String state, Path path, List<Dot> dots, More more) {}
    record Band(String y, int width, int height) {}
    record Path(String points) {}
    record Dot(String href, String tip, String x, String y, String textY, String fill, int rank) {}
    record More(String x, String y, int count) {}
    record Counts(String heading, List<Count> rows) {}
    record Count(String label, long count, String width) {}

    record Step(String state, String stateLabel, int rank, String levelLabel, OffsetDateTime date, String fact,
                String factLabel, String dateText, String quote) {}

    private static List<Step> steps(DatasetGraph dsg) {
        List<Step> out = new ArrayList<>();
        try (var qe = QueryExec.dataset(dsg).query(STEPS).build()) {
            ResultSet rs = ResultSet.adapt(qe.select());
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                out.add(new Step(s.getResource("state").getURI(), s.getLiteral("stateLabel").getLexicalForm(), s.getLiteral("rank").getInt(),
                        s.getLiteral("levelLabel").getLexicalForm(),
                        s.contains("date") ? OffsetDateTime.parse(s.getLiteral("date").getLexicalForm()) : null,
                        s.getResource("fact").getURI(), text(s, "factLabel"), text(s, "dateText"), text(s, "quote")));
            }
        }
        return out;
    }

    private static String text(QuerySolution s, String var) {
        return s.contains(var) ? s.getLiteral(var).getLexicalForm() : "";
    }

    /** x of a date: the early span compressed, the years since the takeover wide. */
    private static double x(OffsetDateTime d) {
        double year = d.getYear() + (d.getDayOfYear() - 1) / 366.0;
        if (year < LATE_FROM) return LABEL_W + Math.max(0, year - EARLY_FROM) / (LATE_FROM - EARLY_FROM) * EARLY_W;
        return LABEL_W + EARLY_W + GAP + Math.min(year - LATE_FROM, LATE_TO - LATE_FROM) / (LATE_TO - LATE_FROM) * LATE_W;
    }

    /** The legend's name of each rung, 0 to 6 (short forms of the ontology's labels, which the legend's width has no room for). */
    private static final String[] RUNG_NAMES = { "designation", "opposition", "contact", "de facto ties", "embassy", "credentials", "recognition" };

    static Ladder ladder(List<Step> steps) {
        // States by the highest rung they reach, then by name; a state's steps (the query returns them in no order)
        // by date (undated last), rung, fact, level: dated ones in date order, the first of the undated shown.
        Map<String, List<Step>> byState = new LinkedHashMap<>();
        steps.stream().sorted(Comparator.comparing(Step::stateLabel).thenComparing(Step::state)
                .thenComparing(Step::date, Comparator.nullsLast(Comparator.naturalOrder())).thenComparingInt(Step::rank)
                .thenComparing(Step::fact).thenComparing(Step::levelLabel)).forEach(s -> byState.computeIfAbsent(s.state(), k -> new ArrayList<>()).add(s));
        List<List<Step>> states = new ArrayList<>(byState.values());
        states.sort(Comparator.<List<Step>>comparingInt(r -> -r.stream().mapToInt(Step::rank).max().orElse(0))
                .thenComparing(r -> r.get(0).stateLabel()));
        int width = LABEL_W + EARLY_W + GAP + LATE_W + 20 + UNDATED_W, height = TOP + states.size() * ROW_H + 36;
        // Legend: the rungs.
        List<Rung> legend = new ArrayList<>();
        double lx = LABEL_W;
        for (int r = 0; r < RUNG_NAMES.length; r++) {
            legend.add(new Rung(fmt(lx + 8), fmt(lx + 20), RUNG_COLOURS[r], r, RUNG_NAMES[r]));
            lx += 28 + RUNG_NAMES[r].length() * 7.2;
        }
        // Axis: ticks, a break between the early span and the years since the takeover.
        int axisY = TOP - 14, bottom = TOP + states.size() * ROW_H;
        List<AxisTick> ticks = new ArrayList<>();
        for (int y : new int[] { 1990, 2001, 2010, 2021, 2022, 2023, 2024, 2025, 2026 }) {
            double tx = x(OffsetDateTime.parse(y + "-01-01T00:00:00Z")); // steps before 1990 sit at its edge
            if (y == 2026) tx = LABEL_W + EARLY_W + GAP + LATE_W;
            ticks.add(new AxisTick(fmt(tx), axisY + 4, bottom, axisY, y));
        }
        double undatedX = LABEL_W + EARLY_W + GAP + LATE_W + 20;
        List<LadderRow> rows = new ArrayList<>();
        int row = 0;
        for (List<Step> r : states) {
            double cy = TOP + row * ROW_H + ROW_H / 2.0;
            Step first = r.get(0);
            List<Step> dated = r.stream().filter(s -> s.date() != null).sorted(Comparator.comparing(Step::date).thenComparingInt(Step::rank)).toList();
            // A thin line through the dated steps, so a row reads left to right as that state's path.
            Path path = null;
            if (dated.size() > 1) {
                StringBuilder points = new StringBuilder();
                for (Step s : dated) points.append(fmt(x(s.date()))).append(',').append(fmt(cy)).append(' ');
                path = new Path(points.toString());
            }
            List<Dot> dots = new ArrayList<>();
            double lastX = -100;
            for (Step s : dated) {
                double sx = x(s.date());
                // Steps closer than a dot's width are nudged apart along the row, so each stays clickable.
                if (sx - lastX < 15) sx = lastX + 15;
                dots.add(dot(sx, cy, s));
                lastX = sx;
            }
            double ux = undatedX + 10;
            List<Step> undated = r.stream().filter(s -> s.date() == null).toList();
            for (Step s : undated.subList(0, Math.min(UNDATED_DOTS, undated.size()))) { dots.add(dot(ux, cy, s)); ux += 17; }
            More more = undated.size() > UNDATED_DOTS ? new More(fmt(ux - 4), fmt(cy + 4), undated.size() - UNDATED_DOTS) : null; // the rest are on the state's page
            rows.add(new LadderRow(row % 2 == 0 ? new Band(fmt(cy - ROW_H / 2.0), width, ROW_H) : null,
                    HtmlPages.href(NodeFactory.createURI(first.state())), LABEL_W - 10, fmt(cy + 4), first.stateLabel(), path, dots, more));
            row++;
        }
        return new Ladder(width, height, legend, ticks, fmt(LABEL_W + EARLY_W / 2.0), fmt(LABEL_W + EARLY_W + GAP + LATE_W / 2.0), axisY - 16,
                fmt(undatedX + UNDATED_W / 2.0), axisY, rows);
    }

    /** A step's dot, numbered by its rung; its tooltip the fact, its date as written, the rung and the quote. */
    private static Dot dot(double cx, double cy, Step s) {
        String tip = s.factLabel() + (s.dateText().isEmpty() ? "" : " — dated \"" + s.dateText() + "\"") + "\n" + s.levelLabel()
                + (s.quote().isEmpty() ? "" : "\n“" + s.quote() + "”");
        return new Dot(HtmlPages.href(NodeFactory.createURI(s.fact())), tip, fmt(cx), fmt(cy), fmt(cy + 4), RUNG_COLOURS[Math.max(0, Math.min(6, s.rank()))], s.rank());
    }

    private static String fmt(double v) {
        return HtmlPages.fmt(v);
    }

    /** A table of counts, each with the width of its bar (drawn in SVG: the policy allows no style attribute). */
    private static Counts counts(DatasetGraph dsg, String heading, String query) {
        List<String[]> rows = new ArrayList<>();
        try (var qe = QueryExec.dataset(dsg).query(query).build()) {
            RowSet rs = qe.select();
            rs.forEachRemaining(binding -> {
                Node l = binding.get("label"), n = binding.get("n");
                rows.add(new String[] { l.getLiteralLexicalForm(), n.getLiteralLexicalForm() });
            });
        }
        long max = rows.stream().mapToLong(r -> Long.parseLong(r[1])).max().orElse(1);
        List<Count> out = new ArrayList<>();
        for (String[] r : rows) {
            long n = Long.parseLong(r[1]);
            out.add(new Count(r[0], n, fmt(160.0 * n / max)));
        }
        return new Counts(heading, out);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(page.length);
        res.getOutputStream().write(page);
    }
}
