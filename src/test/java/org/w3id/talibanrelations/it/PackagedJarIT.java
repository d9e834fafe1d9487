package org.w3id.talibanrelations.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The shaded jar as a user runs it ({@code java -jar target/taliban-relations-kg.jar serve}), in a
 * separate process: a jar that lost Jena's service files would fail here, not in the unit tests.
 * Runs in {@code mvn verify} (failsafe), after the jar is packaged.
 */
class PackagedJarIT {

    @Test
    void servedFromTheJarAnswersSparql() throws Exception {
        Path jar = Path.of("target/taliban-relations-kg.jar");
        assertTrue(Files.exists(jar), "package the jar first (mvn verify does)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--port", "0", "--localhost")
                .redirectErrorStream(true).start();
        try {
            String endpoint = null;
            StringBuilder log = new StringBuilder();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Pattern url = Pattern.compile("SPARQL endpoint: (http://\\S+/kg/sparql)");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (endpoint == null && System.nanoTime() < deadline && (line = r.readLine()) != null) {
                log.append(line).append('\n');
                Matcher m = url.matcher(line);
                if (m.find()) endpoint = m.group(1);
            }
            assertNotNull(endpoint, "serve printed no endpoint:\n" + log);
            assertTrue(log.toString().matches("(?s).*Serving \\d+ facts from 5 sources \\(\\d+ triples\\).*"), log.toString());
            Thread drain = new Thread(() -> { try { while (r.readLine() != null) { } } catch (Exception e) { } });
            drain.setDaemon(true);
            drain.start();

            String query = "PREFIX tir: <https://w3id.org/taliban-relations/ontology#> "
                    + "SELECT ?a WHERE { ?a tir:formallyRecognizes <https://w3id.org/taliban-relations/id/actor/islamic-emirate-of-afghanistan> }";
            HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode());
            assertTrue(res.body().contains("https://w3id.org/taliban-relations/id/actor/russia"), res.body());
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    /** A build with one thread and a build with four write the same bytes (the order of the work must not show). */
    @Test
    void oneThreadAndFourThreadsWriteTheSameBytes(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path jar = Path.of("target/taliban-relations-kg.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String threads : new String[] { "1", "4" }) {
            Process p = new ProcessBuilder(java, "-Dtir.threads=" + threads, "-jar", jar.toString(), "build", "--out", tmp.resolve("t" + threads).toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("log" + threads).toFile()).start();
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "build with " + threads + " threads finished");
            assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log" + threads)));
        }
        for (String file : new String[] { "kg.trig", "kg-flat.ttl", "ontology.ttl" })
            assertEquals(-1L, Files.mismatch(tmp.resolve("t1").resolve(file), tmp.resolve("t4").resolve(file)), file + ": 1 thread and 4 threads differ");
    }
}
