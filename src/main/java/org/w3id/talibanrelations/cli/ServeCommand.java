package org.w3id.talibanrelations.cli;

import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.serve.KgServer;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Builds and validates the graph from data/, then serves it read-only over SPARQL",
            "(embedded Apache Jena Fuseki, in memory). Endpoints:",
            "  /kg/sparql, /kg/query, /kg   SPARQL query (GET and POST)",
            "  /kg/get, /kg                 Graph Store Protocol, read only",
            "  /$/ping                      health",
            "Stop with Ctrl-C."
        })
final class ServeCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--localhost", description = "Listen on the loopback interface only.")
    boolean localhost;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        KgBuild build = project.buildValidated(System.err);
        if (build == null) return 1;
        KgServer server = KgServer.create().port(port).dataset(build.dataset())
                .queryTimeout(Duration.ofSeconds(timeout)).loopback(localhost)
                .stats(build.facts().size(), build.sources().size()).build().start();
        long triples = build.dataset().stream().count();
        System.out.printf("Serving %d facts from %d sources (%d triples) in %d ms.%n",
                build.facts().size(), build.sources().size(), triples, (System.nanoTime() - t0) / 1_000_000);
        System.out.println("  SPARQL endpoint: " + server.sparqlUrl());
        System.out.println("  also:            " + server.baseUrl() + "kg/query and " + server.baseUrl() + "kg");
        System.out.println("  health:          " + server.baseUrl() + "$/ping");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        server.join();
        return 0;
    }
}
