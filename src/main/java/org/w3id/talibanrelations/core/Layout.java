package org.w3id.talibanrelations.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the inputs live in a project checkout: {@code data/}, {@code ontology/},
 * {@code shapes/} and {@code queries/} below one root.
 */
public record Layout(Path root) {

    /** The layout of the current directory. */
    public static Layout current() { return new Layout(Path.of("").toAbsolutePath()); }

    /** Folder of source documents and sources.ttl. */
    public Path sources() { return root.resolve("data/sources"); }
    /** The source catalogue. */
    public Path sourceCatalog() { return sources().resolve("sources.ttl"); }
    /** Folder of actors, posts and places. */
    public Path actors() { return root.resolve("data/actors"); }
    /** Folder of curated facts. */
    public Path facts() { return root.resolve("data/facts"); }
    /** The dataset's own description: title, description, licence, where to start browsing (VoID and the pages). */
    public Path datasetDescription() { return root.resolve("data/dataset.ttl"); }
    /** The ontology. */
    public Path ontology() { return root.resolve("ontology/taliban-relations.ttl"); }
    /** Folder of SHACL shapes. */
    public Path shapes() { return root.resolve("shapes"); }
    /** Folder of the shapes of the curation form, run on each curated file before it is expanded (not on the published graph). */
    public Path curationShapes() { return root.resolve("shapes/curation"); }
    /** Folder of QC rules ({@code *-violation.rq}). */
    public Path qcRules() { return root.resolve("shapes/qc"); }
    /** The lint exceptions: one QC rule silenced for one fact, with the reason (data/CURATION.md). */
    public Path lintExceptions() { return root.resolve("data/lint-exceptions.tsv"); }
    /** Folder of derivation rules: one subfolder per derived graph, SPARQL CONSTRUCT files in each. */
    public Path rules() { return root.resolve("queries/rules"); }
    /** Rule-found conflicts a hand review dismissed: one conflict and its reason per line, tab-separated, after a header line. */
    public Path dismissedConflicts() { return root.resolve("data/conflicts/dismissed.tsv"); }
    /** Folder of curators' explanations of conflicts. */
    public Path conflictNotes() { return root.resolve("data/conflicts"); }
    /** Folder of competency questions. */
    public Path queries() { return root.resolve("queries"); }

    /** The path as shown in messages: relative to the root, with forward slashes. */
    public String show(Path p) {
        Path a = p.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return (a.startsWith(r) ? r.relativize(a) : a).toString().replace('\\', '/');
    }

    /** The files below a folder with a given ending, sorted so that every build reads them in the same order. */
    public static List<Path> files(Path dir, String ending) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(ending))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
