package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.core.ServedDataset;

/**
 * REGEX and REPLACE on the endpoint: the same answers as ARQ's own, and a match that backtracks past
 * the time limit is cut there (422) instead of holding a thread for as long as it takes.
 */
class SafeRegexTest {
    private static KgServer server;
    private static DatasetGraph served;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String P = "PREFIX tir: <https://w3id.org/taliban-relations/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#> "
            + "PREFIX cnt: <http://www.w3.org/2011/content#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @BeforeAll
    static void start() {
        served = ServedDataset.view(TestProjects.realBuild().dataset());
        server = KgServer.create().port(0).loopback(true).servedDataset(served)
                .limits(Limits.DEFAULT.withQueryTimeout(Duration.ofSeconds(2))).cacheBytes(0).build().start();
    }

    @AfterAll
    static void stop() { if (server != null) server.stop(); }

    private static HttpResponse<String> post(String q) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAreArqsOwn() throws Exception {
        for (String q : List.of(
                "SELECT ?e WHERE { ?e oa:exact ?x FILTER REGEX(?x, 'doha', 'i') } ORDER BY ?e",
                "SELECT ?e WHERE { ?e oa:exact ?x FILTER REGEX(?x, '^On [0-9]+ July') } ORDER BY ?e",
                "SELECT ?e WHERE { ?e oa:exact ?x FILTER REGEX(?x, 'A/RES/77/10', 'q') } ORDER BY ?e",
                "SELECT ?a (REPLACE(?l, '([aeiou])', '<$1>') AS ?r) WHERE { ?a rdfs:label ?l FILTER(LANG(?l) != '') } ORDER BY ?a ?r LIMIT 40",
                "SELECT ?a (REPLACE(STR(?l), 'a', 'A', 'i') AS ?r) WHERE { ?a rdfs:label ?l } ORDER BY ?a ?r LIMIT 40",
                "SELECT (COUNT(*) AS ?n) WHERE { ?t cnt:chars ?c FILTER REGEX(?c, 'taliban.*russia', 'si') }",
                "ASK { FILTER EXISTS { ?e oa:exact ?x FILTER REGEX(?x, 'Muttaqi') } }")) {
            HttpResponse<String> r = post(P + q);
            assertEquals(200, r.statusCode(), q + "\n" + r.body());
            Query query = QueryFactory.create(P + q);
            if (query.isAskType()) {
                try (QueryExecution qe = QueryExecution.create().query(query).dataset(org.apache.jena.query.DatasetFactory.wrap(served)).build()) {
                    assertTrue(r.body().contains("\"boolean\" : " + qe.execAsk()), q + "\n" + r.body());
                }
                continue;
            }
            ResultSetRewindable actual = ResultSetFactory.copyResults(ResultSetMgr.read(new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
            try (QueryExecution qe = QueryExecution.create().query(query).dataset(org.apache.jena.query.DatasetFactory.wrap(served)).build()) {
                ResultSetRewindable expected = ResultSetFactory.copyResults(qe.execSelect());
                assertTrue(expected.size() > 0, "the query finds something: " + q);
                assertTrue(ResultsCompare.equalsByTerm(expected, actual), q);
            }
        }
    }

    @Test
    void aMatchThatBacktracksPastTheLimitIsCutThere() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = post(P + "SELECT ?t WHERE { ?t cnt:chars ?c FILTER REGEX(?c, '(.*a){14}#') }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("time limit"), r.body());
        assertTrue(ms < 20_000, "cut near the 2 s limit, not matched to the end: " + ms + " ms");
    }
}
