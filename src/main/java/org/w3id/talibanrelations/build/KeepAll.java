package org.w3id.talibanrelations.build;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.publish.VoidDescription;

/**
 * The in-memory build as a {@link KgBuild.Partitions} strategy: one partition, the dataset itself, so
 * that every fact is expanded into the dataset and kept there, and the served view and the VoID
 * description are made from the whole of it. {@link LowMemoryBuild} is the other strategy.
 */
final class KeepAll implements KgBuild.Partitions {
    private DatasetGraph dataset;

    @Override
    public void begin(KgBuild build) { dataset = build.dataset(); }

    /** Every file is in the one partition. */
    @Override
    public String partitionOf(Path factsFile) { return ""; }

    /** The partition is the dataset: its facts graphs keep only their triples ({@code TripleSetGraph}), the union has the indexes. */
    @Override
    public DatasetGraph open() { return dataset; }

    /** Nothing to do: the facts are in the dataset already, and stay. */
    @Override
    public void partition(DatasetGraph facts) {}

    /** Every graph, and their union copied once as the default graph. */
    @Override
    public DatasetGraph served(DatasetGraph dataset) { return ServedDataset.view(dataset); }

    /** Counted over the dataset, which holds everything. */
    @Override
    public Graph voidDescription(DatasetGraph dataset, Graph served) { return VoidDescription.of(dataset, served); }
}
