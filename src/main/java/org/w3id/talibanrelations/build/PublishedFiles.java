package org.w3id.talibanrelations.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.sources.SourceCatalog;
import org.w3id.talibanrelations.sources.SourceDocument;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * The texts the server shows, as part of the build (graph {@code id/graph/files}): each source
 * document's stored text, the SHACL shapes, the lint exceptions ({@code data/lint-exceptions.tsv}) and the
 * competency questions, as {@code cnt:ContentAsText}
 * with their SHA-256. What is served is then what was validated: a page never reads the working tree,
 * which may have changed since (a failed rebuild of a store serves the previous dataset, and must show
 * that dataset's texts). The QC rule {@code text-hash-violation.rq} checks each source text against its pin.
 *
 * <pre>
 *   dataset.addGraph(Ids.GRAPH_FILES, PublishedFiles.of(layout, sources, problems));
 * </pre>
 */
final class PublishedFiles {
    private PublishedFiles() {}

    private static final Node TYPE = RDF.type.asNode();

    /** The graph of published files; a file that cannot be read is a problem. */
    static Graph of(Layout layout, SourceCatalog sources, List<Problem> problems) {
        Graph g = GraphFactory.createGraphMem();
        for (SourceDocument doc : sources.documents()) {
            Node text = NodeFactory.createURI(Ids.TEXT + doc.slug());
            g.add(doc.iri(), TIR.text, text);
            file(g, text, CNT.ContentAsText, doc.storedAt(), "text/plain", doc.text());
        }
        for (Path p : Layout.files(layout.shapes(), ".ttl"))
            read(layout, p, problems, chars -> file(g, node(Ids.SHAPES, p), TIR.ShapesFile, layout.show(p), "text/turtle", chars));
        // The lint exceptions: every QC rule the build let off for a fact, with the reason, published so
        // that a reader of the graph sees them as a reviewer of the repository does.
        Path exceptions = layout.lintExceptions();
        if (Files.isRegularFile(exceptions))
            read(layout, exceptions, problems, chars -> file(g, Ids.LINT_EXCEPTIONS, TIR.LintExceptionsFile, layout.show(exceptions), "text/tab-separated-values", chars));
        for (Path p : Layout.files(layout.queries(), ".rq")) {
            if (!p.getParent().equals(layout.queries())) continue;  // rules and federated examples are not questions
            read(layout, p, problems, chars -> {
                Node q = node(Ids.QUESTION, p);
                file(g, q, TIR.CompetencyQuestion, layout.show(p), "application/sparql-query", chars);
                String first = chars.lines().findFirst().orElse("");
                if (first.startsWith("# Question: "))
                    g.add(q, RDFS.label.asNode(), NodeFactory.createLiteralLang(first.substring("# Question: ".length()).strip(), "en"));
            });
        }
        return g;
    }

    private static Node node(String base, Path p) {
        String name = p.getFileName().toString();
        return NodeFactory.createURI(base + name.substring(0, name.lastIndexOf('.')));
    }

    private static void file(Graph g, Node s, Node type, String path, String mediaType, String chars) {
        g.add(s, TYPE, type);
        if (!type.equals(CNT.ContentAsText)) g.add(s, TYPE, CNT.ContentAsText);
        g.add(s, DCTerms.identifier.asNode(), NodeFactory.createLiteralString(path));
        g.add(s, DCTerms.format.asNode(), NodeFactory.createLiteralString(mediaType));
        g.add(s, CNT.characterEncoding, NodeFactory.createLiteralString("UTF-8"));
        g.add(s, CNT.chars, NodeFactory.createLiteralString(chars));
        g.add(s, TIR.fileSha256, NodeFactory.createLiteralDT(
                SourceCatalog.sha256(chars.getBytes(StandardCharsets.UTF_8)), XSDDatatype.XSDhexBinary));
    }

    private static void read(Layout layout, Path p, List<Problem> problems, java.util.function.Consumer<String> use) {
        try {
            use.accept(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new Problem(layout.show(p), 0, "cannot read as UTF-8: " + e.getMessage()));
        }
    }
}
