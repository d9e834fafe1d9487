package org.w3id.talibanrelations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rewrites the {@code expected-problems.txt} of every entry of the broken-input manifest from the
 * current build:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.w3id.talibanrelations.WriteExpectedProblems}
 * (add {@code -Dexec.args="CASE …"} for some cases only). The output is a proposal, not a truth:
 * read {@code git diff src/test/resources/broken} before committing it; every problem listed must
 * be one its case means to cause.
 */
public final class WriteExpectedProblems {
    private WriteExpectedProblems() {}

    public static void main(String[] args) throws Exception {
        Set<String> only = Set.of(args);
        List<ProblemManifest.Entry> entries = ProblemManifest.entries(BrokenInputsTest.MANIFEST);
        TreeSet<String> unlisted = ProblemManifest.caseFolders(BrokenInputsTest.CASES);
        Path tmp = Files.createTempDirectory("expected-problems");
        int changed = 0;
        for (ProblemManifest.Entry e : entries) {
            unlisted.remove(e.caseDir().getFileName().toString());
            if (!only.isEmpty() && !only.contains(e.name())) continue;
            if (!Files.isDirectory(e.caseDir())) {
                System.out.println("missing folder " + e.caseDir() + " (entry " + e.name() + ")");
                continue;
            }
            String text = ProblemManifest.actual(tmp, e.caseDir());
            String old = Files.exists(e.result()) ? Files.readString(e.result(), StandardCharsets.UTF_8) : null;
            if (text.equals(old)) continue;
            Files.writeString(e.result(), text, StandardCharsets.UTF_8);
            changed++;
            System.out.println("wrote " + BrokenInputsTest.CASES.toAbsolutePath().relativize(e.result()) + " (" + text.lines().count() + " problems)");
        }
        for (String u : unlisted) System.out.println("not in the manifest: " + u + " (add an entry to " + BrokenInputsTest.MANIFEST + ")");
        System.out.println(changed + " of " + entries.size() + " files changed");
        try (var walk = Files.walk(tmp)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
