package org.w3id.talibanrelations.serve.cache;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.Jena;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * A name for a dataset's content, the same for the same quads in any order and in any process, so
 * that ETags survive a restart on the same data. Each quad is hashed on its own and the hashes are
 * added, so no sort is needed. Blank nodes count by position only: their labels differ from build to
 * build, and no response shows them. Jena's version is part of it, since its writers make the bytes.
 */
public final class DatasetFingerprint {
    private DatasetFingerprint() {}

    /** The fingerprint of a dataset: 16 hex digits. */
    public static String of(DatasetGraph dsg) {
        long[] sumAndCount = new long[2];
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {
            sumAndCount[0] += hash(q);
            sumAndCount[1]++;
        }));
        byte[] digest = DigestUtils.sha256(("tir-dataset-1 jena-" + Jena.VERSION + " " + sumAndCount[1] + " " + sumAndCount[0]).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static long hash(Quad q) {
        long h = 0xcbf29ce484222325L;
        for (Node n : new Node[] { q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject() }) {
            if (n.isURI()) h = fnv(fnv(h, "U"), n.getURI());
            else if (n.isLiteral()) h = fnv(fnv(fnv(fnv(h, "L"), n.getLiteralLexicalForm()), "\1" + n.getLiteralDatatypeURI()), "\1" + n.getLiteralLanguage());
            else if (n.isBlank()) h = fnv(h, "B");
            else h = fnv(fnv(h, "T"), NodeFmtLib.strNT(n));
            h = fnv(h, "\0");
        }
        // A final mix (splitmix64), so that sums of similar quads do not cancel out.
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** FNV-1a over a string's chars. */
    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        return h;
    }
}
