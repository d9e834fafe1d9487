package org.w3id.talibanrelations.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.ServedDataset;

/**
 * The dataset kept on disk in TDB2 ({@code serve --store DIR}), rebuilt only when the inputs change,
 * and never seen half-built.
 * <p>
 * Each database lives in {@code DIR/db-<inputs hash>}, and {@code DIR/current} names the one to
 * serve. A rebuild loads into {@code DIR/db-<hash>.partial}, renames it when the load is complete,
 * then replaces {@code current} by an atomic rename. A process killed at any moment leaves either
 * the previous database or the new one named, never a partial one: partial directories are never
 * opened, and are removed at the next start.
 *
 * <pre>
 *   PersistentStore store = PersistentStore.at(Path.of("store"), layout);
 *   DatasetGraph dsg = store.isCurrent() ? store.open() : store.replace(build.dataset());
 * </pre>
 */
public final class PersistentStore {
    private static final String CURRENT = "current";
    private static final String PARTIAL = ".partial";
    /** Bumped when the stored form changes, so that old stores are rebuilt. */
    private static final String FORMAT = "tir-store-1";
    /** For crash tests only: milliseconds to wait after a load, before the swap. */
    static final String PAUSE_PROPERTY = "tir.store.pauseBeforeSwapMs";

    private final Path dir;
    private final String inputsHash;

    private PersistentStore(Path dir, String inputsHash) {
        this.dir = dir;
        this.inputsHash = inputsHash;
    }

    /** The store in a directory, for the inputs of a project (hashed now). */
    public static PersistentStore at(Path dir, Layout layout) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PersistentStore(dir, inputsHash(layout));
    }

    /** The inputs' hash ({@link Inputs#hash}), for this stored form. */
    static String inputsHash(Layout layout) {
        return Inputs.hash(layout, FORMAT);
    }

    private String dbName() { return "db-" + inputsHash; }

    /** The name in {@code current}, or null. */
    private String current() {
        Path c = dir.resolve(CURRENT);
        try {
            return Files.exists(c) ? Files.readString(c, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a complete database for the current inputs exists (named by {@code current}, or
     * complete but not yet named because a process stopped between the two renames).
     */
    public boolean isCurrent() {
        return Files.isDirectory(dir.resolve(dbName()));
    }

    /** Whether any complete database is named by {@code current}. */
    public boolean hasPrevious() {
        String c = current();
        return c != null && !c.endsWith(PARTIAL) && Files.isDirectory(dir.resolve(c));
    }

    /** Opens the database for the current inputs, naming it current if it was not yet. */
    public DatasetGraph open() {
        if (!isCurrent()) throw new IllegalStateException("no complete database for these inputs in " + dir);
        if (!dbName().equals(current())) point(dbName());
        cleanUp();
        return DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve(dbName())));
    }

    /** Opens the database {@code current} names, whatever the inputs. */
    public DatasetGraph openPrevious() {
        return DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve(current())));
    }

    /** Stores a validated dataset for the current inputs, makes it current, and opens it. */
    public DatasetGraph replace(DatasetGraph built) {
        return replace(built, ServedDataset.view(built));
    }

    /**
     * {@link #replace(DatasetGraph)} given the dataset's served view already made (the build keeps
     * one: {@code KgBuild.served()}), so that its union is not made a second time.
     */
    public DatasetGraph replace(DatasetGraph built, DatasetGraph view) {
        Path partial = dir.resolve(dbName() + PARTIAL);
        deleteTree(partial);
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(partial));
        load(tdb, built, view);
        TDBInternal.expel(tdb);
        pauseForCrashTests();
        move(partial, dir.resolve(dbName()));
        point(dbName());
        cleanUp();
        return DatabaseMgr.connectDatasetGraph(Location.create(dir.resolve(dbName())));
    }

    /**
     * Loads the served form of a dataset (its named graphs, and their union as the default graph) into
     * a new, empty database with TDB2's bulk loader, which builds the indexes in bulk instead of
     * updating every index quad by quad in one transaction (at 100,000 facts, 7.2 million quads: 84
     * instead of 120 s). The loader commits when it finishes; the database is still the partial one,
     * renamed only afterwards, so a crash during the load leaves nothing named.
     */
    static void load(DatasetGraph tdb, DatasetGraph built, DatasetGraph view) {
        DataLoader loader = LOADER.equals("parallel") ? LoaderFactory.parallelLoader(tdb, QUIET)
                : LOADER.equals("phased") ? LoaderFactory.phasedLoader(tdb, QUIET)
                : LoaderFactory.sequentialLoader(tdb, QUIET);
        loader.startBulk();
        try {
            StreamRDF into = loader.stream();
            into.start();
            view.getDefaultGraph().find().forEachRemaining(into::triple);
            built.find().forEachRemaining(q -> { if (!q.isDefaultGraph()) into.quad(q); });
            into.finish();
            loader.finishBulk();
        } catch (RuntimeException | Error e) {
            loader.finishException(e instanceof Exception ex ? ex : new RuntimeException(e));
            throw e;
        }
    }

    /**
     * The TDB2 bulk loader: {@code -Dtir.store.loader=sequential} (default: one thread, the fastest
     * on 2 busy cores), {@code phased} or {@code parallel} (more threads, for machines with cores to spare).
     */
    private static final String LOADER = System.getProperty("tir.store.loader", "sequential");
    private static final MonitorOutput QUIET = (fmt, args) -> {};

    private static void pauseForCrashTests() {
        long ms = Long.getLong(PAUSE_PROPERTY, 0);
        if (ms <= 0) return;
        System.out.println("Store loaded; pausing " + ms + " ms before the swap (" + PAUSE_PROPERTY + ").");
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code current} by an atomic rename, so it is always whole. */
    private void point(String name) {
        Path tmp = dir.resolve(CURRENT + ".tmp");
        try {
            Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
            move(tmp, dir.resolve(CURRENT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes partial loads and databases that are not current. */
    private void cleanUp() {
        String keep = current();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("db-") && !n.equals(keep)) deleteTree(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory. */
    public Path dir() { return dir; }
    /** The hash of the inputs this store was opened for. */
    public String inputsHash() { return inputsHash; }
}
