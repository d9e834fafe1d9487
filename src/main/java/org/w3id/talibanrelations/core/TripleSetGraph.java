package org.w3id.talibanrelations.core;

import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.mem2.GraphMem2Roaring;
import org.apache.jena.mem2.IndexingStrategy;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * An in-memory graph that keeps only the set of its triples until a pattern is first matched
 * against it, and builds its indexes then. The build holds each facts graph this way: the build and
 * validation read the facts through the served union (which has its own indexes) and read a facts
 * graph only whole (publication, counts), so the facts graphs need no second set of indexes. A set
 * takes about 36 bytes per triple; the indexes of {@code GraphMem2Fast} about 83.
 * <p>
 * A query on the named graph (a {@code GRAPH} pattern on the endpoint) builds the indexes once, under
 * a lock, so that concurrent readers never build them twice nor see them half built.
 */
public final class TripleSetGraph extends GraphMem2Roaring {
    private volatile boolean indexed;

    public TripleSetGraph() {
        super(IndexingStrategy.LAZY);
    }

    private void indexFor(Triple match) {
        if (indexed || match.isConcrete() || !match.getSubject().isConcrete() && !match.getPredicate().isConcrete() && !match.getObject().isConcrete())
            return;   // a whole triple, or every triple: the set answers
        synchronized (this) {
            if (!indexed) {
                initializeIndex();
                indexed = true;
            }
        }
    }

    @Override
    public ExtendedIterator<Triple> graphBaseFind(Triple match) {
        indexFor(match);
        return super.graphBaseFind(match);
    }

    @Override
    public boolean graphBaseContains(Triple match) {
        indexFor(match);
        return super.graphBaseContains(match);
    }

    @Override
    public Stream<Triple> stream(Node s, Node p, Node o) {
        indexFor(Triple.createMatch(s, p, o));
        return super.stream(s, p, o);
    }

    /** Whether a pattern has been matched against this graph, so that it has its indexes. */
    public boolean isIndexed() { return indexed; }
}
