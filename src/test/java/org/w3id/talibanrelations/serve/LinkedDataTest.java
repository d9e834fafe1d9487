package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.TestServer;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Namespaces;
import org.w3id.talibanrelations.vocabulary.TIR;

/** Dereferenceable IRIs, content negotiation, pages, VoID, service description, dumps. Port 0; always stopped. */
class LinkedDataTest {
    @RegisterExtension static final TestServer server = TestServer.onRealData();
    private static final HttpClient http = server.http(); // does not follow redirects

    private static HttpResponse<byte[]> get(String path, String accept) throws Exception {
        return server.getBytes(path, "Accept", accept);
    }

    private static Graph parse(byte[] body, Lang lang) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(Ids.BASE).parse(g);
        return g;
    }

    @Test
    void everyMintedIriResolvesAndUnknownOnesAre404() throws Exception {
        Graph union = ServedDataset.view(TestProjects.realBuild().dataset()).getDefaultGraph();
        List<Node> minted = union.find().mapWith(Triple::getSubject)
                .filterKeep(n -> n.isURI() && n.getURI().startsWith(Ids.ID) && !n.getURI().contains("#")).toSet().stream().toList();
        assertTrue(minted.size() > 1000, "facts, actors, sources, conflicts, steps, posts, places");
        List<String> failures = new ArrayList<>();
        for (Node n : minted) {
            String path = n.getURI().substring(Ids.BASE.length());
            var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            boolean ok = r.statusCode() == 303 && r.headers().firstValue("Location").orElse("").endsWith("/doc/" + path.substring(3))
                    && r.headers().firstValue("Vary").orElse("").contains("Accept");
            if (!ok) failures.add(path + " " + r.statusCode());
        }
        assertEquals(List.of(), failures);
        assertEquals(404, get("id/actor/atlantis", null).statusCode());
        assertEquals(404, get("doc/fact/no-such-fact", "text/html").statusCode());
        assertEquals(404, get("doc/actor/russia.exe", null).statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "text/turtle,TURTLE,ttl", "application/ld+json,JSONLD,jsonld", "application/n-triples,NTRIPLES,nt", "application/rdf+xml,RDFXML,rdf" })
    void descriptionsNegotiateEveryRdfFormat(String type, String lang, String ext) throws Exception {
        var r = get("doc/actor/russia", type);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type));
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        assertEquals("/doc/actor/russia." + ext, r.headers().firstValue("Content-Location").orElse(""));
        Graph g = parse(r.body(), langOf(lang));
        Node russia = NodeFactory.createURI(Ids.ACTOR + "russia");
        assertTrue(g.contains(russia, TIR.isoAlpha3, NodeFactory.createLiteralString("RUS")), "the actor's own triples");
        assertTrue(g.find(Node.ANY, TIR.agent, russia).hasNext(), "the facts that name it");
        assertTrue(g.contains(NodeFactory.createURI(Ids.ACTOR + "islamic-emirate-of-afghanistan"), RDFS.label.asNode(), Node.ANY) || type.equals("x"),
                "labels of neighbours");
        assertEquals(200, get("doc/actor/russia." + ext, null).statusCode(), "by extension too");
    }

    private static Lang langOf(String name) {
        return switch (name) { case "JSONLD" -> Lang.JSONLD; case "NTRIPLES" -> Lang.NTRIPLES; case "RDFXML" -> Lang.RDFXML; default -> Lang.TURTLE; };
    }

    @Test
    void aConfiguredBaseUrlIsUsedInRedirectsAndTheServiceDescription() throws Exception {
        KgServer proxied = KgServer.create().port(0).loopback(true).dataset(TestProjects.realBuild().dataset())
                .baseUrl("https://kg.example.org/taliban").build().start();
        try {
            var r = http.send(HttpRequest.newBuilder(URI.create(proxied.baseUrl() + "id/actor/russia")).GET().build(), HttpResponse.BodyHandlers.discarding());
            assertEquals("https://kg.example.org/taliban/doc/actor/russia", r.headers().firstValue("Location").orElse(""));
            var sd = http.send(HttpRequest.newBuilder(URI.create(proxied.sparqlUrl())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(sd.body().contains("<https://kg.example.org/taliban/kg/sparql>"), sd.body());
        } finally {
            proxied.stop();
        }
    }

    @Test
    void theJsonLdContextHoldsEveryPrefix() throws Exception {
        var r = get("context.jsonld", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        JsonObject context = JSON.parse(new String(r.body(), StandardCharsets.UTF_8)).get("@context").getAsObject();
        assertEquals(Namespaces.prefixMapping().getNsPrefixMap().size(), context.keys().size());
        assertEquals(TIR.NS, context.get("tir").getAsString().value());
    }

    @Test
    void factDescriptionCarriesItsEvidence() throws Exception {
        Graph g = parse(get("doc/fact/000-russia-formally-recognizes-iea-2025-07-04", "text/turtle").body(), Lang.TURTLE);
        Node quote = NodeFactory.createURI(Ids.FACT + "000-russia-formally-recognizes-iea-2025-07-04#quote-2");
        assertTrue(g.contains(quote, NodeFactory.createURI("http://www.w3.org/ns/oa#exact"), Node.ANY), "evidence selectors travel with the fact");
    }

    @Test
    void htmlPagesForActorsFactsSourcesAndConflicts() throws Exception {
        String actor = new String(get("doc/actor/russia", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").body(), StandardCharsets.UTF_8);
        assertTrue(actor.contains("<h1>Russia</h1>") && actor.contains("<svg") && actor.contains("formal recognition"), "actor page with timeline");
        assertFalse(actor.contains("http://") && actor.matches("(?s).*<(script|link)[^>]+src=\"https?://.*"), "nothing loaded from elsewhere");
        assertTrue(actor.contains(">Russia formally recognizes Islamic Emirate of Afghanistan (4 July 2025)</a>"), "facts listed by what they say");
        assertTrue(actor.contains("1 before 1994 (in the table)") && !actor.contains(">1800</text>"),
                "the timeline's scale starts with the Taliban, not with the Great Game of the 19th century");
        int marks = actor.split("<a class=\"step\"", -1).length - 1;
        assertTrue(marks >= 3 && actor.contains("<title>step: 6 formal recognition (2025-07-0"), "each dated stance step marked with its rung: " + marks);
        assertTrue(actor.contains("<h2>Relations the texts do not date</h2>"), "undated facts shown apart");
        String dated = actor.substring(actor.indexOf("<h2>Relations in date order</h2>"), actor.indexOf("<h2>Relations the texts do not date</h2>"));
        assertFalse(dated.contains("<span class=muted>undated</span>"), "no undated fact among the dated ones");
        assertTrue(actor.matches("(?s).*<a class=\"quote\" href=\"/doc/source/[a-z-]+#c[0-9]+\" title=\"[^\"]+\">quote</a>.*"),
                "every relation links to its quote in the source");
        String fact = new String(get("doc/fact/000-russia-formally-recognizes-iea-2025-07-04.html", null).body(), StandardCharsets.UTF_8);
        assertTrue(fact.contains("<mark>On 4 July 2025, Russia formally recognized the Islamic Emirate of Afghanistan as the official government of Afghanistan.</mark>"),
                "the quote highlighted in its text");
        assertTrue(fact.contains("/doc/source/international-relations-with-the-taliban#c35561"), "a link to the quote in the source page");
        assertTrue(fact.contains("Disagreements"), "the conflicts it is part of");
        assertTrue(fact.contains("<h1>Russia formally recognizes Islamic Emirate of Afghanistan (4 July 2025)</h1>"),
                "the fact's label, a sentence, is the page's heading");
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("<li><a href=\"([^\"]*/conflict/[^\"]*)\"").matcher(fact);
        List<String> listed = new java.util.ArrayList<>();
        while (links.find()) listed.add(links.group(1));
        assertTrue(!listed.isEmpty() && listed.size() == new java.util.HashSet<>(listed).size(), "each conflict listed once: " + listed);
        String source = new String(get("doc/source/international-relations-with-the-taliban.html", null).body(), StandardCharsets.UTF_8);
        assertTrue(source.contains("f43599c03bae0c36886822f1b3a8d3730e215529096f5d56de1463ec9ad30c5e") && source.contains("id=\"c35561\""), "hash and anchored text");
        String conflict = new String(get("doc/conflict/different-dates-e853ad35030d.html", null).body(), StandardCharsets.UTF_8);
        assertTrue(conflict.contains("Curator's explanation") && conflict.contains("3 July 2025") && conflict.contains("4 July 2025"));
    }

    @Test
    void ontologyIriServesTurtleRdfXmlAndHtmlDocumentation() throws Exception {
        Graph ttl = parse(get("ontology", "text/turtle").body(), Lang.TURTLE);
        assertTrue(ttl.contains(NodeFactory.createURI(TIR.ONTOLOGY), RDF.type.asNode(), OWL.Ontology.asNode()));
        Graph rdf = parse(get("ontology", "application/rdf+xml").body(), Lang.RDFXML);
        assertEquals(ttl.size(), rdf.size());
        String html = new String(get("ontology", "text/html").body(), StandardCharsets.UTF_8);
        for (Node c : ttl.find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode()).mapWith(Triple::getSubject).toList())
            if (c.getURI().startsWith(TIR.NS)) assertTrue(html.contains("id=\"" + c.getLocalName() + "\""), "documents " + c);
        assertTrue(html.contains("On 4 July 2025, Russia formally recognized"), "with examples from the corpus");
    }

    @Test
    void voidAndServiceDescription() throws Exception {
        Graph v = parse(get(".well-known/void", null).body(), Lang.TURTLE);
        Node dataset = NodeFactory.createURI(Ids.BASE + "dataset");
        String voidNs = "http://rdfs.org/ns/void#";
        assertTrue(v.contains(dataset, NodeFactory.createURI(voidNs + "triples"), Node.ANY));
        assertTrue(v.contains(dataset, NodeFactory.createURI(voidNs + "sparqlEndpoint"), NodeFactory.createURI(Ids.BASE + "kg/sparql")));
        List<Node> dumps = v.find(dataset, NodeFactory.createURI(voidNs + "dataDump"), Node.ANY).mapWith(Triple::getObject).toList();
        assertEquals(6, dumps.size());
        for (Node d : dumps) assertEquals(200, get(d.getURI().substring(Ids.BASE.length()), null).statusCode(), d.getURI());

        var sd = get("kg/sparql", null);
        assertEquals(200, sd.statusCode());
        Graph g = parse(sd.body(), Lang.TURTLE);
        String sdNs = "http://www.w3.org/ns/sparql-service-description#";
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(sdNs + "endpoint"), NodeFactory.createURI(server.sparqlUrl())), "sd:endpoint is this endpoint");
        assertTrue(g.contains(Node.ANY, NodeFactory.createURI(sdNs + "feature"), NodeFactory.createURI(sdNs + "UnionDefaultGraph")));
    }

    @Test
    void dumpsHoldThePublishedDataset() throws Exception {
        DatasetGraph built = TestProjects.realBuild().dataset();
        DatasetGraph trig = DatasetGraphFactory.create();
        RDFParser.source(new ByteArrayInputStream(get("dumps/kg.trig", null).body())).lang(Lang.TRIG).parse(trig);
        assertEquals(built.stream().count(), trig.stream().count());
        DatasetGraph nq = DatasetGraphFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(get("dumps/kg.nq.gz", null).body()))).lang(Lang.NQUADS).parse(nq);
        assertEquals(built.stream().count(), nq.stream().count());
        assertTrue(parse(get("dumps/ontology.rdf", null).body(), Lang.RDFXML).size() > 500);
    }

    @Test
    void dumpsAreTheFilesBuildWritesByteForByte(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.w3id.talibanrelations.publish.Publisher.publish(TestProjects.realBuild().dataset(), dir);
        for (String name : new String[] { "kg.trig", "ontology.ttl", "kg-flat.ttl" })
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(dir.resolve(name)), get("dumps/" + name, null).body()),
                    "dumps/" + name + " is the file build --out writes");
    }

    @Test
    void queryPageIsOfflineAndPreloadedWithTheQuestions() throws Exception {
        String page = new String(get("query", null).body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("cq01-formal-recognitions") && page.contains("cq44-quotes-mentioning-doha"), "every question as an example");
        assertFalse(page.matches("(?s).*(src|href)=\"https?://.*"), "no script, style or font from elsewhere");
        assertFalse(page.toLowerCase().contains("upload"), "nothing a read-only server would refuse");
        assertTrue(page.contains("/assets/codemirror.js") && page.contains("/assets/codemirror-sparql.js") && page.contains("/assets/echarts.js"),
                "CodeMirror with its SPARQL mode, and ECharts, from this origin");
        assertTrue(page.matches("(?s).*\"tir\"\\s*:\\s*\"https://w3id.org/taliban-relations/ontology#\".*")
                && page.matches("(?s).*\"FormalRecognition\"\\s*:.*"),
                "the prefixes and the ontology's terms, for completion");
        assertTrue(page.contains("Which dates do the sources give for Russia"), "each example with its question");
    }

    @Test
    void overviewDrawsEveryStanceStepLinkedToItsFact() throws Exception {
        String page = new String(get("overview", null).body(), StandardCharsets.UTF_8);
        Graph union = ServedDataset.view(TestProjects.realBuild().dataset()).getDefaultGraph();
        long steps = union.find(Node.ANY, RDF.type.asNode(), TIR.StanceStep).toList().size();
        assertTrue(steps > 100, "stance steps in the data: " + steps);
        int dots = page.split("<circle ", -1).length - 1, more = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(">\\+(\\d+)</text>").matcher(page);
        while (m.find()) more += Integer.parseInt(m.group(1));
        assertEquals(steps + 7, dots + more, "a dot per step (or counted as +N where a row's undated steps overflow), and seven in the legend");
        assertTrue(page.contains("<a href=\"/doc/fact/000-russia-formally-recognizes-iea-2025-07-04\"><title>Russia formally recognizes"),
                "Russia's recognition links to its fact, titled by its label");
        assertTrue(page.contains("<td>formal recognition</td>") && page.contains("<td>stated</td>"), "counts by relation type and certainty");
        assertFalse(page.matches("(?s).*(src|href)=\"https?://.*"), "nothing from elsewhere");
    }

    @Test
    void shaclValidationOfTheDatasetWithOurShapes() throws Exception {
        byte[] shapes = get("shapes/kg-shapes.ttl", null).body();
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "kg/shacl?graph=default"))
                .header("Content-Type", "text/turtle").header("Accept", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofByteArray(shapes)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        Graph report = parse(r.body(), Lang.TURTLE);
        assertTrue(report.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/shacl#conforms"),
                NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean)), "the served data conforms");
    }

    /** Graph Store reads and linked-data pages are not cached, but carry an ETag of their bytes and answer If-None-Match. */
    @ParameterizedTest(name = "ETag and 304: /{0}")
    @CsvSource({ "kg/get?default, application/n-triples", "kg?graph=https%3A%2F%2Fw3id.org%2Ftaliban-relations%2Fid%2Fgraph%2Fontology, text/turtle",
            "doc/actor/russia, text/turtle", "doc/actor/russia, text/html", "ontology, application/rdf+xml", ".well-known/void, text/turtle",
            "dumps/kg.nq.gz, application/gzip" })
    void readsCarryAStrongEtagAndAnswer304(String path, String accept) throws Exception {
        var first = get(path, accept);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElse(null);
        assertTrue(etag != null && etag.matches("\"[0-9a-f]{32}\""), path + ": " + first.headers().map());
        assertEquals(etag, get(path, accept).headers().firstValue("ETag").orElse(null), "the same bytes, the same ETag");
        var notModified = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept)
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertTrue(notModified.headers().firstValue("Content-Length").isEmpty(), "a 304 has no Content-Length of its own");
        var changed = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", accept)
                .header("If-None-Match", "\"stale\"").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, changed.statusCode());
        assertTrue(java.util.Arrays.equals(first.body(), changed.body()));
    }
}
