package org.w3id.talibanrelations.bench;

import java.time.Duration;
import java.util.Map;

import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.serve.FuzzAccess;
import org.w3id.talibanrelations.serve.Limits;

/**
 * A bigger fuzz campaign than the test suite's: {@code bench/fuzz.sh [COUNT] [CLIENTS] [SEED]}.
 * Starts the server on a loopback port, sends COUNT mutated queries and prints the statuses.
 * Exit status 1 if any response is a 5xx or missing.
 */
public final class Fuzz {
    private Fuzz() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
        KgServer server = KgServer.create().port(0).loopback(true).dataset(TestProjects.realBuild().dataset())
                .limits(Limits.DEFAULT.withQueryTimeout(Duration.ofSeconds(2)).withMaxResultRows(10_000)).build().start();
        try {
            long t0 = System.nanoTime();
            Map<Integer, Long> statuses = FuzzAccess.fuzz(server.sparqlUrl(), count, clients, seed);
            double s = (System.nanoTime() - t0) / 1e9;
            long bad = statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0).mapToLong(Map.Entry::getValue).sum();
            System.out.printf("fuzz: %d queries, %d clients, seed %d, %.1f s (%.0f req/s); statuses %s; 5xx or no response: %d%n",
                    count, clients, seed, s, count / s, statuses, bad);
            System.exit(bad == 0 ? 0 : 1);
        } finally {
            server.stop();
        }
    }
}
