package org.w3id.talibanrelations.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Parallel;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.QueryFile;
import org.w3id.talibanrelations.core.Sparql;
import org.w3id.talibanrelations.vocabulary.Namespaces;

/**
 * The gate between a build and its publication: the SHACL shapes in {@code shapes/}, the
 * evidence check (every quote found at its offsets in the hash-pinned text) and the QC rules
 * {@code shapes/qc/*-violation.rq}, where any row is a violation. Every problem names the file
 * and line of the record to fix.
 *
 * <pre>
 *   List&lt;Problem&gt; problems = KgValidator.validate(Scope.whole(build));
 * </pre>
 * The low-memory build validates its partitions, then the rest, with the same call ({@link Scope#partitioned}).
 */
public final class KgValidator {
    private KgValidator() {}

    /** The problems of a scope: a build's own if it has any, else those of the checks the scope runs. */
    public static List<Problem> validate(Scope scope) {
        List<Problem> problems = new ArrayList<>(scope.first());
        if (!problems.isEmpty()) return problems;
        Scope.Checks c = scope.checks();
        // The checks only read: the QC rules run on a worker while SHACL (in chunks), then the evidence
        // check (by source), share the workers. Their problems are listed in this order, each in its own order.
        Future<List<Problem>> qc = c.qcView() == null ? null : Parallel.start(() -> qc(c.layout(), c.qcView(), c.locate()));
        if (c.shapes().graph != null) {
            problems.addAll(shacl(c.shapes(), c.focusGraph(), c.data(), c.keep(), c.locate()));
        } else {
            Problem unparsed = c.shapes().untold();
            if (unparsed != null) problems.add(unparsed);
        }
        if (c.evidenceOf() != null) problems.addAll(EvidenceChecker.check(c.data(), c.locate(), c.evidenceOf()));
        if (qc != null) problems.addAll(Parallel.get(qc));
        return problems;
    }

    /** Reads every Turtle file under {@code shapes/} into one shapes graph, less the curation form's ({@code shapes/curation/}, run on the inputs). */
    static Graph shapesGraph(Layout layout) {
        Graph g = GraphFactory.createGraphMem();
        for (Path p : Layout.files(layout.shapes(), ".ttl"))
            if (!p.startsWith(layout.curationShapes())) RDFParser.source(p).parse(g);
        return g;
    }

    /**
     * The SHACL problems of the focus nodes that {@code focusGraph} gives and {@code keep} accepts, each
     * validated against {@code data}: the low-memory build validates one partition of the facts at a
     * time this way, against the shared graphs and what it keeps of the others.
     */
    private static List<Problem> shacl(ShapeSet shapes, Graph focusGraph, Graph data, Predicate<Node> keep, Function<Node, Location> locate) {
        List<Problem> out = new ArrayList<>();
        for (ReportEntry e : validate(shapes, focusGraph, data, keep, CHUNK)) {
            String path = e.resultPath() == null ? "" : " (" + e.resultPath().toString(new org.apache.jena.sparql.core.Prologue(Namespaces.prefixMapping())) + ")";
            String value = e.value() == null ? "" : " value " + FmtUtils.stringForNode(e.value(), Namespaces.prefixMapping());
            out.add(at(locate.apply(e.focusNode()), "shapes",
                    name(e.focusNode()) + ": " + e.message() + path + value));
        }
        return out;
    }

    /** Focus nodes per task: enough to keep the threads busy, few enough that a task costs little to set up. */
    private static final int CHUNK = 2_000;

    /**
     * The entries of {@code ShaclValidator.get().validate(shapes, data)}, in the same order, the work
     * shared among threads. SHACL validates each focus node of each shape on its own: Jena's plain
     * validation takes the root shapes in order and, for each, its focus nodes in order, and validates
     * each ({@code VLib.validateShape}) into one report. Here the same list of (shape, focus node) is cut
     * into chunks, each validated into a report of its own with the same call, and the entries are put
     * back together in chunk order. The data graph is only read. Each thread parses the shapes once for
     * itself ({@link ShapeSet}), so that no parsed shape (SPARQL constraints hold a parsed query) is shared between threads.
     */
    static List<ReportEntry> validate(Graph shapesGraph, Graph data) {
        return validate(shapesGraph, data, CHUNK);
    }

    /** {@link #validate(Graph, Graph)} with another chunk size (tests). */
    static List<ReportEntry> validate(Graph shapesGraph, Graph data, int chunkSize) {
        return validate(ShapeSet.of(shapesGraph), data, data, n -> true, chunkSize);
    }

    private static List<ReportEntry> validate(ShapeSet shapeSet, Graph focusGraph, Graph data, Predicate<Node> keep, int chunkSize) {
        Shapes shapes = shapeSet.parsed();
        List<Callable<List<ReportEntry>>> tasks = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) {
            Node shapeNode = shape.getShapeNode();
            List<Node> focus = new ArrayList<>();
            for (Node n : VLib.focusNodes(focusGraph, shape)) if (keep.test(n)) focus.add(n);
            for (int i = 0; i < focus.size(); i += chunkSize) {
                List<Node> chunk = focus.subList(i, Math.min(focus.size(), i + chunkSize));
                tasks.add(() -> {
                    Shapes mine = shapeSet.parsed();
                    Shape s = mine.getShape(shapeNode);
                    if (s == null) throw new IllegalStateException("shape " + shapeNode + " not found when the shapes are parsed again");
                    ValidationContext vCxt = ValidationContext.create(mine, data);
                    for (Node n : chunk) VLib.validateShape(vCxt, data, s, n);
                    return vCxt.hasViolation() ? new ArrayList<>(vCxt.generateReport().getEntries()) : List.of();
                });
            }
        }
        List<ReportEntry> entries = new ArrayList<>();
        for (List<ReportEntry> r : Parallel.all(tasks)) entries.addAll(r);
        return entries;
    }

    /**
     * The rows of the QC rules ({@code shapes/qc/*-violation.rq}) on a served dataset, as problems, less
     * those that an exception of {@code data/lint-exceptions.tsv} silences; then the problems of that file
     * (an exception without a reason, for no rule, or stale: {@link LintExceptions}).
     */
    private static List<Problem> qc(Layout layout, DatasetGraph dsg, Function<Node, Location> locate) {
        List<Problem> out = new ArrayList<>();
        LintExceptions exceptions = LintExceptions.read(layout);
        java.util.Set<String> rules = new java.util.HashSet<>(), ran = new java.util.HashSet<>();
        for (Path p : Layout.files(layout.qcRules(), "-violation.rq")) {
            String shown = layout.show(p);
            String lint = p.getFileName().toString().replaceFirst("-violation[.]rq$", "");
            rules.add(lint);
            QueryFile file = QueryFile.read(layout, p);
            if (!file.ok()) {
                out.add(file.problem("QC rule does not parse: "));
                continue;
            }
            Query q = file.query();
            ran.add(lint);
            try (QueryExecution qe = Sparql.execution(q, dsg)) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution row = rs.next();
                    StringBuilder sb = new StringBuilder();
                    Node entity = null;
                    for (String v : rs.getResultVars()) {
                        RDFNode n = row.get(v);
                        if (n == null) continue;
                        if (v.equals("entity")) entity = n.asNode();
                        sb.append(sb.length() == 0 ? "" : ", ").append(v).append('=')
                          .append(FmtUtils.stringForNode(n.asNode(), Namespaces.prefixMapping()));
                    }
                    if (entity != null && exceptions.silences(lint, entity)) continue;
                    Location located = entity == null ? null : locate.apply(entity);
                    out.add(at(located, shown, "QC " + p.getFileName() + ": " + sb));
                }
            }
        }
        out.addAll(exceptions.problems(rules, ran));
        return out;
    }

    /** A problem at a record's location, or in a fallback file (or check) when the location is unknown. */
    static Problem at(Location where, String fallback, String message) {
        return where == null ? Problem.inFile(fallback, message) : Problem.at(where, message);
    }

    static String name(Node n) {
        return FmtUtils.stringForNode(n, Namespaces.prefixMapping());
    }

}
