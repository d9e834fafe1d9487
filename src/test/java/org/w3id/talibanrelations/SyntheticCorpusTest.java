package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;
import org.w3id.talibanrelations.vocabulary.TIR;

/** The benchmark corpus generator writes valid projects, the same bytes for the same seed, with the variety it promises. */
class SyntheticCorpusTest {

    @Test
    void validatesWithTheRealValidatorAndHasTheVarietyItPromises(@TempDir Path tmp) throws IOException {
        SyntheticCorpus.Summary s = SyntheticCorpus.write(tmp, 1500, 7);
        assertEquals(1500, s.facts());
        KgBuild build = KgBuild.run(new Layout(tmp));
        assertEquals(List.of(), KgValidator.validate(Scope.whole(build)));
        assertEquals(1500, build.facts().size());

        var union = ServedDataset.view(build.dataset()).getDefaultGraph();
        Set<Node> certainties = new HashSet<>(), classes = new HashSet<>();
        for (Node f : build.facts().keySet()) {
            union.find(f, TIR.certainty, Node.ANY).forEach(t -> certainties.add(t.getObject()));
            union.find(f, RDF.type.asNode(), Node.ANY).forEach(t -> classes.add(t.getObject()));
        }
        assertEquals(6, certainties.size(), "all six certainty levels: " + certainties);
        assertTrue(classes.size() >= 20, "many relation classes: " + classes);
        assertTrue(union.find(Node.ANY, NodeFactory.createURI(TIR.NS + "denies"), Node.ANY).hasNext(), "denials of allegations");
        assertTrue(union.find(Node.ANY, TIR.undated, Node.ANY).hasNext(), "undated facts");
        assertTrue(union.find(Node.ANY, TIR.endDate, Node.ANY).hasNext(), "closed intervals");
        assertTrue(union.find(Node.ANY, TIR.inferenceNote, Node.ANY).hasNext(), "inferred dates");
        assertTrue(union.find(Node.ANY, TIR.isoAlpha3, Node.ANY).toList().size() >= 15, "states with ISO-like codes");
        String facts = concat(tmp.resolve("data/facts"));
        assertTrue(facts.contains("cur:occurrence"), "quotes chosen by occurrence");
        assertTrue(facts.contains("tir:RecognitionTally"), "a tally");
        long conflicts = union.find(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(TIR.NS + "Conflict")).mapWith(Triple::getSubject).toSet().size();
        assertTrue(conflicts > 0, "the rules find some conflicts");
    }

    @Test
    void sameSeedSameBytes(@TempDir Path tmp) throws IOException {
        SyntheticCorpus.write(tmp.resolve("a"), 400, 3);
        SyntheticCorpus.write(tmp.resolve("b"), 400, 3);
        SyntheticCorpus.write(tmp.resolve("c"), 400, 4);
        List<Path> a = files(tmp.resolve("a")), b = files(tmp.resolve("b"));
        assertEquals(a.stream().map(p -> tmp.resolve("a").relativize(p)).toList(), b.stream().map(p -> tmp.resolve("b").relativize(p)).toList());
        for (int i = 0; i < a.size(); i++) assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        assertNotEquals(concat(tmp.resolve("a/data")), concat(tmp.resolve("c/data")));
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String concat(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path p : files(root)) sb.append(Files.readString(p));
        return sb.toString();
    }
}
