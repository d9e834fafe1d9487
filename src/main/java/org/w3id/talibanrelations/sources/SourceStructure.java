package org.w3id.talibanrelations.sources;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * The structure of a source text, found in the text itself: its sections, its tables and their rows
 * and cells, each with its span in code points (from 0, as evidence offsets count). Nothing is curated,
 * so nothing can disagree with the text; what the build cannot see in the text is not made up.
 * <p>
 * What is detected:
 * <ul>
 * <li><b>Headings in wiki markup</b> ({@code = T =} to {@code ====== T ======}, with or without spaces,
 *     the same number of {@code =} on both sides): a text with at least one is read this way only.
 *     The number of {@code =} is the heading's level.</li>
 * <li><b>Headings in plain text</b> (a text without wiki headings): the line that is exactly the
 *     source's title ({@code dcterms:title}, as the text writes it) is a level-1 heading; a line is a
 *     heading of the next level if it stands alone between blank lines (or starts the text), is at most
 *     {@value #MAX_HEADING} characters long, does not end with punctuation ({@code . , ; : ! ?}), does not
 *     begin with {@code [}, {@code |} or {@code -}, capitalises every word but short function words
 *     (title case), and is followed, after blank lines, by a line of prose (one that ends a sentence).</li>
 * <li>A <b>section</b> runs from its heading to the next heading of the same or a higher level (or the
 *     end of the text); it is part of the nearest section of a higher level before it. Text before the
 *     first heading, when not blank, is the <b>lead</b>, an untitled section.</li>
 * <li><b>Numbered notes</b>: a run of lines beginning {@code [i] }, {@code [ii] }, … or {@code [1] }, …
 *     (blank lines between them allowed) is an untitled section of notes, part of the section it sits in.</li>
 * <li><b>Tables</b>: a run of consecutive lines beginning with {@code |}; the first is the header, whose
 *     cells name the columns; each further line is a row, its cells the text between two {@code |},
 *     trimmed. A table's title is the heading of the section it sits in.</li>
 * </ul>
 * Not detected, because the text does not mark them: lists ({@code - KAZ (2005–2023)}), an author block,
 * a heading run into the line before it ("SubscribeThe Authors"), and headings whose content the text
 * lost (a standalone "Related Posts" at the end, followed by no prose).
 * <p>
 * IRIs, under the source's IRI {@code S}: a section is {@code S/section/<path>}, the path joining the
 * slugs of its headings from the outermost below level 1 ({@code …/section/diplomatic-recognition/accepted-diplomatic-credentials});
 * a level-1 heading, which titles the whole text, is {@code S/section/<its slug>} and is left out of the
 * paths below it; the lead is {@code S/section/lead}, notes {@code <path of their section>/notes}. A table
 * is {@code S/table/<slug of its section's heading>}, a row {@code <table>/row/<n>} (n from 1, the header
 * not counted), a cell {@code <row>#cell-<n>}. A path or table slug already taken in the text gets
 * {@code -2}, {@code -3}, … in reading order. The texts are pinned by their hash, so the IRIs are stable.
 */
public final class SourceStructure {
    /** Longest line read as a plain-text heading. */
    static final int MAX_HEADING = 80;

    private static final Pattern WIKI_HEADING = Pattern.compile("^(=+)[ \\t]*([^=].*?)[ \\t]*\\1[ \\t]*$");
    private static final Pattern NOTE = Pattern.compile("^\\[(?:[ivxlcdm]+|[0-9]+)\\]\\s");
    /** A line of prose ends a sentence, perhaps followed by closing quotes or brackets, or note calls ("[ii]"). */
    private static final Pattern PROSE_END = Pattern.compile("[.!?][\"”’')\\]]*(?:\\[(?:[ivxlcdm]+|[0-9]+)\\])*\\s*$");
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "and", "as", "at", "but", "by", "for", "from",
            "in", "into", "nor", "of", "on", "or", "the", "to", "vs", "with");

    /** A section: a heading (or the lead, or a run of notes) and the text that follows it. */
    public static final class Section {
        private final Node iri;
        private final String title, label;
        private final int level, start;
        private int end, order;
        private final Section parent;

        Section(Node iri, String title, String label, int level, int start, int end, Section parent) {
            this.iri = iri; this.title = title; this.label = label; this.level = level; this.start = start; this.end = end; this.parent = parent;
        }
        /** Its IRI. */
        public Node iri() { return iri; }
        /** Its heading as the text writes it, without markup; null for the lead and for notes. */
        public String title() { return title; }
        /** A label: the title, or what the untitled section is. */
        public String label() { return label; }
        /** Its heading's level (1 for {@code = T =}), or 0 when it has no heading. */
        public int level() { return level; }
        /** Code point offset of its first character. */
        public int start() { return start; }
        /** Code point offset just after its last character. */
        public int end() { return end; }
        /** Its position among the sections of its source, from 1, in reading order. */
        public int order() { return order; }
        /** The section it is part of, or null (then it is part of the source). */
        public Section parent() { return parent; }
        @Override public String toString() { return iri.getURI() + " [" + start + ", " + end + ")"; }
    }

    /** A table: a run of lines beginning with {@code |}, the first its header. */
    public static final class Table {
        private final Node iri;
        private final Section section;
        private final int start, end, order;
        private final List<String> columns;
        private final List<Row> rows = new ArrayList<>();

        Table(Node iri, Section section, int start, int end, int order, List<String> columns) {
            this.iri = iri; this.section = section; this.start = start; this.end = end; this.order = order; this.columns = columns;
        }
        /** Its IRI. */
        public Node iri() { return iri; }
        /** Its title: the heading of its section, or null if the section has none. */
        public String title() { return section.title(); }
        /** The section it sits in. */
        public Section section() { return section; }
        /** Code point offset of its header's first character. */
        public int start() { return start; }
        /** Code point offset just after its last row. */
        public int end() { return end; }
        /** Its position among the tables of its source, from 1. */
        public int order() { return order; }
        /** The column names its header gives. */
        public List<String> columns() { return columns; }
        /** Its rows, the header not included. */
        public List<Row> rows() { return rows; }
        @Override public String toString() { return iri.getURI() + " (" + rows.size() + " rows)"; }
    }

    /** A row of a table: one line after its header. */
    public static final class Row {
        private final Node iri;
        private final Table table;
        private final int number, start, end;
        private final List<Cell> cells;

        Row(Node iri, Table table, int number, int start, int end, List<Cell> cells) {
            this.iri = iri; this.table = table; this.number = number; this.start = start; this.end = end; this.cells = cells;
        }
        /** Its IRI. */
        public Node iri() { return iri; }
        /** Its table. */
        public Table table() { return table; }
        /** Its number in its table, from 1 (the header not counted). */
        public int number() { return number; }
        /** Code point offset of the line's first character. */
        public int start() { return start; }
        /** Code point offset just after the line's last character (its line break not included). */
        public int end() { return end; }
        /** Its cells, in order. */
        public List<Cell> cells() { return cells; }
        /** The text of its cell under the column of this name (case ignored), or null. */
        public String cell(String column) {
            for (Cell c : cells) if (column.equalsIgnoreCase(c.column())) return c.text();
            return null;
        }
        @Override public String toString() { return iri.getURI(); }
    }

    /**
     * One cell of a row: its text between two {@code |}, trimmed, and its span (an empty cell's span
     * is empty, just after its opening {@code |}).
     *
     * @param number its position in the row, from 1
     * @param column the name its header gives the column, or null if the header has fewer cells
     */
    public record Cell(int number, String column, String text, int start, int end) {}

    private final Node source;
    private final List<Section> sections = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final boolean wiki;

    private SourceStructure(Node source, boolean wiki) { this.source = source; this.wiki = wiki; }

    /** The source's sections, in reading order (a section before those it contains). */
    public List<Section> sections() { return Collections.unmodifiableList(sections); }
    /** The source's tables, in reading order. */
    public List<Table> tables() { return Collections.unmodifiableList(tables); }
    /** Whether the headings were read as wiki markup (else as plain text). */
    public boolean wikiMarkup() { return wiki; }

    /** The innermost section holding the code points {@code [start, end)}, or null if none does. */
    public Section sectionOf(int start, int end) {
        // Sections nest: the innermost holding a span is the last to start at or before it whose end
        // reaches past it, or one of that one's parents.
        int lo = 0, hi = sections.size() - 1, at = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sections.get(mid).start() <= start) { at = mid; lo = mid + 1; } else hi = mid - 1;
        }
        for (Section s = at < 0 ? null : sections.get(at); s != null; s = s.parent())
            if (s.start() <= start && end <= s.end()) return s;
        return null;
    }

    /** The table row holding the code points {@code [start, end)}, or null if none does. */
    public Row rowOf(int start, int end) {
        int lo = 0, hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Row r = rows.get(mid);
            if (r.end() < start) lo = mid + 1;
            else if (r.start() > start) hi = mid - 1;
            else return end <= r.end() ? r : null;
        }
        return null;
    }

    /** One line of the text: its content (without the line break) and where it is, in UTF-16 units and code points. */
    private record Line(String text, int cpStart, int cpEnd, int index) {
        boolean blank() { return text.isBlank(); }
    }

    /** A heading found in the text: its line, level and title. */
    private record Heading(Line line, int level, String title) {}

    /**
     * Reads the structure of a text.
     *
     * @param source the source's IRI, under which the parts are named
     * @param title  the source's title, as its text may write it on a line of its own; null if it has none
     */
    public static SourceStructure parse(Node source, String text, String title) {
        List<Line> lines = lines(text);
        int length = text.codePointCount(0, text.length());
        List<Heading> headings = new ArrayList<>();
        for (Line l : lines) {
            Matcher m = WIKI_HEADING.matcher(l.text());
            if (m.matches() && !m.group(2).endsWith("=")) headings.add(new Heading(l, m.group(1).length(), m.group(2).strip()));
        }
        boolean wiki = !headings.isEmpty();
        if (!wiki) headings = plainHeadings(lines, title);
        SourceStructure s = new SourceStructure(source, wiki);
        s.build(lines, headings, length);
        return s;
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int cp = 0;
        for (int i = 0, n = 0; i <= text.length(); n++) {
            int nl = text.indexOf('\n', i);
            int stop = nl < 0 ? text.length() : nl;
            int contentStop = stop > i && text.charAt(stop - 1) == '\r' ? stop - 1 : stop;
            String content = text.substring(i, contentStop);
            int cps = content.codePointCount(0, content.length());
            out.add(new Line(content, cp, cp + cps, n));
            cp += text.codePointCount(i, stop) + (nl < 0 ? 0 : 1);
            if (nl < 0) break;
            i = nl + 1;
        }
        return out;
    }

    private static List<Heading> plainHeadings(List<Line> lines, String title) {
        List<Heading> out = new ArrayList<>();
        boolean titled = false;
        for (Line l : lines) {
            if (!titled && title != null && l.text().strip().equals(title.strip()) && !title.isBlank()) {
                out.add(new Heading(l, 1, l.text().strip()));
                titled = true;
            }
        }
        int level = titled ? 2 : 1;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (!out.isEmpty() && out.get(0).line() == l) continue;
            if (isPlainHeading(lines, i)) out.add(new Heading(l, level, l.text().strip()));
        }
        out.sort(Comparator.comparingInt(h -> h.line().index()));
        return out;
    }

    private static boolean isPlainHeading(List<Line> lines, int i) {
        String t = lines.get(i).text().strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_HEADING) return false;
        char first = t.charAt(0), last = t.charAt(t.length() - 1);
        if (first == '[' || first == '|' || first == '-') return false;
        if (".,;:!?".indexOf(last) >= 0) return false;
        if (i > 0 && !lines.get(i - 1).blank()) return false;
        if (i + 1 >= lines.size() || !lines.get(i + 1).blank()) return false;
        for (String word : t.split("\\s+")) {
            int c = word.codePointAt(0);
            if (Character.isLetter(c) && !Character.isUpperCase(c) && !FUNCTION_WORDS.contains(word.toLowerCase(Locale.ROOT))) return false;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            if (lines.get(j).blank()) continue;
            return PROSE_END.matcher(lines.get(j).text()).find();
        }
        return false;
    }

    private void build(List<Line> lines, List<Heading> headings, int length) {
        // The lead: text before the first heading, if any of it is not blank.
        int firstHeading = headings.isEmpty() ? length : headings.get(0).line().cpStart();
        boolean leadText = false;
        for (Line l : lines) if (l.cpStart() < firstHeading && !l.blank()) leadText = true;
        if (leadText)
            sections.add(new Section(iri("section/" + unique("section/", "lead")), null,
                    headings.isEmpty() ? "Text of the source (it has no heading)" : "Lead (the text before the first heading)",
                    0, 0, firstHeading, null));
        // Headings: each closes the open sections of its level or deeper, and is part of the one left open.
        List<Section> open = new ArrayList<>();
        for (Heading h : headings) {
            while (!open.isEmpty() && open.get(open.size() - 1).level() >= h.level())
                open.remove(open.size() - 1).end = h.line().cpStart();
            Section parent = open.isEmpty() ? null : open.get(open.size() - 1);
            String path = pathBelow(parent) + slug(h.title(), "section");
            Section s = new Section(iri("section/" + unique("section/", path)), h.title(), h.title(), h.level(),
                    h.line().cpStart(), length, parent);
            sections.add(s);
            open.add(s);
        }
        // Numbered notes: runs of note lines, blank lines between them allowed.
        List<Section> notes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!NOTE.matcher(lines.get(i).text()).find()) continue;
            int first = i, last = i;
            for (int j = i + 1; j < lines.size(); j++) {
                if (lines.get(j).blank()) continue;
                if (NOTE.matcher(lines.get(j).text()).find()) last = j; else break;
            }
            int start = lines.get(first).cpStart(), end = lines.get(last).cpEnd();
            Section parent = sectionOf(start, end);
            notes.add(new Section(iri("section/" + unique("section/", pathBelow(parent) + "notes")), null,
                    "Notes " + label(lines.get(first)) + (first == last ? "" : "–" + label(lines.get(last))), 0, start, end, parent));
            i = last;
        }
        sections.addAll(notes);
        sections.sort(Comparator.comparingInt(Section::start).thenComparing(Comparator.comparingInt(Section::end).reversed()));
        for (int i = 0; i < sections.size(); i++) sections.get(i).order = i + 1;
        // Tables: runs of lines beginning with '|'.
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).text().startsWith("|")) continue;
            int last = i;
            while (last + 1 < lines.size() && lines.get(last + 1).text().startsWith("|")) last++;
            Line header = lines.get(i);
            Section section = sectionOf(header.cpStart(), header.cpEnd());
            String base = section == null ? "table" : section.title() != null ? slug(section.title(), "table")
                    : section.iri().getURI().substring(section.iri().getURI().lastIndexOf('/') + 1);
            List<String> columns = cells(header, List.of()).stream().map(Cell::text).toList();
            Table t = new Table(iri("table/" + unique("table/", base)), section, header.cpStart(), lines.get(last).cpEnd(), tables.size() + 1, columns);
            for (int j = i + 1; j <= last; j++) {
                Line l = lines.get(j);
                int n = j - i;
                Row r = new Row(NodeFactory.createURI(t.iri().getURI() + "/row/" + n), t, n, l.cpStart(), l.cpEnd(), cells(l, columns));
                t.rows.add(r);
                rows.add(r);
            }
            tables.add(t);
            i = last;
        }
    }

    /** The note's call, "[iv]", for a notes section's label. */
    private static String label(Line note) {
        String t = note.text();
        return t.substring(0, t.indexOf(']') + 1);
    }

    /** The path of a section's children: its own path and a slash, or nothing below a level-1 heading or the source. */
    private String pathBelow(Section parent) {
        if (parent == null || parent.level() == 1) return "";
        String prefix = source.getURI() + "/section/";
        return parent.iri().getURI().substring(prefix.length()) + "/";
    }

    /** A name not taken yet in its kind ("section/", "table/"): as it is, or with -2, -3, … */
    private String unique(String kind, String name) {
        int n = next.getOrDefault(kind + name, 1);
        String candidate = n == 1 ? name : name + "-" + n;
        while (!taken.add(kind + candidate)) candidate = name + "-" + (++n);
        next.put(kind + name, n + 1);
        return candidate;
    }

    private final Set<String> taken = new java.util.HashSet<>();
    private final Map<String, Integer> next = new HashMap<>();

    private Node iri(String local) { return NodeFactory.createURI(source.getURI() + "/" + local); }

    /** The cells of a table line: the text between two '|', trimmed, each with its span in code points. */
    private static List<Cell> cells(Line line, List<String> columns) {
        List<Cell> out = new ArrayList<>();
        String s = line.text();
        int i = s.startsWith("|") ? 1 : 0;
        while (i < s.length()) {
            int j = s.indexOf('|', i);
            boolean closed = j >= 0;
            if (!closed) j = s.length();
            String raw = s.substring(i, j);
            if (!closed && raw.isBlank()) break;
            int a = i, b = j;
            while (a < b && Character.isWhitespace(s.charAt(a))) a++;
            while (b > a && Character.isWhitespace(s.charAt(b - 1))) b--;
            if (a == b) a = b = i;
            int cpA = line.cpStart() + s.codePointCount(0, a), cpB = line.cpStart() + s.codePointCount(0, b);
            int number = out.size() + 1;
            out.add(new Cell(number, number <= columns.size() ? columns.get(number - 1) : null, s.substring(a, b), cpA, cpB));
            i = j + 1;
        }
        return out;
    }

    /** A heading's slug: lowercase ASCII letters and digits, runs of anything else as one hyphen. */
    static String slug(String heading, String fallback) {
        String ascii = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        String s = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? fallback : s;
    }

    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }
    private static Node offset(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDnonNegativeInteger); }
    private static Node text(String s) { return NodeFactory.createLiteralString(s); }
    private static Node en(String s) { return NodeFactory.createLiteralLang(s, "en"); }

    /** Adds the description of every section, table, row and cell to a graph (the sources graph). */
    public void describe(Graph g) {
        Node type = RDF.type.asNode(), label = RDFS.label.asNode(), title = DCTerms.title.asNode(), partOf = DCTerms.isPartOf.asNode();
        for (Section s : sections) {
            g.add(s.iri(), type, TIR.SourceSection);
            g.add(s.iri(), label, en(s.label()));
            if (s.title() != null) g.add(s.iri(), title, text(s.title()));
            if (s.level() > 0) g.add(s.iri(), TIR.headingLevel, integer(s.level()));
            g.add(s.iri(), partOf, s.parent() == null ? source : s.parent().iri());
            span(g, s.iri(), s.order(), s.start(), s.end());
        }
        for (Table t : tables) {
            String name = t.title() == null ? "Table " + t.order() : "Table “" + t.title() + "”";
            g.add(t.iri(), type, TIR.SourceTable);
            g.add(t.iri(), label, en(name));
            if (t.title() != null) g.add(t.iri(), title, text(t.title()));
            g.add(t.iri(), partOf, t.section() == null ? source : t.section().iri());
            span(g, t.iri(), t.order(), t.start(), t.end());
            for (Row r : t.rows()) {
                g.add(r.iri(), type, TIR.TableRow);
                g.add(r.iri(), label, en("Row " + r.number() + " of " + (t.title() == null ? "table " + t.order() : "the table “" + t.title() + "”")));
                g.add(r.iri(), partOf, t.iri());
                span(g, r.iri(), r.number(), r.start(), r.end());
                String date = r.cell("Date");
                if (date != null) g.add(r.iri(), TIR.dateCell, text(date));
                for (Cell c : r.cells()) {
                    Node cell = NodeFactory.createURI(r.iri().getURI() + "#cell-" + c.number());
                    g.add(cell, type, TIR.TableCell);
                    g.add(cell, partOf, r.iri());
                    if (c.column() != null) g.add(cell, TIR.columnName, text(c.column()));
                    g.add(cell, TIR.cellText, text(c.text()));
                    span(g, cell, c.number(), c.start(), c.end());
                }
            }
        }
    }

    private static void span(Graph g, Node n, int order, int start, int end) {
        g.add(n, TIR.order, integer(order));
        g.add(n, TIR.startOffset, offset(start));
        g.add(n, TIR.endOffset, offset(end));
    }
}
