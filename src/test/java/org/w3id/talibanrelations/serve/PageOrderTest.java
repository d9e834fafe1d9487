package org.w3id.talibanrelations.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.KgServer;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.vocabulary.Ids;

/**
 * A page is a function of the data alone: the same build, its quads put into the graphs in another order
 * (shuffled with a fixed seed), serves every HTML page byte for byte the same, and so with the same ETag.
 * Jena returns triples in an order that follows insertion, so a page that lists values as they come, or takes
 * "the first" of several, differs between the two servers (as between a fresh build and a restart from the
 * build cache, which reads the dataset back from RDF Thrift). Both servers on port 0; always stopped.
 * <p>
 * Not held here: the RDF descriptions (Turtle, N-Triples, JSON-LD, RDF/XML) are the same graph on both
 * servers, written in the store's order, so their bytes may differ.
 */
class PageOrderTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The same quads as {@code dsg}, added to a new dataset in a shuffled order. */
    static DatasetGraph shuffled(DatasetGraph dsg, long seed) {
        List<Quad> quads = new ArrayList<>(dsg.stream().toList());
        Collections.shuffle(quads, new Random(seed));
        DatasetGraph out = DatasetGraphFactory.create();
        quads.forEach(out::add);
        return out;
    }

    @Test
    void everyPageIsTheSameWhateverTheOrderOfTheTriples() throws Exception {
        DatasetGraph built = TestProjects.realBuild().dataset();
        DatasetGraph other = shuffled(built, 20240704L);
        assertEquals(built.stream().count(), other.stream().count());
        List<String> paths = new ArrayList<>(Arrays.asList("", "overview", "query", "ontology"));
        ServedDataset.view(built).getDefaultGraph().find().mapWith(Triple::getSubject)
                .filterKeep(n -> n.isURI() && n.getURI().startsWith(Ids.ID) && !n.getURI().contains("#")).toSet().stream()
                .map(Node::getURI).sorted().forEach(u -> paths.add("doc/" + u.substring(Ids.ID.length())));
        assertTrue(paths.size() > 1000, "every resource's page: " + paths.size());
        KgServer a = null, b = null;
        try {
            a = KgServer.create().port(0).loopback(true).dataset(built).build().start();
            b = KgServer.create().port(0).loopback(true).dataset(other).build().start();
            List<String> differ = new ArrayList<>();
            for (String p : paths) {
                HttpResponse<byte[]> x = get(a, p), y = get(b, p);
                assertEquals(200, x.statusCode(), p);
                assertTrue(x.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), p);
                if (y.statusCode() != x.statusCode() || !Arrays.equals(x.body(), y.body())
                        || !x.headers().firstValue("ETag").equals(y.headers().firstValue("ETag")))
                    differ.add("/" + p + (differ.size() < 10 ? ": " + firstDifference(x.body(), y.body()) : ""));
            }
            assertTrue(differ.isEmpty(), differ.size() + " of " + paths.size() + " pages depend on the order of the triples:\n  "
                    + String.join("\n  ", differ.subList(0, Math.min(40, differ.size()))));
        } finally {
            if (a != null) a.stop();
            if (b != null) b.stop();
        }
    }

    /** Where two pages part: some text of each from just before the first byte that differs. */
    private static String firstDifference(byte[] x, byte[] y) {
        String s = new String(x, StandardCharsets.UTF_8), t = new String(y, StandardCharsets.UTF_8);
        int i = 0;
        while (i < s.length() && i < t.length() && s.charAt(i) == t.charAt(i)) i++;
        int from = Math.max(0, i - 40);
        return "«" + s.substring(from, Math.min(s.length(), i + 60)) + "» / «" + t.substring(from, Math.min(t.length(), i + 60)) + "»";
    }

    private static HttpResponse<byte[]> get(KgServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
