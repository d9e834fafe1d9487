package org.w3id.talibanrelations.validate;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.core.ServedDataset;

/**
 * What one call of {@link KgValidator#validate} checks, and against what. The in-memory build is
 * checked whole. The low-memory build is checked in parts that share one reading of the shapes
 * ({@link #partitioned}): each partition of its facts, against what it keeps of the others, then the
 * rest once the build is done (the shapes on what is not a fact, and the QC rules).
 *
 * <pre>
 *   List&lt;Problem&gt; problems = KgValidator.validate(Scope.whole(build));
 *
 *   Scope.Partitioned scopes = Scope.partitioned(layout);
 *   problems.addAll(KgValidator.validate(scopes.partition(focus, data, own::contains, locate, quoted::contains)));
 *   problems.addAll(KgValidator.validate(scopes.rest(build, n -&gt; !isFact(n))));
 * </pre>
 */
public final class Scope {
    /**
     * The checks of a scope: SHACL on the focus nodes that {@code focusGraph} gives and {@code keep}
     * accepts, against {@code data}; the evidence of the sources {@code evidenceOf} accepts (none if
     * null); the QC rules on {@code qcView} (none if null). Each problem is placed by {@code locate}.
     */
    record Checks(ShapeSet shapes, Graph focusGraph, Graph data, Predicate<Node> keep, Function<Node, Location> locate,
                  Predicate<Node> evidenceOf, Layout layout, DatasetGraph qcView) {}

    private final List<Problem> first;
    /** Made when the scope is validated, and only if {@link #first} is empty: a build that failed has no view worth copying. */
    private final Supplier<Checks> checks;

    private Scope(List<Problem> first, Supplier<Checks> checks) {
        this.first = first;
        this.checks = checks;
    }

    /** A whole build: its own problems if it has any, else every check on its served view. */
    public static Scope whole(Built built) {
        return new Scope(built.problems(), () -> {
            DatasetGraph view = built.served() != null ? built.served() : ServedDataset.view(built.dataset());
            Graph union = view.getDefaultGraph();
            return new Checks(ShapeSet.read(built.layout()), union, union, n -> true, built::declaredAt, source -> true, built.layout(), view);
        });
    }

    /** The scopes of a build checked in parts (the low-memory build), which share the shapes read here. */
    public static Partitioned partitioned(Layout layout) {
        return new Partitioned(layout);
    }

    /** The problems reported before any check: a build's own, which stop the checks. */
    List<Problem> first() { return first; }

    /** The checks to run. */
    Checks checks() { return checks.get(); }

    /**
     * The parts of a build checked one at a time. The shapes are read once, here; if they do not parse,
     * the first scope validated says so, and no scope runs them.
     */
    public static final class Partitioned {
        private final Layout layout;
        private final ShapeSet shapes;

        private Partitioned(Layout layout) {
            this.layout = layout;
            this.shapes = ShapeSet.read(layout);
        }

        /** One partition: SHACL on the focus nodes {@code focusGraph} gives and {@code own} accepts, against {@code data}; the evidence of the sources {@code quoted} accepts. */
        public Scope partition(Graph focusGraph, Graph data, Predicate<Node> own, Function<Node, Location> locate, Predicate<Node> quoted) {
            return new Scope(List.of(), () -> new Checks(shapes, focusGraph, data, own, locate, quoted, layout, null));
        }

        /** What the partitions leave, once the build is done: SHACL on the nodes of its served view that {@code focus} accepts, and the QC rules. */
        public Scope rest(Built built, Predicate<Node> focus) {
            return new Scope(List.of(), () -> {
                DatasetGraph served = built.served();
                Graph all = served.getDefaultGraph();
                return new Checks(shapes, all, all, focus, built::declaredAt, null, layout, served);
            });
        }
    }
}
