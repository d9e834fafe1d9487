package org.w3id.talibanrelations.sources;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;

/**
 * A source document: its text exactly as stored, pinned by SHA-256, and where it was declared.
 * Offsets are Unicode code points from 0, as the W3C Web Annotation model counts them.
 */
public final class SourceDocument {
    private final Node iri;
    private final String slug;
    private final String fileName;
    private final String storedAt;
    private final String text;
    private final String sha256;
    private final boolean bmpOnly;
    private final String title;
    private SourceStructure structure;

    SourceDocument(Node iri, String slug, String fileName, String storedAt, String text, String sha256) {
        this(iri, slug, fileName, storedAt, text, sha256, null);
    }

    /** @param title the source's title ({@code dcterms:title}), which its text may write on a line of its own; or null */
    SourceDocument(Node iri, String slug, String fileName, String storedAt, String text, String sha256, String title) {
        this.title = title;
        this.iri = iri;
        this.slug = slug;
        this.fileName = fileName;
        this.storedAt = storedAt;
        this.text = text;
        this.sha256 = sha256;
        this.bmpOnly = text.codePoints().allMatch(Character::isBmpCodePoint);
    }

    /** The source's IRI. */
    public Node iri() { return iri; }
    /** The slug of its IRI. */
    public String slug() { return slug; }
    /** Its original file name. */
    public String fileName() { return fileName; }
    /** Its path in the repository. */
    public String storedAt() { return storedAt; }
    /** Its text. */
    public String text() { return text; }
    /** The SHA-256 of its bytes, lowercase hex. */
    public String sha256() { return sha256; }
    /** Its sections and tables, read from its text on first use ({@link SourceStructure}). */
    public synchronized SourceStructure structure() {
        if (structure == null) structure = SourceStructure.parse(iri, text, title);
        return structure;
    }
    /** Its length in code points. */
    public int length() { return toCodePoint(text.length()); }

    /** Converts a UTF-16 index of the text to a code point offset. */
    public int toCodePoint(int charIndex) {
        return bmpOnly ? charIndex : text.codePointCount(0, charIndex);
    }

    /** Converts a code point offset to a UTF-16 index of the text. */
    public int toCharIndex(int codePoint) {
        return bmpOnly ? codePoint : text.offsetByCodePoints(0, codePoint);
    }

    /** The text between two code point offsets, or null if they are out of range. */
    public String slice(int cpStart, int cpEnd) {
        if (cpStart < 0 || cpEnd < cpStart || cpEnd > length()) return null;
        return text.substring(toCharIndex(cpStart), toCharIndex(cpEnd));
    }

    /**
     * The UTF-16 indexes at which a string occurs, in order, overlapping occurrences included.
     * A quote holding a whole word (letters and digits with a non-word character on each side inside
     * the quote) can only occur where the text has that word, at the same distance from the quote's
     * start: those places, taken from an index of the text's words built on first use, are checked
     * one by one, instead of scanning the whole text for each quote. Other quotes are scanned for.
     */
    public List<Integer> occurrences(String quote) {
        List<Integer> at = new ArrayList<>();
        if (quote.isEmpty()) return at;
        int[] anchor = rarestInnerWord(quote);
        if (anchor == null) {
            for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) at.add(i);
            return at;
        }
        int offset = anchor[0];
        WordIndex.Positions candidates = words().positions(quote.substring(offset, offset + anchor[1]));
        for (int k = 0; k < candidates.size(); k++) {
            int start = candidates.get(k) - offset;
            if (start >= 0 && text.startsWith(quote, start)) at.add(start);
        }
        return at;
    }

    /** The offset and length of the whole word of a quote that the text has least often, or null if it has none. */
    private int[] rarestInnerWord(String quote) {
        int[] best = null;
        int bestCount = Integer.MAX_VALUE;
        int n = quote.length();
        for (int i = 0; i < n; ) {
            if (!WordIndex.isWordChar(quote.charAt(i))) { i++; continue; }
            int j = i;
            while (j < n && WordIndex.isWordChar(quote.charAt(j))) j++;
            // Whole only if bounded inside the quote: at the quote's edges the text may continue the word.
            if (i > 0 && j < n) {
                int count = words().positions(quote.substring(i, j)).size();
                if (count < bestCount) { best = new int[] { i, j - i }; bestCount = count; }
                if (count == 0) break;
            }
            i = j;
        }
        return best;
    }

    private WordIndex words;

    private synchronized WordIndex words() {
        if (words == null) words = new WordIndex(text);
        return words;
    }

    /** The 1-based line of a UTF-16 index. */
    public long lineOf(int charIndex) {
        long line = 1;
        for (int i = 0; i < charIndex; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
