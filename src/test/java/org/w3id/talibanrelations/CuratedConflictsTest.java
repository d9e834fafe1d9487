package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
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
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Conflicts recorded by hand in {@code data/conflicts/}: a well-formed one is published in the conflicts
 * graph as written, with its file and line and the file that records it; the broken ones are the
 * {@code curated-conflict-*} cases of {@code src/test/resources/broken/}.
 */
class CuratedConflictsTest {
    private static final Path CASE = Path.of("src/test/resources/curated-conflict");
    private static final Node CONFLICTS = NodeFactory.createURI(Ids.GRAPH + "conflicts");
    private static final Node CONFLICT = NodeFactory.createURI(Ids.CONFLICT + "curated-fixture-recognition-and-handover");

    @TempDir Path tmp;

    @Test
    void aCuratedConflictIsPublishedWithItsFileAndLine() {
        KgBuild build = KgBuild.run(TestProjects.fixture(tmp, CASE));
        assertEquals(List.of(), KgValidator.validate(build));
        Graph g = build.dataset().getGraph(CONFLICTS);
        assertTrue(g.contains(CONFLICT, RDF.type.asNode(), NodeFactory.createURI(TIR.NS + "IncompatibleStances")));
        assertEquals(Set.of(Ids.FACT + "fixture-russia-recognizes-iea", Ids.FACT + "fixture-pakistan-hands-embassy"),
                new TreeSet<>(g.find(CONFLICT, TIR.conflictingFact, Node.ANY).mapWith(t -> t.getObject().getURI()).toList()));
        assertEquals(List.of("data/conflicts/curated.ttl:7"), strings(g, TIR.curatedAt));
        assertEquals(List.of("data/conflicts/curated.ttl"), strings(g, TIR.detectedBy), "recorded by hand: it names its file, as a rule's conflicts name the rule");
        assertEquals(1, strings(g, RDFS.label.asNode()).size());
        assertEquals(1, strings(g, TIR.explanation).size());
        assertEquals(7, g.find(CONFLICT, Node.ANY, Node.ANY).toList().size(), "what is written, and where, nothing else");
        assertEquals("data/conflicts/curated.ttl:7", build.declaredAt(CONFLICT), "problems found later on it point at its record");
        assertTrue(build.served().getDefaultGraph().contains(CONFLICT, TIR.curatedAt, Node.ANY), "the endpoint's default graph has it");
    }

    /** tir:Conflict itself names no kind. */
    @Test
    void theClassIsAKindOfConflictNotConflictItself() throws Exception {
        Layout layout = TestProjects.fixture(tmp, CASE);
        Path file = layout.conflictNotes().resolve("curated.ttl");
        Files.writeString(file, Files.readString(file).replace("a tir:IncompatibleStances", "a tir:Conflict"));
        List<Problem> problems = KgValidator.validate(KgBuild.run(layout));
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("data/conflicts/curated.ttl") && p.line() == 7
                && p.message().contains("not a conflict class")), problems::toString);
    }

    /** A record with no class and no facts, under a curated- slug, is a curated conflict, not a note. */
    @Test
    void aCuratedSlugIsACuratedConflict() throws Exception {
        Layout layout = TestProjects.fixture(tmp, CASE);
        Files.writeString(layout.conflictNotes().resolve("notes.ttl"), """
            @prefix tir:      <https://w3id.org/taliban-relations/ontology#> .
            @prefix conflict: <https://w3id.org/taliban-relations/id/conflict/> .
            conflict:curated-only-an-explanation tir:explanation "Nothing else."@en .
            """);
        List<String> problems = KgValidator.validate(KgBuild.run(layout)).stream().map(Object::toString).toList();
        for (String expected : new String[] { "no class", "fewer than two facts", "no label" })
            assertTrue(problems.stream().anyMatch(p -> p.startsWith("data/conflicts/notes.ttl:3: ") && p.contains(expected)), () -> expected + " in " + problems);
    }

    private static List<String> strings(Graph g, Node p) {
        return g.find(CONFLICT, p, Node.ANY).mapWith(Triple::getObject).mapWith(Node::getLiteralLexicalForm).toList();
    }
}
