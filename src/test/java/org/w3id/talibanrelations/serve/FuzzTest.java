package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;

/**
 * 10,000 queries mutated from the competency questions, 4 clients at a time: not one 5xx, and the
 * server still answers at the end. A bigger run: {@code bench/fuzz.sh}.
 */
class FuzzTest {
    static final int COUNT = 10_000;

    /** Runs a fuzz campaign against an endpoint; returns the count of responses per status. */
    static Map<Integer, Long> fuzz(String endpoint, int count, int clients, long seed) throws Exception {
        QueryFuzzer fuzzer = new QueryFuzzer(seed);
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) bodies[i] = fuzzer.next();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) pool.submit(() -> {
            for (int i; (i = next.getAndIncrement()) < count; ) {
                int status;
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                            .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies[i])).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    status = -1;
                }
                statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
            }
            return null;
        });
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.MINUTES));
        Map<Integer, Long> out = new TreeMap<>();
        statuses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Test
    void tenThousandMutatedQueriesGetNo5xx() throws Exception {
        Limits limits = Limits.DEFAULT.withQueryTimeout(Duration.ofSeconds(2)).withMaxResultRows(10_000);
        KgServer server = KgServer.create().port(0).loopback(true).dataset(TestProjects.realBuild().dataset()).limits(limits).build().start();
        try {
            Map<Integer, Long> statuses = fuzz(server.sparqlUrl(), COUNT, 4, 20261121L);
            System.out.println("Fuzz: " + COUNT + " queries, statuses " + statuses);
            assertEquals(COUNT, statuses.values().stream().mapToLong(Long::longValue).sum());
            long fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
            assertEquals(0, fiveHundreds, "5xx responses: " + statuses);
            assertEquals(0, statuses.getOrDefault(-1, 0L), "requests that got no response: " + statuses);
            var alive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "$/ping")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, alive.statusCode(), "alive at the end");
        } finally {
            server.stop();
        }
    }
}
