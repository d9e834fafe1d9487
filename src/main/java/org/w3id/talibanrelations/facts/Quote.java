package org.w3id.talibanrelations.facts;

import java.util.List;

import org.w3id.talibanrelations.sources.SourceDocument;

/**
 * An evidence quote located in its source: exact match only, no normalisation, and an
 * explicit choice when the words occur more than once.
 *
 * @param start  code point offset of the first character
 * @param end    code point offset just past the last character
 * @param exact  the quote
 * @param prefix up to {@value #CONTEXT} code points before it
 * @param suffix up to {@value #CONTEXT} code points after it
 */
record Quote(int start, int end, String exact, String prefix, String suffix) {

    /** Code points of context kept on each side, as annotation tools commonly do. */
    public static final int CONTEXT = 32;

    /** Why a quote could not be located. */
    public static final class NotFound extends Exception {
        NotFound(String message) { super(message); }
    }

    /**
     * Locates a quote.
     *
     * @param occurrence which occurrence, from 1, or 0 when the quote must be unique
     */
    public static Quote locate(SourceDocument doc, String quote, int occurrence) throws NotFound {
        if (quote.isEmpty()) throw new NotFound("empty quote");
        if (quote.indexOf('\n') >= 0 || quote.indexOf('\r') >= 0)
            throw new NotFound("quote straddles two lines of " + doc.fileName() + ": quote one line at a time (add a second cur:quote)");
        List<Integer> at = doc.occurrences(quote);
        if (at.isEmpty()) throw new NotFound("quote not found in " + doc.fileName() + " (exact match, character for character): \"" + abbreviate(quote) + "\"");
        int index;
        if (occurrence == 0) {
            if (at.size() > 1) {
                StringBuilder lines = new StringBuilder();
                for (int i : at) lines.append(lines.length() == 0 ? "" : ", ").append(doc.lineOf(i));
                throw new NotFound("quote occurs " + at.size() + " times in " + doc.fileName() + " (lines " + lines
                        + "): lengthen it, or write cur:evidence [ cur:quote \"…\" ; cur:occurrence N ]: \"" + abbreviate(quote) + "\"");
            }
            index = at.get(0);
        } else {
            if (occurrence > at.size())
                throw new NotFound("cur:occurrence " + occurrence + " but the quote occurs " + at.size() + " time(s) in " + doc.fileName());
            index = at.get(occurrence - 1);
        }
        int start = doc.toCodePoint(index);
        int end = start + quote.codePointCount(0, quote.length());
        String prefix = doc.slice(Math.max(0, start - CONTEXT), start);
        String suffix = doc.slice(end, Math.min(doc.length(), end + CONTEXT));
        return new Quote(start, end, quote, prefix, suffix);
    }

    static String abbreviate(String s) {
        return s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }
}
