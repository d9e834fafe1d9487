package org.w3id.talibanrelations.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Std;

/**
 * The evidence check re-reads the stored texts and does not trust the build: a published graph whose
 * offsets, prefix or suffix no longer fit the text, or whose source changed, is refused, with the
 * fact's file and line.
 */
class EvidenceCheckerTest {

    private static Graph published(Layout layout) {
        KgBuild build = KgBuild.run(layout);
        assertEquals(List.of(), KgValidator.validate(Scope.whole(build)));
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        ServedDataset.view(build.dataset()).getDefaultGraph().find().forEachRemaining(g::add);
        return g;
    }

    private static void replace(Graph g, Node s, Node p, Node o) {
        g.find(s, p, Node.ANY).toList().forEach(g::delete);
        g.add(Triple.create(s, p, o));
    }

    @Test
    void intactEvidencePasses(@TempDir Path dir) {
        Layout layout = TestProjects.fixture(dir);
        assertEquals(List.of(), EvidenceChecker.check(published(layout), n -> null));
    }

    @Test
    void shiftedOffsetsPrefixSuffixAndChangedTextAreRefused(@TempDir Path dir) throws Exception {
        Layout layout = TestProjects.fixture(dir);
        Graph g = published(layout);
        Node fact = NodeFactory.createURI(Ids.FACT + "fixture-russia-recognizes-iea");
        Location where = new Location("data/facts/fixture-source/good.ttl", 8);
        replace(g, Ids.part(fact, "position-1"), Std.oa_start, NodeFactory.createLiteralDT("21", XSDDatatype.XSDnonNegativeInteger));
        replace(g, Ids.part(fact, "quote-1"), Std.oa_prefix, NodeFactory.createLiteralString("not what precedes"));
        List<Problem> problems = EvidenceChecker.check(g, n -> where);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("data/facts/fixture-source/good.ttl") && p.line() == 8
                && p.message().contains("the source text at 21–98 is not the quote")), problems.toString());

        Graph g2 = published(TestProjects.fixture(Files.createDirectory(dir.resolve("again"))));
        replace(g2, Ids.part(fact, "quote-1"), Std.oa_prefix, NodeFactory.createLiteralString("not what precedes"));
        replace(g2, Ids.part(fact, "quote-1"), Std.oa_suffix, NodeFactory.createLiteralString("nor what follows"));
        List<Problem> p2 = EvidenceChecker.check(g2, n -> where);
        assertTrue(p2.stream().anyMatch(p -> p.message().contains("oa:prefix does not precede")), p2.toString());
        assertTrue(p2.stream().anyMatch(p -> p.message().contains("oa:suffix does not follow")), p2.toString());

        // The check reads the published text, which the server shows (that it is the pinned one is
        // text-hash-violation.rq's check): a changed published text no longer holds the quote.
        Graph g3 = published(TestProjects.fixture(Files.createDirectory(dir.resolve("third"))));
        Node text = g3.find(Node.ANY, CNT.chars, Node.ANY).filterKeep(t -> t.getObject().getLiteralLexicalForm().contains("4 July 2025")).next().getSubject();
        replace(g3, text, CNT.chars, NodeFactory.createLiteralString(G.getOneSP(g3, text, CNT.chars).getLiteralLexicalForm().replace("July", "June")));
        List<Problem> p3 = EvidenceChecker.check(g3, n -> where);
        assertTrue(p3.stream().anyMatch(p -> p.file().equals("data/facts/fixture-source/good.ttl") && p.message().contains("is not the quote")), p3.toString());
    }

    @Test
    void problemsComeInTheOrderOfTheAnnotations() {
        // Checked source by source, listed as the graph lists the annotations: damage every 7th, in
        // every source of the real data, and expect one problem each, in that order.
        Graph g = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
        TestProjects.realBuild().served().getDefaultGraph().find().forEachRemaining(g::add);
        List<String> expected = new java.util.ArrayList<>();
        int i = 0;
        for (Node target : g.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), Std.oa_SpecificResource).mapWith(Triple::getSubject).toList()) {
            if (i++ % 7 != 3) continue;
            Node quote = g.find(target, Std.oa_hasSelector, Node.ANY).mapWith(Triple::getObject)
                    .filterKeep(sel -> g.contains(sel, org.apache.jena.vocabulary.RDF.type.asNode(), Std.oa_TextQuoteSelector)).next();
            replace(g, quote, Std.oa_prefix, NodeFactory.createLiteralString("not what precedes"));
            expected.add(KgValidator.name(target) + ": oa:prefix does not precede the quote in the source");
        }
        assertTrue(expected.size() > 50, "damaged " + expected.size());
        List<String> found = EvidenceChecker.check(g, n -> null).stream().map(Problem::message).toList();
        assertEquals(expected, found);
    }
}
