package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.serve.cache.ResponseCache;
import org.w3id.talibanrelations.serve.cache.Validators;

/**
 * The response cache and HTTP validators over real HTTP: hits, keys shared across methods and split by
 * Accept, what is never cached, 304, the byte budget. Three servers on port 0 (default cache, no cache,
 * a tiny budget), always stopped. Each test asks its own queries (a comment names the test), so that
 * entries left by one test do not answer another's.
 */
class ResponseCacheTest {
    private static KgServer server, off, tiny;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TIR = "PREFIX tir: <https://w3id.org/taliban-relations/ontology#>\n";
    private static final String JSON = "application/sparql-results+json";
    private static final long TINY = 64 * 1024;

    @BeforeAll
    static void start() {
        var dsg = TestProjects.realBuild().dataset();
        off = KgServer.create().port(0).loopback(true).dataset(dsg).cacheBytes(0).build().start();
        server = KgServer.create().port(0).loopback(true).dataset(dsg)
                .limits(Limits.DEFAULT.withMaxResultRows(1000).withServiceAllowList(List.of(off.sparqlUrl()))).build().start();
        tiny = KgServer.create().port(0).loopback(true).dataset(dsg).cacheBytes(TINY).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (off != null) off.stop();
        if (tiny != null) tiny.stop();
    }

    private static String facts(String test) {
        return "# " + test + "\n" + TIR + "SELECT ?f ?date WHERE { ?f a tir:FormalRecognition ; tir:date ?date } ORDER BY ?f ?date";
    }

    private static HttpResponse<byte[]> get(KgServer s, String query, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.sparqlUrl() + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String query, String accept) throws Exception {
        return get(server, query, "Accept", accept);
    }

    private static HttpResponse<byte[]> postForm(String query, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> postQuery(String query, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "kg/query")).header("Accept", accept)
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) { return r.headers().firstValue(name).orElse(null); }

    /** Micrometer's cache meters for the response cache, as Prometheus names them (labels in name order; Fuseki tags every meter application=fuseki). */
    private static final String CACHE = "application=\"fuseki\",cache=\"" + ResponseCache.METRICS_NAME + "\"",
            HITS = "cache_gets_total{" + CACHE + ",result=\"hit\"}", ENTRIES = "cache_size{" + CACHE + "}",
            EVICTIONS = "cache_evictions_total{" + CACHE + "}";

    /** A counter or gauge from /$/metrics (Prometheus text): a name, or a name with all its labels. */
    private static double metric(KgServer s, String name) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "$/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String line : text.split("\n"))
            if (line.startsWith(name + " ") || !name.contains("{") && line.startsWith(name + "{"))
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        throw new AssertionError(name + " not in /$/metrics:\n" + text);
    }

    @Test
    void secondIdenticalQueryIsServedFromTheCache() throws Exception {
        double hits = metric(server, HITS);
        var first = get(facts("second"), JSON);
        var second = get(facts("second"), JSON);
        assertEquals(200, first.statusCode());
        assertEquals("miss", header(first, "X-Cache"));
        assertEquals(200, second.statusCode());
        assertEquals("hit", header(second, "X-Cache"));
        assertArrayEquals(first.body(), second.body());
        assertEquals(header(first, "Content-Type"), header(second, "Content-Type"));
        assertEquals(header(first, "ETag"), header(second, "ETag"));
        assertEquals(Validators.CACHE_CONTROL, header(second, "Cache-Control"));
        assertEquals(hits + 1, metric(server, HITS));
        assertTrue(metric(server, "tir_cache_bytes") >= first.body().length);
    }

    @Test
    void getAndBothPostFormsShareAnEntry() throws Exception {
        var get = get(facts("methods"), JSON);
        var form = postForm(facts("methods"), JSON);
        var direct = postQuery(facts("methods"), JSON);
        assertEquals("miss", header(get, "X-Cache"));
        assertEquals("hit", header(form, "X-Cache"), "POST form after GET");
        assertEquals("hit", header(direct, "X-Cache"), "POST application/sparql-query after GET, on another query route");
        assertArrayEquals(get.body(), form.body());
        assertArrayEquals(get.body(), direct.body());
        assertEquals(header(get, "ETag"), header(direct, "ETag"));
    }

    @Test
    void acceptSplitsEntriesByWhatItNegotiates() throws Exception {
        var json = get(facts("accept"), JSON);
        var csv = get(facts("accept"), "text/csv");
        assertEquals("miss", header(csv, "X-Cache"), "another format is another entry");
        assertFalse(java.util.Arrays.equals(json.body(), csv.body()));
        assertNotEquals(header(json, "ETag"), header(csv, "ETag"));
        assertTrue(header(csv, "Content-Type").startsWith("text/csv"));
        // Turtle is what a CONSTRUCT gets by default, so this header picks the same types as JSON alone.
        var jsonAgain = get(facts("accept"), "application/sparql-results+json;q=0.9, text/turtle;q=0.5");
        assertEquals("hit", header(jsonAgain, "X-Cache"), "another Accept header that picks the same types shares the entry");
        assertArrayEquals(json.body(), jsonAgain.body());
        // text/plain is N-Triples to a CONSTRUCT: the same SELECT bytes, but another key, rightly.
        assertEquals("miss", header(get(facts("accept"), "application/sparql-results+json;q=0.9, text/plain;q=0.1"), "X-Cache"));
        assertEquals("miss", header(get(facts("accept"), "application/sparql-results+xml"), "X-Cache"));
        assertEquals("miss", header(get(facts("accept") + " ", JSON), "X-Cache"), "the query text is in the key byte for byte");
    }

    @Test
    void otherParametersArePartOfTheKey() throws Exception {
        String q = facts("params");
        var plain = get(q, JSON);
        var withOutput = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&output=csv")).header("Accept", JSON).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("miss", header(plain, "X-Cache"));
        assertEquals("miss", header(withOutput, "X-Cache"), "output= changes the format: another entry");
        assertTrue(header(withOutput, "Content-Type").startsWith("text/csv"));
        var again = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?output=csv&query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .header("Accept", JSON).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("hit", header(again, "X-Cache"), "parameter order does not matter");
        assertArrayEquals(withOutput.body(), again.body());
    }

    @Test
    void cacheOffNeverHitsButStillValidates() throws Exception {
        for (int i = 0; i < 3; i++) assertNotEquals("hit", header(get(off, facts("off"), "Accept", JSON), "X-Cache"));
        assertEquals(0.0, metric(off, HITS));
        assertEquals(0.0, metric(off, "tir_cache_bytes"));
        var r = get(off, facts("off"), "Accept", JSON);
        assertEquals(304, get(off, facts("off"), "Accept", JSON, "If-None-Match", header(r, "ETag")).statusCode());
    }

    @ParameterizedTest(name = "never cached: {0}")
    @ValueSource(strings = {
            "SELECT (NOW() AS ?t) WHERE {}",
            "SELECT (RAND() AS ?r) WHERE {}",
            "SELECT (UUID() AS ?u) WHERE {}",
            "SELECT (STRUUID() AS ?u) WHERE {}",
            "SELECT ?b WHERE { BIND(BNODE() AS ?b) }",
            "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:now() AS ?t) WHERE {}",
            "SELECT ?x WHERE { { SELECT (NOW() AS ?x) WHERE {} } }",
            "SELECT ?s WHERE { ?s ?p ?o FILTER(?o != NOW()) } LIMIT 1",
            "SELECT ?s WHERE { ?s ?p ?o } ORDER BY RAND() LIMIT 1",
            "ASK { FILTER EXISTS { BIND(UUID() AS ?u) } }" })
    void volatileQueriesAreNeverCached(String query) throws Exception {
        assertNeverCached(query);
    }

    @Test
    void serviceQueriesAreNeverCached() throws Exception {
        assertNeverCached(TIR + "SELECT ?iso WHERE { SERVICE <" + off.sparqlUrl() + "> { "
                + "<https://w3id.org/taliban-relations/id/actor/russia> tir:isoAlpha3 ?iso } }");
        assertNeverCached(TIR + "SELECT * WHERE { { SELECT ?iso WHERE { SERVICE <" + off.sparqlUrl() + "> { "
                + "<https://w3id.org/taliban-relations/id/actor/russia> tir:isoAlpha3 ?iso } } } }");
    }

    private static void assertNeverCached(String query) throws Exception {
        for (int i = 0; i < 2; i++) {
            var r = get(query, JSON);
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertNull(header(r, "X-Cache"), query);
            assertNull(header(r, "ETag"), "no validator for an answer that may change: " + query);
            assertTrue(header(r, "Cache-Control").contains("no-cache"), query);
        }
    }

    @Test
    void errorsAreNotCached() throws Exception {
        double entries = metric(server, ENTRIES);
        for (String q : new String[] { "# errors\nSELEKT * WHERE { ?s ?p ?o }", "# errors\nSELECT * WHERE { ?s ?p ?o }",
                "# errors\nSELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }" }) {
            for (int i = 0; i < 2; i++) {
                var r = get(q, JSON);
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, q + " gave " + r.statusCode());
                assertNull(header(r, "X-Cache"));
                assertNull(header(r, "ETag"));
            }
        }
        assertEquals(entries, metric(server, ENTRIES), "the parse error, the row limit (422), the refused SERVICE");
    }

    @Test
    void noCacheRecomputesAndRefreshes() throws Exception {
        var first = get(facts("no-cache"), JSON);
        var fresh = get(server, facts("no-cache"), "Accept", JSON, "Cache-Control", "no-cache");
        var pragma = get(server, facts("no-cache"), "Accept", JSON, "Pragma", "no-cache");
        assertEquals("miss", header(fresh, "X-Cache"), "Cache-Control: no-cache runs the query");
        assertEquals("miss", header(pragma, "X-Cache"), "Pragma: no-cache runs the query");
        assertArrayEquals(first.body(), fresh.body());
        assertEquals("hit", header(get(facts("no-cache"), JSON), "X-Cache"));
    }

    @Test
    void ifNoneMatchGets304WithoutABody() throws Exception {
        var first = get(facts("etag"), JSON);
        String etag = header(first, "ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), "a strong ETag: " + etag);
        var notModified = get(server, facts("etag"), "Accept", JSON, "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(etag, header(notModified, "ETag"));
        assertEquals(Validators.CACHE_CONTROL, header(notModified, "Cache-Control"));
        assertEquals(304, get(server, facts("etag"), "Accept", JSON, "If-None-Match", "\"other\", W/" + etag).statusCode(),
                "If-None-Match compares weakly and takes a list");
        var changed = get(server, facts("etag"), "Accept", JSON, "If-None-Match", "\"other\"");
        assertEquals(200, changed.statusCode());
        assertArrayEquals(first.body(), changed.body());
        assertEquals(200, get(server, facts("etag"), "Accept", "text/csv", "If-None-Match", etag).statusCode(),
                "the JSON's ETag does not validate the CSV");
        var post = postForm(facts("etag"), JSON);
        assertEquals(200, post.statusCode(), "POST is not conditional");
    }

    @Test
    void etagsNameTheDataNotTheServer() throws Exception {
        assertEquals(header(get(facts("restart"), JSON), "ETag"), header(get(off, facts("restart"), "Accept", JSON), "ETag"),
                "another server on the same data gives the same ETag");
        var other = KgServer.create().port(0).loopback(true).dataset(TestProjects.realBuild().dataset()).datasetTag("other data").build().start();
        try {
            assertNotEquals(header(get(facts("restart"), JSON), "ETag"), header(get(other, facts("restart"), "Accept", JSON), "ETag"));
        } finally {
            other.stop();
        }
    }

    @Test
    void aTinyBudgetEvictsAndStaysWithinIt() throws Exception {
        for (int i = 0; i < 60; i++) {
            var r = get(tiny, TIR + "SELECT ?a WHERE { ?a tir:isoAlpha3 ?iso } ORDER BY ?a OFFSET " + i + " LIMIT 20", "Accept", JSON);
            assertEquals(200, r.statusCode());
            assertTrue(metric(tiny, "tir_cache_bytes") <= TINY, "within the budget after " + (i + 1) + " queries");
        }
        assertTrue(metric(tiny, EVICTIONS) > 0, "60 answers of a few KiB do not fit in 64 KiB");
        String big = TIR + "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 2000";
        get(tiny, big, "Accept", JSON);
        assertEquals("miss", header(get(tiny, big, "Accept", JSON), "X-Cache"), "an answer over 1/16 of the budget is not kept");
    }

    @ParameterizedTest(name = "byte-identical from the cache: {0}")
    @ValueSource(strings = { "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
            "text/tab-separated-values", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml" })
    void cachedBodiesAreByteIdenticalToFreshOnes(String accept) throws Exception {
        String q = accept.contains("sparql-results") || accept.startsWith("text/csv") || accept.startsWith("text/tab")
                ? facts("identical " + accept)
                : "# identical " + accept + "\n" + TIR + "CONSTRUCT { ?a tir:formallyRecognizes ?b } WHERE { ?a tir:formallyRecognizes ?b }";
        var miss = get(q, accept);
        var hit = get(q, accept);
        var fresh = get(server, q, "Accept", accept, "Cache-Control", "no-cache");
        assertEquals("miss", header(miss, "X-Cache"));
        assertEquals("hit", header(hit, "X-Cache"));
        assertTrue(miss.body().length > 0);
        assertArrayEquals(fresh.body(), hit.body());
        assertArrayEquals(miss.body(), hit.body());
        assertEquals(header(fresh, "Content-Type"), header(hit, "Content-Type"));
        assertEquals(header(fresh, "Content-Length"), header(hit, "Content-Length"));
    }

    @Test
    void corsExposesTheValidatorsOnHits() throws Exception {
        get(facts("cors"), JSON);
        var hit = get(server, facts("cors"), "Accept", JSON, "Origin", "https://example.org");
        assertEquals("hit", header(hit, "X-Cache"));
        assertEquals("*", header(hit, "Access-Control-Allow-Origin"));
        assertTrue(header(hit, "Access-Control-Expose-Headers").contains("ETag"));
        assertNull(header(hit, "Access-Control-Allow-Credentials"));
    }

    @Test
    void headIsAnsweredFromTheCache() throws Exception {
        var r = get(facts("head"), JSON);
        var head = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(facts("head"), StandardCharsets.UTF_8)))
                .header("Accept", JSON).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals("hit", header(head, "X-Cache"));
        assertEquals(String.valueOf(r.body().length), header(head, "Content-Length"));
        assertEquals(0, head.body().length);
    }
}
