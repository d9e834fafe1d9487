package org.w3id.talibanrelations.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.talibanrelations.core.CuratedFile;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Ontology;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.vocabulary.Cur;
import org.w3id.talibanrelations.vocabulary.Namespaces;
import org.w3id.talibanrelations.vocabulary.TIRSH;

/**
 * The shapes of one kind of curated file ({@code shapes/curation/}: fact records, actor records,
 * conflict notes, the dataset's description, and the ontology), run on one file at a time: the focus
 * nodes are the file's own, the data is the file with the ontology and the shapes' own declarations
 * (of the {@code cur:} terms) beside it, and each result is reported at the line of the triple it is
 * about. The constraints are the shapes'; this class only runs them and locates what they report.
 *
 * <pre>
 *   CurationShapes shapes = CurationShapes.load(layout, ontology, problems, CurationShapes.FACTS);
 *   CurationShapes.Checked c = shapes.check(curatedFile);
 *   if (!c.rejects(record)) expand(record);
 * </pre>
 */
public final class CurationShapes {
    /** The project's prefixes and {@code cur:}, which is never published and so not among them. */
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(Namespaces.prefixMapping()).setNsPrefix("cur", Cur.NS).lock();

    /** The shapes of a fact file ({@code data/facts/}). */
    public static final List<String> FACTS = List.of("fact-records.ttl");
    /** The shapes of an actors' file ({@code data/actors/}). */
    public static final List<String> ACTORS = List.of("actor-records.ttl", "no-blank-nodes.ttl");
    /** The shapes of a file of conflicts ({@code data/conflicts/}). */
    public static final List<String> CONFLICTS = List.of("conflict-notes.ttl", "no-blank-nodes.ttl");
    /** The shapes of the dataset's description ({@code data/dataset.ttl}). */
    public static final List<String> DATASET = List.of("dataset-description.ttl", "no-blank-nodes.ttl");
    /** The shapes of the ontology file. */
    public static final List<String> ONTOLOGY = List.of("no-blank-nodes.ttl");

    private final Graph shapesGraph;
    /**
     * Parsed once per thread: the build checks fact files on its workers, and a parsed shape holds its
     * SPARQL queries, which are not to be shared between threads (as {@code ShapeSet} does for the
     * published graph's shapes).
     */
    private final ThreadLocal<Shapes> shapes;
    private final Graph ontology;
    /** The shapes whose targets are evaluated on the data, not the file alone. */
    private final Set<Node> onData;

    private CurationShapes(Graph shapesGraph, Graph ontology) {
        this.shapesGraph = shapesGraph;
        this.shapes = ThreadLocal.withInitial(() -> Shapes.parse(shapesGraph));
        this.onData = shapesGraph.find(Node.ANY, TIRSH.targetOnData, NodeFactory.createLiteralByValue(true))
                .mapWith(Triple::getSubject).toSet();
        this.ontology = ontology;
    }

    /**
     * Reads the named files of {@code shapes/curation/} (one of the lists above); a file that is missing
     * or does not parse is a problem, and no shape of it runs.
     */
    public static CurationShapes load(Layout layout, Graph ontology, List<Problem> problems, List<String> files) {
        Graph g = GraphFactory.createGraphMem();
        for (String name : files) {
            Path p = layout.curationShapes().resolve(name);
            try {
                RDFParser.source(p).parse(g);
            } catch (RiotException e) {
                problems.add(Problem.inFile(layout.show(p), "cannot parse shapes: " + e.getMessage()));
            }
        }
        return new CurationShapes(g, ontology);
    }

    /** What the shapes report on one file: its problems, and the records they are about. */
    public record Checked(List<Problem> problems, Set<Node> rejected) {
        /** Whether a record (a subject of the file) has a problem, and so is not to be expanded. */
        public boolean rejects(Node record) { return rejected.contains(record); }
    }

    /** Whether a record of a file conforms to one shape of these (a shape the build asks, not a target shape). */
    public boolean conforms(CuratedFile file, Node shape, Node record) {
        Graph data = data(file.graph());
        Shapes parsed = shapes.get();
        Shape asked = parsed.getShape(shape);
        // Missing when its file did not load, which load() has reported: the build stops on that problem.
        if (asked == null) return false;
        ValidationContext vCxt = ValidationContext.create(parsed, data);
        VLib.validateShape(vCxt, data, asked, record);
        return !vCxt.hasViolation();
    }

    /** Validates the records of one parsed file. */
    public Checked check(CuratedFile file) {
        Graph own = file.graph();
        Graph data = data(own);
        Shapes parsed = shapes.get();
        ValidationContext vCxt = ValidationContext.create(parsed, data);
        for (Shape shape : parsed.getTargetShapes())
            for (Node n : VLib.focusNodes(onData.contains(shape.getShapeNode()) ? data : own, shape))
                if (isOwn(own, n)) VLib.validateShape(vCxt, data, shape, n);
        List<Problem> problems = new ArrayList<>();
        Set<Node> rejected = new HashSet<>();
        if (!vCxt.hasViolation()) return new Checked(problems, rejected);
        ValidationReport report = vCxt.generateReport();
        for (ReportEntry e : report.getEntries()) {
            Node record = recordOf(own, e.focusNode());
            rejected.add(record);
            problems.add(new Problem(file.shown(), line(file, e), name(record) + ": " + about(e) + e.message()));
        }
        return new Checked(problems, rejected);
    }

    /**
     * Whether a node a target gives is the file's own: a subject of the file, or a blank node in it (no
     * other file has it). A shape marked {@code tirsh:targetOnData} has its target evaluated on the data,
     * so that a SPARQL target can read the ontology; a class or property the file only names is not a
     * record of it.
     */
    private static boolean isOwn(Graph own, Node n) {
        return own.contains(n, Node.ANY, Node.ANY) || n.isBlank() && own.contains(Node.ANY, Node.ANY, n);
    }

    /** What the shapes see of a file: the file, the ontology, and the shapes' own declarations (of the cur: terms). */
    private Graph data(Graph file) {
        return new MultiUnion(new Graph[] { file, ontology, shapesGraph });
    }

    /** The line of the triple a result is about when its path is one property, else of its focus node. */
    private static long line(CuratedFile file, ReportEntry e) {
        if (e.resultPath() instanceof P_Link link && e.value() != null) {
            long l = file.line(Triple.create(e.focusNode(), link.getNode(), e.value()));
            if (l > 0) return l;
        }
        long l = file.line(e.focusNode());
        // A blank node that is only an object has no line of its own: the line of the triple it is in.
        if (l == 0 && e.focusNode().isBlank()) {
            var in = file.graph().find(Node.ANY, Node.ANY, e.focusNode());
            if (in.hasNext()) return file.line(in.next());
        }
        return l;
    }

    /** The triple a result is about ({@code path value: }), when it has one: a missing value has none. */
    private static String about(ReportEntry e) {
        Node v = e.value();
        if (!(e.resultPath() instanceof P_Link link) || v == null || v.equals(e.focusNode())) return "";
        return name(link.getNode()) + " " + name(v) + ": ";
    }

    /** The record a node belongs to: itself when named by an IRI, else the record whose value it is. */
    private static Node recordOf(Graph g, Node n) {
        Set<Node> seen = new HashSet<>();
        while (n.isBlank() && seen.add(n)) {
            var up = g.find(Node.ANY, Node.ANY, n);
            if (!up.hasNext()) break;
            n = up.next().getSubject();
        }
        return n;
    }

    private static String name(Node n) {
        return FmtUtils.stringForNode(n, PREFIXES);
    }
}
