package org.w3id.talibanrelations.publish;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.vocabulary.Namespaces;

/**
 * Writes Turtle and TriG in one canonical order (graphs, subjects, predicates with
 * {@code rdf:type} first, objects, all sorted by their written form), so that building twice
 * gives byte-identical files and a diff of two releases shows only what changed.
 * Published graphs hold no blank nodes, which is what makes a total order possible.
 */
final class CanonicalWriter {
    private final PrefixMap prefixes = PrefixMapFactory.create(Namespaces.prefixMapping());

    /** Writes one graph as Turtle. */
    public void writeTurtle(Graph g, Writer w, String header) throws IOException {
        writeHeader(w, header);
        writeTriples(keys(g), w, "");
    }

    /** Writes every named graph of a dataset as TriG (the default graph is left empty by design). */
    public void writeTriG(DatasetGraph dsg, Writer w, String header) throws IOException {
        writeHeader(w, header);
        List<Node> names = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(names::add);
        names.sort(Comparator.comparing(this::fmt));
        for (Node name : names) writeGraph(name, keys(dsg.getGraph(name)), w);
    }

    /** The header, then the prefixes in order. */
    void writeHeader(Writer w, String header) throws IOException {
        w.write(header);
        for (Map.Entry<String, String> e : new TreeMap<>(Namespaces.prefixMapping().getNsPrefixMap()).entrySet())
            w.write("@prefix " + e.getKey() + ": <" + e.getValue() + "> .\n");
        w.write("\n");
    }

    /** One named graph's block of TriG from its sorted keys; nothing for an empty graph. */
    void writeGraph(Node name, List<String> keys, Writer w) throws IOException {
        if (keys.isEmpty()) return;
        w.write(fmt(name));
        w.write(" {\n");
        writeTriples(keys, w, "    ");
        w.write("}\n\n");
    }

    /**
     * A graph's triples as sort keys, sorted: subject, predicate ({@code rdf:type} first, as " a") and
     * object in their written form, joined by NUL, which sorts below every character a written term
     * holds, so that the order of the keys is the order of (subject, predicate, object).
     */
    List<String> keys(Graph g) {
        List<String> keys = new ArrayList<>();
        g.find().forEachRemaining((Triple t) -> keys.add(fmt(t.getSubject()) + SEP
                + (t.getPredicate().equals(RDF.type.asNode()) ? TYPE : fmt(t.getPredicate())) + SEP + fmt(t.getObject())));
        keys.sort(null);
        return keys;
    }

    /** Writes sorted keys as Turtle: one block per subject, predicates joined by ";", objects by ",". */
    void writeTriples(Iterable<String> sortedKeys, Writer w, String indent) throws IOException {
        String subject = null, predicate = null;
        for (String key : sortedKeys) {
            int a = key.indexOf(SEP), b = key.indexOf(SEP, a + 1);
            String s = key.substring(0, a), p = key.substring(a + 1, b), o = key.substring(b + 1);
            if (!s.equals(subject)) {
                if (subject != null) w.write(" .\n\n");
                w.write(indent);
                w.write(s);
                w.write("\n" + indent + "    ");
                subject = s;
                predicate = null;
            } else if (!p.equals(predicate)) {
                w.write(" ;\n" + indent + "    ");
            }
            if (!p.equals(predicate)) {
                w.write(p.equals(TYPE) ? "a" : p);
                w.write(" ");
                predicate = p;
            } else {
                w.write(" , ");
            }
            w.write(o);
        }
        if (subject != null) w.write(" .\n\n");
    }

    private static final char SEP = '\0';
    private static final String TYPE = " a";

    String fmt(Node n) {
        if (n.isBlank()) throw new IllegalStateException("blank node in a published graph: " + n);
        return NodeFmtLib.str(n, prefixes);
    }
}
