package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/**
 * One test per lint (a QC rule {@code shapes/qc/NAME-violation.rq} that enforces data/CURATION.md): the
 * folder {@code src/test/resources/lints/NAME/} holds facts (and actors) laid over the fixture project and
 * the lint source ({@code src/test/resources/lint-source/}). Facts whose slug starts with {@code fires-}
 * must be flagged, those starting with {@code passes-} must not, and {@code expect.txt} gives the
 * complete list of problems the build reports, in order, one {@code file:line: message} per line (the
 * test writes what it got to {@code target/lints-actual/NAME.txt}).
 */
class LintsTest {
    private static final Path CASES = Path.of("src/test/resources/lints");
    private static final Path LINT_SOURCE = Path.of("src/test/resources/lint-source");

    @TempDir Path tmp;

    private static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Every lint (a QC rule whose header starts "# Lint") has a case, and every case is of a lint. */
    @Test
    void everyLintHasACase() throws IOException {
        Set<String> lints = new TreeSet<>();
        for (Path p : Layout.files(TestProjects.REAL.qcRules(), "-violation.rq"))
            if (Files.readString(p).startsWith("# Lint ")) lints.add(p.getFileName().toString().replaceFirst("-violation[.]rq$", ""));
        Set<String> cases = cases().stream().map(c -> c.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(lints, cases, "one case folder per lint of shapes/qc/");
        assertTrue(lints.size() >= 14, "the lints of data/CURATION.md");
    }

    @TestFactory
    Stream<DynamicTest> eachLintFiresExactlyOnItsCase() throws IOException {
        List<Path> cases = cases();
        assertFalse(cases.isEmpty());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), c.toUri(), () -> check(c)));
    }

    private void check(Path caseDir) throws IOException {
        String lint = caseDir.getFileName().toString();
        Path work = Files.createTempDirectory(tmp, lint);
        Layout layout = TestProjects.fixture(work, LINT_SOURCE, overlay(caseDir));
        KgBuild build = KgBuild.run(layout);
        List<String> problems = KgValidator.validate(Scope.whole(build)).stream().map(Object::toString).toList();
        // What the build said, for a curator updating expect.txt after reading it.
        Path actual = Path.of("target/lints-actual", lint + ".txt");
        Files.createDirectories(actual.getParent());
        Files.write(actual, problems);
        List<String> expected = Files.readAllLines(caseDir.resolve("expect.txt")).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(expected, problems, "the complete list of problems on the case " + lint);

        Set<String> flagged = new TreeSet<>(), fires = new TreeSet<>(), passes = new TreeSet<>();
        Matcher m = Pattern.compile("QC " + Pattern.quote(lint) + "-violation[.]rq: entity=(?:fact|place):([a-z0-9-]+)").matcher(String.join("\n", problems));
        while (m.find()) flagged.add(m.group(1));
        for (String p : problems) assertTrue(p.contains("QC " + lint + "-violation.rq: "), "only the case's lint fires: " + p);
        Matcher d = Pattern.compile("(?m)^(?:fact|place):((fires|passes)-[a-z0-9-]+)").matcher(facts(caseDir));
        while (d.find()) (d.group(2).equals("fires") ? fires : passes).add(d.group(1));
        assertFalse(fires.isEmpty(), "the case has a fact the lint must flag");
        assertFalse(passes.isEmpty(), "the case has a fact the lint must let through");
        Set<String> flaggedFacts = new TreeSet<>(flagged);
        flaggedFacts.retainAll(passes);
        assertEquals(Set.of(), flaggedFacts, "facts that must pass");
        Set<String> missed = new TreeSet<>(fires);
        missed.removeAll(flagged);
        assertEquals(Set.of(), missed, "facts that must be flagged");
    }

    private static String facts(Path caseDir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(caseDir.resolve("data"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) sb.append(Files.readString(p)).append('\n');
        }
        return sb.toString();
    }

    /** The case folder without its expect.txt, as an overlay. */
    private Path overlay(Path caseDir) throws IOException {
        Path o = Files.createTempDirectory(tmp, "overlay");
        TestProjects.copyTree(caseDir, o);
        Files.delete(o.resolve("expect.txt"));
        return o;
    }
}
