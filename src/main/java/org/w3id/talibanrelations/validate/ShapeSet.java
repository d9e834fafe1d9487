package org.w3id.talibanrelations.validate;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.Shapes;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;

/**
 * The shapes of {@code shapes/}, read once for the scopes that share them, and parsed once per thread
 * that validates with them: a parsed shape may hold a parsed query (SPARQL constraints), so no thread
 * uses another's, while each keeps its own from one partition to the next.
 */
final class ShapeSet {
    /** The shapes graph, or null if it did not parse. */
    final Graph graph;
    private final Problem problem;
    private final AtomicBoolean told = new AtomicBoolean();
    private final ThreadLocal<Shapes> parsed;

    private ShapeSet(Graph graph, Problem problem) {
        this.graph = graph;
        this.problem = problem;
        this.parsed = graph == null ? null : ThreadLocal.withInitial(() -> Shapes.parse(graph));
    }

    /** Reads {@code shapes/}; a file that does not parse is a problem, reported once. */
    static ShapeSet read(Layout layout) {
        try {
            return new ShapeSet(KgValidator.shapesGraph(layout), null);
        } catch (RiotException e) {
            return new ShapeSet(null, Problem.inFile("shapes/", "cannot parse shapes: " + e.getMessage()));
        }
    }

    /** A shapes graph already read (tests). */
    static ShapeSet of(Graph graph) { return new ShapeSet(graph, null); }

    /** The shapes as this thread parsed them. */
    Shapes parsed() { return parsed.get(); }

    /** Why the shapes did not parse, the first time it is asked, else null: the scopes that share them report it once. */
    Problem untold() {
        return problem != null && told.compareAndSet(false, true) ? problem : null;
    }
}
