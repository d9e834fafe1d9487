package org.w3id.talibanrelations.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.QueryFile;
import org.w3id.talibanrelations.publish.VoidDescription;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Builds and validates the graph one partition of the facts at a time, for corpora whose dataset
 * does not fit in memory: the same problems and the same quads as {@link KgBuild} with
 * {@code KgValidator}, without holding the facts.
 * <p>
 * A partition is a folder of {@code data/facts/} (one source's facts). Each is expanded, checked
 * (SHACL on its own subjects, its quotes against its source's text), written to the output and
 * dropped. What the checks across partitions need is kept: the shared graphs (ontology, sources,
 * actors), the derived graph, and a projection of the facts: the triples whose predicate a rule
 * ({@code queries/rules/}) or QC rule ({@code shapes/qc/}) names, the types of facts and the types
 * the rules name, and every triple that points at an actor. The rules and QC rules run on that
 * projection, so a rule must name the predicates it reads (a variable predicate sees only the
 * triples that point at actors). Evidence annotations and quotes, most of the data, are not kept.
 * <p>
 * A partition whose facts point at a fact not read yet (a denial of a later fact) is held until
 * all facts are read, so that the fact it points at is known when it is checked.
 * <p>
 * The output receives every quad when the build has no problem, and possibly some quads before a
 * problem is found: write it to a temporary file and keep it only if {@link Result#problems()} is
 * empty. The order of the quads is not the canonical order {@code publish.Publisher} writes.
 *
 * <pre>
 *   LowMemoryBuild.Result r = LowMemoryBuild.run(layout, StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS));
 *   if (r.problems().isEmpty()) ... // keep the output
 * </pre>
 */
public final class LowMemoryBuild implements KgBuild.Partitions {
    /**
     * What a low-memory build gives: the build (without its facts graphs), its problems, the quads
     * written, and its time in two parts: the build with the partitions' checks, then the checks
     * that need the whole build (the held partitions, the shapes on what is not a fact, the QC rules).
     */
    public record Result(KgBuild build, List<Problem> problems, long quads, long buildMillis, long finishMillis) {}

    private final StreamRDF out;
    private KgBuild build;
    private Layout layout;
    /** The checks of each partition and of the rest, which share one reading of the shapes. */
    private Scope.Partitioned scopes;
    /** The shared graphs, the projection of the facts so far, then the derived graph: what the rules read. */
    private final Graph context = GraphFactory.createGraphMem();
    private final Set<Node> namedPredicates = new HashSet<>(), namedTerms = new HashSet<>(), actors = new HashSet<>();
    private final List<Problem> validation = new ArrayList<>();
    private final List<Graph> held = new ArrayList<>();
    private final VoidDescription.Counts counts = new VoidDescription.Counts();
    private final Map<Node, Long> factsGraphSizes = new LinkedHashMap<>();
    private long quads;

    private LowMemoryBuild(StreamRDF out) { this.out = out; }

    /** Builds and validates the project; every quad goes to {@code out} (null: none is written). */
    public static Result run(Layout layout, StreamRDF out) {
        LowMemoryBuild lm = new LowMemoryBuild(out);
        if (out != null) out.start();
        try {
            long t0 = System.nanoTime();
            KgBuild build = KgBuild.run(layout, lm);
            long t1 = System.nanoTime();
            if (!build.problems().isEmpty()) return new Result(build, build.problems(), lm.quads, (t1 - t0) / 1_000_000, 0);
            lm.finish();
            if (lm.validation.isEmpty()) build.dataset().find().forEachRemaining(lm::emit);
            return new Result(build, lm.validation, lm.quads, (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        } finally {
            if (out != null) out.finish();
        }
    }

    @Override
    public void begin(KgBuild b) {
        build = b;
        layout = b.layout();
        scopes = Scope.partitioned(layout);
        b.dataset().find().forEachRemaining(q -> context.add(q.asTriple()));
        b.dataset().getGraph(Ids.GRAPH_ACTORS).find().forEachRemaining(t -> actors.add(t.getSubject()));
        for (Path dir : new Path[] { layout.rules(), layout.qcRules() })
            for (Path p : Layout.files(dir, ".rq")) named(p);
    }

    /** A folder of {@code data/facts/} (one source's facts), or a file directly in it: its facts and their parts ({@code Ids.part}) are minted by its own expansion, so no two partitions share a subject. */
    @Override
    public String partitionOf(Path file) {
        Path rel = layout.facts().relativize(file);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() + "/" : rel.toString();
    }

    /** A new in-memory dataset, dropped once the partition is checked and written. */
    @Override
    public DatasetGraph open() {
        return DatasetGraphFactory.createWithGraphMaker(name -> GraphFactory.createDefaultGraph());
    }

    @Override
    public void partition(DatasetGraph facts) {
        List<Node> names = new ArrayList<>();
        facts.listGraphNodes().forEachRemaining(names::add);
        for (Node n : names) factsGraphSizes.merge(n, (long) facts.getGraph(n).size(), Long::sum);
        // A partition is one source's folder, so mostly one graph: used as it is, not copied.
        Graph part = names.size() == 1 ? facts.getGraph(names.get(0)) : GraphFactory.createGraphMem();
        if (names.size() != 1) facts.find().forEachRemaining(q -> part.add(q.asTriple()));
        part.find().forEachRemaining(t -> { if (kept(t)) context.add(t); });
        counts.add(part.find());
        if (pointsAhead(part)) held.add(part);
        else check(part);
        facts.find().forEachRemaining(this::emit);
    }

    @Override
    public DatasetGraph served(DatasetGraph dataset) {
        dataset.getGraph(Ids.GRAPH_DERIVED).find().forEachRemaining(context::add);
        DatasetGraph view = DatasetGraphFactory.createGeneral(context);
        dataset.listGraphNodes().forEachRemaining(name -> view.addGraph(name, dataset.getGraph(name)));
        return view;
    }

    @Override
    public Graph voidDescription(DatasetGraph dataset, Graph served) {
        // Every subject of a partition is a fact or a part of one, and nothing else may have such a
        // subject: the partitions' counts and these add up only if no subject is in both.
        counts.add(served.find().filterDrop(t -> ownedByFacts(t.getSubject())));
        dataset.stream().filter(q -> ownedByFacts(q.getSubject())).findFirst().ifPresent(q -> validation.add(
                Problem.inFile(layout.show(layout.rules()),
                        "with --low-memory, only the facts' own files describe a fact: graph " + q.getGraph().getURI()
                        + " adds to " + q.getSubject().getURI() + " (a rule must describe new resources, as the conflicts and steps do)")));
        Node voidGraph = org.apache.jena.graph.NodeFactory.createURI(Ids.GRAPH + "void");
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(n -> { if (!n.equals(voidGraph)) names.add(n); });
        // The in-memory build names a facts graph for every source, even one without facts.
        for (var doc : build.sources().documents()) {
            Node g = Ids.factsGraph(doc.slug());
            if (!names.contains(g)) names.add(g);
        }
        return VoidDescription.of(counts, names, n -> factsGraphSizes.containsKey(n) ? factsGraphSizes.get(n)
                : dataset.containsGraph(n) ? dataset.getGraph(n).size() : 0);
    }

    /** After the build: the held partitions, the shapes on everything but the facts, the QC rules. */
    private void finish() {
        for (Graph part : held) check(part);
        held.clear();
        validation.addAll(KgValidator.validate(scopes.rest(build, n -> !ownedByFacts(n))));
    }

    /** SHACL on the partition's own subjects, against it and the context; its quotes against their sources. */
    private void check(Graph part) {
        Set<Node> own = new HashSet<>();
        part.find().forEachRemaining(t -> own.add(t.getSubject()));
        Graph data = new PartitionView(part, context, own);
        // Focus nodes come from the partition (with the ontology, for the subclasses of a target class).
        Graph focus = new org.apache.jena.graph.compose.Union(part, build.dataset().getGraph(Ids.GRAPH_ONTOLOGY));
        Set<Node> quoted = part.find(Node.ANY, Std.oa_hasSource, Node.ANY).mapWith(Triple::getObject).toSet();
        validation.addAll(KgValidator.validate(scopes.partition(focus, data, own::contains, this::declaredAt, quoted::contains)));
    }

    /** Where a node was declared: facts are known as they are read, the rest once the build is done. */
    private Location declaredAt(Node n) {
        Location fact = build.facts().get(Ids.owner(n));
        return fact != null ? fact : build.declaredAt(n);
    }

    /** Whether the partition points at a fact that no file read so far declares. */
    private boolean pointsAhead(Graph part) {
        return part.find().filterKeep(t -> {
            Node o = t.getObject();
            return o.isURI() && o.getURI().startsWith(Ids.FACT) && Ids.owner(o).equals(o) && !build.facts().containsKey(o);
        }).hasNext();
    }

    private boolean kept(Triple t) {
        Node p = t.getPredicate(), o = t.getObject();
        if (p.equals(RDF.type.asNode())) return namedTerms.contains(o) || build.ontology().isA(o, TIR.Fact);
        return namedPredicates.contains(p) || actors.contains(o);
    }

    private static boolean ownedByFacts(Node n) {
        return n.isURI() && n.getURI().startsWith(Ids.FACT);
    }

    private void emit(Quad q) {
        if (out == null) return;
        out.quad(q);
        quads++;
    }

    /** Records the predicates and the other IRIs a rule or QC query names (one that does not parse is reported elsewhere). */
    private void named(Path file) {
        QueryFile q = QueryFile.read(layout, file);
        if (q.ok()) named(Algebra.compile(q.query()));
    }

    private void named(Op op) {
        Walker.walk(op, new OpVisitorBase() {
            @Override public void visit(OpBGP bgp) { bgp.getPattern().forEach(this::triple); }
            @Override public void visit(OpTriple t) { triple(t.getTriple()); }
            @Override public void visit(OpPath p) {
                path(p.getTriplePath().getPath());
                term(p.getTriplePath().getObject());
            }
            private void triple(Triple t) {
                if (t.getPredicate().isURI()) namedPredicates.add(t.getPredicate());
                term(t.getObject());
            }
        }, new ExprVisitorBase() {
            // FILTER (NOT) EXISTS and EXISTS in BIND: their patterns read the data too.
            @Override public void visit(ExprFunctionOp f) {
                if (f.getGraphPattern() != null) named(f.getGraphPattern());
            }
        });
    }

    private void term(Node n) {
        if (n.isURI()) namedTerms.add(n);
    }

    private void path(org.apache.jena.sparql.path.Path p) {
        if (p instanceof P_Link l) namedPredicates.add(l.getNode());
        else if (p instanceof P_ReverseLink l) namedPredicates.add(l.getNode());
        else if (p instanceof P_Path1 p1) path(p1.getSubPath());
        else if (p instanceof P_Path2 p2) { path(p2.getLeft()); path(p2.getRight()); }
        else if (p instanceof P_NegPropSet n) n.getNodes().forEach(x -> path(x));
    }

    /**
     * A partition and the context, as one graph: the partition's subjects have their triples from the
     * partition only (the context keeps a projection of them), the other subjects from the context.
     */
    private static final class PartitionView extends GraphBase {
        private final Graph part, context;
        private final Set<Node> own;

        PartitionView(Graph part, Graph context, Set<Node> own) {
            this.part = part;
            this.context = context;
            this.own = own;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
            Node s = m.getSubject();
            if (s.isConcrete()) return own.contains(s) ? part.find(m) : context.find(m);
            return part.find(m).andThen(context.find(m).filterDrop(t -> own.contains(t.getSubject())));
        }
    }
}
