package org.w3id.talibanrelations.serve.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.talibanrelations.TestProjects;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.TIR;

/** The pages' roles are the ontology's: every sub-property of tir:actor and tir:claimant, with their labels; a role added there is shown. */
class RolesTest {
    private static Graph ontology() {
        return RDFParser.source(TestProjects.REAL.root().resolve("ontology/taliban-relations.ttl")).toGraph();
    }

    /** What the ontology says, asked with SPARQL (not with the code under test): the sub-properties of tir:actor, and tir:claimant. */
    private static Set<Node> rolesBySparql(Graph g) {
        Set<Node> out = new HashSet<>();
        QueryExec.graph(g).query("""
                PREFIX tir: <https://w3id.org/taliban-relations/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?role WHERE { { ?role rdfs:subPropertyOf+ tir:actor } UNION { BIND(tir:claimant AS ?role) ?role a ?type } }
                """).select().forEachRemaining(b -> out.add(b.get("role")));
        return out;
    }

    @Test
    void theRolesAreTheSubPropertiesOfActorAndTheClaimantWithTheirLabels() {
        Graph g = ontology();
        Roles roles = Roles.of(g);
        assertEquals(rolesBySparql(g), Set.copyOf(roles.properties()), "every role of the ontology, and nothing else");
        assertEquals(roles.properties().size(), Set.copyOf(roles.properties()).size(), "each once");
        for (Roles.Role r : roles.all())
            assertTrue(g.contains(r.property(), RDFS.label.asNode(), NodeFactory.createLiteralLang(r.label(), "en")), "the ontology's label: " + r);
        // The order the pages show them in: by label, the claimant (not a sub-property of tir:actor) last.
        assertEquals(List.of("agent", "counterpart", "intermediary", "participant", "representative", "claimant"),
                roles.all().stream().map(Roles.Role::label).toList());
    }

    @Test
    void aRoleAddedToTheOntologyIsShownOnTheFactAndActorPagesAndInTheDescription() {
        Graph g = GraphFactory.createGraphMem();
        ServedDataset.union(TestProjects.realBuild().dataset()).find().forEachRemaining(g::add);
        Node witness = NodeFactory.createURI(TIR.NS + "witness"), observer = NodeFactory.createURI(TIR.NS + "observer");
        g.add(witness, RDF.type.asNode(), OWL.ObjectProperty.asNode());
        g.add(witness, RDFS.subPropertyOf.asNode(), TIR.actor);
        g.add(witness, RDFS.label.asNode(), NodeFactory.createLiteralLang("witness", "en"));
        // A role two steps below tir:actor counts too.
        g.add(observer, RDF.type.asNode(), OWL.ObjectProperty.asNode());
        g.add(observer, RDFS.subPropertyOf.asNode(), witness);
        g.add(observer, RDFS.label.asNode(), NodeFactory.createLiteralLang("observer", "en"));
        Node fact = NodeFactory.createURI(Ids.FACT + "000-russia-formally-recognizes-iea-2025-07-04");
        Node china = NodeFactory.createURI(Ids.ACTOR + "china"), india = NodeFactory.createURI(Ids.ACTOR + "india");
        g.add(fact, witness, china);
        g.add(fact, observer, india);

        Roles roles = Roles.of(g);
        assertEquals(rolesBySparql(g), Set.copyOf(roles.properties()));
        HtmlPages pages = new HtmlPages(g, roles);
        String factPage = pages.fact(fact);
        assertTrue(factPage.matches("(?s).*<th>witness</th>\\s*<td><a href=\"/doc/actor/china\">China</a></td>.*"), "the fact page names the witness");
        assertTrue(factPage.matches("(?s).*<th>observer</th>\\s*<td><a href=\"/doc/actor/india\">India</a></td>.*"), "and the observer");
        assertTrue(row(pages.actor(china), "/doc/fact/000-russia-formally-recognizes-iea-2025-07-04").contains("<td>witness</td>"),
                "the actor page lists the fact, in that role");
        assertTrue(row(pages.actor(india), "/doc/fact/000-russia-formally-recognizes-iea-2025-07-04").contains("<td>observer</td>"));
        assertTrue(Describer.describe(g, china, roles).contains(fact, witness, china), "the description of the actor holds the fact that names it");
    }

    /** The table row of a page that links to this address. */
    private static String row(String page, String href) {
        Matcher m = Pattern.compile("<tr>((?:(?!</tr>).)*href=\"" + Pattern.quote(href) + "\"(?:(?!</tr>).)*)</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "a row links to " + href);
        return m.group(1);
    }
}
