package org.w3id.talibanrelations.serve.ld;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Namespaces;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * HTML pages for people who have never heard of RDF: actors with their relations as a timeline
 * (and a small SVG), facts with their quotes highlighted in their surrounding text, sources with their
 * metadata, hash and text, conflicts with both sides, and the ontology's documentation. This class reads
 * the graph into each page's view (the records below); the markup is the templates of
 * {@code web/templates/} ({@link Templates}). Self-contained: no script, style or font from elsewhere.
 * <p>
 * A page is a function of the data alone, not of the order in which the graph returns its triples (which
 * differs between a fresh build and one read back from the build cache): where a page lists several values
 * or shows one of them, it orders them by a stated rule, {@link #byLabel} unless a comment says otherwise.
 */
final class HtmlPages {
    private final Graph g;
    private final Roles roles;
    private final Map<Node, String> texts = new HashMap<>();

    /**
     * @param g     the union of all graphs
     * @param roles the roles of actors in facts, as the ontology defines them
     */
    HtmlPages(Graph g, Roles roles) {
        this.g = g;
        this.roles = roles;
    }

    /** The local address of one of our IRIs, so that pages link within this server. */
    static String href(Node n) {
        String u = n.getURI();
        if (u.startsWith(Ids.ID)) return "/doc/" + u.substring(Ids.ID.length());
        if (u.startsWith(TIR.NS)) return "/ontology#" + u.substring(TIR.NS.length());
        if (u.startsWith(Ids.BASE)) return "/" + u.substring(Ids.BASE.length());
        return u;
    }

    /** A resource's label: of its English labels, else of all, the least by {@link #LEXICAL}; else its prefixed name, else its IRI. */
    String label(Node n) {
        if (n == null) return "";
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        List<Node> labels = g.find(n, RDFS.label.asNode(), Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral).toList();
        List<Node> en = labels.stream().filter(l -> "en".equals(l.getLiteralLanguage())).toList();
        var least = (en.isEmpty() ? labels : en).stream().min(LEXICAL);
        if (least.isPresent()) return least.get().getLiteralLexicalForm();
        String q = Namespaces.prefixMapping().qnameFor(n.getURI());
        return q != null ? q : n.getURI();
    }

    /** Literals by their text, ignoring case, then exactly, then by the term (its language or datatype). */
    static final Comparator<Node> LEXICAL = Comparator.comparing(Node::getLiteralLexicalForm, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Node::getLiteralLexicalForm).thenComparing(NodeCmp::compareRDFTerms);

    /** The order of values on a page: by label (a literal's text), ignoring case, then exactly, then by the term (IRI). */
    final Comparator<Node> byLabel = Comparator.comparing(this::label, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(this::label).thenComparing(NodeCmp::compareRDFTerms);

    /** A value as a page shows it: a literal as its text, an IRI as a link to its page, with its label. */
    Link link(Node n) {
        if (n == null) return null;
        if (n.isLiteral()) return new Link(null, n.getLiteralLexicalForm());
        return new Link(href(n), label(n));
    }

    private List<Link> links(List<Node> nodes) {
        return nodes.stream().map(this::link).toList();
    }

    /** The value of (s, p), or null; of several, the first {@link #byLabel}. */
    private Node one(Node s, Node p) {
        List<Node> all = all(s, p);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The values of (s, p), {@link #byLabel}. */
    private List<Node> all(Node s, Node p) {
        List<Node> out = new ArrayList<>(g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList());
        out.sort(byLabel);
        return out;
    }

    /** The subjects of (?, p, o), {@link #byLabel}. */
    private List<Node> subjects(Node p, Node o) {
        List<Node> out = new ArrayList<>(g.find(Node.ANY, p, o).mapWith(Triple::getSubject).toList());
        out.sort(byLabel);
        return out;
    }

    /** A fact's evidence in the order of its source's text: by the quote's offset (oa:start, then oa:end), then by the evidence's IRI. */
    private List<Node> evidence(Node fact) {
        record Placed(Node evidence, int start, int end) {}
        List<Placed> placed = new ArrayList<>();
        for (Node ev : all(fact, TIR.evidence)) {
            int start = Integer.MAX_VALUE, end = Integer.MAX_VALUE;
            Node target = one(ev, Std.oa_hasTarget);
            if (target != null)
                for (Node sel : all(target, Std.oa_hasSelector))
                    if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) {
                        start = Integer.parseInt(str(sel, Std.oa_start));
                        end = Integer.parseInt(str(sel, Std.oa_end));
                    }
            placed.add(new Placed(ev, start, end));
        }
        placed.sort(Comparator.comparingInt(Placed::start).thenComparingInt(Placed::end).thenComparing(Placed::evidence, NodeCmp::compareRDFTerms));
        return placed.stream().map(Placed::evidence).toList();
    }

    private String str(Node s, Node p) {
        Node o = one(s, p);
        return o == null ? null : o.isLiteral() ? o.getLiteralLexicalForm() : label(o);
    }

    /** The page of any resource, chosen by its type. */
    String resource(Node iri) {
        String u = iri.getURI();
        if (u.startsWith(Ids.ACTOR)) return actor(iri);
        if (u.startsWith(Ids.FACT)) return fact(iri);
        if (u.startsWith(Ids.SOURCE)) return source(iri);
        if (u.startsWith(Ids.ID + "conflict/")) return conflict(iri);
        return generic(iri);
    }

    // ---- what every resource page has: its header (header.mustache) and, mostly, its properties (properties.mustache)

    /** The head of a resource's page. */
    record Header(String label, String iri, String href, Iterable<?> types) {}
    /** A property and its values. */
    record Values(String label, Iterable<?> values) {}
    /** A list shown with a heading of its own, or not at all (null) when empty. */
    record Rows<T>(List<T> rows) {
        static <T> Rows<T> of(List<T> rows) { return rows.isEmpty() ? null : new Rows<>(rows); }
    }

    private Header header(Node iri) {
        return new Header(label(iri), iri.getURI(), href(iri), Templates.separated(links(all(iri, RDF.type.asNode()))));
    }

    /** Every property but rdf:type, by label, with its values ({@link #byLabel}). */
    private List<Values> properties(Node iri) {
        Map<String, List<Node>> rows = new TreeMap<>();
        g.find(iri, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (t.getPredicate().equals(RDF.type.asNode())) return;
            rows.computeIfAbsent(label(t.getPredicate()), k -> new ArrayList<>()).add(t.getObject());
        });
        List<Values> out = new ArrayList<>();
        rows.forEach((p, vs) -> { vs.sort(byLabel); out.add(new Values(p, Templates.separated(links(vs)))); });
        return out;
    }

    record GenericPage(String title, Header header, List<Values> properties) {}

    String generic(Node iri) {
        return Templates.render("generic", new GenericPage(label(iri), header(iri), properties(iri)));
    }

    // ---- actors

    /** A date as the text gives it (or the day), "inferred" with the curator's note, or undated (date.mustache). */
    record DateText(String text, boolean undated, Inferred inferred) {}
    record Inferred(String note) {}
    record Post(Link role, Link organization, DateText when, Link post) {}
    record Relation(DateText when, String relation, String role, Iterable<?> with, String certainty, String href, String name, Iterable<?> quotes) {}
    record QuoteLink(String href, String exact) {}
    record Step(String day, Link level, Link from) {}
    record ActorPage(String title, Header header, String alt, String iso, String comment, Rows<Post> posts, Timeline timeline,
                     Rows<Relation> dated, Rows<Relation> undated, Rows<Step> steps) {}

    private record Row(Node fact, String role, Node date, DateText dateText) {}

    String actor(Node iri) {
        List<Node> alt = all(iri, SKOS.altLabel.asNode());
        // Posts by date (undated last), then by IRI.
        List<Post> posts = new ArrayList<>();
        for (Node p : subjects(Std.org_member, iri).stream().sorted(Comparator.comparing(this::dateKey).thenComparing(Node::getURI)).toList())
            posts.add(new Post(link(one(p, Std.org_role)), link(one(p, Std.org_organization)), dateText(p), link(p)));
        List<Row> rows = new ArrayList<>();
        for (Roles.Role r : roles.all())
            for (Node f : subjects(r.property(), iri))
                rows.add(new Row(f, r.label(), one(f, TIR.date), dateText(f)));
        // Relations by date (undated last), then by IRI; a fact that names the actor in two roles, in the roles' order (the sort is stable).
        rows.sort(Comparator.comparing((Row r) -> dateKey(r.fact())).thenComparing(r -> r.fact().getURI()));
        // Steps by date (undated last), then by rung, then by IRI.
        List<Node> steps = subjects(TIR.stepOf, iri).stream()
                .sorted(Comparator.comparing(this::dateKey).thenComparingInt(this::rank).thenComparing(Node::getURI))
                .toList();
        List<Row> dated = rows.stream().filter(r -> r.date() != null).toList();
        List<Row> undated = rows.stream().filter(r -> r.date() == null).toList();
        List<Step> stepRows = steps.stream()
                .map(s -> { Node d = one(s, TIR.date);
                            return new Step(d == null ? null : d.getLiteralLexicalForm().substring(0, 10), link(one(s, TIR.level)), link(one(s, Std.prov_wasDerivedFrom))); })
                .toList();
        return Templates.render("actor", new ActorPage(label(iri), header(iri),
                alt.isEmpty() ? null : String.join(", ", alt.stream().map(Node::getLiteralLexicalForm).toList()),
                str(iri, TIR.isoAlpha3), str(iri, RDFS.comment.asNode()), Rows.of(posts), timeline(dated, steps),
                new Rows<>(relations(iri, dated)), Rows.of(relations(iri, undated)), Rows.of(stepRows)));
    }

    /** A resource's tir:date as it sorts: its lexical form (the dates are UTC, at the same precision), "9999" when undated. */
    private String dateKey(Node n) {
        Node d = one(n, TIR.date);
        return d == null ? "9999" : d.getLiteralLexicalForm();
    }

    /** A stance step's rung (tir:rank of its tir:level), or Integer.MAX_VALUE without one. */
    private int rank(Node step) {
        Node level = one(step, TIR.level);
        String rank = level == null ? null : str(level, TIR.rank);
        return rank == null ? Integer.MAX_VALUE : Integer.parseInt(rank);
    }

    /** One row per relation: date as written, class, this actor's role, the others (by role, then {@link #byLabel}), certainty, the fact, its quotes (in source order). */
    private List<Relation> relations(Node iri, List<Row> rows) {
        List<Relation> out = new ArrayList<>();
        for (Row r : rows) {
            Node f = r.fact();
            List<Link> others = new ArrayList<>();
            for (Node p : new Node[] { TIR.agent, TIR.counterpart, TIR.participant })
                for (Node o : all(f, p)) if (!o.equals(iri)) others.add(link(o));
            String cert = str(f, TIR.certainty);
            out.add(new Relation(r.dateText(), relation(f), r.role(), Templates.separated(others), cert == null ? "" : cert, href(f),
                    label(f).isEmpty() ? Ids.slug(f, Ids.FACT) : label(f), Templates.separated(quoteLinks(f))));
        }
        return out;
    }

    /** A link per quote of a fact, to the quote's place in its source's page, with the quote as its title. */
    private List<QuoteLink> quoteLinks(Node fact) {
        List<QuoteLink> links = new ArrayList<>();
        for (Node ev : evidence(fact)) {
            Node target = one(ev, Std.oa_hasTarget);
            if (target == null) continue;
            Node source = one(target, Std.oa_hasSource);
            String start = null, exact = null;
            for (Node sel : all(target, Std.oa_hasSelector)) {
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) start = str(sel, Std.oa_start);
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) exact = str(sel, Std.oa_exact);
            }
            if (source == null || start == null) continue;
            links.add(new QuoteLink(href(source) + "#c" + start, exact == null ? "" : exact));
        }
        return links;
    }

    private String relation(Node fact) {
        for (Node t : all(fact, RDF.type.asNode())) if (t.getURI().startsWith(TIR.NS)) return label(t);
        return "";
    }

    private DateText dateText(Node fact) {
        Node time = one(fact, Std.time_hasTime);
        String text = time == null ? str(fact, TIR.dateText) : str(time, TIR.dateText);
        Node date = one(fact, TIR.date);
        if (text == null && date == null) return new DateText(null, true, null);
        Inferred inferred = time != null && one(time, TIR.dateInferred) != null ? new Inferred(str(time, TIR.inferenceNote)) : null;
        return new DateText(text != null ? text : date.getLiteralLexicalForm().substring(0, 10), false, inferred);
    }

    // ---- an actor's timeline (timeline.mustache)

    record Timeline(int width, int height, int pad, int axis, int right, List<Tick> ticks, Older older, List<Dot> dots, List<StepMark> steps) {}
    record Tick(String x, int y1, int y2, int textY, int year) {}
    record Older(int x, int y, long count, int since) {}
    record Dot(String href, String x, int y, String fill, String tip) {}
    record StepMark(String href, String left, String x, String fill, String tip, String rank) {}

    /** The year the Taliban emerged: the actor timelines start there. */
    private static final int TALIBAN_YEAR = 1994;
    /** A relation's dot by its certainty. */
    private static final Map<String, String> CERTAINTY_COLOURS = Map.of("stated", "#185", "reported", "#157", "alleged", "#a60", "denied", "#a22",
            "unconfirmed", "#999", "planned", "#548");
    /** The ladder's rungs, lowest (designation) to highest (formal recognition). */
    private static final String[] RUNG_COLOURS = { "#a22", "#c63", "#999", "#5a8", "#185", "#157", "#135", "#113", "#000" };

    /**
     * A small timeline: one dot per dated relation, coloured by certainty, on a scale of years; above it,
     * one numbered mark per step of the actor's stance on the engagement ladder, at its rung's colour.
     * Null without a dated relation.
     */
    private Timeline timeline(List<Row> dated, List<Node> steps) {
        if (dated.isEmpty()) return null;
        // The scale follows the actor's own dated facts from the Taliban's emergence (1994) on; older ones
        // (the Great Game, say) gather in one mark at the left edge, so they do not squeeze the rest.
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        long older = dated.stream().filter(r -> year(r.date()) < TALIBAN_YEAR).count();
        for (Row r : dated) { int y = Math.max(TALIBAN_YEAR, year(r.date())); first = Math.min(first, y); last = Math.max(last, y); }
        first -= 1; last += 1;
        List<Node> datedSteps = steps.stream().filter(st -> one(st, TIR.date) != null && year(one(st, TIR.date)) >= TALIBAN_YEAR).toList();
        int w = 900, top = datedSteps.isEmpty() ? 0 : 24, h = 70 + top, pad = 30, axis = 40 + top;
        int span = Math.max(1, last - first);
        int step = span > 40 ? 10 : span > 15 ? 5 : 1;
        List<Tick> ticks = new ArrayList<>();
        for (int y = first; y <= last; y++) if (y % step == 0) {
            double x = pad + (w - 2.0 * pad) * (y - first) / span;
            ticks.add(new Tick(fmt(x), axis - 4, axis + 4, axis + 20, y));
        }
        List<Dot> dots = new ArrayList<>();
        for (Row r : dated) {
            if (year(r.date()) < TALIBAN_YEAR) continue;
            double x = pad + (w - 2.0 * pad) * (yearFraction(r.date()) - first) / span;
            String cert = str(r.fact(), TIR.certainty);
            dots.add(new Dot(href(r.fact()), fmt(x), axis - 10, CERTAINTY_COLOURS.getOrDefault(cert, "#333"),
                    r.date().getLiteralLexicalForm().substring(0, 10) + " " + relation(r.fact())));
        }
        List<StepMark> marks = new ArrayList<>();
        for (Node st : datedSteps) {
            Node level = one(st, TIR.level), from = one(st, Std.prov_wasDerivedFrom), date = one(st, TIR.date);
            String rank = level == null ? null : str(level, TIR.rank);
            int k = rank == null ? 0 : Math.min(RUNG_COLOURS.length - 1, Math.max(0, Integer.parseInt(rank)));
            double x = pad + (w - 2.0 * pad) * (yearFraction(date) - first) / span;
            marks.add(new StepMark(from == null ? href(st) : href(from), fmt(x - 6), fmt(x), RUNG_COLOURS[k],
                    "step: " + (level == null ? "" : label(level)) + " (" + date.getLiteralLexicalForm().substring(0, 10) + ")", rank == null ? "?" : rank));
        }
        return new Timeline(w, h, pad, axis, w - pad, ticks, older > 0 ? new Older(pad, axis - 26, older, TALIBAN_YEAR) : null, dots, marks);
    }

    private static double yearFraction(Node date) {
        String d = date.getLiteralLexicalForm();
        return year(date) + (Integer.parseInt(d.substring(5, 7)) - 1) / 12.0;
    }

    private static int year(Node date) { return Integer.parseInt(date.getLiteralLexicalForm().substring(0, 4)); }
    static String fmt(double d) { return String.format(Locale.ROOT, "%.1f", d); }

    // ---- facts

    record Evidence(Context context, Link source, int start, int end, String sourceHref) {}
    /** A quote in up to 200 characters of its text on each side, "…" where the text goes on. */
    record Context(boolean lead, String before, String exact, String after, boolean trail) {}
    /** A fact's page; {@code who}: its actors by role (the ontology's roles, in their order), then where and which post. */
    record FactPage(String title, Header header, List<Values> who, DateText when, String certainty, String asOf, boolean asOfInferred,
                    Link source, List<Values> details, String curatedAt, List<Evidence> evidence, Rows<Link> conflicts) {}

    /** What a fact page shows after its roles, in this order, and after its source. */
    private static final List<Node> FACT_WHERE_AND_POSTS = List.of(TIR.location, Std.org_member, Std.org_organization, Std.org_role);
    private static final List<Node> FACT_DETAILS = List.of(TIR.topic, TIR.count, TIR.percentage, TIR.amount, TIR.resolution, TIR.votePosition,
            TIR.supportKind, TIR.denies, RDFS.comment.asNode());

    String fact(Node iri) {
        List<Values> who = new ArrayList<>();
        for (Roles.Role r : roles.all()) {
            List<Node> vs = all(iri, r.property());
            if (!vs.isEmpty()) who.add(new Values(r.label(), Templates.separated(links(vs))));
        }
        who.addAll(values(iri, FACT_WHERE_AND_POSTS));
        List<Evidence> evidence = new ArrayList<>();
        for (Node ev : evidence(iri)) {
            Node target = one(ev, Std.oa_hasTarget), source = one(target, Std.oa_hasSource);
            Node quote = null, position = null;
            for (Node sel : all(target, Std.oa_hasSelector)) {
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) quote = sel;
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) position = sel;
            }
            int start = Integer.parseInt(str(position, Std.oa_start)), end = Integer.parseInt(str(position, Std.oa_end));
            evidence.add(new Evidence(context(source, start, end, str(quote, Std.oa_prefix), str(quote, Std.oa_exact), str(quote, Std.oa_suffix)),
                    link(source), start, end, href(source)));
        }
        // Each conflict once, with what disagrees with what (its label), however many graphs or sides name the fact.
        List<Node> conflicts = g.find(Node.ANY, TIR.conflictingFact, iri).mapWith(Triple::getSubject).toList()
                .stream().distinct().sorted(Comparator.comparing(Node::getURI)).toList();
        return Templates.render("fact", new FactPage(label(iri).isEmpty() ? Ids.slug(iri, Ids.FACT) : label(iri), header(iri), who, dateText(iri),
                str(iri, TIR.certainty), str(iri, TIR.asOf).substring(0, 10), one(iri, TIR.asOfInferred) != null, link(one(iri, Std.prov_wasDerivedFrom)),
                values(iri, FACT_DETAILS), str(iri, TIR.curatedAt), evidence, Rows.of(links(conflicts))));
    }

    /** These properties of a resource that it has, each with its values. */
    private List<Values> values(Node iri, List<Node> properties) {
        List<Values> out = new ArrayList<>();
        for (Node p : properties) {
            List<Node> vs = all(iri, p);
            if (!vs.isEmpty()) out.add(new Values(label(p), Templates.separated(links(vs))));
        }
        return out;
    }

    /** The quote in up to 200 characters of text on each side (or its stored prefix and suffix). */
    private Context context(Node source, int start, int end, String prefix, String exact, String suffix) {
        String text = text(source);
        if (text != null) {
            int[] cps = text.codePoints().toArray();
            if (end <= cps.length && new String(cps, start, end - start).equals(exact)) {
                int a = Math.max(0, start - 200), b = Math.min(cps.length, end + 200);
                return new Context(a > 0, new String(cps, a, start - a), exact, new String(cps, end, b - end), b < cps.length);
            }
        }
        return new Context(true, prefix, exact, suffix, true);
    }

    /** A source's stored text, as published with the data (tir:text), or null. */
    private String text(Node source) {
        return texts.computeIfAbsent(source, src -> {
            Node text = one(src, TIR.text);
            return text == null ? null : str(text, CNT.chars);
        });
    }

    // ---- sources

    record SourcePage(String title, Header header, List<Values> properties, int factCount, SourceText text, List<Link> facts) {}
    /**
     * A source's text cut at its quotes: each segment the text before a quote, the quote's anchor, and the
     * quote (none where quotes overlap); then the rest. A newline that opens the text is not in the segments
     * but written as a newline of the markup ({@code newlineFirst}), which HTML drops right after {@code <pre>}:
     * the page shows the text as it did when its markup was written in code.
     */
    record SourceText(boolean newlineFirst, List<Segment> segments, String rest) {}
    record Segment(String plain, int anchor, boolean mark, String marked) {}

    String source(Node iri) {
        List<Node> facts = g.find(Node.ANY, Std.prov_wasDerivedFrom, iri).mapWith(Triple::getSubject)
                .filterKeep(f -> f.getURI().startsWith(Ids.FACT)).toList();
        String text = text(iri);
        SourceText marked = null;
        if (text != null) {
            // The text, every quote marked and anchored at its first code point.
            TreeMap<Integer, Integer> spans = new TreeMap<>();
            for (Node f : facts)
                for (Node ev : all(f, TIR.evidence))
                    for (Node sel : all(one(ev, Std.oa_hasTarget), Std.oa_hasSelector))
                        if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector))
                            spans.merge(Integer.parseInt(str(sel, Std.oa_start)), Integer.parseInt(str(sel, Std.oa_end)), Math::max);
            int[] cps = text.codePoints().toArray();
            List<Segment> segments = new ArrayList<>();
            int at = 0;
            for (var e : spans.entrySet()) {
                int s = e.getKey(), end = e.getValue();
                if (s < at) { segments.add(new Segment("", s, false, null)); continue; }
                segments.add(new Segment(new String(cps, at, s - at), s, true, new String(cps, s, end - s)));
                at = end;
            }
            String rest = new String(cps, at, cps.length - at);
            String opening = segments.isEmpty() ? rest : segments.get(0).plain();
            boolean newlineFirst = opening.startsWith("\n");
            if (newlineFirst && segments.isEmpty()) rest = rest.substring(1);
            else if (newlineFirst) { Segment first = segments.get(0); segments.set(0, new Segment(first.plain().substring(1), first.anchor(), first.mark(), first.marked())); }
            marked = new SourceText(newlineFirst, segments, rest);
        }
        return Templates.render("source", new SourcePage(label(iri), header(iri), properties(iri), facts.size(), marked,
                text != null ? List.of() : links(facts.stream().sorted(Comparator.comparing(Node::getURI)).toList())));
    }

    // ---- conflicts

    record ConflictPage(String title, Header header, String explanation, String detectedBy, List<ConflictSide> facts) {}
    record ConflictSide(Link fact, DateText when, String certainty, Link source, List<String> quotes) {}

    String conflict(Node iri) {
        List<ConflictSide> sides = new ArrayList<>();
        for (Node f : all(iri, TIR.conflictingFact)) {
            List<String> quotes = new ArrayList<>();
            for (Node ev : evidence(f))
                for (Node sel : all(one(ev, Std.oa_hasTarget), Std.oa_hasSelector))
                    if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) quotes.add(str(sel, Std.oa_exact));
            sides.add(new ConflictSide(link(f), dateText(f), String.valueOf(str(f, TIR.certainty)), link(one(f, Std.prov_wasDerivedFrom)), quotes));
        }
        return Templates.render("conflict", new ConflictPage(label(iri), header(iri), str(iri, TIR.explanation),
                String.valueOf(str(iri, TIR.detectedBy)), sides));
    }

    // ---- ontology documentation

    record OntologyPage(String title, String heading, String iri, String version, String description, List<ClassRow> classes,
                        List<PropertyKind> kinds, List<Term> individuals) {}
    record ClassRow(String local, String label, String definition, Link direct, Link level, Iterable<?> superClasses, String example) {}
    record PropertyKind(String heading, List<PropertyRow> rows) {}
    record PropertyRow(String local, String label, String definition, Link domain, Link range) {}
    record Term(String local, String label, String definition) {}

    String ontology() {
        Node onto = NodeFactory.createURI(TIR.ONTOLOGY);
        List<ClassRow> classes = new ArrayList<>();
        for (Node c : terms(OWL.Class.asNode())) {
            String example = str(c, SKOS.example.asNode());
            classes.add(new ClassRow(c.getLocalName(), label(c), String.valueOf(str(c, SKOS.definition.asNode())), link(one(c, TIR.directProperty)),
                    link(one(c, TIR.engagementLevel)), Templates.separated(links(all(c, RDFS.subClassOf.asNode()))),
                    example == null ? "" : "“" + example + "”"));
        }
        List<PropertyKind> kinds = new ArrayList<>();
        for (Node kind : new Node[] { OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode(), OWL.AnnotationProperty.asNode() })
            kinds.add(new PropertyKind(kind.getLocalName().replace("Property", " properties"), terms(kind).stream()
                    .map(p -> new PropertyRow(p.getLocalName(), label(p), String.valueOf(str(p, SKOS.definition.asNode())),
                            link(one(p, RDFS.domain.asNode())), link(one(p, RDFS.range.asNode()))))
                    .toList()));
        List<Term> individuals = terms(OWL.NamedIndividual.asNode()).stream()
                .map(i -> new Term(i.getLocalName(), label(i), String.valueOf(str(i, SKOS.definition.asNode())))).toList();
        return Templates.render("ontology", new OntologyPage("Ontology", String.valueOf(str(onto, DCTerms.title.asNode())), TIR.ONTOLOGY,
                String.valueOf(str(onto, OWL.versionInfo.asNode())), String.valueOf(str(onto, DCTerms.description.asNode())), classes, kinds, individuals));
    }

    private List<Node> terms(Node kind) {
        return g.find(Node.ANY, RDF.type.asNode(), kind).mapWith(Triple::getSubject)
                .filterKeep(n -> n.isURI() && n.getURI().startsWith(TIR.NS)).toList().stream()
                .sorted(Comparator.comparing(Node::getURI)).toList();
    }
}
