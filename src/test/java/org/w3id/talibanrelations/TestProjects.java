package org.w3id.talibanrelations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/** Small projects assembled in temporary folders: the real ontology and shapes with test data. */
public final class TestProjects {
    private TestProjects() {}

    /** The real project, as checked out. */
    public static final Layout REAL = new Layout(Path.of("").toAbsolutePath());

    private static KgBuild real;

    /** The real project, built and validated once per test run. */
    public static synchronized KgBuild realBuild() {
        if (real == null) {
            real = KgBuild.run(REAL);
            var problems = KgValidator.validate(Scope.whole(real));
            if (!problems.isEmpty())
                throw new AssertionError("the real data does not validate:\n  " + String.join("\n  ", problems.stream().map(Object::toString).toList()));
        }
        return real;
    }

    /** A copy of the fixture project (real ontology, shapes and rules; fixture data) in a new folder, with overlays applied in order. */
    public static Layout fixture(Path tmp, Path... overlays) {
        copyTree(REAL.root().resolve("ontology"), tmp.resolve("ontology"));
        copyTree(REAL.root().resolve("shapes"), tmp.resolve("shapes"));
        copyTree(REAL.rules(), tmp.resolve("queries/rules"));
        copyTree(REAL.root().resolve("src/test/resources/fixture"), tmp);
        for (Path o : overlays) copyTree(o, tmp);
        return new Layout(tmp);
    }

    /** The {@code expect.properties} of a case folder. */
    public static java.util.Properties expectations(Path caseDir) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(caseDir.resolve("expect.properties"))) {
            p.load(r);
        }
        return p;
    }

    /** The files of a case folder that describe the case and are not laid over the project. */
    private static final java.util.List<String> CASE_METADATA = java.util.List.of("expect.properties", "expected-problems.txt");

    /** The fixture project with a case folder laid over it (all but what describes the case), in a new folder under tmp. */
    public static Layout fixtureWithCase(Path tmp, Path caseDir) throws IOException {
        Path work = Files.createTempDirectory(tmp, caseDir.getFileName().toString());
        Path overlay = Files.createTempDirectory(tmp, "overlay");
        copyTree(caseDir, overlay);
        for (String m : CASE_METADATA) Files.deleteIfExists(overlay.resolve(m));
        return fixture(work, overlay);
    }

    /** Copies a folder's files into another, replacing files of the same name. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
