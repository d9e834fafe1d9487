package org.w3id.talibanrelations.serve.ld;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * The roles an actor can have in a fact, as the ontology defines them, for the pages: every
 * sub-property of {@code tir:actor} (at any depth), then {@code tir:claimant} (who makes the claim:
 * the ontology keeps it apart, as it need not take part). A role added to the ontology is shown on
 * the pages with no code change.
 * <p>
 * The ontology gives the labels but no order, so the order is a stable rule: the sub-properties of
 * {@code tir:actor} by label (then IRI), the claimant last. On today's data the pages read as they did
 * when the list was written out in code (agent, counterpart, participant, intermediary, representative,
 * claimant): no fact names both a participant and an intermediary, the only two that swap.
 *
 * @param all the roles, in that order
 */
record Roles(List<Role> all) {
    /** A role: its property and its label (in English if the ontology has one). */
    public record Role(Node property, String label) {}

    public Roles {
        all = List.copyOf(all);
    }

    /** The roles the ontology graph defines (the union of the served graphs will do: it holds the ontology). */
    public static Roles of(Graph ontology) {
        Set<Node> found = new LinkedHashSet<>();
        ArrayDeque<Node> todo = new ArrayDeque<>(List.of(TIR.actor));
        while (!todo.isEmpty())
            for (Node sub : ontology.find(Node.ANY, RDFS.subPropertyOf.asNode(), todo.pop()).mapWith(Triple::getSubject).toList())
                if (sub.isURI() && !sub.equals(TIR.actor) && found.add(sub)) todo.add(sub);
        List<Role> roles = new ArrayList<>();
        found.stream().map(p -> new Role(p, label(ontology, p)))
             .sorted(Comparator.comparing(Role::label).thenComparing(r -> r.property().getURI())).forEach(roles::add);
        if (!found.contains(TIR.claimant) && ontology.contains(TIR.claimant, RDF.type.asNode(), Node.ANY))
            roles.add(new Role(TIR.claimant, label(ontology, TIR.claimant)));
        return new Roles(roles);
    }

    /** The roles' properties, in order. */
    public List<Node> properties() {
        return all.stream().map(Role::property).toList();
    }

    /** A property's English label, else any label, else its local name; of several, the least as {@link HtmlPages#LEXICAL} orders them. */
    private static String label(Graph g, Node p) {
        List<Node> labels = g.find(p, RDFS.label.asNode(), Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral).toList();
        List<Node> en = labels.stream().filter(l -> "en".equals(l.getLiteralLanguage())).toList();
        return (en.isEmpty() ? labels : en).stream().min(HtmlPages.LEXICAL).map(Node::getLiteralLexicalForm).orElse(p.getLocalName());
    }
}
