package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.sources.SourceDocument;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Std;

/**
 * Every row of every table of the encyclopedia article (000), and every item of its list of
 * former designations, is the evidence of at least one fact: no row is dropped, even one whose
 * country was lost.
 */
class TableCoverageTest {

    @Test
    void everyTableRowAndListItemOf000HasAFact() {
        KgBuild build = TestProjects.realBuild();
        SourceDocument doc = null;
        for (SourceDocument d : build.sources().documents()) if (d.fileName().startsWith("000_")) doc = d;
        var g = build.dataset().getGraph(Ids.factsGraph(doc.slug()));
        TreeSet<Integer> starts = new TreeSet<>();
        for (Node pos : g.find(Node.ANY, RDF.type.asNode(), Std.oa_TextPositionSelector).mapWith(Triple::getSubject).toList())
            starts.add(doc.toCharIndex(Integer.parseInt(g.find(pos, Std.oa_start, Node.ANY).next().getObject().getLiteralLexicalForm())));
        String text = doc.text();
        List<String> uncovered = new ArrayList<>();
        int rows = 0;
        for (int lineStart = 0; lineStart < text.length(); ) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            String line = text.substring(lineStart, lineEnd);
            boolean tableRow = line.startsWith("| ") && !line.startsWith("| Entity |") && !line.startsWith("| Country |");
            boolean listItem = line.startsWith("- ") || (line.startsWith("| ") && line.length() < 12);
            if (tableRow || listItem) {
                rows++;
                Integer first = starts.ceiling(lineStart);
                if (first == null || first >= lineEnd) uncovered.add(doc.lineOf(lineStart) + ": " + line.substring(0, Math.min(80, line.length())));
            }
            lineStart = lineEnd + 1;
        }
        assertEquals(52, rows, "the tables and list of 000 (pinned by its hash) have 52 rows and items");
        assertEquals(List.of(), uncovered, "table rows or list items of 000 with no fact quoting them");
    }
}
