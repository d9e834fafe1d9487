package org.w3id.talibanrelations.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.TestProjects;

/**
 * SHACL validation cut into chunks of focus nodes, run on several threads, reports exactly what
 * Jena's validation of the whole graph reports, in the same order: here on the real data with a
 * triple in every 40 removed, which breaks facts, times, evidence, selectors, actors and conflicts.
 */
class ChunkedShaclTest {

    @Test
    void sameEntriesInTheSameOrder() {
        Graph shapes = KgValidator.shapesGraph(TestProjects.REAL);
        Graph data = GraphFactory.createGraphMem();
        int i = 0;
        for (Triple t : TestProjects.realBuild().served().getDefaultGraph().find().toList())
            if (i++ % 40 != 7) data.add(t);
        List<String> whole = ShaclValidator.get().validate(Shapes.parse(shapes), data).getEntries().stream().map(ChunkedShaclTest::show).toList();
        assertTrue(whole.size() > 100, "the damaged graph breaks many shapes: " + whole.size());
        for (int chunk : new int[] { 1, 7, 500, 1_000_000 }) {
            List<String> chunked = KgValidator.validate(shapes, data, chunk).stream().map(ChunkedShaclTest::show).toList();
            assertEquals(whole, chunked, "chunks of " + chunk);
        }
    }

    private static String show(ReportEntry e) {
        return e.focusNode() + " | " + e.resultPath() + " | " + e.value() + " | " + e.severity() + " | " + e.source() + " | "
                + e.sourceConstraintComponent() + " | " + e.message();
    }
}
