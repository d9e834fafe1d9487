package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
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
    void factsKeepAllSixCertaintyLevelsApartAndDeriveOnlyAssertedTriples() {
        KgBuild build = TestProjects.realBuild();
        var derived = build.dataset().getGraph(Ids.GRAPH_DERIVED);
        assertFalse(derived.isEmpty(), "direct triples are derived");
        // Every derived triple comes from a stated or reported fact of its class.
        Set<Triple> fromAsserted = new HashSet<>();
        build.dataset().find().forEachRemaining(q -> {
            Node f = q.getSubject();
            if (!q.getPredicate().equals(TIR.certainty)) return;
            if (!(q.getObject().equals(TIR.stated) || q.getObject().equals(TIR.reported))) return;
            var g = build.dataset().getGraph(q.getGraph());
            for (Node type : g.find(f, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList()) {
                Node p = build.ontology().directProperty(type);
                if (p == null) continue;
                for (Node a : g.find(f, TIR.agent, Node.ANY).mapWith(Triple::getObject).toList())
                    for (Node c : g.find(f, TIR.counterpart, Node.ANY).mapWith(Triple::getObject).toList())
                        fromAsserted.add(Triple.create(a, p, c));
            }
        });
        assertEquals(fromAsserted, derived.find().toSet());
    }
}
