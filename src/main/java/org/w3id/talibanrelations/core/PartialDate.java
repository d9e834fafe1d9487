package org.w3id.talibanrelations.core;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.talibanrelations.vocabulary.Std;

/**
 * A date with the precision its text gives: a year, a month or a day. It is published as the
 * first instant of that period, an {@code xsd:dateTime} in UTC (a type in OWL 2's datatype map
 * that SPARQL compares), plus the precision, as Wikidata does.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; throws IllegalArgumentException with a reason. */
    public static PartialDate parse(String s) {
        Matcher m = FORM.matcher(s.strip());
        if (!m.matches()) throw new IllegalArgumentException("not YYYY, YYYY-MM or YYYY-MM-DD: \"" + s + "\"");
        int y = Integer.parseInt(m.group(1));
        int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if ((m.group(2) != null && mo == 0) || (m.group(3) != null && d == 0))
            throw new IllegalArgumentException("no such date: \"" + s + "\"");
        try {
            LocalDate.of(y, mo == 0 ? 1 : mo, d == 0 ? 1 : d);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such date: \"" + s + "\"");
        }
        return new PartialDate(y, mo, d);
    }

    /** The OWL-Time unit of the precision: time:unitYear, time:unitMonth or time:unitDay. */
    public Node precision() {
        return day != 0 ? Std.time_unitDay : month != 0 ? Std.time_unitMonth : Std.time_unitYear;
    }

    /**
     * Literals made so far, by date: every fact has three or four dates (its own, its time's, its
     * source's as-of), few of them distinct, and making one (formatting, then parsing it back as an
     * xsd:dateTime) took a third of the time of expanding a fact. A node is a value, so one serves all.
     */
    private static final java.util.concurrent.ConcurrentHashMap<PartialDate, Node> LITERALS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The first instant of the period, as an {@code xsd:dateTime} literal in UTC. */
    public Node toLiteral() {
        Node n = LITERALS.get(this);
        if (n != null) return n;
        String lex = String.format("%04d-%02d-%02dT00:00:00Z", year, month == 0 ? 1 : month, day == 0 ? 1 : day);
        n = NodeFactory.createLiteralDT(lex, XSDDatatype.XSDdateTime);
        if (LITERALS.size() < 100_000) LITERALS.putIfAbsent(this, n);   // four centuries of days; past that, no cache
        return n;
    }

    /** Orders by the first instant of the period. */
    @Override
    public int compareTo(PartialDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) c = Integer.compare(Math.max(month, 1), Math.max(o.month, 1));
        if (c == 0) c = Integer.compare(Math.max(day, 1), Math.max(o.day, 1));
        return c;
    }

    @Override
    public String toString() {
        return day != 0 ? String.format("%04d-%02d-%02d", year, month, day)
             : month != 0 ? String.format("%04d-%02d", year, month)
             : String.format("%04d", year);
    }
}
