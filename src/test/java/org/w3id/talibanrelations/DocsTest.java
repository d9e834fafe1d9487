package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.sources.SourceDocument;
import org.w3id.talibanrelations.vocabulary.TIR;

/** Examples the documentation presents as words of the corpus are words of the corpus. */
class DocsTest {

    private static String corpus() {
        StringBuilder all = new StringBuilder();
        for (SourceDocument d : TestProjects.realBuild().sources().documents()) all.append(d.text()).append('\n');
        return all.toString();
    }

    @Test
    void certaintyExamplesInTheCurationGuideAreQuotes() throws Exception {
        String guide = Files.readString(Path.of("data/README.md"));
        String table = guide.substring(guide.indexOf("## Certainty levels"), guide.indexOf("## Explain a conflict"));
        Matcher m = Pattern.compile("\\| \"(.+?)\" \\|").matcher(table);
        String corpus = corpus();
        int n = 0;
        List<String> missing = new ArrayList<>();
        while (m.find()) { n++; if (!corpus.contains(m.group(1))) missing.add(m.group(1)); }
        assertEquals(6, n, "one example per certainty level");
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRelationClassExampleIsAQuote() {
        KgBuild build = TestProjects.realBuild();
        var onto = build.ontology();
        String corpus = corpus();
        List<String> missing = new ArrayList<>();
        for (Node c : onto.graph().find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode()).mapWith(Triple::getSubject).toList()) {
            if (!onto.isA(c, TIR.Fact)) continue;
            for (Node ex : onto.graph().find(c, SKOS.example.asNode(), Node.ANY).mapWith(Triple::getObject).toList())
                if (!corpus.contains(ex.getLiteralLexicalForm())) missing.add(c.getLocalName() + ": " + ex.getLiteralLexicalForm());
        }
        assertTrue(missing.isEmpty(), "examples not found in the sources: " + missing);
    }

    /** The curation guide's examples are the corpus's words, its rule ids are all there, and its lint table is the lints. */
    @Test
    void theCurationGuideQuotesTheCorpusAndNamesEveryLint() throws Exception {
        String guide = Files.readString(Path.of("data/CURATION.md"));
        String corpus = corpus();
        List<String> missing = new ArrayList<>();
        int quotes = 0;
        for (String line : guide.lines().toList()) {
            if (!line.startsWith("> ")) continue;
            quotes++;
            if (!corpus.contains(line.substring(2))) missing.add(line);
        }
        assertEquals(List.of(), missing, "examples in data/CURATION.md not found in the sources");
        assertTrue(quotes >= 31, "an example for every rule");
        // The ids review logs cite: C1-C8, D1-D7, K1-K5, R1-R5, A1-A3, P1-P3.
        List<String> ids = new ArrayList<>();
        for (String[] r : new String[][] { {"C", "8"}, {"D", "7"}, {"K", "5"}, {"R", "5"}, {"A", "3"}, {"P", "3"} })
            for (int i = 1; i <= Integer.parseInt(r[1]); i++) if (!guide.contains("\n### " + r[0] + i + " ")) ids.add(r[0] + i);
        assertEquals(List.of(), ids, "rule ids without their section");
        java.util.Set<String> lints = new java.util.TreeSet<>(), table = new java.util.TreeSet<>();
        for (Path p : org.w3id.talibanrelations.core.Layout.files(Path.of("shapes/qc"), "-violation.rq"))
            if (Files.readString(p).startsWith("# Lint ")) lints.add(p.getFileName().toString().replace("-violation.rq", ""));
        Matcher m = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(guide.substring(guide.indexOf("## The lints")));
        while (m.find()) table.add(m.group(1));
        assertEquals(lints, table, "the guide's lint table lists exactly the lints of shapes/qc/");
    }
}
