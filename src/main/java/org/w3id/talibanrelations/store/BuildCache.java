package org.w3id.talibanrelations.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.talibanrelations.core.Layout;

/**
 * The last validated build of a project, kept on disk so that {@code serve} restarted on unchanged
 * inputs starts without building and validating again. Only a build that passed every check is
 * saved, under the hash of the inputs and the program ({@link Inputs}), so a changed fact, shape,
 * rule or program never finds it.
 * <p>
 * The file is {@code kg-<inputs hash>-<content hash>.rt} (RDF Thrift, which keeps every term as
 * written), written under a temporary name and renamed when complete. A file whose bytes do not
 * give the content hash in its name (cut short, altered) is ignored and removed, and the build runs.
 *
 * <pre>
 *   BuildCache cache = BuildCache.at(Path.of("target/build-cache"), layout);
 *   DatasetGraph dsg = cache.load(System.err);          // null: nothing valid for these inputs
 *   if (dsg == null) cache.save(build.dataset(), System.err);
 * </pre>
 */
public final class BuildCache {
    /** Bumped when what is saved changes, so that older files are never read. */
    private static final String FORMAT = "tir-build-cache-1";
    private static final String PREFIX = "kg-";
    private static final String SUFFIX = ".rt";

    private final Path dir;
    private final String inputsHash;

    private BuildCache(Path dir, String inputsHash) {
        this.dir = dir;
        this.inputsHash = inputsHash;
    }

    /** The cache in a directory (made when first saved to), for a project's inputs (hashed now). */
    public static BuildCache at(Path dir, Layout layout) {
        return new BuildCache(dir, Inputs.hash(layout, FORMAT));
    }

    /** The saved build for these inputs, or null if there is none or it is damaged (then removed, and said on {@code log}). */
    public DatasetGraph load(PrintStream log) {
        for (Path f : candidates()) {
            String name = f.getFileName().toString();
            String expected = name.substring((PREFIX + inputsHash + "-").length(), name.length() - SUFFIX.length());
            DatasetGraph dsg = DatasetGraphFactory.create();
            MessageDigest md = DigestUtils.getSha256Digest();
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                RDFParser.source(in).lang(Lang.RDFTHRIFT).parse(dsg);
                in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException | RuntimeException e) {
                log.println("WARNING: build cache " + f + " unreadable (" + e.getMessage() + "): removed; building.");
                delete(f);
                continue;
            }
            if (!Inputs.shortHex(md).equals(expected)) {
                log.println("WARNING: build cache " + f + " does not match its hash: removed; building.");
                delete(f);
                continue;
            }
            return dsg;
        }
        return null;
    }

    /**
     * Saves a validated build for these inputs, replacing older ones, and returns its file. A failure to
     * write (a read-only directory, a full disk) is reported on {@code log}, returns null, and costs only
     * the next start's time.
     */
    public Path save(DatasetGraph validated, PrintStream log) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, PREFIX, ".partial");
            MessageDigest md = DigestUtils.getSha256Digest();
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), md)) {
                RDFDataMgr.write(out, validated, RDFFormat.RDF_THRIFT);
            }
            Path target = dir.resolve(PREFIX + inputsHash + "-" + Inputs.shortHex(md) + SUFFIX);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList())
                    if (!p.equals(target) && p.getFileName().toString().startsWith(PREFIX)) delete(p);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            log.println("WARNING: could not save the build cache in " + dir + " (" + e.getMessage() + "); the next start builds again.");
            return null;
        } finally {
            if (tmp != null) delete(tmp);
        }
    }

    /** Saved files for these inputs (normally one). */
    private List<Path> candidates() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX + inputsHash + "-") && n.endsWith(SUFFIX);
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Left for the next save, which removes every other file.
        }
    }

    /** The directory. */
    public Path dir() { return dir; }
    /** The hash of the inputs this cache was opened for. */
    public String inputsHash() { return inputsHash; }
}
