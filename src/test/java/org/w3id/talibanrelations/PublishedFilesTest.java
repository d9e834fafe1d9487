package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.sources.SourceDocument;
import org.w3id.talibanrelations.validate.Built;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * The texts the server shows are in the validated build (graph {@code id/graph/files}): each source's
 * stored text, pinned by its hash and checked so by a QC rule; the shapes; the competency questions.
 */
class PublishedFilesTest {

    @Test
    void everySourceTextIsPublishedAsStoredAndTheQcRuleChecksItsPin() throws Exception {
        KgBuild build = TestProjects.realBuild();
        Graph files = build.dataset().getGraph(Ids.GRAPH_FILES);
        for (SourceDocument doc : build.sources().documents()) {
            Node text = G.getOneSP(files, doc.iri(), TIR.text);
            assertEquals(Files.readString(TestProjects.REAL.root().resolve(doc.storedAt())), G.getOneSP(files, text, CNT.chars).getLiteralLexicalForm(), doc.slug());
        }
        assertEquals(List.of(), textHash(build));

        // A published text that is not the pinned one: one row, for that source.
        SourceDocument first = build.sources().documents().iterator().next();
        DatasetGraph tampered = DatasetGraphFactory.createGeneral();
        build.dataset().listGraphNodes().forEachRemaining(n -> {
            Graph copy = org.apache.jena.sparql.graph.GraphFactory.createGraphMem();
            build.dataset().getGraph(n).find().forEachRemaining(copy::add);
            tampered.addGraph(n, copy);
        });
        Graph f = tampered.getGraph(Ids.GRAPH_FILES);
        Node text = G.getOneSP(f, first.iri(), TIR.text);
        Triple chars = f.find(text, CNT.chars, Node.ANY).next();
        f.delete(chars);
        f.add(text, CNT.chars, NodeFactory.createLiteralString(chars.getObject().getLiteralLexicalForm() + " "));
        var problems = textHash(new Built() {
            @Override public Layout layout() { return build.layout(); }
            @Override public DatasetGraph dataset() { return tampered; }
            @Override public DatasetGraph served() { return null; }
            @Override public List<Problem> problems() { return List.of(); }
            @Override public Location declaredAt(Node n) { return build.declaredAt(n); }
        });
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).message().contains(first.iri().getURI()) || problems.get(0).file().contains("sources.ttl"), problems.toString());
    }

    /** The problems the QC rule text-hash-violation.rq finds when the build is validated. */
    private static List<Problem> textHash(Built built) {
        return KgValidator.validate(Scope.whole(built)).stream().filter(p -> p.message().contains("text-hash")).toList();
    }

    @Test
    void theShapesAndEveryCompetencyQuestionArePublished() throws Exception {
        Graph files = TestProjects.realBuild().dataset().getGraph(Ids.GRAPH_FILES);
        long questions;
        try (var s = Files.list(Path.of("queries"))) {
            questions = s.filter(p -> p.toString().endsWith(".rq")).count();
        }
        assertEquals(questions, G.find(files, null, RDF.type.asNode(), TIR.CompetencyQuestion).toList().size());
        Node shapes = NodeFactory.createURI(Ids.SHAPES + "kg-shapes");
        assertTrue(files.contains(shapes, RDF.type.asNode(), TIR.ShapesFile));
        assertEquals(Files.readString(Path.of("shapes/kg-shapes.ttl")), G.getOneSP(files, shapes, CNT.chars).getLiteralLexicalForm());
    }
}
