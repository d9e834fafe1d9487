package org.w3id.talibanrelations.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.core.CuratedFile;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Ontology;
import org.w3id.talibanrelations.core.PartialDate;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.CurationShapes;
import org.w3id.talibanrelations.sources.SourceCatalog;
import org.w3id.talibanrelations.sources.SourceDocument;
import org.w3id.talibanrelations.sources.SourceStructure;
import org.w3id.talibanrelations.vocabulary.Cur;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Expands curated fact records into the published model: the relation individual with its
 * roles, its time (OWL-Time, with precision and the date as written), its as-of date, and one
 * W3C Web Annotation per quote, located in the hash-pinned source text.
 *
 * <pre>
 *   FactExpander x = new FactExpander(ontology, actors, sources, dataset, problems, seen);
 *   x.expand(curatedFile, curationShapes.check(curatedFile));
 * </pre>
 */
public final class FactExpander {
    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    private final Ontology ontology;
    private final Graph actors;
    private final SourceCatalog sources;
    private final DatasetGraph out;
    private final List<Problem> problems;
    private final Map<Node, Location> seen;

    /**
     * @param actors the actors, posts and places, for the labels of the facts that name them
     * @param seen fact IRIs already expanded, with the file and line that declared them,
     *             shared across files to catch duplicate slugs
     */
    public FactExpander(Ontology ontology, Graph actors, SourceCatalog sources, DatasetGraph out, List<Problem> problems, Map<Node, Location> seen) {
        this.actors = actors;
        this.ontology = ontology;
        this.sources = sources;
        this.out = out;
        this.problems = problems;
        this.seen = seen;
    }

    /**
     * Expands every record of a parsed fact file that the curation shapes accepted ({@code checked}, what
     * they reported on the file); their problems, and those only the expansion can find (in the source
     * text, the calendar, other files), are collected.
     */
    public void expand(CuratedFile file, CurationShapes.Checked checked) {
        problems.addAll(checked.problems());
        Graph g = file.graph();
        List<Node> subjects = g.find().mapWith(Triple::getSubject).filterKeep(Node::isURI).toSet().stream()
                .filter(s -> !checked.rejects(s))
                .sorted(Comparator.comparing(Node::getURI)).toList();
        for (Node s : subjects) expandOne(file, s);
    }

    /** Expands one record whose form the shapes have checked: its type, terms, source, certainty, date and evidence are there. */
    private void expandOne(CuratedFile file, Node fact) {
        Graph g = file.graph();
        Location where = file.location(fact);
        String slug = Ids.slug(fact, Ids.FACT);
        Location previous = seen.putIfAbsent(fact, where);
        if (previous != null) {
            problems.add(file.at(fact, "duplicate fact id " + slug + ": already declared at " + previous));
            return;
        }
        List<Triple> own = g.find(fact, Node.ANY, Node.ANY).toList();
        // An undeclared source is the build's reference check's to report, at this line.
        SourceDocument doc = sources.byIri(g.find(fact, Std.prov_wasDerivedFrom, Node.ANY).next().getObject());
        if (doc == null) return;
        boolean ok = true;
        // The calendar: the shapes check the form of the date, not that the day exists.
        Triple dateTriple = g.find(fact, Cur.date, Node.ANY).next();
        DateSpec date = null;
        try {
            date = DateSpec.parse(dateTriple.getObject().getLiteralLexicalForm());
        } catch (IllegalArgumentException e) {
            problems.add(file.at(dateTriple, "fact " + slug + ": bad date: " + e.getMessage()));
            ok = false;
        }
        List<Triple> dateTexts = g.find(fact, TIR.dateText, Node.ANY).toList();
        // The source text: each quote found, once (or at its cur:occurrence).
        List<Quote> quotes = new ArrayList<>();
        int wanted = 0;
        for (Triple t : g.find(fact, Cur.quote, Node.ANY).toList()) {
            wanted++;
            ok &= locate(file, slug, doc, t, 0, quotes);
        }
        for (Triple t : g.find(fact, Cur.evidence, Node.ANY).toList()) {
            wanted++;
            Triple q = g.find(t.getObject(), Cur.quote, Node.ANY).next();
            var occ = g.find(t.getObject(), Cur.occurrence, Node.ANY);
            int n = occ.hasNext() ? (int) Math.min(Integer.MAX_VALUE, ((Number) occ.next().getObject().getLiteralValue()).longValue()) : 0;
            ok &= locate(file, slug, doc, q, n, quotes);
        }
        if (!ok || quotes.size() != wanted) return;

        // Publish.
        Node graphName = Ids.factsGraph(doc.slug());
        Graph pub = out.getGraph(graphName);
        for (Triple t : own) {
            Node p = t.getPredicate();
            if (p.getURI().startsWith(Cur.NS) || p.equals(TIR.dateText)) continue;
            pub.add(t);
        }
        pub.add(fact, TIR.curatedAt, NodeFactory.createLiteralString(where.toString()));
        pub.add(fact, RDFS.label.asNode(), FactLabel.of(ontology, actors, g, fact, date));
        String inferred = literal(g, fact, Cur.dateInferred);
        if (date.isUnknown()) {
            pub.add(fact, TIR.undated, TRUE);
            // Words that date the fact only partly ("On 23 September", no year) stay on the fact.
            for (Triple t : dateTexts) pub.add(fact, TIR.dateText, t.getObject());
        } else {
            Node time = Ids.part(fact, "time");
            pub.add(fact, Std.time_hasTime, time);
            pub.add(fact, TIR.date, date.start().toLiteral());
            if (date.interval()) {
                pub.add(time, RDF.type.asNode(), Std.time_ProperInterval);
                instant(pub, Ids.part(fact, "start"), date.start());
                pub.add(time, Std.time_hasBeginning, Ids.part(fact, "start"));
                if (date.end() != null) {
                    instant(pub, Ids.part(fact, "end"), date.end());
                    pub.add(time, Std.time_hasEnd, Ids.part(fact, "end"));
                    pub.add(fact, TIR.endDate, date.end().toLiteral());
                }
            } else {
                instant(pub, time, date.start());
            }
            for (Triple t : dateTexts) pub.add(time, TIR.dateText, t.getObject());
            if (inferred != null) {
                pub.add(time, TIR.dateInferred, TRUE);
                pub.add(time, TIR.inferenceNote, NodeFactory.createLiteralString(inferred));
            }
        }
        asOf(g, fact, doc, pub, file);
        quotes.sort(Comparator.comparingInt(Quote::start).thenComparingInt(Quote::end));
        for (int i = 0; i < quotes.size(); i++) annotate(pub, fact, doc, quotes.get(i), i + 1);
    }

    private void asOf(Graph g, Node fact, SourceDocument doc, Graph pub, CuratedFile file) {
        String own = literal(g, fact, Cur.asOf);
        if (own != null) {
            try {
                PartialDate d = PartialDate.parse(own);
                pub.add(fact, TIR.asOf, d.toLiteral());
                pub.add(fact, TIR.asOfPrecision, d.precision());
                return;
            } catch (IllegalArgumentException e) {
                problems.add(file.at(fact, "fact " + Ids.slug(fact, Ids.FACT) + ": bad cur:asOf: " + e.getMessage()));
                return;
            }
        }
        SourceCatalog.AsOf a = sources.asOf(doc.iri());
        if (a == null) return;
        pub.add(fact, TIR.asOf, a.date().toLiteral());
        pub.add(fact, TIR.asOfPrecision, a.date().precision());
        if (a.inferredBecause() != null) pub.add(fact, TIR.asOfInferred, TRUE);
    }

    private static void instant(Graph pub, Node node, PartialDate d) {
        pub.add(node, RDF.type.asNode(), Std.time_Instant);
        pub.add(node, TIR.inDateTime, d.toLiteral());
        pub.add(node, TIR.datePrecision, d.precision());
    }

    private boolean locate(CuratedFile file, String slug, SourceDocument doc, Triple at, int occurrence, List<Quote> quotes) {
        try {
            quotes.add(Quote.locate(doc, at.getObject().getLiteralLexicalForm(), occurrence));
            return true;
        } catch (Quote.NotFound e) {
            problems.add(file.at(at, "fact " + slug + ": " + e.getMessage()));
            return false;
        }
    }

    private static void annotate(Graph pub, Node fact, SourceDocument doc, Quote q, int n) {
        Node ann = Ids.part(fact, "evidence-" + n);
        Node target = Ids.part(fact, "target-" + n);
        Node quote = Ids.part(fact, "quote-" + n);
        Node position = Ids.part(fact, "position-" + n);
        pub.add(fact, TIR.evidence, ann);
        pub.add(ann, RDF.type.asNode(), Std.oa_Annotation);
        pub.add(ann, RDF.type.asNode(), TIR.Evidence);
        pub.add(ann, Std.oa_motivatedBy, Std.oa_describing);
        pub.add(ann, Std.oa_hasBody, fact);
        pub.add(ann, Std.oa_hasTarget, target);
        pub.add(target, RDF.type.asNode(), Std.oa_SpecificResource);
        pub.add(target, Std.oa_hasSource, doc.iri());
        pub.add(target, Std.oa_hasSelector, quote);
        pub.add(target, Std.oa_hasSelector, position);
        pub.add(quote, RDF.type.asNode(), Std.oa_TextQuoteSelector);
        pub.add(quote, Std.oa_exact, NodeFactory.createLiteralString(q.exact()));
        pub.add(quote, Std.oa_prefix, NodeFactory.createLiteralString(q.prefix()));
        pub.add(quote, Std.oa_suffix, NodeFactory.createLiteralString(q.suffix()));
        pub.add(position, RDF.type.asNode(), Std.oa_TextPositionSelector);
        pub.add(position, Std.oa_start, NodeFactory.createLiteralDT(Integer.toString(q.start()), XSDDatatype.XSDnonNegativeInteger));
        pub.add(position, Std.oa_end, NodeFactory.createLiteralDT(Integer.toString(q.end()), XSDDatatype.XSDnonNegativeInteger));
        // Where in its source the quote is, from the source's own structure: the target names the
        // innermost section and the table row, the fact the section (a shortcut for queries).
        SourceStructure structure = doc.structure();
        SourceStructure.Section section = structure.sectionOf(q.start(), q.end());
        if (section != null) {
            pub.add(target, TIR.inSection, section.iri());
            pub.add(fact, TIR.inSection, section.iri());
        }
        SourceStructure.Row row = structure.rowOf(q.start(), q.end());
        if (row != null) pub.add(target, TIR.inTableRow, row.iri());
    }

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
