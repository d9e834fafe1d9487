package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;
import org.w3id.talibanrelations.TestServer;

/**
 * The route inventory ({@link Routes}) against the running server: every mounted route is listed
 * (a route added without an entry fails here), and every listed route is probed as an attacker would
 * probe it, through every way a route can take SPARQL or shapes: each write method, a SERVICE to a
 * trap listening on the loopback address (in the URL, in a form, as a query body, as an update, in
 * SHACL-SPARQL constraints, targets and components, escaped, nested), and malformed input. Expected:
 * no 5xx anywhere, and the trap never hears a request. One dynamic test per route.
 */
class RouteInventoryTest {
    @RegisterExtension static final TestServer server = TestServer.onRealData(b -> b.limits(Limits.DEFAULT.withQueryTimeout(Duration.ofSeconds(3))));
    private static HttpServer trap;
    private static final AtomicInteger trapHits = new AtomicInteger();
    private static String trapUrl;
    private static final HttpClient http = server.http();

    @BeforeAll
    static void start() throws Exception {
        trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", ex -> { trapHits.incrementAndGet(); ex.sendResponseHeaders(200, -1); ex.close(); });
        trap.start();
        trapUrl = "http://127.0.0.1:" + trap.getAddress().getPort() + "/trap";
    }

    @AfterAll
    static void stop() {
        if (trap != null) trap.stop(0);
    }

    @Test
    void everyMountedRouteIsInTheInventoryAndEveryListedOneIsMounted() {
        Set<String> listed = new TreeSet<>();
        Routes.ALL.forEach(r -> listed.add(r.path()));
        Set<String> mounted = new TreeSet<>(server.server().mountedRoutes());
        assertEquals(listed, mounted, "Routes.ALL must list exactly the routes the server mounts");
    }

    @Test
    void securityMdNamesEveryRoute() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("SECURITY.md"));
        String table = doc.substring(doc.indexOf("## What is exposed"), doc.indexOf("## Defaults"));
        List<String> missing = new ArrayList<>();
        for (Routes.Route r : Routes.ALL) {
            String shown = r.path().startsWith("/ontology.") ? r.path().substring("/ontology".length()) : r.path();
            if (!table.contains("`" + r.path() + "`") && !table.contains("`" + shown + "`")) missing.add(r.path());
        }
        assertEquals(List.of(), missing, "routes SECURITY.md's table does not name");
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesWritesAndServiceTrapsAndMalformedInputWithoutA5xx() {
        return Routes.ALL.stream().map(r -> DynamicTest.dynamicTest(r.path(), () -> probe(r)));
    }

    private record Res(int status, String body) {}

    private static Res send(String method, String pathAndQuery, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body());
    }

    /** A GET with the request line sent as is: java.net.URI refuses the malformed ones probed here. */
    private static Res getRaw(String pathAndQuery) throws Exception {
        TestServer.Response r = server.getRaw(pathAndQuery);
        return new Res(r.status(), r.body());
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** Queries that reach the trap if SERVICE ever runs: plain, nested, hidden in EXISTS, as an update. */
    static List<String> trapQueries(String trapUrl) {
        return List.of(
            "SELECT * WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }",
            "SELECT * WHERE { { SELECT * WHERE { SERVICE SILENT <" + trapUrl + "> { ?s ?p ?o } } } }",
            "ASK { FILTER EXISTS { SERVICE <" + trapUrl + "> { ?s ?p ?o } } }",
            "SELECT * WHERE { BIND(<" + trapUrl + "> AS ?u) SERVICE ?u { ?s ?p ?o } }",
            "SELECT * WHERE { \\u0053ERVICE <" + trapUrl + "> { ?s ?p ?o } }",
            "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }",
            "DESCRIBE ?s WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }");
    }

    /** Shapes whose SHACL-SPARQL calls the trap: a constraint, a SPARQL target, a constraint component, escaped. */
    static List<String> trapShapes(String trapUrl) {
        String pre = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . "
                + "@prefix tir: <https://w3id.org/taliban-relations/ontology#> . ";
        return List.of(
            pre + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select \"SELECT $this WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }\" ] .",
            pre + "ex:S a sh:NodeShape ; sh:targetNode <https://w3id.org/taliban-relations/id/actor/russia> ; sh:sparql [ sh:select \"SELECT $this WHERE { FILTER EXISTS { SERVICE <" + trapUrl + "> { ?s ?p ?o } } }\" ] .",
            pre + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select \"SELECT $this WHERE { \\\\u0053ERVICE <" + trapUrl + "> { ?s ?p ?o } }\" ] .",
            pre + "ex:S a sh:NodeShape ; sh:target [ a sh:SPARQLTarget ; sh:select \"SELECT ?this WHERE { SERVICE <" + trapUrl + "> { ?this ?p ?o } }\" ] ; sh:nodeKind sh:IRI .",
            pre + "ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:p ] ; sh:validator [ a sh:SPARQLAskValidator ; sh:ask \"ASK { SERVICE <" + trapUrl + "> { ?s ?p ?o } }\" ] . "
                + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; ex:p true .");
    }

    private static void probe(Routes.Route route) throws Exception {
        List<String> problems = new ArrayList<>();
        String path = route.example();
        String base = path.contains("?") ? path + "&" : path + "?";
        int before = trapHits.get();
        // Writes: every method a read-only server has no use for, and POST where the route takes none.
        for (String m : List.of("PUT", "DELETE", "PATCH", "PROPFIND", "MKCOL", "TRACE"))
            expect4xx(problems, m + " " + path, send(m, path, "text/turtle", "<urn:a> <urn:b> <urn:c> ."));
        if (!route.methods().contains("POST"))
            expect4xx(problems, "POST " + path, send("POST", path, "text/turtle", "<urn:a> <urn:b> <urn:c> ."));
        expect4xx(problems, "update form", send("POST", path, "application/x-www-form-urlencoded", "update=" + enc("DROP ALL")));
        expect4xx(problems, "update body", send("POST", path, "application/sparql-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"));
        // SERVICE traps, every way SPARQL can come in.
        for (String q : trapQueries(trapUrl)) {
            noServerError(problems, "GET ?query=", send("GET", base + "query=" + enc(q), null, null));
            noServerError(problems, "POST form", send("POST", path, "application/x-www-form-urlencoded", "query=" + enc(q)));
            noServerError(problems, "POST query", send("POST", path, "application/sparql-query", q));
            noServerError(problems, "POST update", send("POST", path, "application/sparql-update", "INSERT { ?s ?p ?o } WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }"));
            if (route.handler() == Routes.Handler.QUERY || route.handler() == Routes.Handler.QUERY_AND_GSP_READ) {
                // Jena reads \\u escapes in strings only, so the escaped one is no SERVICE but a syntax error (400).
                Res r = send("POST", path, "application/sparql-query", q);
                int expected = q.contains("\\u0053") ? 400 : 403;
                if (r.status() != expected) problems.add("SERVICE query not refused with " + expected + ": " + r.status() + " " + r.body());
            }
        }
        for (String shapes : trapShapes(trapUrl)) {
            Res r = send("POST", path, "text/turtle", shapes);
            noServerError(problems, "shapes", r);
            if (route.handler() == Routes.Handler.SHACL && r.status() != 403 && !(shapes.contains("\\\\u0053") && r.status() == 400))
                problems.add("shapes with SERVICE not refused with 403: " + r.status() + " " + r.body());
        }
        // Malformed input.
        noServerError(problems, "bad percent-encoding", getRaw(base + "query=%zz%"));
        noServerError(problems, "bad UTF-8", getRaw(base + "query=%C3%28"));
        noServerError(problems, "unparsable query", send("POST", path, "application/sparql-query", "SELECT WHERE {{{"));
        noServerError(problems, "unparsable Turtle", send("POST", path, "text/turtle", "@prefix sh: <http://www.w3.org/ns/shacl#> . ex:S a"));
        noServerError(problems, "JSON-LD with a remote context", send("POST", path, "application/ld+json", "{\"@context\": \"" + trapUrl + "\", \"@id\": \"urn:x\"}"));
        noServerError(problems, "odd graph", send("GET", base + "graph=" + enc("not an iri <>"), null, null));
        noServerError(problems, "raw bytes in the path", getRaw(path.replaceFirst("\\?.*", "") + "/%00%ff\u00e9/../.."));
        noServerError(problems, "trailing slash", send("GET", path.replaceFirst("\\?.*", "") + "/", null, null));
        if (trapHits.get() != before) problems.add("the trap was reached " + (trapHits.get() - before) + " times");
        if (!problems.isEmpty()) fail(route.path() + ":\n  " + String.join("\n  ", problems));
    }

    private static void noServerError(List<String> problems, String what, Res r) {
        if (r.status() >= 500) problems.add(what + ": " + r.status() + " " + r.body().lines().findFirst().orElse(""));
    }

    private static void expect4xx(List<String> problems, String what, Res r) {
        if (r.status() < 400 || r.status() >= 500) problems.add(what + ": expected a 4xx, got " + r.status());
    }

    @Test
    void theTrapWorks() throws Exception {
        int before = trapHits.get();
        http.send(HttpRequest.newBuilder(URI.create(trapUrl)).build(), HttpResponse.BodyHandlers.discarding());
        assertTrue(trapHits.get() > before, "the trap counts the requests it gets, so that zero means zero");
    }
}
