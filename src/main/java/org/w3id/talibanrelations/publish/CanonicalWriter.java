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
public final class CanonicalWriter {
    private final PrefixMap prefixes = PrefixMapFactory.create(Namespaces.prefixMapping());

    /** Writes one graph as Turtle. */
    public void writeTurtle(Graph g, Writer w, String header) throws IOException {
        w.write(header);
        writePrefixes(w);
        writeTriples(g, w, "");
    }

    /** Writes every named graph of a dataset as TriG (the default graph is left empty by design). */
    public void writeTriG(DatasetGraph dsg, Writer w, String header) throws IOException {
        w.write(header);
        writePrefixes(w);
        List<Node> names = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(names::add);
        names.sort(Comparator.comparing(this::fmt));
        for (Node name : names) {
            Graph g = dsg.getGraph(name);
            if (g.isEmpty()) continue;
            w.write(fmt(name));
            w.write(" {\n");
            writeTriples(g, w, "    ");
            w.write("}\n\n");
        }
    }

    private void writePrefixes(Writer w) throws IOException {
        for (Map.Entry<String, String> e : new TreeMap<>(Namespaces.prefixMapping().getNsPrefixMap()).entrySet())
            w.write("@prefix " + e.getKey() + ": <" + e.getValue() + "> .\n");
        w.write("\n");
    }

    private void writeTriples(Graph g, Writer w, String indent) throws IOException {
        Map<String, Map<String, List<String>>> bySubject = new TreeMap<>();
        g.find().forEachRemaining((Triple t) -> {
            String p = t.getPredicate().equals(RDF.type.asNode()) ? " a" : fmt(t.getPredicate());
            bySubject.computeIfAbsent(fmt(t.getSubject()), k -> new TreeMap<>())
                     .computeIfAbsent(p, k -> new ArrayList<>())
                     .add(fmt(t.getObject()));
        });
        for (var s : bySubject.entrySet()) {
            w.write(indent);
            w.write(s.getKey());
            int i = 0;
            for (var p : s.getValue().entrySet()) {
                List<String> objects = p.getValue();
                objects.sort(null);
                w.write(i++ == 0 ? "\n" + indent + "    " : " ;\n" + indent + "    ");
                w.write(p.getKey().equals(" a") ? "a" : p.getKey());
                w.write(" ");
                w.write(String.join(" , ", objects));
            }
            w.write(" .\n\n");
        }
    }

    private String fmt(Node n) {
        if (n.isBlank()) throw new IllegalStateException("blank node in a published graph: " + n);
        return NodeFmtLib.str(n, prefixes);
    }
}
