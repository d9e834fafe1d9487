package org.w3id.talibanrelations.serve.ld;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;

/**
 * What a dereferenced IRI returns: the resource's concise bounded description (its own triples,
 * and those of its hash-IRI parts: a fact's time, evidence, targets and selectors), the facts that
 * name it in a role, and the labels of every neighbour, so that a client can show the description
 * without further requests.
 */
final class Describer {
    private Describer() {}

    /** Whether the graph says anything about the resource (as subject, or through its parts). */
    static boolean exists(Graph g, Node iri) {
        return g.find(iri, Node.ANY, Node.ANY).hasNext();
    }

    /** The description of a resource. */
    static Graph describe(Graph g, Node iri, Roles roles) {
        Graph out = GraphFactory.createGraphMem();
        g.find(iri, Node.ANY, Node.ANY).forEachRemaining(out::add);
        // Hash-IRI parts: <fact#time>, <fact#evidence-1>, … are objects of the resource's own
        // triples, or of its parts' triples.
        List<Node> todo = new ArrayList<>();
        out.find().mapWith(Triple::getObject).filterKeep(o -> isPart(iri, o)).forEach(todo::add);
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Node part = todo.remove(todo.size() - 1);
            if (!seen.add(part)) continue;
            g.find(part, Node.ANY, Node.ANY).forEachRemaining(t -> {
                out.add(t);
                if (isPart(iri, t.getObject())) todo.add(t.getObject());
            });
        }
        // Facts that name the resource in a role (an actor's relations), without their parts.
        for (Node role : roles.properties())
            g.find(Node.ANY, role, iri).forEachRemaining(out::add);
        // Labels of every neighbour.
        Set<Node> nodes = new HashSet<>();
        out.find().forEachRemaining(t -> { nodes.add(t.getSubject()); nodes.add(t.getPredicate()); if (t.getObject().isURI()) nodes.add(t.getObject()); });
        for (Node n : nodes) g.find(n, RDFS.label.asNode(), Node.ANY).forEachRemaining(out::add);
        return out;
    }

    private static boolean isPart(Node iri, Node n) {
        return n.isURI() && n.getURI().startsWith(iri.getURI() + "#");
    }
}
