package org.w3id.talibanrelations;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
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

    /** A union-default copy, as a {@link Dataset}. */
    public static Dataset of(DatasetGraph source) {
        return DatasetFactory.wrap(copy(source));
    }
}
