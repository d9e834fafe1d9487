package org.w3id.talibanrelations.serve.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.serve.http.Refusal;
import org.w3id.talibanrelations.serve.http.RequestScope;

/**
 * The allow-list where SERVICE is executed, without the parse-time check in front of it: SPARQL that
 * reaches ARQ by a path no HTTP handler scanned (a SHACL-SPARQL constraint over a graph of its own,
 * a query over the served dataset from any thread) is refused, and the trap never hears a request.
 */
class ServiceGuardTest {
    private static HttpServer trap;
    private static final AtomicInteger hits = new AtomicInteger();
    private static String trapUrl;

    @BeforeAll
    static void start() throws Exception {
        trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", ex -> { hits.incrementAndGet(); ex.sendResponseHeaders(500, -1); ex.close(); });
        trap.start();
        trapUrl = "http://127.0.0.1:" + trap.getAddress().getPort() + "/sparql";
    }

    @AfterAll
    static void stop() { trap.stop(0); }

    private static DatasetGraph data() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString("<http://example.org/a> <http://example.org/p> <http://example.org/b> .", Lang.NT).parse(dsg.getDefaultGraph());
        return dsg;
    }

    private static void select(DatasetGraph dsg, String q) {
        try (QueryExecution qe = QueryExecution.create().query(QueryFactory.create(q)).dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).build()) {
            qe.execSelect().forEachRemaining(r -> { });
        }
    }

    @Test
    void aQueryOverTheServedDatasetIsRefusedFromAnyThread() throws Exception {
        DatasetGraph dsg = data();
        ServiceGuard.install(dsg.getContext(), List.of());
        int before = hits.get();
        Thread t = new Thread(() -> assertThrows(Refusal.Refused.class,
                () -> select(dsg, "SELECT * { SERVICE <" + trapUrl + "> { ?s ?p ?o } }")));
        t.start();
        t.join();
        assertThrows(Refusal.Refused.class, () -> select(dsg, "SELECT * { BIND(<" + trapUrl + "> AS ?e) SERVICE ?e { ?s ?p ?o } }"));
        assertEquals(before, hits.get(), "the trap heard nothing");
    }

    @Test
    void anAllowListedEndpointIsCalled() {
        DatasetGraph dsg = data();
        ServiceGuard.install(dsg.getContext(), List.of(trapUrl));
        int before = hits.get();
        // The trap answers 500: the call fails, but only after the guard let it through.
        assertThrows(RuntimeException.class, () -> select(dsg, "SELECT * { SERVICE <" + trapUrl + "> { ?s ?p ?o } }"));
        assertTrue(hits.get() > before, "the allowed endpoint was called");
    }

    @Test
    void shaclSparqlDuringARequestIsRefusedThoughItRunsOverADatasetOfItsOwn() throws Exception {
        ServiceGuard.installGlobal();
        Graph shapes = GraphFactory.createGraphMem();
        RDFParser.fromString("@prefix sh: <http://www.w3.org/ns/shacl#> . <http://example.org/S> a sh:NodeShape ; sh:targetNode <http://example.org/a> ; "
                + "sh:sparql [ sh:select \"SELECT $this WHERE { SERVICE <" + trapUrl + "> { ?s ?p ?o } }\" ] .", Lang.TTL).parse(shapes);
        Graph data = data().getDefaultGraph();
        int before = hits.get();
        try (AutoCloseable scope = RequestScope.enter(List.of(), null, Long.MAX_VALUE)) {
            Throwable thrown = null;
            try {
                ShaclValidator.get().validate(Shapes.parse(shapes), data);
            } catch (RuntimeException e) {
                thrown = e;
            }
            assertTrue(thrown != null && chainHas(thrown, Refusal.Refused.class), "refused: " + thrown);
        }
        assertEquals(before, hits.get(), "the trap heard nothing");
    }

    private static boolean chainHas(Throwable e, Class<?> c) {
        for (; e != null; e = e.getCause()) if (c.isInstance(e)) return true;
        return false;
    }
}
