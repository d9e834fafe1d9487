package org.w3id.talibanrelations.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.publish.CanonicalSink;
import org.w3id.talibanrelations.publish.Publisher;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {
            "Builds the graph from data/, validates it, and writes the published dataset:",
            "  DIR/kg.trig       every named graph (ontology, sources, actors, facts per source, derived,",
            "                    conflicts, timelines)",
            "  DIR/ontology.ttl  the ontology alone",
            "  DIR/kg-flat.ttl   the ontology and all the data in one graph, no named graphs",
            "                    (Turtle, for Protégé and other OWL tools)",
            "Nothing is written if any check fails; files are replaced atomically.",
            "Exit status: 0 published, 1 validation failed."
        })
final class BuildCommand implements Callable<Integer> {
    @Mixin ProjectOptions project;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write into (created if missing).")
    Path out;

    @Option(names = "--low-memory", description = {
            "Build and check one folder of data/facts/ at a time, spooling its quads to disk as it goes, for",
            "corpora too large for memory. Same problems, and the same bytes in every file written."})
    boolean lowMemory;

    @Override
    public Integer call() throws Exception {
        if (lowMemory) {
            try (CanonicalSink sink = CanonicalSink.create()) {
                if (!project.lowMemoryValidated(sink, System.err)) return 1;
                sink.publish(out);
            }
            System.out.println("Wrote " + out.resolve(Publisher.DATASET) + ", " + out.resolve(Publisher.ONTOLOGY)
                    + " and " + out.resolve(Publisher.FLAT) + ".");
            return 0;
        }
        KgBuild build = project.buildValidated(System.err);
        if (build == null) return 1;
        Publisher.publish(build.dataset(), out);
        System.out.println("Wrote " + out.resolve(Publisher.DATASET) + ", " + out.resolve(Publisher.ONTOLOGY)
                + " and " + out.resolve(Publisher.FLAT)
                + " (" + build.dataset().stream().count() + " quads).");
        return 0;
    }
}
