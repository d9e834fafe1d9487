package org.w3id.talibanrelations.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.core.Ontology;

/** The command line as a user meets it: help for every subcommand, exit codes, outputs. */
class CliTest {

    private record Run(int exit, String out, String err) {}

    /** Runs the command line, capturing what it prints through picocli and through System.out/err. */
    private static synchronized Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        java.io.ByteArrayOutputStream sysOut = new java.io.ByteArrayOutputStream(), sysErr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new java.io.PrintStream(sysOut, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(sysErr, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out + sysOut.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err + sysErr.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "serve", "build", "validate", "query" })
    void everySubcommandHasHelp(String command) {
        Run r = run(command, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Usage: taliban-relations-kg " + command), r.out());
        assertTrue(r.out().contains("--root"), "documents --root");
    }

    @Test
    void topLevelHelpListsTheSubcommands() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String c : new String[] { "serve", "build", "validate", "query" }) assertTrue(r.out().contains(c), c);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = run("serve", "--prot", "8080");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    @Test
    void serveDocumentsTheCacheBudgetAndRefusesANegativeOne() {
        Run help = run("serve", "--help");
        assertTrue(help.out().contains("--cache-bytes") && help.out().contains("67108864"), help.out());
        Run r = run("serve", "--cache-bytes", "-1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--cache-bytes"), r.err());
    }

    @Test
    void buildWritesTheDatasetAndOntology(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("p"));
        TestProjects.fixture(project);
        Path out = tmp.resolve("out");
        Run r = run("build", "--root", project.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(out.resolve("kg.trig")) > 0);
        assertTrue(Files.readString(out.resolve("ontology.ttl")).contains("owl:Ontology"));
        String flat = Files.readString(out.resolve("kg-flat.ttl"));
        assertTrue(flat.contains("owl:Ontology") && flat.contains("tir:agent"), "kg-flat.ttl holds the ontology and the facts");
        assertTrue(run("build", "--help").out().contains("kg-flat.ttl"), "build --help names kg-flat.ttl");
    }

    @Test
    void lowMemoryBuildWritesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("p"));
        TestProjects.fixture(project);
        Path full = tmp.resolve("full"), low = tmp.resolve("low");
        assertEquals(0, run("build", "--root", project.toString(), "--out", full.toString()).exit());
        Run r = run("build", "--low-memory", "--root", project.toString(), "--out", low.toString());
        assertEquals(0, r.exit(), r.err());
        for (String f : new String[] { "kg.trig", "ontology.ttl", "kg-flat.ttl" })
            assertEquals(-1L, Files.mismatch(full.resolve(f), low.resolve(f)), f + ": the same bytes from both builds");
        assertEquals(0, run("validate", "--low-memory", "--root", project.toString()).exit());

        Path broken = broken(tmp);
        Path out = tmp.resolve("out");
        assertEquals(1, run("build", "--low-memory", "--root", broken.toString(), "--out", out.toString()).exit());
        assertTrue(Files.notExists(out.resolve("kg.trig")), "a failed low-memory build publishes nothing");
        assertEquals(1, run("validate", "--low-memory", "--root", broken.toString()).exit());
    }

    @Test
    void aFailedBuildExitsOneAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path project = broken(tmp);
        Path out = tmp.resolve("out");
        assertEquals(1, run("build", "--root", project.toString(), "--out", out.toString()).exit());
        assertTrue(Files.notExists(out.resolve("kg.trig")), "a failed build publishes nothing");
    }

    private static Path broken(Path tmp) throws Exception {
        return TestProjects.fixtureWithCase(tmp, Path.of("src/test/resources/broken/unknown-actor")).root();
    }

    @Test
    void validateReportsFileAndLineAndExitsOne(@TempDir Path tmp) throws Exception {
        Path good = Files.createDirectory(tmp.resolve("good"));
        TestProjects.fixture(good);
        Run ok = run("validate", "--root", good.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("Valid: no problems."), ok.out());
        Run bad = run("validate", "--root", broken(tmp).toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.out().contains("data/facts/fixture-source/bad.ttl:9: unknown actor actor/atlantis"), bad.out());
    }

    @Test
    void queryPrintsATableAndRefusesInvalidSparql(@TempDir Path tmp) throws Exception {
        Path good = Files.createDirectory(tmp.resolve("good"));
        TestProjects.fixture(good);
        Path q = tmp.resolve("q.rq");
        Files.writeString(q, "PREFIX tir: <https://w3id.org/taliban-relations/ontology#> SELECT ?a WHERE { ?a tir:formallyRecognizes ?b }");
        Run r = run("query", "--root", good.toString(), q.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("id/actor/russia"), r.out());
        Files.writeString(q, "SELECT * WHERE { ?s ?p }");
        Run bad = run("query", "--root", good.toString(), q.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains(q + ":1:"), bad.err());
    }

    @Test
    void anIoErrorExitsThree(@TempDir Path tmp) throws Exception {
        Path good = Files.createDirectory(tmp.resolve("good"));
        TestProjects.fixture(good);
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        Run r = run("build", "--root", good.toString(), "--out", notADir.toString());
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("error: "), r.err());
    }
}
