package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.TestServer;

/** The endpoint over real HTTP: routes, formats, read-only, CORS. Port 0; always stopped. */
class ServerTest {
    @RegisterExtension static final TestServer server = TestServer.onRealData();
    private static final HttpClient http = server.http();

    private static final String FACTS = "PREFIX tir: <https://w3id.org/taliban-relations/ontology#> "
            + "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f tir:evidence ?e }";
    private static final String CONSTRUCT = "PREFIX tir: <https://w3id.org/taliban-relations/ontology#> "
            + "CONSTRUCT { ?a tir:formallyRecognizes ?b } WHERE { ?a tir:formallyRecognizes ?b }";


    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return server.getBytes(path, "Accept", accept);
    }

    private static String q(String query) {
        return "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static long count(byte[] json) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json), ResultSetLang.RS_JSON);
        return rs.next().getLiteral("n").getLong();
    }

    @ParameterizedTest(name = "GET /{0}")
    @MethodSource("queryRoutes")
    void everyQueryRouteAnswersAndSeesTheUnionOfAllGraphs(String route) throws Exception {
        var r = get(route + "?" + q(FACTS), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), route);
        assertEquals(TestProjects.realBuild().facts().size(), count(r.body()), "a query without GRAPH sees every fact");
    }

    static Stream<String> queryRoutes() { return Stream.of("kg/sparql", "kg/query", "kg"); }

    @Test
    void postFormAndPostQueryBody() throws Exception {
        var form = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(q(FACTS))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, form.statusCode());
        assertTrue(count(form.body()) > 0);
        var direct = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(FACTS)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, direct.statusCode());
    }

    @ParameterizedTest(name = "SELECT as {0}")
    @MethodSource("selectFormats")
    void selectResultFormats(String accept, Lang lang) throws Exception {
        var r = get("kg/sparql?" + q(FACTS), accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(accept), r.headers().toString());
        ResultSetRewindable rs = ResultSetFactory.copyResults(ResultSetMgr.read(new ByteArrayInputStream(r.body()), lang));
        assertEquals(1, rs.size());
    }

    static Stream<Arguments> selectFormats() {
        return Stream.of(Arguments.of("application/sparql-results+json", ResultSetLang.RS_JSON),
                Arguments.of("application/sparql-results+xml", ResultSetLang.RS_XML),
                Arguments.of("text/csv", ResultSetLang.RS_CSV),
                Arguments.of("text/tab-separated-values", ResultSetLang.RS_TSV));
    }

    @Test
    void askAnswersTrue() throws Exception {
        var r = get("kg/sparql?" + q("ASK { ?s ?p ?o }"), "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("true"));
    }

    @ParameterizedTest(name = "CONSTRUCT as {0}")
    @MethodSource("graphFormats")
    void constructResultFormats(String accept, Lang lang) throws Exception {
        var r = get("kg/sparql?" + q(CONSTRUCT), accept);
        assertEquals(200, r.statusCode());
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(lang).parse(g);
        assertFalse(g.isEmpty(), "Russia's recognition is derived and served in " + accept);
    }

    static Stream<Arguments> graphFormats() {
        return Stream.of(Arguments.of("text/turtle", Lang.TURTLE), Arguments.of("application/ld+json", Lang.JSONLD),
                Arguments.of("application/n-triples", Lang.NTRIPLES), Arguments.of("application/rdf+xml", Lang.RDFXML));
    }

    @Test
    void graphStoreDefaultGraphIsTheUnion() throws Exception {
        var r = get("kg/get?default", "application/n-triples");
        assertEquals(200, r.statusCode());
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.NTRIPLES).parse(g);
        assertEquals(TestProjects.realBuild().dataset().stream().map(q -> q.asTriple()).distinct().count(), g.size(),
                "GET ?default returns every triple of every graph, as a query without GRAPH sees");
    }

    @Test
    void graphStoreReadsANamedGraph() throws Exception {
        var r = get("kg/get?graph=" + URLEncoder.encode("https://w3id.org/taliban-relations/id/graph/ontology", StandardCharsets.UTF_8), "text/turtle");
        assertEquals(200, r.statusCode());
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(r.body())).lang(Lang.TURTLE).parse(g);
        assertTrue(g.size() > 100);
    }

    /** Three rounds on one kept-alive client: a refused request must not leave its connection broken. */
    @Test
    void noRouteAcceptsAWrite() throws Exception {
        for (int round = 0; round < 3; round++) writeBattery();
    }

    private void writeBattery() throws Exception {
        String update = "update=" + URLEncoder.encode("INSERT DATA { <urn:x> <urn:y> <urn:z> }", StandardCharsets.UTF_8);
        for (String route : new String[] { "", "kg", "kg/sparql", "kg/query", "kg/update", "kg/get", "kg/data", "kg/upload", "$/ping", "$/metrics", "$/datasets", "$/server" }) {
            var post = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + route))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            assertClientError(post.statusCode(), "POST update to /" + route);
            var sparqlUpdate = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + route))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x> <urn:y> <urn:z> }")).build(), HttpResponse.BodyHandlers.ofString());
            assertClientError(sparqlUpdate.statusCode(), "POST application/sparql-update to /" + route);
            var put = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + route + "?default"))
                    .header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> .")).build(), HttpResponse.BodyHandlers.ofString());
            assertClientError(put.statusCode(), "PUT /" + route);
            var delete = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + route + "?default")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertClientError(delete.statusCode(), "DELETE /" + route);
            var patch = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + route))
                    .header("Content-Type", "text/turtle")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> .")).build(), HttpResponse.BodyHandlers.ofString());
            assertClientError(patch.statusCode(), "PATCH /" + route);
        }
        var after = get("kg/sparql?" + q("ASK { <urn:x> ?p ?o }"), "application/sparql-results+json");
        assertTrue(new String(after.body(), StandardCharsets.UTF_8).contains("false"), "nothing was written");
    }

    private static void assertClientError(int status, String what) {
        assertTrue(status >= 400 && status < 500, what + " answered " + status);
    }

    @Test
    void corsAllowsAnyOriginWithoutCredentials() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?" + q("ASK {}")))
                .header("Origin", "https://example.org").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertNull(r.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        var pre = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(pre.statusCode() == 204 || pre.statusCode() == 200);
        assertEquals("*", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertNull(pre.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
    }

    @Test
    void pingAnswers() throws Exception {
        assertEquals(200, get("$/ping", null).statusCode());
    }

    @Test
    void rootDescribesTheServiceAndUnknownRoutesAre404() throws Exception {
        var root = get("", "text/html");
        assertEquals(200, root.statusCode());
        assertTrue(new String(root.body(), StandardCharsets.UTF_8).contains("/kg/sparql"));
        assertEquals(404, get("no/such/route", null).statusCode());
    }

    /** The home page says what data/dataset.ttl says (through the published VoID graph), not what code says. */
    @Test
    void theHomePageIsMadeFromTheDatasetDescription() throws Exception {
        String page = new String(get("", "text/html").body(), StandardCharsets.UTF_8);
        org.apache.jena.graph.Graph description = org.apache.jena.riot.RDFDataMgr.loadGraph(TestProjects.REAL.datasetDescription().toString());
        org.apache.jena.graph.Node d = org.w3id.talibanrelations.publish.VoidDescription.DATASET;
        String title = org.apache.jena.system.G.getOneSP(description, d, org.apache.jena.vocabulary.DCTerms.title.asNode()).getLiteralLexicalForm();
        assertTrue(page.contains("<h1>" + title + "</h1>"), page);
        var examples = description.find(d, org.apache.jena.vocabulary.VOID.exampleResource.asNode(), org.apache.jena.graph.Node.ANY).mapWith(t -> t.getObject()).toList();
        assertTrue(examples.size() >= 2, "the real description names examples");
        for (var r : examples) {
            String href = "href=\"/doc/" + r.getURI().substring(org.w3id.talibanrelations.vocabulary.Ids.ID.length()) + "\"";
            assertTrue(page.contains(href), "the home page links the example " + r + ": " + page);
        }
    }

    /**
     * Fuseki asks Jetty for a 5 MiB response buffer, more than Jetty's pool keeps: each response written
     * through it allocated a fresh 5 MiB direct buffer, and when direct memory ran out, java.nio called
     * System.gc(), a full collection in the middle of a request (the stall behind the peer benchmark's
     * keep-alive figures). No response may cost more than a small, pooled buffer.
     */
    @Test
    void noResponseAllocatesALargeDirectBuffer() throws Exception {
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).findFirst().orElseThrow();
        for (String path : List.of("$/ping", "$/metrics", "", "no/such/route", "kg/sparql?" + q("ASK {}"),
                "kg/sparql?" + q("SELECT * WHERE { ?s ?p ?o } LIMIT 2000"), "kg/get?default")) {
            get(path, null);
            long worst = 0;
            for (int i = 0; i < 10; i++) {
                long before = direct.getTotalCapacity();
                get(path, null);
                worst = Math.max(worst, direct.getTotalCapacity() - before);
            }
            assertTrue(worst < (1 << 20), "/" + path + ": one response allocated " + worst + " bytes of direct memory");
        }
    }
}
