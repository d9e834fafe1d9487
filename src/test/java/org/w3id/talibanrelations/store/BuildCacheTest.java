package org.w3id.talibanrelations.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/** The validated build kept for the next start: found only under the same inputs, never when damaged. */
class BuildCacheTest {
    @TempDir Path tmp;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private static Set<Quad> quads(DatasetGraph dsg) {
        return dsg.stream().collect(Collectors.toSet());
    }

    private KgBuild validated(Layout layout) {
        KgBuild build = KgBuild.run(layout);
        assertEquals(List.of(), KgValidator.validate(Scope.whole(build)));
        return build;
    }

    private List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theSameInputsFindTheSameQuads() {
        Layout layout = TestProjects.fixture(tmp.resolve("p"));
        KgBuild build = validated(layout);
        BuildCache cache = BuildCache.at(tmp.resolve("cache"), layout);
        assertNull(cache.load(log), "nothing saved yet");
        cache.save(build.dataset(), log);
        DatasetGraph again = BuildCache.at(tmp.resolve("cache"), layout).load(log);
        assertNotNull(again);
        assertTrue(build.dataset().stream().count() > 100);
        assertEquals(quads(build.dataset()), quads(again));
        assertEquals("", logBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aChangedInputFindsNothingAndTheNextSaveReplacesTheOldFile() throws IOException {
        Layout layout = TestProjects.fixture(tmp.resolve("p"));
        BuildCache first = BuildCache.at(tmp.resolve("cache"), layout);
        first.save(validated(layout).dataset(), log);
        Path shapes = layout.shapes().resolve("kg-shapes.ttl");
        Files.writeString(shapes, Files.readString(shapes) + "\n# a comment changes the inputs\n");
        BuildCache second = BuildCache.at(tmp.resolve("cache"), layout);
        assertTrue(!first.inputsHash().equals(second.inputsHash()));
        assertNull(second.load(log));
        second.save(validated(layout).dataset(), log);
        List<Path> left = files(tmp.resolve("cache"));
        assertEquals(1, left.size(), left::toString);
        assertTrue(left.get(0).getFileName().toString().startsWith("kg-" + second.inputsHash() + "-"));
    }

    @Test
    void aDamagedFileIsRemovedAndNotServed() throws IOException {
        Layout layout = TestProjects.fixture(tmp.resolve("p"));
        BuildCache cache = BuildCache.at(tmp.resolve("cache"), layout);
        cache.save(validated(layout).dataset(), log);
        Path saved = files(tmp.resolve("cache")).get(0);
        byte[] bytes = Files.readAllBytes(saved);
        // A flipped byte deep inside a term: the file may still parse, but not to the saved quads.
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(saved, bytes);
        assertNull(cache.load(log));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("WARNING: build cache"), logBytes::toString);
        assertEquals(List.of(), files(tmp.resolve("cache")));

        cache.save(validated(layout).dataset(), log);
        Path again = files(tmp.resolve("cache")).get(0);
        Files.write(again, java.util.Arrays.copyOf(Files.readAllBytes(again), 1000));
        assertNull(cache.load(log), "a file cut short is not served");
    }

    @Test
    void aDirectoryThatCannotBeWrittenCostsOnlyAWarning() throws IOException {
        Layout layout = TestProjects.fixture(tmp.resolve("p"));
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        BuildCache cache = BuildCache.at(notADir.resolve("cache"), layout);
        cache.save(validated(layout).dataset(), log);
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("could not save the build cache"), logBytes::toString);
        assertNull(cache.load(log));
    }
}
