package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.publish.Publisher;

/** Building twice gives byte-identical files, and the files hold exactly the built dataset. */
class DeterminismTest {

    @Test
    void twoBuildsGiveIdenticalBytes(@TempDir Path a, @TempDir Path b) throws Exception {
        KgBuild first = KgBuild.run(TestProjects.REAL);
        KgBuild second = KgBuild.run(TestProjects.REAL);
        Publisher.publish(first.dataset(), a);
        Publisher.publish(second.dataset(), b);
        for (String f : new String[] { Publisher.DATASET, Publisher.ONTOLOGY }) {
            byte[] x = Files.readAllBytes(a.resolve(f)), y = Files.readAllBytes(b.resolve(f));
            assertTrue(x.length > 1000, f + " is not empty");
            assertArrayEquals(x, y, f + " differs between two builds of the same inputs");
        }
    }

    @Test
    void publishedTrigRoundTrips(@TempDir Path dir) throws Exception {
        KgBuild build = TestProjects.realBuild();
        Publisher.publish(build.dataset(), dir);
        DatasetGraph read = RDFDataMgr.loadDatasetGraph(dir.resolve(Publisher.DATASET).toString());
        assertEquals(build.dataset().stream().count(), read.stream().count());
        assertTrue(IsoMatcher.isomorphic(build.dataset(), read), "kg.trig does not hold the built dataset");
    }
}
