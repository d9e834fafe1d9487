package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;

/**
 * One test per folder of {@code src/test/resources/broken/}: the folder's files are laid over
 * the fixture project, and the build must refuse it with a problem at the file and line, and
 * with the message, that the folder's {@code expect.properties} names.
 */
class BrokenInputsTest {
    private static final Path CASES = Path.of("src/test/resources/broken");

    @TempDir Path tmp;

    @Test
    void fixtureAloneIsValid(@TempDir Path dir) {
        KgBuild build = KgBuild.run(TestProjects.fixture(dir));
        List<Problem> problems = KgValidator.validate(build);
        assertEquals(List.of(), problems, "the fixture must be valid, so that each broken case fails for its own reason");
        assertEquals(2, build.facts().size());
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenInputIsRejectedWithFileAndLine() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> check(dir)));
    }

    private void check(Path caseDir) throws IOException {
        Properties expect = TestProjects.expectations(caseDir);
        KgBuild build = KgBuild.run(TestProjects.fixtureWithCase(tmp, caseDir));
        List<Problem> problems = KgValidator.validate(build);
        String file = expect.getProperty("file");
        long line = Long.parseLong(expect.getProperty("line"));
        String message = expect.getProperty("message");
        boolean found = problems.stream().anyMatch(p -> p.file().equals(file) && p.line() == line && p.message().contains(message));
        assertTrue(found, () -> "expected a problem at " + file + ":" + line + " containing \"" + message + "\"; got:\n  "
                + String.join("\n  ", problems.stream().map(Object::toString).toList()));
    }
}
