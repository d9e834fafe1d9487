package org.w3id.talibanrelations.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** Finding quotes through the word index gives exactly what scanning the whole text gives. */
class SourceDocumentTest {

    private static List<Integer> scan(String text, String quote) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) at.add(i);
        return at;
    }

    private static SourceDocument doc(String text) {
        return new SourceDocument(NodeFactory.createURI("https://example.org/s"), "s", "s.txt", "data/sources/s.txt", text, "0");
    }

    @Test
    void sameOccurrencesAsAFullScan() {
        SplittableRandom rnd = new SplittableRandom(42);
        String[] pieces = { "aa", "a", "ab", "Kabul", "Kabul’s", "1996", "19", " ", " ", ", ", ". ", "\n", "-", "’", "😀", "né", "(", ")", "the", "The" };
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, n = 5 + rnd.nextInt(300); i < n; i++) sb.append(pieces[rnd.nextInt(pieces.length)]);
            String text = sb.toString();
            SourceDocument d = doc(text);
            for (int q = 0; q < 40; q++) {
                int a = rnd.nextInt(text.length()), b = Math.min(text.length(), a + 1 + rnd.nextInt(40));
                String quote = text.substring(a, b);
                assertEquals(scan(text, quote), d.occurrences(quote), () -> "quote \"" + quote + "\" in \"" + text + "\"");
                String absent = quote + "zz" + quote;
                assertEquals(scan(text, absent), d.occurrences(absent));
            }
        }
    }
}
