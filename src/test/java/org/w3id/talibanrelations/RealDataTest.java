package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.sources.SourceDocument;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/** The project's own data builds and passes every check. */
class RealDataTest {

    @Test
    void realDataBuildsAndValidates() {
        KgBuild build = TestProjects.realBuild(); // throws with every problem listed if invalid
        assertEquals(5, build.sources().size(), "all five documents are registered");
        assertFalse(build.facts().isEmpty());
    }

    @Test
    void everySourceHasFactsInItsOwnGraph() {
        KgBuild build = TestProjects.realBuild();
        for (SourceDocument doc : build.sources().documents()) {
            var g = build.dataset().getGraph(Ids.factsGraph(doc.slug()));
            long facts = g.find(Node.ANY, Std.prov_wasDerivedFrom, doc.iri()).toList().size();
            assertTrue(facts > 0, doc.fileName() + " has no facts");
            assertEquals(facts, g.find(Node.ANY, Std.prov_wasDerivedFrom, Node.ANY).toList().size(),
                    "graph of " + doc.slug() + " holds only that source's facts");
        }
    }

    @Test
    void everyEvidenceQuoteSitsAtItsOffsets() {
        KgBuild build = TestProjects.realBuild();
        var dsg = build.dataset();
        int checked = 0;
        for (SourceDocument doc : build.sources().documents()) {
            var g = dsg.getGraph(Ids.factsGraph(doc.slug()));
            for (Node pos : g.find(Node.ANY, RDF.type.asNode(), Std.oa_TextPositionSelector).mapWith(Triple::getSubject).toList()) {
                int start = Integer.parseInt(g.find(pos, Std.oa_start, Node.ANY).next().getObject().getLiteralLexicalForm());
                int end = Integer.parseInt(g.find(pos, Std.oa_end, Node.ANY).next().getObject().getLiteralLexicalForm());
                Node quote = Ids.part(Ids.owner(pos), "quote-" + pos.getURI().substring(pos.getURI().lastIndexOf('-') + 1));
                String exact = g.find(quote, Std.oa_exact, Node.ANY).next().getObject().getLiteralLexicalForm();
                // Offsets count code points, not UTF-16 units.
                int[] cps = doc.text().codePoints().toArray();
                assertEquals(exact, new String(cps, start, end - start), pos.getURI());
                checked++;
            }
        }
        assertTrue(checked >= build.facts().size(), "every fact has at least one quote");
    }

    @Test
    void directTriplesComeOnlyFromStatedOrReportedFacts() {
        KgBuild build = TestProjects.realBuild();
        var derived = build.dataset().getGraph(Ids.GRAPH_DERIVED);
        Node russia = NodeFactory.createURI(Ids.ACTOR + "russia"), taliban = NodeFactory.createURI(Ids.ACTOR + "taliban");
        Node iea = NodeFactory.createURI(Ids.ACTOR + "islamic-emirate-of-afghanistan");
        Node supports = NodeFactory.createURI(TIR.NS + "supports"), recognizes = NodeFactory.createURI(TIR.NS + "formallyRecognizes");
        // 000 says Russia was accused of arming the Taliban (alleged), that Russia denies it (denied) and that
        // the claim is unsubstantiated (unconfirmed): none of that may become "Russia supports the Taliban".
        assertFalse(derived.contains(russia, supports, taliban), "an allegation became a direct triple");
        assertTrue(derived.contains(russia, recognizes, iea), "a stated recognition gives its direct triple");
        // Every certainty level is in use, and facts keep theirs.
        for (String level : new String[] { "stated", "reported", "alleged", "denied", "unconfirmed", "planned" })
            assertTrue(build.dataset().find(Node.ANY, Node.ANY, TIR.certainty, NodeFactory.createURI(TIR.NS + level)).hasNext(), level);
    }
}
