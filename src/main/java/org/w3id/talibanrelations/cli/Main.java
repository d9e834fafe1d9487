package org.w3id.talibanrelations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code java -jar target/taliban-relations-kg.jar <command>}: build, validate, query and serve
 * the knowledge graph of the Taliban's international relations.
 */
@Command(name = "taliban-relations-kg",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Builds the knowledge graph of the Taliban's international relations from data/,",
            "validates it (SHACL shapes, evidence quotes, QC rules) and serves it over SPARQL.",
            "Run from the project root, or give --root."
        },
        subcommands = { ServeCommand.class, BuildCommand.class, ValidateCommand.class, QueryCommand.class,
                        CommandLine.HelpCommand.class },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = { "0:done", "1:the graph did not validate (problems listed as FILE:LINE: message)",
                         "2:usage error, or a query that is not valid SPARQL", "3:an error reading or writing files" })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    cl.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 3;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] { "taliban-relations-kg " + (v == null ? "(development)" : v) };
        }
    }
}
