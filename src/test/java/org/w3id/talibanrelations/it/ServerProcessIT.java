package org.w3id.talibanrelations.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.store.Inputs;

/**
 * The packaged server as a process, as an operator runs it: a SIGTERM lets requests in flight
 * finish; {@code serve --store} survives kill -9 in the middle of a rebuild and never serves a
 * half-built dataset.
 */
class ServerProcessIT {
    private static final Path JAR = Path.of("target/taliban-relations-kg.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killAll() {
        for (Process p : started) p.destroyForcibly();
    }

    /** A running server and the lines it printed so far. */
    private record Server(Process process, String endpoint, LinkedBlockingQueue<String> lines, String printed) {}

    private Server start(Path root, String... args) throws Exception {
        return startUntil(root, null, args);
    }

    /** Starts a server and waits until it prints its endpoint, or a line containing {@code waitFor}. */
    private Server startUntil(Path root, String waitFor, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : args) if (a.startsWith("-D")) cmd.add(a);
        cmd.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "serve", "--port", "0", "--localhost", "--root", root.toString()));
        for (String a : args) if (!a.startsWith("-D")) cmd.add(a);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) lines.add(l);
            } catch (Exception e) { }
        });
        reader.setDaemon(true);
        reader.start();
        Pattern url = Pattern.compile("SPARQL endpoint: (http://\\S+/kg/sparql)");
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(1, TimeUnit.SECONDS);
            if (l == null) { if (!p.isAlive()) break; continue; }
            seen.append(l).append('\n');
            if (waitFor != null && l.contains(waitFor)) return new Server(p, null, lines, seen.toString());
            Matcher m = url.matcher(l);
            if (m.find()) return new Server(p, m.group(1), lines, seen.toString());
        }
        throw new AssertionError("server did not start:\n" + seen);
    }

    private static long count(String endpoint, String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().split("\r?\n")[1].trim());
    }

    private static final String FACTS = "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f <https://w3id.org/taliban-relations/ontology#curatedAt> ?w }";

    @Test
    void sigtermLetsARequestInFlightFinish(@TempDir Path tmp) throws Exception {
        Server s = start(Path.of("").toAbsolutePath(), "--shutdown-grace", "60");
        String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d a <https://w3id.org/taliban-relations/ontology#State> }";
        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(
                s.endpoint() + "?query=" + URLEncoder.encode(slow, StandardCharsets.UTF_8))).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // SIGTERM once the server has begun executing the query (it logs it), so that it is in flight.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (String l; System.nanoTime() < until; ) {
            l = s.lines().poll(1, TimeUnit.SECONDS);
            if (l != null && l.contains("Query = SELECT (COUNT(*)")) break;
        }
        s.process().destroy(); // SIGTERM
        long termAt = System.nanoTime();
        // The server stops taking new requests at once...
        boolean refused = false;
        for (int i = 0; i < 50 && !refused; i++) {
            Thread.sleep(20);
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(s.endpoint() + "?query=ASK%7B%7D")).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                refused = true;
            }
        }
        assertTrue(refused, "new requests are refused once SIGTERM arrives");
        // ...and the one in flight still gets its whole answer.
        HttpResponse<String> r = inFlight.get(90, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode(), "the request in flight finished: " + r.body());
        assertTrue(Long.parseLong(r.body().split("\r?\n")[1].trim()) > 1_000_000);
        assertTrue(s.process().waitFor(90, TimeUnit.SECONDS), "the process exits");
        assertTrue(System.nanoTime() - termAt < TimeUnit.SECONDS.toNanos(60), "within the grace period");
    }

    @Test
    void killDuringARebuildNeverServesAHalfBuiltStore(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        TestProjects.fixture(project);
        Path store = tmp.resolve("store");

        Server first = start(project, "--store", store.toString());
        assertEquals(2, count(first.endpoint(), FACTS));
        first.process().destroy();
        first.process().waitFor(60, TimeUnit.SECONDS);
        String before = Files.readString(store.resolve("current")).strip();

        // New inputs: one more fact. Kill -9 while the new store is loaded but not yet swapped in.
        Path extra = project.resolve("data/facts/fixture-source/extra.ttl");
        String good = Files.readString(project.resolve("data/facts/fixture-source/good.ttl"));
        Files.writeString(extra, good.substring(0, good.indexOf("\nfact:") + 1) + """
                fact:fixture-pakistan-ties a tir:DeFactoTies ;
                    tir:agent actor:pakistan ;
                    tir:counterpart actor:islamic-emirate-of-afghanistan ;
                    cur:date "unknown" ;
                    tir:certainty tir:stated ;
                    prov:wasDerivedFrom source:fixture-source ;
                    cur:quote "The end." .
                """);
        Server crashing = startUntil(project, "pausing", "-Dtir.store.pauseBeforeSwapMs=120000", "--store", store.toString());
        crashing.process().destroyForcibly(); // kill -9
        crashing.process().waitFor(60, TimeUnit.SECONDS);
        assertEquals(before, Files.readString(store.resolve("current")).strip(), "current still names the previous store");
        try (var files = Files.list(store)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "the killed load left a partial store");
        }

        // With the old inputs back, the previous complete store is served as it is, without a build.
        Files.move(extra, tmp.resolve("extra.ttl"));
        Server old = start(project, "--store", store.toString());
        assertEquals(2, count(old.endpoint(), FACTS));
        try (var files = Files.list(store)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "partial stores are removed");
        }
        old.process().destroy();
        old.process().waitFor(60, TimeUnit.SECONDS);

        // With the new inputs, the next start builds and serves the new store in full.
        Files.move(tmp.resolve("extra.ttl"), extra);
        Server fresh = start(project, "--store", store.toString());
        assertEquals(3, count(fresh.endpoint(), FACTS));
        assertNotNull(Files.readString(store.resolve("current")));
    }

    @Test
    void aRestartOnUnchangedInputsServesTheKeptBuildAndAChangeBuildsAgain(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        TestProjects.fixture(project);
        Path cache = tmp.resolve("cache");
        String quads = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

        Server first = start(project, "--build-cache", cache.toString());
        long built = count(first.endpoint(), quads);
        first.process().destroy();
        first.process().waitFor(60, TimeUnit.SECONDS);
        try (var files = Files.list(cache)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().endsWith(".rt")).count(), "the validated build was kept");
        }

        Server again = start(project, "--build-cache", cache.toString());
        assertTrue(again.printed().contains("Inputs unchanged"), () -> "served from the cache: " + again.printed());
        assertFalse(again.printed().contains("Built and validated"), again::printed);
        assertEquals(built, count(again.endpoint(), quads));
        assertEquals(2, count(again.endpoint(), FACTS));
        again.process().destroy();
        again.process().waitFor(60, TimeUnit.SECONDS);

        // A broken input is never hidden by the cache: the build runs, fails, and nothing is served.
        Path good = project.resolve("data/facts/fixture-source/good.ttl");
        Files.writeString(good, Files.readString(good).replace("tir:certainty tir:stated", "tir:certainty tir:rumoured"));
        Process broken = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "serve", "--port", "0", "--localhost", "--root", project.toString(),
                "--build-cache", cache.toString()).redirectErrorStream(true).start();
        started.add(broken);
        String out = new String(broken.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(broken.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, broken.exitValue(), out);
        assertTrue(out.contains("nothing published"), out);
    }

    /**
     * What a failed rebuild of a store leaves served is the previous dataset, and every page shows that
     * dataset's own texts: the working tree, which now holds other ones, is never read to serve.
     */
    @Test
    void afterAFailedStoreRebuildTheSourcePageShowsTheServedDatasetsText(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        TestProjects.fixture(project);
        Path store = tmp.resolve("store");
        String page = "doc/source/fixture-source.html";

        Server first = start(project, "--store", store.toString());
        String base = first.endpoint().replace("kg/sparql", "");
        String before = get(base + page);
        assertTrue(before.contains("Pakistan handed over the embassy."), before);
        first.process().destroy();
        first.process().waitFor(60, TimeUnit.SECONDS);

        // The text changes in the working tree (and no longer matches its pin): the rebuild fails.
        Path text = project.resolve("data/sources/fixture.txt");
        Files.writeString(text, Files.readString(text).replace("Pakistan handed over the embassy.", "TAMPERED TEXT NEVER VALIDATED."));
        Server again = start(project, "--store", store.toString());
        assertTrue(again.printed().contains("serving the previous stored dataset"), again::printed);
        String base2 = again.endpoint().replace("kg/sparql", "");
        String after = get(base2 + page);
        assertTrue(after.contains("Pakistan handed over the embassy."), "the served dataset's text: " + after);
        assertFalse(after.contains("TAMPERED"), "the working tree's text is never served: " + after);
        String quote = get(base2 + "doc/fact/fixture-pakistan-hands-embassy.html");
        assertFalse(quote.contains("TAMPERED"), quote);
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        return r.body();
    }
}
