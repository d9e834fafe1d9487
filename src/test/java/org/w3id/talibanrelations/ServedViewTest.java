package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.ServedDataset;

/**
 * The served view a build keeps up to date (rules and curators' notes added after it was made)
 * is exactly the view made afresh from the finished dataset: same graphs, same union.
 */
class ServedViewTest {

    @Test
    void realData() {
        same(TestProjects.realBuild());
    }

    @Test
    void everyRuleCase(@TempDir Path tmp) {
        int i = 0;
        for (Path c : Layout.files(Path.of("src/test/resources/rules"), "expect.properties")) {
            KgBuild build = KgBuild.run(TestProjects.fixture(tmp.resolve("case" + i++), c.getParent()));
            assertEquals(List.of(), build.problems());
            same(build);
        }
    }

    private static void same(KgBuild build) {
        DatasetGraph kept = build.served(), fresh = ServedDataset.view(build.dataset());
        assertEquals(names(fresh), names(kept));
        Graph a = kept.getDefaultGraph(), b = fresh.getDefaultGraph();
        assertEquals(b.size(), a.size());
        assertTrue(b.find().filterDrop(a::contains).toList().isEmpty(), "every triple of the fresh view is in the kept one");
        for (String n : names(fresh)) {
            Node g = org.apache.jena.graph.NodeFactory.createURI(n);
            assertTrue(kept.getGraph(g) == build.dataset().getGraph(g), "named graph " + n + " is the build's own");
        }
    }

    private static Set<String> names(DatasetGraph d) {
        Set<String> s = new TreeSet<>();
        d.listGraphNodes().forEachRemaining(n -> s.add(n.getURI()));
        return s;
    }
}
