package org.w3id.talibanrelations.facts;

import org.w3id.talibanrelations.core.PartialDate;

/**
 * The time a curator gives a fact with {@code cur:date}: a point ({@code 2025-07-04}), an interval
 * ({@code 2005/2023}), an interval still open ({@code 2003/..}) or {@code unknown}.
 *
 * @param start the point, or the beginning of the interval; null when unknown
 * @param end   the end of a closed interval, else null
 * @param interval whether it is an interval (open or closed)
 */
record DateSpec(PartialDate start, PartialDate end, boolean interval) {

    /** The text gives no date. */
    public static final DateSpec UNKNOWN = new DateSpec(null, null, false);

    /** Parses the curation syntax; throws IllegalArgumentException saying what is wrong. */
    public static DateSpec parse(String s) {
        String v = s.strip();
        if (v.equals("unknown")) return UNKNOWN;
        int slash = v.indexOf('/');
        if (slash < 0) return new DateSpec(PartialDate.parse(v), null, false);
        PartialDate a = PartialDate.parse(v.substring(0, slash));
        String rest = v.substring(slash + 1);
        if (rest.equals("..")) return new DateSpec(a, null, true);
        PartialDate b = PartialDate.parse(rest);
        if (b.compareTo(a) < 0) throw new IllegalArgumentException("interval ends before it begins: \"" + s + "\"");
        return new DateSpec(a, b, true);
    }

    /** Whether the text gives no date. */
    public boolean isUnknown() { return start == null; }
}
