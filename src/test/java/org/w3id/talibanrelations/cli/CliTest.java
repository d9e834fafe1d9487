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
import org.w3id.talibanrelations.TestProjects;

import picocli.CommandLine;

/** The command line as a user meets it: help for every subcommand, exit codes, outputs. */
class CliTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
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
    void validateExitsOneOnAProblemAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("p"));
        TestProjects.fixture(project, Path.of("src/test/resources/broken/unknown-actor"));
        Files.delete(project.resolve("expect.properties"));
        Path out = tmp.resolve("out");
        assertEquals(1, run("build", "--root", project.toString(), "--out", out.toString()).exit());
        assertTrue(Files.notExists(out.resolve("kg.trig")), "a failed build publishes nothing");
    }
}
