package org.w3id.talibanrelations.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.serve.Limits;
import org.w3id.talibanrelations.store.BuildCache;
import org.w3id.talibanrelations.store.Inputs;
import org.w3id.talibanrelations.store.PersistentStore;
import org.w3id.talibanrelations.vocabulary.TIR;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Builds and validates the graph from data/, then serves it read-only over SPARQL",
            "(embedded Apache Jena Fuseki; in memory, or on disk with --store). A restart on",
            "unchanged inputs serves the last validated build (see --build-cache). Endpoints:",
            "  /kg/sparql, /kg/query, /kg   SPARQL query (GET and POST)",
            "  /kg/get, /kg                 Graph Store Protocol, read only",
            "  /$/ping                      health",
            "  /$/metrics                   metrics (Prometheus text format)",
            "Stop with Ctrl-C."
        })
final class ServeCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Query time limit in seconds (default: ${DEFAULT-VALUE}); a query cut at the limit gets 422.")
    long timeout;

    @Option(names = "--localhost", description = "Listen on the loopback interface only.")
    boolean localhost;

    @Option(names = "--max-query-chars", paramLabel = "N", defaultValue = "100000", description = "Longest query accepted, in characters (default: ${DEFAULT-VALUE}); longer: 413, or 414 in a URL.")
    int maxQueryChars;

    @Option(names = "--max-nesting", paramLabel = "N", defaultValue = "64", description = "Deepest nesting of (), {} and [] in a query (default: ${DEFAULT-VALUE}); deeper: 400.")
    int maxNesting;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000", description = "Most rows of a SELECT, or triples of a CONSTRUCT/DESCRIBE (default: ${DEFAULT-VALUE}); more: 422.")
    long maxRows;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "1048576", description = "Largest request body (default: ${DEFAULT-VALUE}); larger: 413.")
    long maxBodyBytes;

    @Option(names = "--max-response-bytes", paramLabel = "N", defaultValue = "268435456", description = "Largest response, which is buffered before it is sent (default: ${DEFAULT-VALUE}); larger: 422.")
    long maxResponseBytes;

    @Option(names = "--cache-bytes", paramLabel = "N", defaultValue = "67108864", description = {
            "Memory for the response cache, in bytes (default: ${DEFAULT-VALUE}, 64 MiB; 0 turns it off).",
            "Answers to deterministic queries are kept and served again without running the query;",
            "queries with SERVICE, NOW(), RAND() and the like are never kept."})
    long cacheBytes;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS", defaultValue = "10", description = "On SIGTERM, how long to let requests in flight finish (default: ${DEFAULT-VALUE}).")
    long shutdownGrace;

    @Option(names = "--base-url", paramLabel = "URL", description = {
            "The public URL that https://w3id.org/taliban-relations/ maps to (behind a proxy); by default",
            "each request's own scheme, host and port. Used in redirects and the service description."})
    String baseUrl;

    @Option(names = "--allow-service", paramLabel = "URL", description = "A SPARQL endpoint that queries may call with SERVICE (repeatable). Without it, every SERVICE clause is refused (403).")
    java.util.List<String> allowService = new java.util.ArrayList<>();

    @Option(names = "--store", paramLabel = "DIR", description = {
            "Keep the dataset on disk in TDB2 under DIR. It is rebuilt only when the inputs change (their",
            "SHA-256 names it); a build that fails or is killed never replaces the previous dataset."})
    Path store;

    @Option(names = "--build-cache", paramLabel = "DIR", description = {
            "Where the last validated build is kept (default: target/build-cache under --root), so that a",
            "restart on unchanged inputs and the same program serves it without building again."})
    Path buildCache;

    @Option(names = "--no-build-cache", description = "Always build and validate at start, and keep nothing.")
    boolean noBuildCache;

    @Override
    public Integer call() {
        if (cacheBytes < 0) {
            System.err.println("--cache-bytes must be 0 (no cache) or more, not " + cacheBytes + ".");
            return 2;
        }
        long t0 = System.nanoTime();
        DatasetGraph served;
        KgBuild toCache = null;
        BuildCache cache = null;
        String datasetTag = null;  // ETags name the data: the hash of the inputs it was built from, else a hash of the dataset
        if (store == null) {
            if (!noBuildCache)
                cache = BuildCache.at(buildCache != null ? buildCache : project.layout().root().resolve("target/build-cache"), project.layout());
            DatasetGraph cached = cache == null ? null : cache.load(System.err);
            if (cached != null) {
                System.out.println("Inputs unchanged (" + cache.inputsHash() + "): serving the validated build kept in " + cache.dir() + ".");
                served = ServedDataset.view(cached);
            } else {
                KgBuild build = project.buildValidated(System.err);
                if (build == null) return 1;
                served = build.served();
                toCache = build;
            }
            datasetTag = "build-" + (cache != null ? cache.inputsHash() : Inputs.hash(project.layout(), "tir-etag-1"));
        } else {
            PersistentStore ps = PersistentStore.at(store, project.layout());
            if (ps.isCurrent()) {
                System.out.println("Inputs unchanged (" + ps.inputsHash() + "): serving the stored dataset in " + store + ".");
                served = ps.open();
                datasetTag = "store-" + ps.inputsHash();
            } else {
                KgBuild build = project.buildValidated(System.err);
                if (build == null) {
                    if (!ps.hasPrevious()) return 1;
                    System.err.println("WARNING: serving the previous stored dataset; the new inputs did not validate.");
                    served = ps.openPrevious();
                } else {
                    System.out.println("Storing the new build (" + ps.inputsHash() + ") in " + store + ".");
                    served = ps.replace(build.dataset(), build.served());
                    datasetTag = "store-" + ps.inputsHash();
                }
            }
        }
        Limits limits = new Limits(Duration.ofSeconds(timeout), maxQueryChars, maxNesting, maxRows,
                maxBodyBytes, maxResponseBytes, allowService);
        long[] counts = Txn.calculateRead(served, () -> counts(served));
        KgServer server = KgServer.create().port(port).servedDataset(served)
                .limits(limits).loopback(localhost).shutdownGrace(Duration.ofSeconds(shutdownGrace))
                .stats(counts[0], counts[1]).baseUrl(baseUrl)
                .cacheBytes(cacheBytes).datasetTag(datasetTag).build().start();
        // In place before the endpoint is announced: a SIGTERM from then on lets requests in flight finish.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: finishing requests in flight (at most " + shutdownGrace + " s).");
            System.out.flush();
            try {
                server.stop();
                System.out.println("Stopped.");
            } catch (RuntimeException e) {
                System.out.println("Stopped after the grace period; requests still running were cut.");
            }
            System.out.flush(); // the JVM halts right after its shutdown hooks
        }, "shutdown"));
        System.out.printf("Serving %d facts from %d sources (%d triples) in %d ms.%n",
                counts[0], counts[1], counts[2], (System.nanoTime() - t0) / 1_000_000);
        System.out.println("  SPARQL endpoint: " + server.sparqlUrl());
        System.out.println("  also:            " + server.baseUrl() + "kg/query and " + server.baseUrl() + "kg");
        System.out.println("  health:          " + server.baseUrl() + "$/ping");
        // Saved once the server answers, so that the first start is not slower for it, and after the
        // shutdown hook is in place, so that a SIGTERM meanwhile still lets requests in flight finish.
        if (toCache != null && cache != null) {
            Path kept = cache.save(toCache.dataset(), System.err);
            if (kept != null) System.out.println("Kept the validated build for the next start: " + kept);
        }
        server.join();
        return 0;
    }

    /** Facts, sources and triples of a served dataset (its default graph holds every triple). */
    private static long[] counts(DatasetGraph dsg) {
        var g = dsg.getDefaultGraph();
        // Facts are the curated records under id/fact/ (conflicts recorded by hand have tir:curatedAt too).
        long facts = g.find(Node.ANY, TIR.curatedAt, Node.ANY)
                .filterKeep(t -> t.getSubject().getURI().startsWith(org.w3id.talibanrelations.vocabulary.Ids.FACT)).toList().size();
        long sources = g.find(Node.ANY, RDF.type.asNode(), TIR.SourceDocument).toList().size();
        return new long[] { facts, sources, g.size() };
    }
}
