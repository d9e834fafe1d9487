package org.w3id.talibanrelations.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDF2;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.SyntheticCorpus;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.publish.CanonicalSink;
import org.w3id.talibanrelations.publish.Publisher;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * The low-memory build gives what the in-memory build gives: the same problems, and when there are
 * none, the same quads and the same bytes in kg.trig, ontology.ttl and kg-flat.ttl. One test per project: the real one, a synthetic corpus, the fixture with each
 * broken case of {@code src/test/resources/broken/}, and partitions that point at each other.
 */
class LowMemoryBuildTest {
    private static final Path CASES = Path.of("src/test/resources/broken");

    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> sameProblemsAndQuadsAsTheInMemoryBuild() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("real project", () -> same(new Layout(Path.of("").toAbsolutePath()), true)));
        tests.add(DynamicTest.dynamicTest("synthetic corpus, 1,200 facts", () -> {
            Path root = tmp.resolve("synthetic");
            SyntheticCorpus.write(root, 1200, 5);
            same(new Layout(root), true);
        }));
        try (Stream<Path> s = Files.list(CASES)) {
            for (Path c : s.filter(Files::isDirectory).sorted().toList())
                tests.add(DynamicTest.dynamicTest("broken/" + c.getFileName(), c.toUri(),
                        () -> same(TestProjects.fixtureWithCase(tmp, c), false)));
        }
        return tests.stream();
    }

    /** A conflict recorded by hand (data/conflicts/): published alike, with its file and line, by both builds. */
    @Test
    void aCuratedConflictIsPublishedAlike() throws IOException {
        Layout layout = TestProjects.fixture(tmp.resolve("curated"), Path.of("src/test/resources/curated-conflict"));
        assertEquals(List.of(), same(layout, true));
        DatasetGraph streamed = DatasetGraphFactory.createGeneral();
        LowMemoryBuild.run(layout, StreamRDFLib.dataset(streamed));
        assertTrue(streamed.contains(org.apache.jena.graph.NodeFactory.createURI(org.w3id.talibanrelations.vocabulary.Ids.GRAPH + "conflicts"),
                org.apache.jena.graph.NodeFactory.createURI(org.w3id.talibanrelations.vocabulary.Ids.CONFLICT + "curated-fixture-recognition-and-handover"),
                org.w3id.talibanrelations.vocabulary.TIR.curatedAt,
                org.apache.jena.graph.NodeFactory.createLiteralString("data/conflicts/curated.ttl:7")));
    }

    /** A denial in the first folder of a fact in the last: checked once the fact is read. */
    @Test
    void aPartitionPointingAtALaterOneIsCheckedWhenThatOneIsRead() throws IOException {
        Layout valid = TestProjects.fixture(tmp.resolve("ahead"));
        writeFacts(valid, "a-first", """
            fact:ahead-denial a tir:DeFactoTies ; tir:agent actor:pakistan ; tir:counterpart actor:islamic-emirate-of-afghanistan ;
                cur:date "2025" ; tir:dateText "2025" ; tir:certainty tir:denied ; tir:denies fact:ahead-allegation ;
                prov:wasDerivedFrom source:fixture-source ; cur:quote "The end." .
            """);
        writeFacts(valid, "z-last", """
            fact:ahead-allegation a tir:DeFactoTies ; tir:agent actor:pakistan ; tir:counterpart actor:islamic-emirate-of-afghanistan ;
                cur:date "2025" ; tir:dateText "2025" ; tir:certainty tir:alleged ;
                prov:wasDerivedFrom source:fixture-source ; cur:quote "The end." .
            """);
        assertEquals(List.of(), same(valid, true));

        // Denying an actor, not a fact: the shape on tir:denies finds it, in either build.
        Layout broken = TestProjects.fixture(tmp.resolve("wrong-target"));
        writeFacts(broken, "a-first", """
            fact:ahead-denial a tir:DeFactoTies ; tir:agent actor:pakistan ; tir:counterpart actor:islamic-emirate-of-afghanistan ;
                cur:date "2025" ; tir:dateText "2025" ; tir:certainty tir:denied ; tir:denies actor:russia ;
                prov:wasDerivedFrom source:fixture-source ; cur:quote "The end." .
            """);
        List<String> problems = same(broken, false);
        assertTrue(problems.stream().anyMatch(p -> p.contains("a-first/facts.ttl") && p.contains("ahead-denial")), () -> String.join("\n", problems));
    }

    /** A rule that names a predicate nothing else names: the projection keeps it, and the rule finds its rows. */
    @Test
    void theProjectionKeepsWhatARuleNames() throws IOException {
        Layout layout = TestProjects.fixture(tmp.resolve("rule"));
        Files.createDirectories(layout.rules().resolve("quoted"));
        Files.writeString(layout.rules().resolve("quoted/quotes.rq"), """
            PREFIX tir: <https://w3id.org/taliban-relations/ontology#>
            PREFIX oa:  <http://www.w3.org/ns/oa#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            CONSTRUCT { ?q rdfs:comment ?exact } WHERE {
              ?f tir:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?exact .
              BIND(IRI(CONCAT("https://w3id.org/taliban-relations/id/quoted/", SUBSTR(SHA256(STR(?f)), 1, 12))) AS ?q)
            }
            """);
        same(layout, true);
        LowMemoryBuild.Result r = LowMemoryBuild.run(layout, null);
        assertFalse(r.build().dataset().getGraph(org.apache.jena.graph.NodeFactory.createURI(
                org.w3id.talibanrelations.vocabulary.Ids.GRAPH + "quoted")).isEmpty(), "the rule saw the quotes");
    }

    /** A rule that adds to a fact: counted wrong if allowed, so the low-memory build says so. */
    @Test
    void aRuleThatAddsToAFactIsRefused() throws IOException {
        Layout layout = TestProjects.fixture(tmp.resolve("adds"));
        Files.createDirectories(layout.rules().resolve("notes"));
        Files.writeString(layout.rules().resolve("notes/note.rq"), """
            PREFIX tir: <https://w3id.org/taliban-relations/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            CONSTRUCT { ?f rdfs:comment "noted" } WHERE { ?f tir:certainty tir:stated }
            """);
        assertEquals(List.of(), KgValidator.validate(Scope.whole(KgBuild.run(layout))));
        List<Problem> problems = LowMemoryBuild.run(layout, null).problems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("only the facts' own files describe a fact"), problems::toString);
    }

    private static void writeFacts(Layout layout, String folder, String body) throws IOException {
        Path dir = layout.facts().resolve(folder);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("facts.ttl"), """
            @prefix tir:    <https://w3id.org/taliban-relations/ontology#> .
            @prefix cur:    <https://w3id.org/taliban-relations/curation#> .
            @prefix fact:   <https://w3id.org/taliban-relations/id/fact/> .
            @prefix actor:  <https://w3id.org/taliban-relations/id/actor/> .
            @prefix source: <https://w3id.org/taliban-relations/id/source/> .
            @prefix prov:   <http://www.w3.org/ns/prov#> .
            """ + body);
    }

    /**
     * Runs both builds; fails on any difference of problems, quads, or the bytes of the published files;
     * returns the problems (sorted).
     */
    private List<String> same(Layout layout, boolean expectValid) throws IOException {
        KgBuild inMemory = KgBuild.run(layout);
        List<String> expected = sorted(KgValidator.validate(Scope.whole(inMemory)));
        DatasetGraph streamed = DatasetGraphFactory.createGeneral();
        try (CanonicalSink sink = CanonicalSink.create()) {
            LowMemoryBuild.Result low = LowMemoryBuild.run(layout, new StreamRDF2(StreamRDFLib.dataset(streamed), sink));
            List<String> actual = sorted(low.problems());
            assertEquals(String.join("\n", expected), String.join("\n", actual), "problems");
            assertEquals(expectValid, expected.isEmpty(), () -> "problems: " + expected);
            if (!expected.isEmpty()) return actual;

            // What the in-memory build publishes, read back, against what the low-memory build sent.
            Path out = Files.createTempDirectory(tmp, "published");
            Publisher.publish(inMemory.dataset(), out);
            DatasetGraph published = RDFDataMgr.loadDatasetGraph(out.resolve(Publisher.DATASET).toString());
            Set<String> want = quads(published), got = quads(streamed);
            if (!want.equals(got)) {
                Set<String> missing = new TreeSet<>(want), extra = new TreeSet<>(got);
                missing.removeAll(got);
                extra.removeAll(want);
                fail("quads differ: " + missing.size() + " missing, " + extra.size() + " extra\n  missing: "
                        + String.join("\n  missing: ", missing.stream().limit(10).toList()) + "\n  extra: "
                        + String.join("\n  extra: ", extra.stream().limit(10).toList()));
            }
            assertEquals(want.size(), low.quads(), "quads sent, each once");

            // And the files the low-memory build publishes are the same bytes.
            Path lowOut = Files.createTempDirectory(tmp, "published-low-memory");
            sink.publish(lowOut);
            for (String f : new String[] { Publisher.DATASET, Publisher.ONTOLOGY, Publisher.FLAT })
                assertEquals(-1L, Files.mismatch(out.resolve(f), lowOut.resolve(f)), f + ": the same bytes in both modes");
            return actual;
        }
    }

    private static List<String> sorted(List<Problem> problems) {
        return problems.stream().map(Object::toString).sorted().toList();
    }

    private static Set<String> quads(DatasetGraph dsg) {
        Set<String> out = new TreeSet<>();
        dsg.find().forEachRemaining(q -> out.add(FmtUtils.stringForQuad(q)));
        return out;
    }
}
