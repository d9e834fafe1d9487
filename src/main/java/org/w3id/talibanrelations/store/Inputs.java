package org.w3id.talibanrelations.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.w3id.talibanrelations.core.Layout;

/**
 * What a build depends on, as one hash: every input file (data, ontology, shapes, queries: rules
 * and the competency questions published with the data) and the
 * program that builds it. A stored or cached build is reused only under the same hash, so a changed
 * fact, shape or rule, or a new version of the program, always builds and validates again.
 *
 * <pre>
 *   String key = Inputs.hash(layout, "tir-store-1");   // 16 hex digits of a SHA-256
 * </pre>
 */
public final class Inputs {
    private Inputs() {}

    private static volatile String code;

    /**
     * The inputs' hash: SHA-256 over the form the result is kept in (a name with a version, so that a
     * new form is never read as an old one), the program's identity, and the path and bytes of every
     * input file, in a fixed order.
     */
    public static String hash(Layout layout, String form) {
        MessageDigest md = DigestUtils.getSha256Digest();
        md.update((form + '\0' + codeIdentity() + '\0').getBytes(StandardCharsets.UTF_8));
        List<Path> files = new ArrayList<>();
        for (Path p : List.of(layout.root().resolve("data"), layout.root().resolve("ontology"), layout.shapes(), layout.queries()))
            files.addAll(Layout.files(p, ""));
        files.sort(Comparator.comparing(layout::show));
        try {
            for (Path f : files) {
                md.update(layout.show(f).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
                md.update((byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shortHex(md);
    }

    /**
     * The program's identity: from a jar, the name, size and CRC of every entry (read from the jar's
     * directory, without inflating anything), so that any change to our classes or a library's gives
     * a new value; from a directory of classes (tests, an IDE), the bytes of our classes.
     */
    public static String codeIdentity() {
        String c = code;
        if (c == null) code = c = computeCodeIdentity();
        return c;
    }

    private static String computeCodeIdentity() {
        MessageDigest md = DigestUtils.getSha256Digest();
        try {
            Path where = Path.of(Inputs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(where)) {
                try (JarFile jar = new JarFile(where.toFile())) {
                    jar.stream().sorted(Comparator.comparing(java.util.zip.ZipEntry::getName)).forEach(e ->
                        md.update((e.getName() + '\0' + e.getSize() + '\0' + e.getCrc() + '\n').getBytes(StandardCharsets.UTF_8)));
                }
            } else {
                Path ours = where.resolve("org/w3id/talibanrelations");
                try (Stream<Path> s = Files.walk(ours)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(where.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(f));
                    }
                }
                md.update(org.apache.jena.Jena.VERSION.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown code: a value of its own each run, so that nothing built by other code is reused.
            md.update(("unknown " + System.nanoTime() + " " + e).getBytes(StandardCharsets.UTF_8));
        }
        return shortHex(md);
    }

    /**
     * The first 16 hex digits of a digest: the names of what is kept (64 bits, enough to tell a
     * project's builds apart, and a damaged file from a whole one).
     */
    static String shortHex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }
}
