package org.w3id.talibanrelations.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * The structure the build reads in each of the five texts (pinned by their hashes, so the counts are
 * fixed), the rules on small texts, spans in code points, and that every quote of every fact is placed
 * in the section, and the table row, that hold it.
 */
class SourceStructureTest {

    private static SourceDocument real(String prefix) {
        for (SourceDocument d : TestProjects.realBuild().sources().documents()) if (d.fileName().startsWith(prefix)) return d;
        throw new AssertionError("no source " + prefix);
    }

    private static List<String> titles(SourceStructure s) {
        return s.sections().stream().map(SourceStructure.Section::label).toList();
    }

    private static SourceStructure.Section section(SourceStructure s, String title) {
        for (SourceStructure.Section x : s.sections()) if (title.equals(x.title())) return x;
        throw new AssertionError("no section " + title + " in " + titles(s));
    }

    private static SourceStructure.Table table(SourceStructure s, String title) {
        for (SourceStructure.Table t : s.tables()) if (title.equals(t.title())) return t;
        throw new AssertionError("no table " + title);
    }

    private static int rows(SourceStructure s) {
        return s.tables().stream().mapToInt(t -> t.rows().size()).sum();
    }

    private static String local(Node n, SourceDocument d) {
        return n.getURI().substring(d.iri().getURI().length());
    }

    @Test
    void internationalRelationsWithTheTaliban000() {
        SourceDocument d = real("000_");
        SourceStructure s = d.structure();
        assertTrue(s.wikiMarkup());
        assertEquals(29, s.sections().size(), () -> titles(s).toString());
        assertEquals(7, s.tables().size());
        assertEquals(49, rows(s));
        SourceStructure.Section top = s.sections().get(0);
        assertEquals("International relations with the Taliban", top.title());
        assertEquals(1, top.level());
        assertNull(top.parent());
        SourceStructure.Section credentials = section(s, "Accepted diplomatic credentials");
        assertEquals(3, credentials.level());
        assertEquals("Diplomatic recognition", credentials.parent().title());
        assertEquals("/section/diplomatic-recognition/accepted-diplomatic-credentials", local(credentials.iri(), d));
        // Markup without spaces ("====Unrecognized…====") is a heading too, nested by its level.
        SourceStructure.Section unrecognized = section(s, "Unrecognized or partially recognized Countries");
        assertEquals(4, unrecognized.level());
        assertEquals("De facto diplomatic ties with the Taliban authorities", unrecognized.parent().title());
        assertEquals("/section/designation-as-a-terrorist-organization/militant-outfits/islamic-state-khorasan-province",
                local(section(s, "Islamic State – Khorasan Province").iri(), d));

        SourceStructure.Table t = table(s, "Accepted diplomatic credentials");
        assertEquals("/table/accepted-diplomatic-credentials", local(t.iri(), d));
        assertEquals(credentials, t.section());
        assertEquals(List.of("Entity", "Date", "Notes"), t.columns());
        assertEquals(List.of("30 January 2024", "22 August 2024", "10 October 2024"), t.rows().stream().map(r -> r.cell("Date")).toList());
        assertEquals("/table/accepted-diplomatic-credentials/row/2", local(t.rows().get(1).iri(), d));
        assertEquals("", t.rows().get(0).cell("Entity"), "the country column was lost");
        assertEquals(26, table(s, "De facto diplomatic ties with the Taliban authorities").rows().size());
        SourceStructure.Table opposes = table(s, "Opposes recognition");
        assertEquals(List.of("Entity", "Notes"), opposes.columns());
        assertEquals(14, opposes.rows().size());
        assertNull(opposes.rows().get(0).cell("Date"), "a table without a Date column gives no Date cell");
        assertEquals(List.of("Country", "References"), table(s, "Designation as a terrorist organization").columns());
    }

    @Test
    void foreignRelationsOfAfghanistan001() {
        SourceDocument d = real("001_");
        SourceStructure s = d.structure();
        assertTrue(s.wikiMarkup());
        assertEquals(16, s.sections().size(), () -> titles(s).toString());
        assertEquals(0, s.tables().size());
        SourceStructure.Section lead = s.sections().get(0);
        assertNull(lead.title(), "no title line: the text before the first heading is the untitled lead");
        assertEquals("/section/lead", local(lead.iri(), d));
        assertEquals(0, lead.start());
        assertEquals("History", section(s, "Contemporary era").parent().title());
        assertEquals("/section/history/islamic-emirate-of-afghanistan", local(section(s, "Islamic Emirate of Afghanistan").iri(), d));
        assertEquals("External links", s.sections().get(15).title());
    }

    @Test
    void talibanDiplomaticStrategies002() {
        SourceDocument d = real("002_");
        SourceStructure s = d.structure();
        assertFalse(s.wikiMarkup());
        assertEquals(List.of("Lead (the text before the first heading)",
                "Taliban’s Diplomatic Strategies: The Pursuit of Legitimacy and International Recognition", "Notes [i]–[iv]"), titles(s));
        assertEquals(0, s.tables().size());
        SourceStructure.Section notes = s.sections().get(2);
        assertNull(notes.title());
        assertEquals(s.sections().get(1), notes.parent());
        assertEquals("/section/notes", local(notes.iri(), d));
        assertTrue(d.slice(notes.start(), notes.end()).startsWith("[i] “The Taliban say"));
        assertTrue(d.slice(notes.start(), notes.end()).endsWith("(Access Date: 06.10.2024)."));
        // "Paylaş", "This post is also available in: …" and "Similar Posts" are not headings.
        assertEquals("Analysis\n\n", d.slice(s.sections().get(0).start(), s.sections().get(0).end()));
    }

    @Test
    void talibanTravelDiplomacy003() {
        SourceDocument d = real("003_");
        SourceStructure s = d.structure();
        assertFalse(s.wikiMarkup());
        assertEquals(List.of("Taliban’s Travel Diplomacy Aims to End Its International Isolation"), titles(s));
        assertEquals(1, s.sections().get(0).level());
        assertEquals(d.length(), s.sections().get(0).end());
        assertEquals(0, s.tables().size());
    }

    @Test
    void talibanMeetingInTehran004() {
        SourceDocument d = real("004_");
        SourceStructure s = d.structure();
        assertFalse(s.wikiMarkup());
        assertEquals(List.of("Taliban reported a meeting with Ahmad Massoud and Ismail Khan in Tehran", "Iran-Taliban Relations: A Brief Overview"), titles(s));
        SourceStructure.Section overview = s.sections().get(1);
        assertEquals(2, overview.level());
        assertEquals(s.sections().get(0), overview.parent());
        assertEquals("/section/iran-taliban-relations-a-brief-overview", local(overview.iri(), d), "a level-1 heading is left out of the paths below it");
        assertEquals(0, s.tables().size());
    }

    /** Spans count code points: the slice of the text at a heading's span starts with its markup, a cell's is its text. */
    @Test
    void spansOfTheRealTextsAreCodePoints() {
        int checked = 0;
        for (SourceDocument d : TestProjects.realBuild().sources().documents()) {
            int[] cps = d.text().codePoints().toArray();
            SourceStructure s = d.structure();
            for (SourceStructure.Section x : s.sections()) {
                assertTrue(0 <= x.start() && x.start() < x.end() && x.end() <= cps.length, x::toString);
                String at = new String(cps, x.start(), x.end() - x.start());
                if (x.title() != null) assertTrue(at.startsWith(x.title()) || at.matches("(?s)^=+ *\\Q" + x.title() + "\\E.*"), x::toString);
                if (x.parent() != null) assertTrue(x.parent().start() <= x.start() && x.end() <= x.parent().end(), x::toString);
                checked++;
            }
            for (SourceStructure.Table t : s.tables())
                for (SourceStructure.Row r : t.rows()) {
                    String line = new String(cps, r.start(), r.end() - r.start());
                    assertTrue(line.startsWith("|") && line.endsWith("|") && !line.contains("\n"), r::toString);
                    for (SourceStructure.Cell c : r.cells()) assertEquals(c.text(), new String(cps, c.start(), c.end() - c.start()), r + " cell " + c.number());
                    checked++;
                }
        }
        assertTrue(checked > 90);
        // The texts have non-ASCII characters before their last rows: a byte offset would not be a code point offset.
        SourceStructure.Row last = table(real("000_").structure(), "Opposes recognition").rows().get(13);
        String before = real("000_").slice(0, last.start());
        assertNotEquals(before.length(), before.getBytes(StandardCharsets.UTF_8).length);
    }

    /** A character outside the BMP counts one code point (two UTF-16 units): spans are code points. */
    @Test
    void spansCountCodePointsNotUtf16Units() {
        String text = "😀 lead 😀\n== Überblick 😀 ==\nText.\n| Entity | Date |\n| 😀 | 1 May 2020 |\n";
        SourceStructure s = SourceStructure.parse(NodeFactory.createURI("https://example.org/s"), text, null);
        int[] cps = text.codePoints().toArray();
        SourceStructure.Row r = s.tables().get(0).rows().get(0);
        assertEquals("| 😀 | 1 May 2020 |", new String(cps, r.start(), r.end() - r.start()));
        assertEquals("1 May 2020", r.cell("Date"));
        SourceStructure.Cell c = r.cells().get(1);
        assertEquals("1 May 2020", new String(cps, c.start(), c.end() - c.start()));
        assertNotEquals(text.indexOf("1 May"), c.start(), "a UTF-16 index would be off by the surrogate pairs before it");
        SourceStructure.Section h = s.sections().get(1);
        assertEquals("Überblick 😀", h.title());
        assertEquals("https://example.org/s/section/uberblick", h.iri().getURI());
        assertEquals(cps.length, h.end());
        assertEquals(h, s.sectionOf(c.start(), c.end()));
        assertEquals(r, s.rowOf(c.start(), c.end()));
        assertEquals("https://example.org/s/section/lead", s.sectionOf(2, 6).iri().getURI());
    }

    @Test
    void headingsTablesAndNames() {
        String text = String.join("\n",
                "= Title =", "Lead words.",
                "==A==", "Words.",
                "=== Sub ===", "| H1 | H2 |", "| x | y |", "| | z", "=== A ====", "Not a heading: unbalanced.",
                "== A ==", "Same heading again.",
                "=== Sub ===", "| H1 |", "| only |", "Words again.");
        SourceStructure s = SourceStructure.parse(NodeFactory.createURI("https://example.org/s"), text, null);
        assertEquals(List.of("https://example.org/s/section/title", "https://example.org/s/section/a", "https://example.org/s/section/a/sub",
                "https://example.org/s/section/a-2", "https://example.org/s/section/a-2/sub"),
                s.sections().stream().map(x -> x.iri().getURI()).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), s.sections().stream().map(SourceStructure.Section::order).toList());
        assertEquals(2, s.tables().size());
        assertEquals("https://example.org/s/table/sub", s.tables().get(0).iri().getURI());
        assertEquals("https://example.org/s/table/sub-2", s.tables().get(1).iri().getURI(), "a second table under the same heading");
        SourceStructure.Table t = s.tables().get(0);
        assertEquals(2, t.rows().size());
        assertEquals(List.of("", "z"), t.rows().get(1).cells().stream().map(SourceStructure.Cell::text).toList(), "a row need not close with '|'");
        assertEquals("H2", t.rows().get(1).cells().get(1).column());
        assertEquals("https://example.org/s/table/sub/row/2", t.rows().get(1).iri().getURI());
    }

    @Test
    void plainTextHeadings() {
        String text = String.join("\n",
                "Kicker", "", "The Title of It", "", "First paragraph, in prose.", "",
                "Share", "", "This post is also available in: Türkçe", "", "Second paragraph.", "",
                "A Heading of Its Own", "", "Third paragraph, with a call.[i]", "",
                "[i] A note.", "", "[ii] Another note.", "", "Author Name", "Affiliation", "", "Related Posts");
        SourceStructure s = SourceStructure.parse(NodeFactory.createURI("https://example.org/s"), text, "The Title of It");
        assertEquals(List.of("Lead (the text before the first heading)", "The Title of It", "A Heading of Its Own", "Notes [i]–[ii]"), titles(s));
        assertEquals(List.of(0, 1, 2, 0), s.sections().stream().map(SourceStructure.Section::level).toList());
        assertEquals("https://example.org/s/section/a-heading-of-its-own/notes", s.sections().get(3).iri().getURI());
        // Without the title, the same text has its standalone title-case lines followed by prose as headings.
        SourceStructure untitled = SourceStructure.parse(NodeFactory.createURI("https://example.org/s"), text, null);
        assertEquals(List.of("Lead (the text before the first heading)", "The Title of It", "A Heading of Its Own", "Notes [i]–[ii]"), titles(untitled));
        assertEquals(1, untitled.sections().get(2).level());
        SourceStructure none = SourceStructure.parse(NodeFactory.createURI("https://example.org/s"), "Just prose.\nMore prose.", null);
        assertEquals(List.of("Text of the source (it has no heading)"), titles(none));
    }

    /**
     * Every evidence target of every fact names one section, the innermost holding its quote, and the
     * table row holding it when there is one; every fact names the sections of its quotes.
     */
    @Test
    void everyQuoteOfEveryFactIsPlacedInItsSectionAndRow() {
        KgBuild build = TestProjects.realBuild();
        int targets = 0, inRows = 0;
        for (SourceDocument d : build.sources().documents()) {
            Graph g = build.dataset().getGraph(Ids.factsGraph(d.slug()));
            Graph sources = build.dataset().getGraph(Ids.GRAPH_SOURCES);
            SourceStructure s = d.structure();
            for (Node t : g.find(Node.ANY, RDF.type.asNode(), Std.oa_SpecificResource).mapWith(Triple::getSubject).toList()) {
                Node position = null;
                for (Node sel : g.find(t, Std.oa_hasSelector, Node.ANY).mapWith(Triple::getObject).toList())
                    if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) position = sel;
                int start = Integer.parseInt(g.find(position, Std.oa_start, Node.ANY).next().getObject().getLiteralLexicalForm());
                int end = Integer.parseInt(g.find(position, Std.oa_end, Node.ANY).next().getObject().getLiteralLexicalForm());
                List<Node> sections = g.find(t, TIR.inSection, Node.ANY).mapWith(Triple::getObject).toList();
                assertEquals(1, sections.size(), t + " names one section");
                SourceStructure.Section x = s.sectionOf(start, end);
                assertNotNull(x, t::toString);
                assertEquals(x.iri(), sections.get(0));
                assertTrue(x.start() <= start && end <= x.end());
                for (SourceStructure.Section inner : s.sections())
                    if (inner != x && inner.start() <= start && end <= inner.end()) assertTrue(x.start() >= inner.start() && x.end() <= inner.end(), "innermost: " + t);
                assertTrue(sources.contains(x.iri(), RDF.type.asNode(), TIR.SourceSection), "published: " + x);
                Node fact = g.find(Node.ANY, Std.oa_hasTarget, t).next().getSubject();
                fact = g.find(fact, Std.oa_hasBody, Node.ANY).next().getObject();
                assertTrue(g.contains(fact, TIR.inSection, x.iri()), fact + " names the section of its quote");
                List<Node> rows = g.find(t, TIR.inTableRow, Node.ANY).mapWith(Triple::getObject).toList();
                SourceStructure.Row row = null;
                for (SourceStructure.Table tab : s.tables())
                    for (SourceStructure.Row r : tab.rows()) if (r.start() <= start && end <= r.end()) row = r;
                assertEquals(row == null ? List.of() : List.of(row.iri()), rows, t::toString);
                if (row != null) inRows++;
                targets++;
            }
        }
        assertTrue(targets >= build.facts().size(), "every fact has a quote: " + targets);
        assertTrue(inRows > 200, "quotes of table rows: " + inRows);
        List<Node> factsWithoutSection = new ArrayList<>();
        for (Node f : build.facts().keySet())
            if (!build.dataset().find(Node.ANY, f, TIR.inSection, Node.ANY).hasNext()) factsWithoutSection.add(f);
        assertEquals(List.of(), factsWithoutSection);
    }
}
