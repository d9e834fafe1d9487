package org.w3id.talibanrelations.serve.ld;

import static org.w3id.talibanrelations.serve.ld.HtmlPages.esc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
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
 * counted by relation type, certainty and source, each count a link to the query that lists them.
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
    private static final String STEPS = PREFIXES + """
            SELECT ?state ?stateLabel ?rank ?levelLabel ?date ?fact
                   (SAMPLE(?fl) AS ?factLabel) (SAMPLE(?dt) AS ?dateText) (SAMPLE(?q) AS ?quote) WHERE {
              ?step a tir:StanceStep ; tir:stepOf ?state ; tir:rank ?rank ; tir:level ?level ; prov:wasDerivedFrom ?fact .
              ?state rdfs:label ?stateLabel . ?level rdfs:label ?levelLabel .
              OPTIONAL { ?step tir:date ?date }
              OPTIONAL { ?fact rdfs:label ?fl }
              OPTIONAL { ?fact time:hasTime/tir:dateText ?dt }
              OPTIONAL { ?fact tir:evidence/oa:hasTarget/oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?q }
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
        String body = Txn.calculateRead(served, () -> {
            List<Step> steps = steps(served);
            StringBuilder b = new StringBuilder();
            b.append("<h1>Overview: every state's engagement with the Taliban</h1>\n");
            b.append("<p class=\"sub\">").append(steps.size()).append(" stance steps of ")
             .append(steps.stream().map(Step::state).distinct().count())
             .append(" states, each one stated or reported fact that puts a state on the engagement ladder. "
                     + "A dot is a step, numbered by its rung; it links to its fact, and its tooltip gives the fact and its quote.</p>\n");
            b.append(ladderSvg(steps));
            b.append("<h2>Facts by relation type, certainty and source</h2>\n<div class=\"counts\">");
            b.append(counts(served, "Relation type", BY_TYPE)).append(counts(served, "Certainty", BY_CERTAINTY)).append(counts(served, "Source", BY_SOURCE));
            b.append("</div>\n");
            return b.toString();
        });
        this.page = HtmlPages.page("Overview", body).getBytes(StandardCharsets.UTF_8);
    }

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

    static String ladderSvg(List<Step> steps) {
        // States by the highest rung they reach, then by the date they first reach it, then by name.
        Map<String, List<Step>> byState = new LinkedHashMap<>();
        steps.stream().sorted(Comparator.comparing(Step::stateLabel)).forEach(s -> byState.computeIfAbsent(s.state(), k -> new ArrayList<>()).add(s));
        List<List<Step>> rows = new ArrayList<>(byState.values());
        rows.sort(Comparator.<List<Step>>comparingInt(r -> -r.stream().mapToInt(Step::rank).max().orElse(0))
                .thenComparing(r -> r.get(0).stateLabel()));
        int width = LABEL_W + EARLY_W + GAP + LATE_W + 20 + UNDATED_W, height = TOP + rows.size() * ROW_H + 36;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"ladder\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
         .append("\" width=\"").append(width).append("\" role=\"img\" aria-label=\"Each state's stance steps toward the Taliban over time, by rung of the engagement ladder\">\n");
        // Legend: the rungs.
        String[] rungs = { "designation", "opposition", "contact", "de facto ties", "embassy", "credentials", "recognition" };
        double lx = LABEL_W;
        for (int r = 0; r < rungs.length; r++) {
            b.append("<circle cx=\"").append(fmt(lx + 8)).append("\" cy=\"14\" r=\"8\" fill=\"").append(RUNG_COLOURS[r]).append("\"/>")
             .append("<text x=\"").append(fmt(lx + 8)).append("\" y=\"18\" class=\"n\">").append(r).append("</text>")
             .append("<text x=\"").append(fmt(lx + 20)).append("\" y=\"18\">").append(esc(rungs[r])).append("</text>\n");
            lx += 28 + rungs[r].length() * 7.2;
        }
        // Axis: ticks, a break between the early span and the years since the takeover.
        int axisY = TOP - 14, bottom = TOP + rows.size() * ROW_H;
        for (int y : new int[] { 1990, 2001, 2010, 2021, 2022, 2023, 2024, 2025, 2026 }) {
            double tx = x(OffsetDateTime.parse(y + "-01-01T00:00:00Z")); // steps before 1990 sit at its edge
            if (y == 2026) tx = LABEL_W + EARLY_W + GAP + LATE_W;
            b.append("<line x1=\"").append(fmt(tx)).append("\" x2=\"").append(fmt(tx)).append("\" y1=\"").append(axisY + 4).append("\" y2=\"").append(bottom)
             .append("\" class=\"grid\"/><text x=\"").append(fmt(tx)).append("\" y=\"").append(axisY).append("\" class=\"tick\">").append(y).append("</text>\n");
        }
        b.append("<text x=\"").append(fmt(LABEL_W + EARLY_W / 2.0)).append("\" y=\"").append(axisY - 16).append("\" class=\"span\">before the takeover (compressed)</text>");
        b.append("<text x=\"").append(fmt(LABEL_W + EARLY_W + GAP + LATE_W / 2.0)).append("\" y=\"").append(axisY - 16).append("\" class=\"span\">since 2021</text>");
        double undatedX = LABEL_W + EARLY_W + GAP + LATE_W + 20;
        b.append("<text x=\"").append(fmt(undatedX + UNDATED_W / 2.0)).append("\" y=\"").append(axisY).append("\" class=\"tick\">undated</text>\n");
        int row = 0;
        for (List<Step> r : rows) {
            double cy = TOP + row * ROW_H + ROW_H / 2.0;
            if (row % 2 == 0) b.append("<rect x=\"0\" y=\"").append(fmt(cy - ROW_H / 2.0)).append("\" width=\"").append(width).append("\" height=\"").append(ROW_H).append("\" class=\"band\"/>");
            Step first = r.get(0);
            b.append("<a href=\"").append(esc(HtmlPages.href(org.apache.jena.graph.NodeFactory.createURI(first.state())))).append("\"><text x=\"")
             .append(LABEL_W - 10).append("\" y=\"").append(fmt(cy + 4)).append("\" class=\"state\">").append(esc(first.stateLabel())).append("</text></a>\n");
            List<Step> dated = r.stream().filter(s -> s.date() != null).sorted(Comparator.comparing(Step::date).thenComparingInt(Step::rank)).toList();
            // A thin line through the dated steps, so a row reads left to right as that state's path.
            if (dated.size() > 1) {
                b.append("<polyline class=\"path\" points=\"");
                for (Step s : dated) b.append(fmt(x(s.date()))).append(',').append(fmt(cy)).append(' ');
                b.append("\"/>");
            }
            double lastX = -100;
            for (Step s : dated) {
                double sx = x(s.date());
                // Steps closer than a dot's width are nudged apart along the row, so each stays clickable.
                if (sx - lastX < 15) sx = lastX + 15;
                dot(b, sx, cy, s);
                lastX = sx;
            }
            double ux = undatedX + 10;
            List<Step> undated = r.stream().filter(s -> s.date() == null).toList();
            for (Step s : undated.subList(0, Math.min(UNDATED_DOTS, undated.size()))) { dot(b, ux, cy, s); ux += 17; }
            if (undated.size() > UNDATED_DOTS) // the rest are on the state's page
                b.append("<text x=\"").append(fmt(ux - 4)).append("\" y=\"").append(fmt(cy + 4)).append("\">+").append(undated.size() - UNDATED_DOTS).append("</text>");
            row++;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static void dot(StringBuilder b, double cx, double cy, Step s) {
        String tip = s.factLabel() + (s.dateText().isEmpty() ? "" : " — dated \"" + s.dateText() + "\"") + "\n" + s.levelLabel()
                + (s.quote().isEmpty() ? "" : "\n“" + s.quote() + "”");
        b.append("<a href=\"").append(esc(HtmlPages.href(org.apache.jena.graph.NodeFactory.createURI(s.fact())))).append("\"><title>").append(esc(tip))
         .append("</title><circle cx=\"").append(fmt(cx)).append("\" cy=\"").append(fmt(cy)).append("\" r=\"8\" fill=\"").append(RUNG_COLOURS[Math.max(0, Math.min(6, s.rank()))])
         .append("\"/><text x=\"").append(fmt(cx)).append("\" y=\"").append(fmt(cy + 4)).append("\" class=\"n\">").append(s.rank()).append("</text></a>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A table of counts, each with a bar drawn in SVG (the policy allows no style attribute, so no CSS width). */
    private static String counts(DatasetGraph dsg, String title, String query) {
        List<String[]> rows = new ArrayList<>();
        try (var qe = QueryExec.dataset(dsg).query(query).build()) {
            RowSet rs = qe.select();
            rs.forEachRemaining(binding -> {
                Node l = binding.get("label"), n = binding.get("n");
                rows.add(new String[] { l.getLiteralLexicalForm(), n.getLiteralLexicalForm() });
            });
        }
        long max = rows.stream().mapToLong(r -> Long.parseLong(r[1])).max().orElse(1);
        StringBuilder b = new StringBuilder("<table class=\"count\"><thead><tr><th>").append(esc(title)).append("</th><th>facts</th><th></th></tr></thead><tbody>");
        for (String[] r : rows) {
            long n = Long.parseLong(r[1]);
            b.append("<tr><td>").append(esc(r[0])).append("</td><td class=\"num\">").append(n)
             .append("</td><td><svg width=\"160\" height=\"12\" aria-hidden=\"true\"><rect width=\"").append(fmt(160.0 * n / max))
             .append("\" height=\"12\" fill=\"#74add1\"/></svg></td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(page.length);
        res.getOutputStream().write(page);
    }
}
