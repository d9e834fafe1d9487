package org.w3id.talibanrelations.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.core.CuratedFile;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.PartialDate;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.vocabulary.Cur;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * The source documents declared in {@code data/sources/sources.ttl}, each read verbatim and
 * checked against its SHA-256 pin, with their published descriptions.
 *
 * <pre>
 *   SourceCatalog sources = SourceCatalog.load(layout);
 *   sources.problems().forEach(System.err::println);
 *   SourceDocument doc = sources.byIri(iri);
 * </pre>
 */
public final class SourceCatalog {
    private final Map<Node, SourceDocument> byIri = new LinkedHashMap<>();
    private final Map<Node, Location> declaredAt = new LinkedHashMap<>();
    private final Map<Node, AsOf> asOf = new LinkedHashMap<>();
    private final Graph descriptions = GraphFactory.createGraphMem();
    private final List<Problem> problems = new ArrayList<>();

    /** The date as of which a source speaks, and why, when it is inferred. */
    public record AsOf(PartialDate date, String inferredBecause) {}

    private SourceCatalog() {}

    /** Reads the catalogue and every document it declares. */
    public static SourceCatalog load(Layout layout) {
        SourceCatalog c = new SourceCatalog();
        Path catalog = layout.sourceCatalog();
        if (!Files.exists(catalog)) {
            c.problems.add(Problem.inFile(layout.show(catalog), "missing: the source catalogue is required"));
            return c;
        }
        CuratedFile f = CuratedFile.read(layout, catalog);
        c.problems.addAll(f.problems());
        if (!f.ok()) return c;
        Graph g = f.graph();
        List<String> declaredFiles = new ArrayList<>();
        List<Node> declared = new ArrayList<>(g.find(Node.ANY, RDF.type.asNode(), TIR.SourceDocument).mapWith(Triple::getSubject).toList());
        declared.sort(java.util.Comparator.comparing(Node::toString));
        for (Node s : declared) {
            c.declaredAt.put(s, f.location(s));
            c.loadOne(layout, f, s, declaredFiles);
        }
        for (Path p : Layout.files(layout.sources(), ".txt")) {
            if (!declaredFiles.contains(p.getFileName().toString()))
                c.problems.add(Problem.inFile(layout.show(p), "source file not declared in " + f.shown() + " (add a tir:SourceDocument record with its SHA-256)"));
        }
        return c;
    }

    private void loadOne(Layout layout, CuratedFile f, Node s, List<String> declaredFiles) {
        Graph g = f.graph();
        String slug = Ids.slug(s, Ids.SOURCE);
        if (slug == null || !Ids.isSlug(slug)) {
            problems.add(f.at(s, "source IRI must be " + Ids.SOURCE + "<slug> with a lowercase, hyphenated slug: " + s));
            return;
        }
        String fileName = literal(g, s, DCTerms.identifier.asNode());
        String pin = literal(g, s, TIR.sha256);
        if (fileName == null) { problems.add(f.at(s, "source " + slug + " has no dcterms:identifier (its file name)")); return; }
        if (pin == null) { problems.add(f.at(s, "source " + slug + " has no tir:sha256 pin")); return; }
        declaredFiles.add(fileName);
        Path file = layout.sources().resolve(fileName);
        String shown = layout.show(file);
        if (!file.normalize().startsWith(layout.sources().normalize()) || !Files.isRegularFile(file)) {
            problems.add(f.at(s, "source " + slug + ": file " + shown + " not found"));
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(f.at(s, "source " + slug + ": cannot read " + shown + ": " + e.getMessage()));
            return;
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(pin.strip())) {
            problems.add(Problem.inFile(shown, "bytes no longer match the SHA-256 pinned in " + f.location(s)
                    + " (pinned " + pin.strip() + ", found " + actual + "); restore the file verbatim, or re-pin it if the change is deliberate"));
            return;
        }
        String text = CuratedFile.decodeUtf8(bytes, shown, problems);
        if (text == null) return;
        if (text.isEmpty()) { problems.add(Problem.inFile(shown, "empty source document")); return; }
        SourceDocument doc = new SourceDocument(s, slug, fileName, shown, text, actual, literal(g, s, DCTerms.title.asNode()));
        byIri.put(s, doc);

        AsOf asof = null;
        String asOfText = literal(g, s, Cur.asOf);
        if (asOfText == null) {
            problems.add(f.at(s, "source " + slug + " has no cur:asOf: the date as of which it speaks (inferred if need be, with cur:asOfInferred)"));
        } else {
            try {
                asof = new AsOf(PartialDate.parse(asOfText), literal(g, s, Cur.asOfInferred));
                asOf.put(s, asof);
            } catch (IllegalArgumentException e) {
                problems.add(f.at(Triple.create(s, Cur.asOf, g.find(s, Cur.asOf, Node.ANY).next().getObject()),
                        "source " + slug + ": bad cur:asOf: " + e.getMessage()));
            }
        }
        describe(g, s, doc, asof);
    }

    private void describe(Graph g, Node s, SourceDocument doc, AsOf asof) {
        g.find(s, Node.ANY, Node.ANY).forEach(t -> {
            Node p = t.getPredicate();
            if (p.getURI().startsWith(Cur.NS)) return;
            if (p.equals(TIR.sha256))
                descriptions.add(s, p, NodeFactory.createLiteralDT(doc.sha256(), XSDDatatype.XSDhexBinary));
            else
                descriptions.add(t);
        });
        descriptions.add(s, TIR.characterCount, NodeFactory.createLiteralDT(Integer.toString(doc.length()), XSDDatatype.XSDinteger));
        descriptions.add(s, TIR.storedAt, NodeFactory.createLiteralString(doc.storedAt()));
        descriptions.add(s, DCTerms.format.asNode(), NodeFactory.createLiteralString("text/plain; charset=UTF-8"));
        // Its sections, tables, rows and cells, as its text shows them.
        doc.structure().describe(descriptions);
        if (asof != null) {
            descriptions.add(s, TIR.asOf, asof.date().toLiteral());
            descriptions.add(s, TIR.asOfPrecision, asof.date().precision());
            if (asof.inferredBecause() != null) {
                descriptions.add(s, TIR.asOfInferred, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
                descriptions.add(s, TIR.inferenceNote, NodeFactory.createLiteralString(asof.inferredBecause()));
            }
        }
    }

    private static String literal(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        if (!it.hasNext()) return null;
        Node o = it.next().getObject();
        return o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    /** Lowercase hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }

    /** The document with this IRI, or null. */
    public SourceDocument byIri(Node iri) { return byIri.get(iri); }
    /** Where a source is declared, or null. */
    public Location declaredAt(Node source) { return declaredAt.get(source); }
    /** All documents, in IRI order. */
    public Iterable<SourceDocument> documents() { return byIri.values(); }
    /** How many documents were loaded. */
    public int size() { return byIri.size(); }
    /** The as-of date of a source, or null. */
    public AsOf asOf(Node source) { return asOf.get(source); }
    /** The published descriptions of the sources. */
    public Graph descriptions() { return descriptions; }
    /** Problems found. */
    public List<Problem> problems() { return problems; }
}
