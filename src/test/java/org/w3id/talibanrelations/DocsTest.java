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
}
