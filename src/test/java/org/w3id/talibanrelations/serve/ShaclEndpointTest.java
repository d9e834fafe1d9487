package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.talibanrelations.TestServer;

/**
 * {@code POST /kg/shacl}: what it is for (a report on whether the served data meets a researcher's
 * shapes) and every way it refuses to be abused, each with the status a client can act on: 400 for
 * malformed shapes or SPARQL (naming the problem), 415 for a body that is not Turtle or N-Triples,
 * 403 for SERVICE, 422 for validation that runs past the time limit, core and SPARQL alike.
 */
class ShaclEndpointTest {
    @RegisterExtension static final TestServer server = TestServer.onRealData(b -> b.limits(Limits.DEFAULT.withQueryTimeout(Duration.ofSeconds(2))));
    private static final HttpClient http = server.http();
    private static final String PRE = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . "
            + "@prefix tir: <https://w3id.org/taliban-relations/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . ";

    private record Res(int status, String body, long millis) {}

    private static Res post(String contentType, String body) throws Exception {
        long t0 = System.nanoTime();
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "kg/shacl?graph=default"))
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), (System.nanoTime() - t0) / 1_000_000);
    }

    private static void assertRefused(Res r, int status, String message) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.body().contains(message), "message \"" + message + "\" in: " + r.body());
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception"), "no stack trace: " + r.body());
    }

    @Test
    void aResearchersShapesGetTheReportOnTheServedData() throws Exception {
        // Every state has an ISO code (conforms); no state has a tir:capital (a violation per state).
        Res ok = post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:property [ sh:path tir:isoAlpha3 ; sh:minCount 1 ] .");
        assertEquals(200, ok.status(), ok.body());
        assertTrue(report(ok.body()).conforms(), ok.body());
        Res bad = post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetNode <https://w3id.org/taliban-relations/id/actor/russia> ; sh:property [ sh:path ex:capital ; sh:minCount 1 ] .");
        assertEquals(200, bad.status(), bad.body());
        ValidationReport report = report(bad.body());
        assertFalse(report.conforms());
        assertEquals(1, report.getEntries().size(), bad.body());
        Res sparql = post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetNode <https://w3id.org/taliban-relations/id/actor/russia> ; "
                + "sh:sparql [ sh:select \"SELECT $this WHERE { $this <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(STR(?l) = 'Russia') }\" ] .");
        assertEquals(200, sparql.status(), sparql.body());
        assertEquals(1, report(sparql.body()).getEntries().size(), "a SHACL-SPARQL constraint runs: " + sparql.body());
    }

    private static ValidationReport report(String turtle) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.fromString(turtle, Lang.TTL).parse(g);
        return ValidationReport.fromGraph(g);
    }

    @Test
    void malformedShapesGet400NamingTheProblem() throws Exception {
        assertRefused(post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass"), 400, "Malformed shapes (Turtle)");
        assertRefused(post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:property [ sh:path ( ) ] ."), 400, "Malformed shapes");
        assertRefused(post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:sparql [ sh:select \"SELECT $this WHERE {{\" ] ."), 400, "Malformed shapes");
        assertRefused(post("text/turtle", ""), 400, "No shapes");
        assertRefused(post("application/n-triples", "<urn:a> <urn:b> ."), 400, "Malformed shapes (N-Triples)");
    }

    @Test
    void onlyTurtleAndNTriplesAreRead() throws Exception {
        // A JSON-LD body could name a remote @context for the parser to fetch; RDF/XML an external entity.
        assertRefused(post("application/ld+json", "{\"@context\": \"http://127.0.0.1:1/ctx\", \"@id\": \"urn:x\"}"), 415, "text/turtle or application/n-triples");
        assertRefused(post("application/rdf+xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>"), 415, "text/turtle");
    }

    @Test
    void shapesNamingAJavaFunctionAreRefused() throws Exception {
        assertRefused(post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; "
                + "sh:sparql [ sh:select \"SELECT $this WHERE { FILTER(<java:org.example.Evil>($this)) }\" ] ."), 403, "Java class");
    }

    @Test
    void aRunawaySparqlConstraintIsCutAtTheTimeLimit() throws Exception {
        Res r = post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; "
                + "sh:sparql [ sh:select \"SELECT $this WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . FILTER(STR(?a) = STR(?i)) }\" ] .");
        assertRefused(r, 422, "time limit");
        assertTrue(r.millis() < 15_000, "cut near the 2 s limit, not run to the end: " + r.millis() + " ms");
    }

    @Test
    void aRunawayCoreConstraintIsCutAtTheTimeLimit() throws Exception {
        // Every subject, each walking every path from it: quadratic in the graph, with no SPARQL at all.
        Res r = post("text/turtle", PRE + "ex:P a rdf:Property . ex:S a sh:NodeShape ; sh:targetSubjectsOf <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ; "
                + "sh:property [ sh:path [ sh:zeroOrMorePath [ sh:alternativePath ( tir:agent tir:counterpart [ sh:inversePath tir:agent ] [ sh:inversePath tir:counterpart ] ) ] ] ; sh:maxCount 1 ] .");
        assertRefused(r, 422, "time limit");
        assertTrue(r.millis() < 15_000, "cut near the 2 s limit: " + r.millis() + " ms");
    }

    @Test
    void anUnknownGraphIs404AndABadOne400() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "kg/shacl?graph=" + java.net.URLEncoder.encode("http://example.org/none", "UTF-8")))
                .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(PRE + "ex:S a sh:NodeShape .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode(), r.body());
    }

    @Test
    void aBacktrackingPatternIsAnsweredAtTheDeadlineAndTheNextRequestToldToWait() throws Exception {
        // sh:pattern is matched by Jena's engine, which no clock interrupts: about 8 s on this 7.7 kB text.
        String slow = PRE + "@prefix cnt: <http://www.w3.org/2011/content#> . ex:S a sh:NodeShape ; "
                + "sh:targetNode <https://w3id.org/taliban-relations/id/text/taliban-travel-diplomacy> ; "
                + "sh:property [ sh:path cnt:chars ; sh:pattern \"(.*a){3}#\" ] .";
        Res first = post("text/turtle", slow);
        assertRefused(first, 422, "time limit");
        assertTrue(first.millis() < 5_000, "answered at the 2 s deadline: " + first.millis() + " ms");
        Res busy = post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:property [ sh:path tir:isoAlpha3 ; sh:minCount 1 ] .");
        assertRefused(busy, 429, "busy");
        // The bound only stops a hang: the earlier validation ends in about 8 s on a quiet machine, minutes on a loaded one.
        long deadline = System.nanoTime() + 300_000_000_000L;
        Res later;
        do {
            Thread.sleep(500);
            later = post("text/turtle", PRE + "ex:S a sh:NodeShape ; sh:targetClass tir:State ; sh:property [ sh:path tir:isoAlpha3 ; sh:minCount 1 ] .");
        } while (later.status() == 429 && System.nanoTime() < deadline);
        assertEquals(200, later.status(), "served again once the earlier validation ended: " + later.body());
    }
}
