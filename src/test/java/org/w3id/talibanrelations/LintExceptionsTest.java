package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.build.LowMemoryBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.Ids;

/**
 * data/lint-exceptions.tsv silences one lint for one fact, in both build modes, and is published. (Its
 * malformed and stale entries are broken inputs: src/test/resources/broken/lint-exception-*.)
 */
class LintExceptionsTest {
    /** A consulate handover whose words say embassy: mission-kind fires on it, and only it. */
    private static final String FACT = """
            @prefix tir:    <https://w3id.org/taliban-relations/ontology#> .
            @prefix cur:    <https://w3id.org/taliban-relations/curation#> .
            @prefix fact:   <https://w3id.org/taliban-relations/id/fact/> .
            @prefix actor:  <https://w3id.org/taliban-relations/id/actor/> .
            @prefix source: <https://w3id.org/taliban-relations/id/source/> .
            @prefix prov:   <http://www.w3.org/ns/prov#> .

            fact:x-pakistan-hands-consulate a tir:ConsulateHandover ;
                tir:agent actor:pakistan ;
                tir:counterpart actor:islamic-emirate-of-afghanistan ;
                cur:date "unknown" ;
                tir:certainty tir:stated ;
                prov:wasDerivedFrom source:fixture-source ;
                cur:evidence [ cur:quote "Pakistan handed over the embassy." ; cur:occurrence 1 ] .
            """;
    /** The one problem the fact gets without an exception: mission-kind's row, at the fact's record. */
    private static final String FIRES_AT = "data/facts/fixture-source/x.ttl:8: QC mission-kind-violation.rq: entity=fact:x-pakistan-hands-consulate, class=tir:ConsulateHandover";

    private static Layout project(Path dir, String exceptions) throws Exception {
        Layout layout = TestProjects.fixture(dir);
        Files.writeString(layout.facts().resolve("fixture-source/x.ttl"), FACT);
        if (exceptions != null) Files.writeString(layout.lintExceptions(), exceptions);
        return layout;
    }

    private static List<String> problems(Layout layout) {
        return KgValidator.validate(Scope.whole(KgBuild.run(layout))).stream().map(Problem::toString).sorted().toList();
    }

    @Test
    void withoutAnExceptionTheLintFires(@TempDir Path dir) throws Exception {
        List<String> p = problems(project(dir, null));
        assertEquals(List.of(FIRES_AT), p);
    }

    @Test
    void anExceptionSilencesItsLintOnItsFactInBothModes(@TempDir Path dir) throws Exception {
        String tsv = "lint\tfact\treason\nmission-kind\tfact:x-pakistan-hands-consulate\tthe text calls the consulate an embassy\n";
        Layout layout = project(dir, tsv);
        assertEquals(List.of(), problems(layout));
        assertEquals(List.of(), LowMemoryBuild.run(layout, null).problems().stream().map(Problem::toString).toList());
    }

    @Test
    void anExceptionForAnotherLintSilencesNothingAndIsStale(@TempDir Path dir) throws Exception {
        String tsv = "lint\tfact\treason\nabstract-class\tfact:x-pakistan-hands-consulate\twrong lint\n";
        List<String> p = problems(project(dir, tsv));
        assertEquals(List.of(FIRES_AT,
                "data/lint-exceptions.tsv:2: stale exception: abstract-class no longer fires on fact:x-pakistan-hands-consulate; remove the line"), p);
    }

    @Test
    void theExceptionsArePublished(@TempDir Path dir) throws Exception {
        String tsv = "lint\tfact\treason\nmission-kind\tfact:x-pakistan-hands-consulate\tthe text calls the consulate an embassy\n";
        KgBuild build = KgBuild.run(project(dir, tsv));
        Graph files = build.dataset().getGraph(Ids.GRAPH_FILES);
        List<Node> chars = files.find(Ids.LINT_EXCEPTIONS, CNT.chars, Node.ANY).mapWith(Triple::getObject).toList();
        assertEquals(1, chars.size());
        assertEquals(tsv, chars.get(0).getLiteralLexicalForm());
    }
}
