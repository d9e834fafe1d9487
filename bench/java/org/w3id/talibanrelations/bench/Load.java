package org.w3id.talibanrelations.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;

/**
 * Load on the endpoint over loopback, bounded in time: {@code bench/load.sh [CLIENTS] [SECONDS] [RUNAWAY]}.
 * CLIENTS threads each send the competency questions in turn (GET, keep-alive) for SECONDS; RUNAWAY
 * more threads send queries that run into the time limit the whole time. Prints throughput, p50 and
 * p99 latency of the normal queries, and the errors (any status but 200, or no response). Exit status
 * 1 if a normal query failed.
 */
public final class Load {
    private Load() {}

    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int runaway = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        List<String> queries = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("queries"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) queries.add(Files.readString(p));
        }
        KgServer server = KgServer.create().port(0).loopback(true).dataset(TestProjects.realBuild().dataset()).build().start();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong(), runawayDone = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients + runaway);
        try {
            // Warm-up: every question once.
            for (String q : queries) send(http, server, q);
            for (int r = 0; r < runaway; r++) pool.submit(() -> {
                while (System.nanoTime() < end) { try { send(http, server, RUNAWAY); runawayDone.incrementAndGet(); } catch (Exception e) { } }
                return null;
            });
            for (int c = 0; c < clients; c++) {
                int offset = c;
                pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        try {
                            int status = send(http, server, queries.get(i % queries.size()));
                            if (status != 200) errors.incrementAndGet();
                            else latencies.add(System.nanoTime() - t0);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        } finally {
            server.stop();
        }
        long[] ms = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("load: %d clients, %d s, %d runaway clients; %d queries answered (%.0f/s), %d errors; "
                + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; runaway queries cut: %d%n",
                clients, seconds, runaway, ms.length, ms.length / (double) seconds, errors.get(),
                pct(ms, 50), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6, runawayDone.get());
        System.exit(errors.get() == 0 ? 0 : 1);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static int send(HttpClient http, KgServer server, String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
