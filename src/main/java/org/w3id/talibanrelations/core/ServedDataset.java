package org.w3id.talibanrelations.core;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The dataset as the endpoint serves it: the named graphs as built, and a default graph that holds
 * the union of them, so that a query without GRAPH, and a Graph Store read of the default graph,
 * see everything. The server, the {@code query} command, the QC rules and the tests all use it, so
 * they answer alike. (The stored form, {@code serve.PersistentStore}, keeps the same shape in TDB2.)
 */
public final class ServedDataset {
    private ServedDataset() {}

    /**
     * A light in-memory view with the same answers, for in-process queries (QC rules, the
     * {@code query} command, tests): the named graphs as they are, and a default graph that
     * is the union of them, copied once.
     */
    public static DatasetGraph view(DatasetGraph source) {
        DatasetGraph view = DatasetGraphFactory.createGeneral(union(source));
        source.listGraphNodes().forEachRemaining(name -> view.addGraph(name, source.getGraph(name)));
        return view;
    }

    /**
     * The union of a dataset's graphs, as one new in-memory graph. The graphs' own triples are added
     * (not one new triple per quad), so that the copy shares them with the dataset.
     */
    public static Graph union(DatasetGraph source) {
        Graph union = GraphFactory.createGraphMem();
        source.getDefaultGraph().find().forEachRemaining(union::add);
        source.listGraphNodes().forEachRemaining(name -> source.getGraph(name).find().forEachRemaining(union::add));
        return union;
    }

    /** {@link #view(DatasetGraph)} as a {@link Dataset}. */
    public static Dataset of(DatasetGraph source) {
        return DatasetFactory.wrap(view(source));
    }
}
