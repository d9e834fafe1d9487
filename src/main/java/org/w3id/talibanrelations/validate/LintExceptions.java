package org.w3id.talibanrelations.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.vocabulary.Ids;

/**
 * The exceptions to the lints, as ODK keeps them: {@code data/lint-exceptions.tsv} lists, one per line,
 * a lint (the QC rule's file name without {@code -violation.rq}), a fact's slug and the reason the lint is
 * wrong about that fact. A listed pair is silenced; an entry without a reason, for a lint that does not
 * exist, or that silences nothing (the fact was fixed, or the lint changed) is itself a problem, so that
 * every exception stays visible and true.
 */
final class LintExceptions {
    static final String HEADER = "lint\tfact\treason";
    private record Entry(int line, String lint, String fact) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    static LintExceptions read(Layout layout, List<Problem> problems) {
        LintExceptions x = new LintExceptions();
        if (!Files.exists(layout.lintExceptions())) return x;
        String shown = layout.show(layout.lintExceptions());
        List<String> lines;
        try {
            lines = Files.readAllLines(layout.lintExceptions(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            problems.add(new Problem(shown, 1, "the first line must be the header: lint, fact, reason (tab-separated)"));
            return x;
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] c = l.split("\t", -1);
            if (c.length != 3 || c[2].isBlank()) {
                problems.add(new Problem(shown, i + 1, "an exception is a lint, a fact and its reason, tab-separated; the reason is required"));
                continue;
            }
            if (!Files.exists(layout.qcRules().resolve(c[0] + "-violation.rq"))) {
                problems.add(new Problem(shown, i + 1, "no lint " + c[0] + " (shapes/qc/" + c[0] + "-violation.rq)"));
                continue;
            }
            Entry e = new Entry(i + 1, c[0], c[1]);
            if (x.entries.putIfAbsent(c[0] + "\t" + c[1], e) != null)
                problems.add(new Problem(shown, i + 1, "the exception for " + c[0] + " and " + c[1] + " is listed twice"));
        }
        return x;
    }

    /** Whether the lint's row about this entity is excepted (and notes that the exception was used). */
    boolean silences(String lint, Node entity) {
        String slug = Ids.slug(entity, Ids.FACT);
        if (slug == null || !entries.containsKey(lint + "\t" + slug)) return false;
        used.add(lint + "\t" + slug);
        return true;
    }

    /** The exceptions that silenced nothing. */
    List<Problem> unused(Layout layout) {
        List<Problem> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            if (!used.contains(k))
                out.add(new Problem(layout.show(layout.lintExceptions()), e.line(),
                        "stale exception: the lint " + e.lint() + " finds nothing about " + e.fact() + " any more; remove the line"));
        });
        return out;
    }
}
