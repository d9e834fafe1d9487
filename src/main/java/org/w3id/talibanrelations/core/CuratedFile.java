package org.w3id.talibanrelations.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangTurtle;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ParserProfile;
import org.apache.jena.riot.system.ParserProfileWrapper;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A curated Turtle file, parsed with the line of every triple kept, so that every later
 * check can point a curator to the line to edit.
 *
 * <pre>
 *   CuratedFile f = CuratedFile.read(layout, path);
 *   if (f.ok()) { long line = f.line(someTriple); }
 * </pre>
 */
public final class CuratedFile {
    private final String shown;
    private final Graph graph = GraphFactory.createGraphMem();
    private final Map<Triple, Long> tripleLines = new HashMap<>();
    private final Map<Node, Long> subjectLines = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private CuratedFile(String shown) { this.shown = shown; }

    /** Reads and parses a file; problems (not UTF-8, empty, syntax) are collected, not thrown. */
    public static CuratedFile read(Layout layout, Path path) {
        CuratedFile f = new CuratedFile(layout.show(path));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            f.problems.add(Problem.inFile(f.shown, "cannot read: " + e.getMessage()));
            return f;
        }
        String text = decodeUtf8(bytes, f.shown, f.problems);
        if (text == null) return f;
        if (text.isBlank()) {
            f.problems.add(new Problem(f.shown, 1, "empty file: a curated file holds at least one record (delete the file instead)"));
            return f;
        }
        f.parse(text);
        if (f.ok() && f.graph().isEmpty())
            f.problems.add(new Problem(f.shown, 1, "no records: the file holds only comments or prefixes (delete it, or add records)"));
        return f;
    }

    /**
     * Decodes strictly: malformed UTF-8 is a problem at the line of the first bad byte,
     * never silently replaced.
     */
    public static String decodeUtf8(byte[] bytes, String shown, List<Problem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            long line = 1;
            for (int i = 0; i < bad; i++) if (bytes[i] == '\n') line++;
            problems.add(new Problem(shown, line, "not valid UTF-8 (byte offset " + bad + "): files in data/ must be UTF-8"));
            return null;
        }
    }

    private static int firstBadByte(byte[] b) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        var out = java.nio.CharBuffer.allocate(b.length + 1);
        var r = dec.decode(in, out, true);
        return r.isError() ? in.position() : b.length;
    }

    private void parse(String text) {
        ErrorHandler eh = new ErrorHandler() {
            // Warnings (an ill-formed typed literal, a suspicious IRI) are problems too: inputs must be clean.
            @Override public void warning(String message, long line, long col) {
                problems.add(new Problem(shown, line, "Turtle warning at column " + col + ": " + message));
            }
            @Override public void error(String message, long line, long col) {
                problems.add(new Problem(shown, line, "Turtle error at column " + col + ": " + message));
            }
            @Override public void fatal(String message, long line, long col) {
                problems.add(new Problem(shown, line, "Turtle syntax error at column " + col + ": " + message));
                throw new RiotException(message);
            }
        };
        // Relative IRIs resolve against the project's identifier base, never the working directory,
        // so the output does not depend on where the build runs and reference checks see them.
        ParserProfile base = RiotLib.createParserProfile(RiotLib.factoryRDF(), eh,
                org.apache.jena.irix.IRIxResolver.create().base(org.w3id.talibanrelations.vocabulary.Ids.ID).build(), true);
        ParserProfile tracking = new ParserProfileWrapper(base) {
            @Override
            public Triple createTriple(Node s, Node p, Node o, long line, long col) {
                Triple t = super.createTriple(s, p, o, line, col);
                tripleLines.putIfAbsent(t, line);
                subjectLines.merge(s, line, Math::min);
                return t;
            }
        };
        StreamRDF dest = StreamRDFLib.graph(graph);
        Tokenizer tokens = TokenizerText.create().fromString(text).errorHandler(eh).build();
        try {
            new LangTurtle(tokens, tracking, dest).parse();
        } catch (RiotException e) {
            if (problems.isEmpty()) problems.add(Problem.inFile(shown, "Turtle error: " + e.getMessage()));
        }
    }

    /** Whether the file was read and parsed without problems. */
    public boolean ok() { return problems.isEmpty(); }
    /** Problems found reading or parsing. */
    public List<Problem> problems() { return problems; }
    /** The parsed triples. */
    public Graph graph() { return graph; }
    /** The file's path as shown in messages. */
    public String shown() { return shown; }
    /** The line a triple was written on, or 0. */
    public long line(Triple t) { return tripleLines.getOrDefault(t, 0L); }
    /** The first line a subject appears on, or 0. */
    public long line(Node subject) { return subjectLines.getOrDefault(subject, 0L); }
    /** Where a subject first appears in this file (its line 0 if it does not). */
    public Location location(Node subject) { return new Location(shown, line(subject)); }
    /** A problem located at a triple of this file. */
    public Problem at(Triple t, String message) { return new Problem(shown, line(t), message); }
    /** A problem located at a subject of this file. */
    public Problem at(Node subject, String message) { return new Problem(shown, line(subject), message); }
}
