package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Fast;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.TripleSetGraph;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;
import org.w3id.talibanrelations.vocabulary.Ids;

/** The facts graphs' triple sets answer as an indexed graph does, and the build never needs their indexes. */
class TripleSetGraphTest {

    private static Node n(String s) { return NodeFactory.createURI("http://example.org/" + s); }

    @Test
    void answersEveryPatternAsAnIndexedGraph() {
        Graph set = new TripleSetGraph(), fast = new GraphMem2Fast();
        List<Node> nodes = List.of(n("a"), n("b"), n("c"), NodeFactory.createLiteralString("x"));
        for (Node s : nodes.subList(0, 3)) for (Node p : nodes.subList(0, 2)) for (Node o : nodes) {
            if ((s.hashCode() + p.hashCode() + o.hashCode()) % 3 == 0) continue;
            set.add(Triple.create(s, p, o));
            fast.add(Triple.create(s, p, o));
        }
        assertEquals(fast.size(), set.size());
        assertEquals(new HashSet<>(fast.find().toList()), new HashSet<>(set.find().toList()));
        assertFalse(((TripleSetGraph) set).isIndexed(), "every triple, or a whole one, needs no index");
        List<Node> any = new ArrayList<>(nodes);
        any.add(Node.ANY);
        for (Node s : any) for (Node p : any) for (Node o : any) {
            Set<Triple> expected = new HashSet<>(fast.find(s, p, o).toList());
            assertEquals(expected, new HashSet<>(set.find(s, p, o).toList()), s + " " + p + " " + o);
            assertEquals(!expected.isEmpty(), set.contains(s, p, o));
            assertEquals(expected, new HashSet<>(set.stream(s, p, o).toList()));
        }
        assertTrue(((TripleSetGraph) set).isIndexed());
    }

    @Test
    void concurrentFirstQueriesAgree() throws Exception {
        for (int round = 0; round < 20; round++) {
            TripleSetGraph g = new TripleSetGraph();
            for (int i = 0; i < 2000; i++) g.add(Triple.create(n("s" + i % 97), n("p" + i % 5), n("o" + i)));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> counts = new ArrayList<>();
                for (int t = 0; t < 8; t++) counts.add(pool.submit(() -> g.find(Node.ANY, n("p3"), Node.ANY).toList().size()));
                for (Future<Integer> c : counts) assertEquals(400, c.get());
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void theBuildAndValidationLeaveTheFactsGraphsWithoutIndexes() {
        KgBuild build = KgBuild.run(TestProjects.REAL);
        assertEquals(List.of(), KgValidator.validate(Scope.whole(build)));
        int facts = 0;
        for (var doc : build.sources().documents()) {
            Graph g = build.dataset().getGraph(Ids.factsGraph(doc.slug()));
            while (g instanceof GraphWrapper w) g = w.get();
            assertTrue(g instanceof TripleSetGraph, "facts graph of " + doc.slug() + " is a TripleSetGraph");
            assertFalse(((TripleSetGraph) g).isIndexed(), "nothing matched a pattern against the facts graph of " + doc.slug());
            facts += g.size();
        }
        assertTrue(facts > 1000);
    }
}
