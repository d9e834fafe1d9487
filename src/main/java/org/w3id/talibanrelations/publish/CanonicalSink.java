package org.w3id.talibanrelations.publish;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.talibanrelations.vocabulary.Ids;

/**
 * The end of every build: a {@link StreamRDF} that takes the quads of a validated build in any order and
 * writes {@code kg.trig}, {@code ontology.ttl} and {@code kg-flat.ttl} in the canonical order of
 * {@link CanonicalWriter}. The in-memory build sends its dataset; the low-memory build sends each
 * partition as it is checked. Both give the same bytes, because this is the only writer.
 * <p>
 * Quads are spooled to disk, one N-Triples file per named graph, so that only one graph at a time is
 * held while writing {@code kg.trig}; {@code kg-flat.ttl} (the union, without duplicates) is a merge of
 * each graph's sorted lines. Nothing is replaced until {@link #publish(Path)}, and then each file
 * atomically.
 *
 * <pre>
 *   try (CanonicalSink sink = CanonicalSink.create()) {
 *       sink.start();
 *       dataset.find().forEachRemaining(sink::quad);
 *       sink.finish();
 *       sink.publish(dir);
 *   }
 * </pre>
 */
public final class CanonicalSink implements StreamRDF, AutoCloseable {
    private final Path spool;
    private final Map<Node, BufferedWriter> graphs = new HashMap<>();
    private final Map<Node, Path> files = new HashMap<>();

    private CanonicalSink(Path spool) { this.spool = spool; }

    /** A sink spooling to a new temporary folder, removed by {@link #close()}. */
    public static CanonicalSink create() {
        try {
            return new CanonicalSink(Files.createTempDirectory("tir-publish"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void start() {}
    @Override public void base(String base) {}
    @Override public void prefix(String prefix, String iri) {}
    @Override public void finish() {
        try {
            for (BufferedWriter w : graphs.values()) w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A published triple belongs to a named graph: the default graph stays empty by design. */
    @Override public void triple(Triple triple) {
        throw new IllegalArgumentException("a triple in the default graph of a published dataset: " + triple);
    }

    @Override public void quad(Quad q) {
        if (q.isDefaultGraph()) triple(q.asTriple());
        try {
            BufferedWriter w = graphs.get(q.getGraph());
            if (w == null) {
                Path f = spool.resolve(graphs.size() + ".nt");
                w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
                graphs.put(q.getGraph(), w);
                files.put(q.getGraph(), f);
            }
            w.write(NodeFmtLib.strNT(q.getSubject()));
            w.write(' ');
            w.write(NodeFmtLib.strNT(q.getPredicate()));
            w.write(' ');
            w.write(NodeFmtLib.strNT(q.getObject()));
            w.write(" .\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the three files into a directory (created if needed), each moved into place when complete. */
    public void publish(Path dir) throws IOException {
        finish();
        Files.createDirectories(dir);
        CanonicalWriter cw = new CanonicalWriter();
        List<Node> names = new ArrayList<>(files.keySet());
        names.sort(Comparator.comparing(cw::fmt));
        // Each graph's canonical lines, sorted, for the union's merge.
        Map<Node, Path> sorted = new HashMap<>();
        Publisher.write(dir.resolve(Publisher.DATASET), w -> {
            cw.writeHeader(w, Publisher.HEADER);
            for (Node name : names) {
                Graph g = read(name);
                List<String> keys = cw.keys(g);
                cw.writeGraph(name, keys, w);
                Path s = spool.resolve(files.get(name).getFileName() + ".sorted");
                Files.write(s, keys, StandardCharsets.UTF_8);
                sorted.put(name, s);
            }
        });
        Publisher.write(dir.resolve(Publisher.ONTOLOGY), w -> {
            cw.writeHeader(w, Publisher.HEADER);
            cw.writeTriples(files.containsKey(Ids.GRAPH_ONTOLOGY) ? cw.keys(read(Ids.GRAPH_ONTOLOGY)) : List.of(), w, "");
        });
        Publisher.write(dir.resolve(Publisher.FLAT), w -> {
            cw.writeHeader(w, Publisher.HEADER + Publisher.FLAT_NOTE);
            List<BufferedReader> readers = new ArrayList<>();
            try {
                for (Node name : names) readers.add(Files.newBufferedReader(sorted.get(name), StandardCharsets.UTF_8));
                cw.writeTriples(merged(readers), w, "");
            } finally {
                for (BufferedReader r : readers) r.close();
            }
        });
    }

    private Graph read(Node name) {
        Graph g = GraphFactory.createGraphMem();
        RDFParser.source(files.get(name)).lang(Lang.NTRIPLES).parse(g);
        return g;
    }

    /** The sorted lines of every reader, merged in order, each line once. */
    private static Iterable<String> merged(List<BufferedReader> readers) {
        record Head(String line, BufferedReader from) {}
        return () -> new java.util.Iterator<>() {
            private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::line));
            private String last;
            { readers.forEach(this::advance); }

            private void advance(BufferedReader r) {
                try {
                    String line = r.readLine();
                    if (line != null) heads.add(new Head(line, r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private void skipRepeats() {
                while (!heads.isEmpty() && heads.peek().line().equals(last)) advance(heads.poll().from());
            }

            @Override public boolean hasNext() { skipRepeats(); return !heads.isEmpty(); }

            @Override public String next() {
                skipRepeats();
                Head h = heads.poll();
                advance(h.from());
                return last = h.line();
            }
        };
    }

    /** Removes the spooled quads. */
    @Override
    public void close() throws IOException {
        for (BufferedWriter w : graphs.values()) w.close();
        try (Stream<Path> s = Files.list(spool)) {
            for (Path p : s.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(spool);
    }
}
