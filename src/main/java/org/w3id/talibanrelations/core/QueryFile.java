package org.w3id.talibanrelations.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.w3id.talibanrelations.vocabulary.Ids;

/**
 * A SPARQL query file of the project (a rule of {@code queries/rules/}, a QC rule of {@code shapes/qc/},
 * a competency question), read and parsed in one place: against the identifier base, so that relative
 * IRIs mean the same in every file, and with a parse error kept to be reported at its file and line.
 *
 * <pre>
 *   QueryFile q = QueryFile.read(layout, path);
 *   if (!q.ok()) problems.add(q.problem("rule does not parse: "));
 * </pre>
 */
public final class QueryFile {
    private final String shown;
    private final Query query;
    private final QueryParseException error;

    private QueryFile(String shown, Query query, QueryParseException error) {
        this.shown = shown;
        this.query = query;
        this.error = error;
    }

    /** Reads and parses a file of the project, shown relative to its root; a file that cannot be read throws. */
    public static QueryFile read(Layout layout, Path file) {
        return read(file, layout.show(file));
    }

    /** Reads and parses a file, shown in messages as {@code shown}; a file that cannot be read throws {@link UncheckedIOException}. */
    public static QueryFile read(Path file, String shown) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new QueryFile(shown, QueryFactory.create(text, Ids.BASE), null);
        } catch (QueryParseException e) {
            return new QueryFile(shown, null, e);
        }
    }

    /** Whether the file parsed. */
    public boolean ok() { return query != null; }
    /** The parsed query, or null if the file does not parse. */
    public Query query() { return query; }
    /** The file as shown in messages. */
    public String shown() { return shown; }
    /** The parse error as a problem at its file and line, the parser's message after {@code lead}; null if the file parsed. */
    public Problem problem(String lead) {
        return error == null ? null : new Problem(shown, error.getLine(), lead + error.getMessage());
    }
}
