package org.w3id.talibanrelations;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The dataset as the endpoint serves it: an in-memory TDB2 copy whose default graph is the
 * union of the named graphs, so that a query without GRAPH sees everything. (The transactional
 * in-memory dataset has no such switch.) Tests and the {@code query} command use the same, so
 * that they answer exactly what the endpoint answers.
 */
public final class ServedDataset {
    private ServedDataset() {}

    /** A union-default copy of a dataset. */
    public static DatasetGraph copy(DatasetGraph source) {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(tdb, () -> Txn.executeRead(source, () -> source.find().forEachRemaining(tdb::add)));
        return tdb;
    }

    /**
     * A light in-memory view with the same answers, for in-process queries (QC rules, the
     * {@code query} command, tests): the named graphs as they are, and a default graph that
     * is the union of them, copied once.
     */
    public static DatasetGraph view(DatasetGraph source) {
        Graph union = GraphFactory.createGraphMem();
        source.find().forEachRemaining(q -> union.add(q.asTriple()));
        DatasetGraph view = DatasetGraphFactory.createGeneral(union);
        source.listGraphNodes().forEachRemaining(name -> view.addGraph(name, source.getGraph(name)));
        return view;
    }

    /** {@link #view(DatasetGraph)} as a {@link Dataset}. */
    public static Dataset of(DatasetGraph source) {
        return DatasetFactory.wrap(view(source));
    }
}
