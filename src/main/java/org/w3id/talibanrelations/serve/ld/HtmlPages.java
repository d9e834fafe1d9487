package org.w3id.talibanrelations.serve.ld;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
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
 * (and a small SVG drawn here), facts with their quotes highlighted in their surrounding text,
 * sources with their metadata, hash and text, conflicts with both sides, and the ontology's
 * documentation. Self-contained: no script, style or font from elsewhere.
 */
public final class HtmlPages {
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


    /** A whole page. */
    static String page(String title, String body) {
        return page(title, List.of(), body);
    }

    /** A page whose head also loads these style sheets of {@code /assets/} (before ours, which may refine them). */
    static String page(String title, List<String> styleSheets, String body) {
        StringBuilder links = new StringBuilder();
        for (String css : styleSheets) links.append("<link rel=\"stylesheet\" href=\"/assets/").append(esc(css)).append("\">");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>" + esc(title) + " – taliban-relations-kg</title>" + links + "<link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body>"
                + "<nav><a href=\"/\">Home</a><a href=\"/overview\">Overview</a><a href=\"/query\">Query</a><a href=\"/ontology\">Ontology</a>"
                + "<a href=\"/.well-known/void\">VoID</a><a href=\"/doc/source/international-relations-with-the-taliban\">Sources</a></nav>"
                + body + "</body></html>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The local address of one of our IRIs, so that pages link within this server. */
    static String href(Node n) {
        String u = n.getURI();
        if (u.startsWith(Ids.ID)) return "/doc/" + u.substring(Ids.ID.length());
        if (u.startsWith(TIR.NS)) return "/ontology#" + u.substring(TIR.NS.length());
        if (u.startsWith(Ids.BASE)) return "/" + u.substring(Ids.BASE.length());
        return u;
    }

    String label(Node n) {
        if (n == null) return "";
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        Node en = null, any = null;
        for (Node l : g.find(n, RDFS.label.asNode(), Node.ANY).mapWith(Triple::getObject).toList()) {
            if (any == null) any = l;
            if ("en".equals(l.getLiteralLanguage())) en = l;
        }
        if (en != null) return en.getLiteralLexicalForm();
        if (any != null) return any.getLiteralLexicalForm();
        String q = Namespaces.prefixMapping().qnameFor(n.getURI());
        return q != null ? q : n.getURI();
    }

    String link(Node n) {
        if (n.isLiteral()) return esc(n.getLiteralLexicalForm());
        return "<a href=\"" + esc(href(n)) + "\">" + esc(label(n)) + "</a>";
    }

    private Node one(Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private List<Node> all(Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
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

    private String propertyTable(Node iri, List<Node> skip) {
        StringBuilder sb = new StringBuilder("<table><tr><th>property</th><th>value</th></tr>");
        Map<String, List<String>> rows = new TreeMap<>();
        g.find(iri, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (skip.contains(t.getPredicate())) return;
            rows.computeIfAbsent(label(t.getPredicate()), k -> new ArrayList<>()).add(link(t.getObject()));
        });
        rows.forEach((p, vs) -> sb.append("<tr><td>").append(esc(p)).append("</td><td>").append(String.join("<br>", vs)).append("</td></tr>"));
        return sb.append("</table>").toString();
    }

    private String header(Node iri) {
        StringBuilder types = new StringBuilder();
        for (Node t : all(iri, RDF.type.asNode())) types.append(types.length() == 0 ? "" : ", ").append(link(t));
        return "<h1>" + esc(label(iri)) + "</h1><p class=\"sub\"><code>" + esc(iri.getURI()) + "</code> · " + types
                + " · <a href=\"" + esc(href(iri)) + ".ttl\">Turtle</a> <a href=\"" + esc(href(iri)) + ".jsonld\">JSON-LD</a></p>";
    }

    String generic(Node iri) {
        return page(label(iri), header(iri) + propertyTable(iri, List.of(RDF.type.asNode())));
    }

    // ---- actors

    private record Row(Node fact, String role, Node date, String dateText) {}

    String actor(Node iri) {
        StringBuilder sb = new StringBuilder(header(iri));
        List<Node> alt = all(iri, SKOS.altLabel.asNode());
        if (!alt.isEmpty()) sb.append("<p>Also written: ").append(esc(String.join(", ", alt.stream().map(Node::getLiteralLexicalForm).toList()))).append("</p>");
        String iso = str(iri, TIR.isoAlpha3);
        if (iso != null) sb.append("<p>ISO 3166-1 alpha-3: <code>").append(esc(iso)).append("</code></p>");
        String comment = str(iri, RDFS.comment.asNode());
        if (comment != null) sb.append("<p>").append(esc(comment)).append("</p>");

        Node member = Std.org_member, organization = Std.org_organization, role = Std.org_role;
        List<Node> posts = g.find(Node.ANY, member, iri).mapWith(Triple::getSubject).toList();
        if (!posts.isEmpty()) {
            sb.append("<h2>Posts</h2><table><tr><th>post</th><th>in</th><th>as of</th><th>source</th></tr>");
            for (Node p : posts) sb.append("<tr><td>").append(link(one(p, role))).append("</td><td>").append(link(one(p, organization)))
                    .append("</td><td>").append(dateText(p)).append("</td><td>").append(link(p)).append("</td></tr>");
            sb.append("</table>");
        }
        List<Row> rows = new ArrayList<>();
        for (Roles.Role r : roles.all())
            for (Node f : g.find(Node.ANY, r.property(), iri).mapWith(Triple::getSubject).toList())
                rows.add(new Row(f, r.label(), one(f, TIR.date), dateText(f)));
        rows.sort(Comparator.comparing((Row r) -> r.date() == null ? "9999" : r.date().getLiteralLexicalForm()).thenComparing(r -> r.fact().getURI()));
        List<Node> steps = g.find(Node.ANY, TIR.stepOf, iri).mapWith(Triple::getSubject).toList();
        List<Row> dated = rows.stream().filter(r -> r.date() != null).toList();
        List<Row> undated = rows.stream().filter(r -> r.date() == null).toList();
        sb.append("<h2>Relations in date order</h2>");
        sb.append(timeline(dated, steps));
        relationTable(sb, iri, dated);
        // Facts the text does not date are not squeezed to one end of the order: they are shown apart.
        if (!undated.isEmpty()) {
            sb.append("<h2>Relations the texts do not date</h2>");
            relationTable(sb, iri, undated);
        }
        if (!steps.isEmpty()) {
            sb.append("<h2>Stance toward the Taliban: steps on the engagement ladder</h2><table><tr><th>date</th><th>rung</th><th>from fact</th></tr>");
            steps.stream().sorted(Comparator.comparing((Node s) -> { Node d = one(s, TIR.date); return d == null ? "9999" : d.getLiteralLexicalForm(); }))
                 .forEach(s -> { Node d = one(s, TIR.date); sb.append("<tr><td>").append(d == null ? "<span class=muted>undated</span>" : esc(d.getLiteralLexicalForm().substring(0, 10)))
                         .append("</td><td>").append(link(one(s, TIR.level))).append("</td><td>").append(link(one(s, Std.prov_wasDerivedFrom))).append("</td></tr>"); });
            sb.append("</table>");
        }
        return page(label(iri), sb.toString());
    }

    /** One row per relation: date as written, class, this actor's role, the others, certainty, the fact, its quotes. */
    private void relationTable(StringBuilder sb, Node iri, List<Row> rows) {
        sb.append("<table><tr><th>date</th><th>relation</th><th>role</th><th>with</th><th>certainty</th><th>fact</th><th>evidence</th></tr>");
        for (Row r : rows) {
            Node f = r.fact();
            StringBuilder others = new StringBuilder();
            for (Node p : new Node[] { TIR.agent, TIR.counterpart, TIR.participant })
                for (Node o : all(f, p)) if (!o.equals(iri)) others.append(others.length() == 0 ? "" : ", ").append(link(o));
            String cert = str(f, TIR.certainty);
            sb.append("<tr><td>").append(r.dateText()).append("</td><td>").append(esc(relation(f))).append("</td><td>").append(esc(r.role()))
              .append("</td><td>").append(others).append("</td><td class=\"").append(esc(cert == null ? "" : cert)).append("\">").append(esc(cert == null ? "" : cert))
              .append("</td><td><a href=\"").append(esc(href(f))).append("\">").append(esc(label(f).isEmpty() ? Ids.slug(f, Ids.FACT) : label(f))).append("</a></td><td>")
              .append(evidenceLinks(f)).append("</td></tr>");
        }
        sb.append("</table>");
    }

    /** A link per quote of a fact, to the quote's place in its source's page, with the quote as its title. */
    private String evidenceLinks(Node fact) {
        List<String> links = new ArrayList<>();
        for (Node ev : all(fact, TIR.evidence)) {
            Node target = one(ev, Std.oa_hasTarget);
            if (target == null) continue;
            Node source = one(target, Std.oa_hasSource);
            String start = null, exact = null;
            for (Node sel : all(target, Std.oa_hasSelector)) {
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) start = str(sel, Std.oa_start);
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) exact = str(sel, Std.oa_exact);
            }
            if (source == null || start == null) continue;
            links.add("<a class=\"quote\" href=\"" + esc(href(source)) + "#c" + esc(start) + "\" title=\"" + esc(exact == null ? "" : exact) + "\">quote</a>");
        }
        return String.join(" ", links);
    }

    private String relation(Node fact) {
        for (Node t : all(fact, RDF.type.asNode())) if (t.getURI().startsWith(TIR.NS)) return label(t);
        return "";
    }

    private String dateText(Node fact) {
        Node time = one(fact, Std.time_hasTime);
        String text = time == null ? str(fact, TIR.dateText) : str(time, TIR.dateText);
        Node date = one(fact, TIR.date);
        if (text == null && date == null) return "<span class=muted>undated</span>";
        String inferred = time != null && one(time, TIR.dateInferred) != null ? " <span class=pill title=\"" + esc(str(time, TIR.inferenceNote)) + "\">inferred</span>" : "";
        return esc(text != null ? text : date.getLiteralLexicalForm().substring(0, 10)) + inferred;
    }

    /** The year the Taliban emerged: the actor timelines start there. */
    private static final int TALIBAN_YEAR = 1994;

    /**
     * A small timeline: one dot per dated relation, coloured by certainty, on a scale of years; above it,
     * one numbered mark per step of the actor's stance on the engagement ladder, at its rung's colour.
     */
    private String timeline(List<Row> dated, List<Node> steps) {
        if (dated.isEmpty()) return "";
        // The scale follows the actor's own dated facts from the Taliban's emergence (1994) on; older ones
        // (the Great Game, say) gather in one mark at the left edge, so they do not squeeze the rest.
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        long older = dated.stream().filter(r -> year(r.date()) < TALIBAN_YEAR).count();
        for (Row r : dated) { int y = Math.max(TALIBAN_YEAR, year(r.date())); first = Math.min(first, y); last = Math.max(last, y); }
        first -= 1; last += 1;
        List<Node> datedSteps = steps.stream().filter(st -> one(st, TIR.date) != null && year(one(st, TIR.date)) >= TALIBAN_YEAR).toList();
        int w = 900, top = datedSteps.isEmpty() ? 0 : 24, h = 70 + top, pad = 30, axis = 40 + top;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 " + w + " " + h + "\" role=\"img\" aria-label=\"timeline of relations\">");
        svg.append("<line x1=\"").append(pad).append("\" y1=\"").append(axis).append("\" x2=\"").append(w - pad).append("\" y2=\"").append(axis).append("\" stroke=\"#999\"/>");
        int span = Math.max(1, last - first);
        int step = span > 40 ? 10 : span > 15 ? 5 : 1;
        for (int y = first; y <= last; y++) if (y % step == 0) {
            double x = pad + (w - 2.0 * pad) * (y - first) / span;
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(axis - 4).append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(axis + 4).append("\" stroke=\"#999\"/>")
               .append("<text x=\"").append(fmt(x)).append("\" y=\"").append(axis + 20).append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">").append(y).append("</text>");
        }
        Map<String, String> colour = Map.of("stated", "#185", "reported", "#157", "alleged", "#a60", "denied", "#a22", "unconfirmed", "#999", "planned", "#548");
        if (older > 0)
            svg.append("<text x=\"").append(pad).append("\" y=\"").append(axis - 26).append("\" font-size=\"11\" fill=\"#555\">◀ ").append(older)
               .append(" before ").append(TALIBAN_YEAR).append(" (in the table)</text>");
        for (Row r : dated) {
            if (year(r.date()) < TALIBAN_YEAR) continue;
            double x = pad + (w - 2.0 * pad) * (yearFraction(r.date()) - first) / span;
            String cert = str(r.fact(), TIR.certainty);
            svg.append("<a href=\"").append(esc(href(r.fact()))).append("\"><circle cx=\"").append(fmt(x)).append("\" cy=\"").append(axis - 10).append("\" r=\"5\" fill=\"")
               .append(colour.getOrDefault(cert, "#333")).append("\" fill-opacity=\"0.7\"><title>").append(esc(r.date().getLiteralLexicalForm().substring(0, 10) + " " + relation(r.fact())))
               .append("</title></circle></a>");
        }
        // The ladder's rungs, lowest (designation) to highest (formal recognition), as on /overview.
        String[] rungColour = { "#a22", "#c63", "#999", "#5a8", "#185", "#157", "#135", "#113", "#000" };
        for (Node st : datedSteps) {
            Node level = one(st, TIR.level), from = one(st, Std.prov_wasDerivedFrom), date = one(st, TIR.date);
            String rank = level == null ? null : str(level, TIR.rank);
            int k = rank == null ? 0 : Math.min(rungColour.length - 1, Math.max(0, Integer.parseInt(rank)));
            double x = pad + (w - 2.0 * pad) * (yearFraction(date) - first) / span;
            svg.append("<a class=\"step\" href=\"").append(esc(from == null ? href(st) : href(from))).append("\"><rect x=\"").append(fmt(x - 6)).append("\" y=\"4\" width=\"12\" height=\"14\" rx=\"2\" fill=\"")
               .append(rungColour[k]).append("\"><title>").append(esc("step: " + (level == null ? "" : label(level)) + " (" + date.getLiteralLexicalForm().substring(0, 10) + ")"))
               .append("</title></rect><text x=\"").append(fmt(x)).append("\" y=\"15\" font-size=\"10\" text-anchor=\"middle\" fill=\"#fff\">").append(rank == null ? "?" : esc(rank)).append("</text></a>");
        }
        return svg.append("</svg>").toString();
    }

    private static double yearFraction(Node date) {
        String d = date.getLiteralLexicalForm();
        return year(date) + (Integer.parseInt(d.substring(5, 7)) - 1) / 12.0;
    }

    private static int year(Node date) { return Integer.parseInt(date.getLiteralLexicalForm().substring(0, 4)); }
    private static String fmt(double d) { return String.format(java.util.Locale.ROOT, "%.1f", d); }

    // ---- facts

    String fact(Node iri) {
        StringBuilder sb = new StringBuilder(header(iri));
        sb.append("<table>");
        List<Node> shown = new ArrayList<>(roles.properties());
        shown.addAll(List.of(TIR.location, Std.org_member, Std.org_organization, Std.org_role));
        for (Node p : shown) {
            List<Node> vs = all(iri, p);
            if (!vs.isEmpty()) sb.append("<tr><th>").append(esc(label(p))).append("</th><td>")
                    .append(String.join(", ", vs.stream().map(this::link).toList())).append("</td></tr>");
        }
        String cert = str(iri, TIR.certainty);
        sb.append("<tr><th>date</th><td>").append(dateText(iri)).append("</td></tr>");
        sb.append("<tr><th>certainty</th><td class=\"").append(esc(cert)).append("\">").append(esc(cert)).append("</td></tr>");
        sb.append("<tr><th>as of</th><td>").append(esc(str(iri, TIR.asOf).substring(0, 10))).append(one(iri, TIR.asOfInferred) != null ? " (inferred)" : "").append("</td></tr>");
        sb.append("<tr><th>source</th><td>").append(link(one(iri, Std.prov_wasDerivedFrom))).append("</td></tr>");
        for (Node p : new Node[] { TIR.topic, TIR.count, TIR.percentage, TIR.amount, TIR.resolution, TIR.votePosition, TIR.supportKind, TIR.denies, RDFS.comment.asNode() }) {
            List<Node> vs = all(iri, p);
            if (!vs.isEmpty()) sb.append("<tr><th>").append(esc(label(p))).append("</th><td>").append(String.join(", ", vs.stream().map(this::link).toList())).append("</td></tr>");
        }
        sb.append("<tr><th>curated at</th><td><code>").append(esc(str(iri, TIR.curatedAt))).append("</code></td></tr></table>");

        sb.append("<h2>Evidence</h2>");
        for (Node ev : all(iri, TIR.evidence)) {
            Node target = one(ev, Std.oa_hasTarget), source = one(target, Std.oa_hasSource);
            Node quote = null, position = null;
            for (Node sel : all(target, Std.oa_hasSelector)) {
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) quote = sel;
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) position = sel;
            }
            int start = Integer.parseInt(str(position, Std.oa_start)), end = Integer.parseInt(str(position, Std.oa_end));
            sb.append("<div class=\"ctx\">").append(context(source, start, end, str(quote, Std.oa_prefix), str(quote, Std.oa_exact), str(quote, Std.oa_suffix)))
              .append("</div><p class=\"muted\">").append(link(source)).append(", code points ").append(start).append("–").append(end)
              .append(" · <a href=\"").append(esc(href(source))).append("#c").append(start).append("\">in the text</a></p>");
        }
        // Each conflict once, with what disagrees with what (its label), however many graphs or sides name the fact.
        List<Node> conflicts = g.find(Node.ANY, TIR.conflictingFact, iri).mapWith(Triple::getSubject).toList()
                .stream().distinct().sorted(java.util.Comparator.comparing(Node::getURI)).toList();
        if (!conflicts.isEmpty()) {
            sb.append("<h2>Disagreements</h2><ul>");
            for (Node c : conflicts) sb.append("<li>").append(link(c)).append("</li>");
            sb.append("</ul>");
        }
        return page(label(iri).isEmpty() ? Ids.slug(iri, Ids.FACT) : label(iri), sb.toString());
    }

    /** The quote highlighted in up to 200 characters of text on each side (or its stored prefix and suffix). */
    private String context(Node source, int start, int end, String prefix, String exact, String suffix) {
        String text = text(source);
        if (text != null) {
            int[] cps = text.codePoints().toArray();
            if (end <= cps.length && new String(cps, start, end - start).equals(exact)) {
                int a = Math.max(0, start - 200), b = Math.min(cps.length, end + 200);
                return (a > 0 ? "… " : "") + esc(new String(cps, a, start - a)) + "<mark>" + esc(exact) + "</mark>" + esc(new String(cps, end, b - end)) + (b < cps.length ? " …" : "");
            }
        }
        return "… " + esc(prefix) + "<mark>" + esc(exact) + "</mark>" + esc(suffix) + " …";
    }

    /** A source's stored text, as published with the data (tir:text), or null. */
    private String text(Node source) {
        return texts.computeIfAbsent(source, src -> {
            Node text = one(src, TIR.text);
            return text == null ? null : str(text, CNT.chars);
        });
    }

    // ---- sources

    String source(Node iri) {
        StringBuilder sb = new StringBuilder(header(iri));
        sb.append(propertyTable(iri, List.of(RDF.type.asNode())));
        List<Node> facts = g.find(Node.ANY, Std.prov_wasDerivedFrom, iri).mapWith(Triple::getSubject)
                .filterKeep(f -> f.getURI().startsWith(Ids.FACT)).toList();
        sb.append("<h2>").append(facts.size()).append(" facts taken from it</h2>");
        String text = text(iri);
        if (text != null) {
            // The text, every quote marked and anchored at its first code point.
            TreeMap<Integer, Integer> spans = new TreeMap<>();
            for (Node f : facts)
                for (Node ev : all(f, TIR.evidence))
                    for (Node sel : all(one(ev, Std.oa_hasTarget), Std.oa_hasSelector))
                        if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector))
                            spans.merge(Integer.parseInt(str(sel, Std.oa_start)), Integer.parseInt(str(sel, Std.oa_end)), Math::max);
            int[] cps = text.codePoints().toArray();
            StringBuilder t = new StringBuilder("<pre class=\"text\">");
            int at = 0;
            for (var e : spans.entrySet()) {
                int s = e.getKey(), end = e.getValue();
                if (s < at) { t.append("<a id=\"c").append(s).append("\"></a>"); continue; }
                t.append(esc(new String(cps, at, s - at))).append("<a id=\"c").append(s).append("\"></a><mark>").append(esc(new String(cps, s, end - s))).append("</mark>");
                at = end;
            }
            t.append(esc(new String(cps, at, cps.length - at))).append("</pre>");
            sb.append("<p>The text as stored, with every quoted passage marked.</p>").append(t);
        } else {
            sb.append("<ul>");
            facts.stream().sorted(Comparator.comparing(Node::getURI)).forEach(f -> sb.append("<li>").append(link(f)).append("</li>"));
            sb.append("</ul>");
        }
        return page(label(iri), sb.toString());
    }

    // ---- conflicts

    String conflict(Node iri) {
        StringBuilder sb = new StringBuilder(header(iri));
        String explanation = str(iri, TIR.explanation);
        if (explanation != null) sb.append("<p><strong>Curator's explanation:</strong> ").append(esc(explanation)).append("</p>");
        sb.append("<p class=muted>Found by <code>").append(esc(String.valueOf(str(iri, TIR.detectedBy)))).append("</code>. Both sides stay in the graph.</p>");
        sb.append("<table><tr><th>fact</th><th>date</th><th>certainty</th><th>source</th><th>words</th></tr>");
        for (Node f : all(iri, TIR.conflictingFact)) {
            StringBuilder quotes = new StringBuilder();
            for (Node ev : all(f, TIR.evidence))
                for (Node sel : all(one(ev, Std.oa_hasTarget), Std.oa_hasSelector))
                    if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) quotes.append("<div>“").append(esc(str(sel, Std.oa_exact))).append("”</div>");
            sb.append("<tr><td>").append(link(f)).append("</td><td>").append(dateText(f)).append("</td><td>").append(esc(String.valueOf(str(f, TIR.certainty))))
              .append("</td><td>").append(link(one(f, Std.prov_wasDerivedFrom))).append("</td><td>").append(quotes).append("</td></tr>");
        }
        return page(label(iri), sb.append("</table>").toString());
    }

    // ---- ontology documentation

    String ontology() {
        StringBuilder sb = new StringBuilder();
        Node onto = org.apache.jena.graph.NodeFactory.createURI(TIR.ONTOLOGY);
        sb.append("<h1>").append(esc(String.valueOf(str(onto, org.apache.jena.vocabulary.DCTerms.title.asNode())))).append("</h1><p class=sub><code>")
          .append(esc(TIR.ONTOLOGY)).append("</code> · version ").append(esc(String.valueOf(str(onto, OWL.versionInfo.asNode()))))
          .append(" · <a href=\"/ontology.ttl\">Turtle</a> <a href=\"/ontology.rdf\">RDF/XML</a></p><p>")
          .append(esc(String.valueOf(str(onto, org.apache.jena.vocabulary.DCTerms.description.asNode())))).append("</p>");
        List<Node> classes = terms(OWL.Class.asNode());
        sb.append("<h2>Classes</h2><table><tr><th>class</th><th>definition</th><th>subclass of</th><th>example from the corpus</th></tr>");
        for (Node c : classes) {
            StringBuilder sup = new StringBuilder();
            for (Node s : all(c, RDFS.subClassOf.asNode())) sup.append(sup.length() == 0 ? "" : ", ").append(link(s));
            Node dp = one(c, TIR.directProperty), lv = one(c, TIR.engagementLevel);
            sb.append("<tr id=\"").append(esc(c.getLocalName())).append("\"><td><code>tir:").append(esc(c.getLocalName())).append("</code><br>").append(esc(label(c)))
              .append("</td><td>").append(esc(String.valueOf(str(c, SKOS.definition.asNode()))))
              .append(dp == null ? "" : "<br><span class=muted>direct property: " + link(dp) + "</span>")
              .append(lv == null ? "" : "<br><span class=muted>engagement ladder: " + link(lv) + "</span>")
              .append("</td><td>").append(sup).append("</td><td>").append(esc(str(c, SKOS.example.asNode()) == null ? "" : "“" + str(c, SKOS.example.asNode()) + "”")).append("</td></tr>");
        }
        sb.append("</table>");
        for (Node kind : new Node[] { OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode(), OWL.AnnotationProperty.asNode() }) {
            sb.append("<h2>").append(kind.getLocalName().replace("Property", " properties")).append("</h2><table><tr><th>property</th><th>definition</th><th>domain</th><th>range</th></tr>");
            for (Node p : terms(kind))
                sb.append("<tr id=\"").append(esc(p.getLocalName())).append("\"><td><code>tir:").append(esc(p.getLocalName())).append("</code><br>").append(esc(label(p)))
                  .append("</td><td>").append(esc(String.valueOf(str(p, SKOS.definition.asNode())))).append("</td><td>")
                  .append(one(p, RDFS.domain.asNode()) == null ? "" : link(one(p, RDFS.domain.asNode()))).append("</td><td>")
                  .append(one(p, RDFS.range.asNode()) == null ? "" : link(one(p, RDFS.range.asNode()))).append("</td></tr>");
            sb.append("</table>");
        }
        sb.append("<h2>Individuals</h2><table><tr><th>individual</th><th>definition</th></tr>");
        for (Node i : terms(OWL.NamedIndividual.asNode()))
            sb.append("<tr id=\"").append(esc(i.getLocalName())).append("\"><td><code>tir:").append(esc(i.getLocalName())).append("</code><br>").append(esc(label(i)))
              .append("</td><td>").append(esc(String.valueOf(str(i, SKOS.definition.asNode())))).append("</td></tr>");
        return page("Ontology", sb.append("</table>").toString());
    }

    private List<Node> terms(Node kind) {
        return g.find(Node.ANY, RDF.type.asNode(), kind).mapWith(Triple::getSubject)
                .filterKeep(n -> n.isURI() && n.getURI().startsWith(TIR.NS)).toList().stream()
                .sorted(Comparator.comparing(Node::getURI)).toList();
    }
}
