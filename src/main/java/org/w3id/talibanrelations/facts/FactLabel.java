package org.w3id.talibanrelations.facts;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.core.Ontology;
import org.w3id.talibanrelations.core.PartialDate;
import org.w3id.talibanrelations.vocabulary.Std;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * The label a fact is published with, so that every client shows what the fact says rather than its IRI:
 * <pre>
 *   Russia formally recognizes Islamic Emirate of Afghanistan (3 July 2025)
 *   Meeting: Amir Khan Muttaqi → Ahmad Massoud (10 January 2022, reported)
 *   Abdul Salam Hanafi: deputy prime minister of Islamic Emirate of Afghanistan (since August 2021)
 * </pre>
 * Made at expansion, from the curated record, the ontology's labels and the actors' labels, because a
 * fact is described by its own file alone (the low-memory build validates each partition as it goes).
 * A class with a direct property reads as that property's label between agent and counterpart; any other
 * as its label and its parties; a post holding as its holder, post and organisation. The date is given at
 * the precision the text gives it, "since" only for an open interval; every certainty but stated is named.
 */
final class FactLabel {
    private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December" };

    private FactLabel() {}

    /** The label of {@code fact}, described in {@code record}, with the actors' labels in {@code actors}. */
    public static Node of(Ontology ontology, Graph actors, Graph record, Node fact, DateSpec date) {
        Node type = mostSpecific(ontology, record.find(fact, RDF.type.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
        String classLabel = label(ontology.graph(), type);
        String agents = labels(actors, record, fact, TIR.agent);
        String counterparts = labels(actors, record, fact, TIR.counterpart);
        String participants = labels(actors, record, fact, TIR.participant);
        Node direct = ontology.directProperty(type);
        String verb = direct == null ? "" : label(ontology.graph(), direct);
        String member = labels(actors, record, fact, Std.org_member);

        String what;
        if (!member.isEmpty()) {
            String role = labels(actors, record, fact, Std.org_role);
            String org = labels(actors, record, fact, Std.org_organization);
            what = member + ": " + (role.isEmpty() ? classLabel : role) + (org.isEmpty() ? "" : " of " + org);
        } else if (!verb.isEmpty() && !agents.isEmpty() && !counterparts.isEmpty()) {
            what = agents + " " + verb + " " + counterparts;
        } else {
            String parties = !agents.isEmpty() && !counterparts.isEmpty() ? agents + " → " + counterparts
                    : !agents.isEmpty() && !participants.isEmpty() ? agents + " with " + participants
                    : !agents.isEmpty() ? agents : !counterparts.isEmpty() ? counterparts
                    : !participants.isEmpty() ? participants : "unnamed parties";
            String count = record.find(fact, TIR.count, Node.ANY).nextOptional()
                    .map(t -> ", " + t.getObject().getLiteralLexicalForm()).orElse("");
            what = capitalised(classLabel) + ": " + parties + count;
        }
        Node certainty = record.find(fact, TIR.certainty, Node.ANY).nextOptional().map(Triple::getObject).orElse(TIR.stated);
        String hedge = certainty.equals(TIR.stated) ? "" : ", " + certainty.getLocalName();
        return NodeFactory.createLiteralLang(capitalised(what + " (" + when(date) + hedge + ")"), "en");
    }

    /** A date at the precision the text gives it: "3 July 2025", "July 2025", "2025", "2005–2015", "since 2003". */
    static String when(DateSpec d) {
        if (d.isUnknown()) return "undated";
        if (!d.interval()) return words(d.start());
        return d.end() == null ? "since " + words(d.start()) : words(d.start()) + "–" + words(d.end());
    }

    private static String words(PartialDate p) {
        if (p.month() == 0) return Integer.toString(p.year());
        String m = MONTHS[p.month() - 1] + " " + p.year();
        return p.day() == 0 ? m : p.day() + " " + m;
    }

    private static Node mostSpecific(Ontology ontology, List<Node> types) {
        return types.stream().filter(t -> types.stream().noneMatch(o -> !o.equals(t) && ontology.isA(o, t)))
                .sorted((a, b) -> a.getURI().compareTo(b.getURI())).findFirst().orElseThrow();
    }

    private static String labels(Graph actors, Graph record, Node fact, Node role) {
        return record.find(fact, role, Node.ANY).mapWith(Triple::getObject).toList().stream()
                .map(a -> label(actors, a)).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(" and "));
    }

    private static String label(Graph g, Node n) {
        return g.find(n, RDFS.label.asNode(), Node.ANY).nextOptional().map(t -> t.getObject().getLiteralLexicalForm())
                .orElse(n.isURI() ? n.getLocalName() : n.toString());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
