package org.w3id.talibanrelations.sources;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each word of a text starts: every maximal run of letters and digits (by UTF-16 unit,
 * {@link Character#isLetterOrDigit(char)}), with its UTF-16 start indexes in increasing order.
 * Built in one pass; used to find quotes without scanning the whole text for each.
 */
final class WordIndex {
    /** A growable list of int indexes. */
    static final class Positions {
        static final Positions NONE = new Positions();
        private int[] a = new int[2];
        private int n;
        void add(int i) { if (n == a.length) a = Arrays.copyOf(a, n * 2); a[n++] = i; }
        int size() { return n; }
        int get(int k) { return a[k]; }
    }

    private final Map<String, Positions> byWord = new HashMap<>();

    WordIndex(String text) {
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!isWordChar(text.charAt(i))) { i++; continue; }
            int j = i;
            while (j < n && isWordChar(text.charAt(j))) j++;
            byWord.computeIfAbsent(text.substring(i, j), w -> new Positions()).add(i);
            i = j;
        }
    }

    static boolean isWordChar(char c) { return Character.isLetterOrDigit(c); }

    /** The start indexes of a word, in order; empty if the text does not have it. */
    Positions positions(String word) { return byWord.getOrDefault(word, Positions.NONE); }
}
