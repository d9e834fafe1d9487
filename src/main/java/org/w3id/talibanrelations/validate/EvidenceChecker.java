package org.w3id.talibanrelations.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.CuratedFile;
import org.w3id.talibanrelations.Layout;
import org.w3id.talibanrelations.Problem;
import org.w3id.talibanrelations.sources.SourceCatalog;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Checks every evidence annotation of a published graph against the stored text, independently
 * of how the build computed it: the source's bytes still match its {@code tir:sha256}, and the
 * text at {@code oa:start}–{@code oa:end} (code points) is {@code oa:exact}, preceded by
 * {@code oa:prefix} and followed by {@code oa:suffix}.
 */
public final class EvidenceChecker {
    private EvidenceChecker() {}

    /** The text of each source, read through its {@code tir:storedAt} path and checked against its pin. */
    private record Text(String text, int[] cps) {
        String slice(int s, int e) {
            return (s < 0 || e < s || e > cps.length) ? null : new String(cps, s, e - s);
        }
    }

    /**
     * @param locate where a node was declared ({@code file:line}), to locate problems
     */
    public static List<Problem> check(Layout layout, Graph g, Function<Node, String> locate) {
        List<Problem> out = new ArrayList<>();
        Map<Node, Text> texts = new HashMap<>();
        for (Node src : g.find(Node.ANY, RDF.type.asNode(), TIR.SourceDocument).mapWith(Triple::getSubject).toList()) {
            String stored = str(g, src, TIR.storedAt);
            String pin = str(g, src, TIR.sha256);
            if (stored == null || pin == null) continue; // the shapes report missing metadata
            Path p = layout.root().resolve(stored);
            try {
                byte[] bytes = Files.readAllBytes(p);
                String actual = SourceCatalog.sha256(bytes);
                if (!actual.equalsIgnoreCase(pin)) {
                    out.add(Problem.inFile(stored, "bytes do not match tir:sha256 " + pin + " (found " + actual + ")"));
                    continue;
                }
                String text = CuratedFile.decodeUtf8(bytes, stored, out);
                if (text != null) texts.put(src, new Text(text, text.codePoints().toArray()));
            } catch (IOException e) {
                out.add(Problem.inFile(stored, "cannot read source text: " + e.getMessage()));
            }
        }
        for (Node target : g.find(Node.ANY, RDF.type.asNode(), Std.oa_SpecificResource).mapWith(Triple::getSubject).toList()) {
            Node src = obj(g, target, Std.oa_hasSource);
            Text text = src == null ? null : texts.get(src);
            if (text == null) continue;
            Node quote = null, position = null;
            for (Node sel : g.find(target, Std.oa_hasSelector, Node.ANY).mapWith(Triple::getObject).toList()) {
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) quote = sel;
                if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) position = sel;
            }
            if (quote == null || position == null) continue; // the shapes report missing selectors
            String exact = str(g, quote, Std.oa_exact), prefix = str(g, quote, Std.oa_prefix), suffix = str(g, quote, Std.oa_suffix);
            Integer start = integer(g, position, Std.oa_start), end = integer(g, position, Std.oa_end);
            if (exact == null || start == null || end == null) continue;
            String name = KgValidator.name(target);
            String at = text.slice(start, end);
            if (!exact.equals(at)) {
                out.add(KgValidator.at(locate.apply(target), "evidence", name + ": the source text at " + start + "–" + end
                        + " is not the quote: found \"" + (at == null ? "(out of range)" : at) + "\", expected \"" + exact + "\""));
                continue;
            }
            if (prefix != null && !prefix.equals(text.slice(start - prefix.codePointCount(0, prefix.length()), start)))
                out.add(KgValidator.at(locate.apply(target), "evidence", name + ": oa:prefix does not precede the quote in the source"));
            if (suffix != null && !suffix.equals(text.slice(end, end + suffix.codePointCount(0, suffix.length()))))
                out.add(KgValidator.at(locate.apply(target), "evidence", name + ": oa:suffix does not follow the quote in the source"));
        }
        return out;
    }

    private static Node obj(Graph g, Node s, Node p) {
        var it = g.find(s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    private static String str(Graph g, Node s, Node p) {
        Node o = obj(g, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }

    private static Integer integer(Graph g, Node s, Node p) {
        try {
            String v = str(g, s, p);
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
