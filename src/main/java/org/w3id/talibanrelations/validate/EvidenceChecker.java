package org.w3id.talibanrelations.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Parallel;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * Checks every evidence annotation of a published graph against the stored text, independently
 * of how the build computed it: in the published text of its source, the
 * text at {@code oa:start}–{@code oa:end} (code points) is {@code oa:exact}, preceded by
 * {@code oa:prefix} and followed by {@code oa:suffix}.
 */
final class EvidenceChecker {
    private EvidenceChecker() {}

    /** A source's text, with its code points, in which the offsets count. */
    private record Text(String text, int[] cps) {
        String slice(int s, int e) {
            return (s < 0 || e < s || e > cps.length) ? null : new String(cps, s, e - s);
        }
    }

    /**
     * @param locate where a node was declared, to locate problems
     */
    static List<Problem> check(Graph g, Function<Node, Location> locate) {
        return check(g, locate, src -> true);
    }

    /**
     * {@link #check(Graph, Function)} for the sources {@code which} accepts only: the low-memory
     * build checks each partition's annotations against the few sources they quote, not every source.
     */
    static List<Problem> check(Graph g, Function<Node, Location> locate, java.util.function.Predicate<Node> which) {
        // Each source is checked on its own, on a worker: its text (and the code points of it) is read,
        // used for its annotations and dropped, so that at most a few texts are held at once. Problems
        // are listed as before: the sources' own first, in order, then the annotations', in the order
        // the graph lists them.
        List<Node> sources = g.find(Node.ANY, RDF.type.asNode(), TIR.SourceDocument).mapWith(Triple::getSubject).filterKeep(which::test).toList();
        Map<Node, List<Integer>> targetsOf = new HashMap<>();
        List<Node> targets = g.find(Node.ANY, RDF.type.asNode(), Std.oa_SpecificResource).mapWith(Triple::getSubject).toList();
        for (int i = 0; i < targets.size(); i++) {
            Node src = G.getZeroOrOneSP(g, targets.get(i), Std.oa_hasSource);
            if (src != null) targetsOf.computeIfAbsent(src, k -> new ArrayList<>()).add(i);
        }
        record Found(List<Problem> ofSource, List<Map.Entry<Integer, Problem>> ofTargets) {}
        List<Callable<Found>> tasks = new ArrayList<>();
        for (Node src : sources) tasks.add(() -> {
            List<Problem> own = new ArrayList<>();
            List<Map.Entry<Integer, Problem>> found = new ArrayList<>();
            Text text = text(g, src);
            if (text != null)
                for (int i : targetsOf.getOrDefault(src, List.of()))
                    for (Problem p : checkTarget(g, targets.get(i), text, locate)) found.add(Map.entry(i, p));
            return new Found(own, found);
        });
        List<Problem> out = new ArrayList<>();
        List<Map.Entry<Integer, Problem>> ofTargets = new ArrayList<>();
        for (Found f : Parallel.all(tasks)) {
            out.addAll(f.ofSource());
            ofTargets.addAll(f.ofTargets());
        }
        ofTargets.sort(Map.Entry.comparingByKey());   // stable: a target's problems keep their order
        for (Map.Entry<Integer, Problem> e : ofTargets) out.add(e.getValue());
        return out;
    }

    /**
     * A source's text as published (its {@code tir:text}, {@code cnt:chars}), which is what the server
     * shows and what the offsets count in; or null. That it is the pinned text is the QC rule
     * {@code text-hash-violation.rq}'s check, and the build's ({@code SourceCatalog}), which reads each
     * file once: this check reads no file.
     */
    private static Text text(Graph g, Node src) {
        Node file = G.getZeroOrOneSP(g, src, TIR.text);
        Node chars = file == null ? null : G.getZeroOrOneSP(g, file, CNT.chars);
        if (chars == null || !chars.isLiteral()) return null; // text-hash-violation.rq reports it
        String text = chars.getLiteralLexicalForm();
        return new Text(text, text.codePoints().toArray());
    }

    /** The problems of one annotation target of a source whose text is at hand. */
    private static List<Problem> checkTarget(Graph g, Node target, Text text, Function<Node, Location> locate) {
        List<Problem> out = new ArrayList<>();
        Node quote = null, position = null;
        for (Node sel : g.find(target, Std.oa_hasSelector, Node.ANY).mapWith(Triple::getObject).toList()) {
            if (g.contains(sel, RDF.type.asNode(), Std.oa_TextQuoteSelector)) quote = sel;
            if (g.contains(sel, RDF.type.asNode(), Std.oa_TextPositionSelector)) position = sel;
        }
        if (quote == null || position == null) return out; // the shapes report missing selectors
        String exact = str(g, quote, Std.oa_exact), prefix = str(g, quote, Std.oa_prefix), suffix = str(g, quote, Std.oa_suffix);
        Integer start = integer(g, position, Std.oa_start), end = integer(g, position, Std.oa_end);
        if (exact == null || start == null || end == null) return out;
        String name = KgValidator.name(target);
        String at = text.slice(start, end);
        if (!exact.equals(at)) {
            out.add(KgValidator.at(locate.apply(target), "evidence", name + ": the source text at " + start + "–" + end
                    + " is not the quote: found \"" + (at == null ? "(out of range)" : at) + "\", expected \"" + exact + "\""));
            return out;
        }
        if (prefix != null && !prefix.equals(text.slice(start - prefix.codePointCount(0, prefix.length()), start)))
            out.add(KgValidator.at(locate.apply(target), "evidence", name + ": oa:prefix does not precede the quote in the source"));
        if (suffix != null && !suffix.equals(text.slice(end, end + suffix.codePointCount(0, suffix.length()))))
            out.add(KgValidator.at(locate.apply(target), "evidence", name + ": oa:suffix does not follow the quote in the source"));
        return out;
    }

    private static String str(Graph g, Node s, Node p) {
        Node o = G.getZeroOrOneSP(g, s, p);
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
