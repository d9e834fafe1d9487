package org.w3id.talibanrelations.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.vocabulary.Namespaces;

/**
 * The exceptions to the QC rules, as data, the way ODK keeps them: {@code data/lint-exceptions.tsv}, a
 * header line {@code lint<TAB>fact<TAB>reason}, then one line per exception. {@code lint} is a QC rule's
 * name ({@code hedge-word-stated} for {@code shapes/qc/hedge-word-stated-violation.rq}), {@code fact} the
 * entity its rows name, as the report prints it ({@code fact:<slug>}, or {@code place:<slug>} for a
 * place), {@code reason} why the rule is wrong about it. An exception silences every row of that rule
 * about that entity and nothing else. An exception without a reason, for a rule that does not exist,
 * given twice, or that silences nothing (the rule no longer fires on it: a stale exception) is itself a
 * problem, at its line, so the file cannot hide anything or fall behind the data.
 *
 * <pre>
 *   LintExceptions ex = LintExceptions.read(layout);
 *   if (!ex.silences("hedge-word-stated", fact)) ... // report the row
 *   problems.addAll(ex.problems(rulesThatRan));
 * </pre>
 */
final class LintExceptions {
    /** The header line the file must start with. */
    public static final String HEADER = "lint\tfact\treason";

    private record Key(String lint, Node entity) {}
    private record Entry(long line, String entity, String reason) {}

    private final String shown;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final Set<Key> used = new java.util.HashSet<>();
    private final List<Problem> malformed = new ArrayList<>();

    private LintExceptions(String shown) { this.shown = shown; }

    /** The exceptions of a project; none when it has no {@code data/lint-exceptions.tsv}. */
    public static LintExceptions read(Layout layout) {
        Path p = layout.lintExceptions();
        LintExceptions ex = new LintExceptions(layout.show(p));
        if (!Files.isRegularFile(p)) return ex;
        List<String> lines;
        try {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            ex.malformed.add(Problem.inFile(ex.shown, "not UTF-8"));
            return ex;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            ex.malformed.add(new Problem(ex.shown, 1, "the first line must be the header \"lint<TAB>fact<TAB>reason\""));
            return ex;
        }
        for (int i = 1; i < lines.size(); i++) ex.entry(i + 1, lines.get(i));
        return ex;
    }

    private void entry(long line, String text) {
        if (text.isBlank()) return;
        String[] f = text.split("\t", -1);
        if (f.length != 3) {
            malformed.add(new Problem(shown, line, "an exception has three tab-separated fields (lint, fact, reason); found " + f.length));
            return;
        }
        String lint = f[0].strip(), entity = f[1].strip(), reason = f[2].strip();
        Node node = entity(entity);
        if (node == null) {
            malformed.add(new Problem(shown, line, "unknown fact \"" + entity + "\": write it as the QC report prints it (fact:<slug>)"));
            return;
        }
        if (reason.isEmpty()) {
            malformed.add(new Problem(shown, line, "exception for " + lint + " on " + entity + " has no reason: say why the lint is wrong about it"));
            return;
        }
        Entry previous = entries.putIfAbsent(new Key(lint, node), new Entry(line, entity, reason));
        if (previous != null)
            malformed.add(new Problem(shown, line, "exception for " + lint + " on " + entity + " given twice (first at line " + previous.line() + ")"));
    }

    /** The IRI a {@code prefix:local} or {@code <iri>} stands for; null when it is neither. */
    private static Node entity(String s) {
        if (s.startsWith("<") && s.endsWith(">") && s.length() > 2) return NodeFactory.createURI(s.substring(1, s.length() - 1));
        int colon = s.indexOf(':');
        if (colon <= 0 || Namespaces.prefixMapping().getNsPrefixURI(s.substring(0, colon)) == null) return null;
        return NodeFactory.createURI(Namespaces.prefixMapping().expandPrefix(s));
    }

    /** Whether an exception silences the rule's rows about this entity (and records that it was used). */
    public synchronized boolean silences(String lint, Node entity) {
        Key k = new Key(lint, entity);
        if (!entries.containsKey(k)) return false;
        used.add(k);
        return true;
    }

    /** The number of exceptions the file gives. */
    public int size() { return entries.size(); }

    /**
     * The file's problems once the rules have run: malformed entries, exceptions for rules that do not
     * exist ({@code rules}: the names of the QC rules), and stale ones, which silenced nothing.
     */
    public synchronized List<Problem> problems(Set<String> rules, Set<String> ran) {
        List<Problem> out = new ArrayList<>(malformed);
        for (Map.Entry<Key, Entry> e : entries.entrySet()) {
            String lint = e.getKey().lint();
            Entry en = e.getValue();
            if (!rules.contains(lint))
                out.add(new Problem(shown, en.line(), "exception for " + lint + ": no QC rule shapes/qc/" + lint + "-violation.rq"));
            else if (ran.contains(lint) && !used.contains(e.getKey()))
                out.add(new Problem(shown, en.line(), "stale exception: " + lint + " no longer fires on " + en.entity()
                        + "; remove the line"));
        }
        return out;
    }
}
