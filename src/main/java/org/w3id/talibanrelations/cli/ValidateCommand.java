package org.w3id.talibanrelations.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.w3id.talibanrelations.build.KgBuild;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "Builds the graph in memory and runs every check: source hashes, Turtle syntax, quotes",
            "found exactly in their sources, references, SHACL shapes, evidence offsets, QC rules.",
            "Prints one line per problem as FILE:LINE: message.",
            "Exit status: 0 valid, 1 problems found."
        })
final class ValidateCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--low-memory", description = {
            "Check one folder of data/facts/ at a time, keeping only what the rules and QC rules need",
            "of the others: for corpora too large for memory. Same problems."})
    boolean lowMemory;

    @Override
    public Integer call() {
        if (lowMemory) {
            if (!project.lowMemoryValidated(null, System.out)) return 1;
            System.out.println("Valid: no problems.");
            return 0;
        }
        KgBuild build = project.buildValidated(System.out);
        if (build == null) return 1;
        System.out.println("Valid: no problems.");
        return 0;
    }
}
