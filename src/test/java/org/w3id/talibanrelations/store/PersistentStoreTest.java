package org.w3id.talibanrelations.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.ServedDataset;

/** The stored dataset (loaded with TDB2's bulk loader) holds exactly the served view: every named graph, and their union as the default graph. */
class PersistentStoreTest {

    @Test
    void storesTheServedViewAndNamesIt(@TempDir Path dir) throws Exception {
        KgBuild build = TestProjects.realBuild();
        PersistentStore store = PersistentStore.at(dir, TestProjects.REAL);
        assertFalse(store.isCurrent());
        DatasetGraph stored = store.replace(build.dataset());
        try {
            assertTrue(store.isCurrent());
            assertEquals("db-" + store.inputsHash(), Files.readString(dir.resolve("current")).strip());
            try (var files = Files.list(dir)) {
                assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "no partial database is left");
            }
            DatasetGraph view = ServedDataset.view(build.dataset());
            Txn.executeRead(stored, () -> {
                assertEquals(triples(view.getDefaultGraph().find().toSet()), triples(stored.getDefaultGraph().find().toSet()), "default graph");
                Set<Node> names = new HashSet<>(), storedNames = new HashSet<>();
                view.listGraphNodes().forEachRemaining(names::add);
                stored.listGraphNodes().forEachRemaining(storedNames::add);
                assertEquals(names, storedNames);
                for (Node n : names)
                    assertEquals(triples(view.getGraph(n).find().toSet()), triples(stored.getGraph(n).find().toSet()), n.getURI());
            });
        } finally {
            org.apache.jena.tdb2.sys.TDBInternal.expel(stored);
        }
    }

    /** Triples as strings: TDB2 gives back equal terms, not the same objects. */
    private static Set<String> triples(Set<Triple> ts) {
        Set<String> s = new HashSet<>();
        for (Triple t : ts) s.add(t.toString());
        return s;
    }
}
