package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * One test per entry of {@code src/test/resources/broken/manifest.ttl}: the entry's folder is laid
 * over the fixture project, and the build must report exactly the problems of its
 * {@code expected-problems.txt}, no more, no fewer (see {@link ProblemManifest}).
 * {@link WriteExpectedProblems} rewrites those files from the current build.
 */
class BrokenInputsTest {
    static final Path CASES = Path.of("src/test/resources/broken");
    static final Path MANIFEST = CASES.resolve("manifest.ttl");

    @TempDir Path tmp;

    @Test
    void fixtureAloneIsValid(@TempDir Path dir) {
        KgBuild build = KgBuild.run(TestProjects.fixture(dir));
        List<Problem> problems = KgValidator.validate(Scope.whole(build));
        assertEquals(List.of(), problems, "the fixture must be valid, so that each broken case fails for its own reason");
        assertEquals(2, build.facts().size());
    }

    @Test
    void theManifestListsEveryCaseFolderAndNoOther() throws IOException {
        TreeSet<String> listed = ProblemManifest.entries(MANIFEST).stream().map(e -> e.caseDir().getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> folders = ProblemManifest.caseFolders(CASES);
        assertEquals(List.of(), folders.stream().filter(f -> !listed.contains(f)).toList(), "case folders that " + MANIFEST + " does not list");
        assertEquals(List.of(), listed.stream().filter(f -> !folders.contains(f)).toList(), "entries of " + MANIFEST + " whose folder is missing");
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenInputGivesExactlyItsProblems() {
        List<ProblemManifest.Entry> entries = ProblemManifest.entries(MANIFEST);
        assertFalse(entries.isEmpty());
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.name(), e.caseDir().toUri(),
                () -> assertEquals(ProblemManifest.expected(e), ProblemManifest.actual(tmp, e.caseDir()), e.comment())));
    }
}
