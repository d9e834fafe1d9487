package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Conflicts recorded by hand in {@code data/conflicts/}: a well-formed one is published in the conflicts
 * graph as written, with its file and line and the file that records it; the broken ones (a class
 * that is no kind of conflict, or tir:Conflict itself; a curated- slug with only an explanation; …) are the
 * {@code curated-conflict-*} entries of {@code src/test/resources/broken/manifest.ttl}.
 */
class CuratedConflictsTest {
    private static final Path CASE = Path.of("src/test/resources/curated-conflict");
    private static final Node CONFLICTS = NodeFactory.createURI(Ids.GRAPH + "conflicts");
    private static final Node CONFLICT = NodeFactory.createURI(Ids.CONFLICT + "curated-fixture-recognition-and-handover");

    @TempDir Path tmp;

    @Test
    void aCuratedConflictIsPublishedWithItsFileAndLine() {
        KgBuild build = KgBuild.run(TestProjects.fixture(tmp, CASE));
        assertEquals(List.of(), KgValidator.validate(Scope.whole(build)));
        Graph g = build.dataset().getGraph(CONFLICTS);
        assertTrue(g.contains(CONFLICT, RDF.type.asNode(), NodeFactory.createURI(TIR.NS + "IncompatibleStances")));
        assertEquals(Set.of(Ids.FACT + "fixture-russia-recognizes-iea", Ids.FACT + "fixture-pakistan-hands-embassy"),
                new TreeSet<>(g.find(CONFLICT, TIR.conflictingFact, Node.ANY).mapWith(t -> t.getObject().getURI()).toList()));
        assertEquals(List.of("data/conflicts/curated.ttl:7"), strings(g, TIR.curatedAt));
        assertEquals(List.of("data/conflicts/curated.ttl"), strings(g, TIR.detectedBy), "recorded by hand: it names its file, as a rule's conflicts name the rule");
        assertEquals(1, strings(g, RDFS.label.asNode()).size());
        assertEquals(1, strings(g, TIR.explanation).size());
        assertEquals(7, g.find(CONFLICT, Node.ANY, Node.ANY).toList().size(), "what is written, and where, nothing else");
        assertEquals(new Location("data/conflicts/curated.ttl", 7), build.declaredAt(CONFLICT), "problems found later on it point at its record");
        assertTrue(build.served().getDefaultGraph().contains(CONFLICT, TIR.curatedAt, Node.ANY), "the endpoint's default graph has it");
    }

    private static List<String> strings(Graph g, Node p) {
        return g.find(CONFLICT, p, Node.ANY).mapWith(Triple::getObject).mapWith(Node::getLiteralLexicalForm).toList();
    }
}
