package org.w3id.talibanrelations.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * What the build needs to know of the ontology: its classes with their superclasses, and the direct
 * property each relation class derives.
 * Read from {@code ontology/taliban-relations.ttl}, so adding a class there needs no code change.
 */
public final class Ontology {
    private final Graph graph;
    private final Map<Node, Set<Node>> superClasses = new HashMap<>();

    /** Indexes an ontology graph. */
    public Ontology(Graph graph) {
        this.graph = graph;
        graph.find(Node.ANY, RDF.type.asNode(), OWL.Class.asNode()).mapWith(Triple::getSubject)
             .forEach(c -> superClasses.put(c, closure(c)));
    }

    private Set<Node> closure(Node c) {
        Set<Node> seen = new HashSet<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.add(c);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (seen.add(n)) graph.find(n, RDFS.subClassOf.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(todo::add);
        }
        return seen;
    }

    /** The ontology's triples. */
    public Graph graph() { return graph; }
    /** Whether a declared class is (a subclass of) another, reflexively. */
    public boolean isA(Node c, Node superClass) { return superClasses.getOrDefault(c, Set.of()).contains(superClass); }

    /** The direct property derived from a relation class, inherited from its nearest superclass that names one; null if none. */
    public Node directProperty(Node relationClass) {
        var own = graph.find(relationClass, TIR.directProperty, Node.ANY);
        if (own.hasNext()) return own.next().getObject();
        for (Node sup : graph.find(relationClass, RDFS.subClassOf.asNode(), Node.ANY).mapWith(Triple::getObject).toList()) {
            Node d = directProperty(sup);
            if (d != null) return d;
        }
        return null;
    }
}
