package org.w3id.talibanrelations.publish;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Namespaces;

/**
 * The VoID description of the published dataset (graph {@code id/graph/void}, and
 * {@code /.well-known/void} on the server): counts, vocabularies, named graphs as subsets, dump
 * files and the SPARQL endpoint, under their public IRIs. What is said of the dataset by people (its
 * title, description, licence, example resources) is not here but in {@code data/dataset.ttl}, which
 * the build checks and adds to this graph.
 */
public final class VoidDescription {
    private VoidDescription() {}

    /** VoID namespace. */
    public static final String VOID = "http://rdfs.org/ns/void#";
    /** The dataset's IRI. */
    public static final Node DATASET = NodeFactory.createURI(Ids.BASE + "dataset");
    /** Dump files, by their stable names under {@code dumps/}. */
    public static final String[] DUMPS = { "kg.trig", "kg.nq", "kg.nq.gz", "kg-flat.ttl", "ontology.ttl", "ontology.rdf" };

    private static Node v(String local) { return NodeFactory.createURI(VOID + local); }
    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }

    /**
     * Describes a dataset whose union (every triple of every graph but a void graph, each once) is at
     * hand, as the build has it in its served view: the counts are made on it, without a copy.
     */
    public static Graph of(DatasetGraph dsg, Graph union) {
        Counts counts = new Counts();
        counts.add(union.find());
        Node voidGraph = NodeFactory.createURI(Ids.GRAPH + "void");
        List<Node> names = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(name -> { if (!name.equals(voidGraph)) names.add(name); });
        return of(counts, names, name -> dsg.getGraph(name).size());
    }

    /**
     * What VoID counts of a dataset, added up part by part: the low-memory build counts each partition
     * of the facts as it passes, since it never holds the union. Parts must not share a subject (nor,
     * so, a triple): each part's distinct subjects are added to the others'.
     */
    public static final class Counts {
        private long triples, entities, subjects;
        private final Set<Node> classes = new HashSet<>(), properties = new HashSet<>();

        /** Adds a part: distinct triples, whose subjects no other part has. */
        public Counts add(Iterator<Triple> distinct) {
            Set<Node> own = new HashSet<>();
            distinct.forEachRemaining(t -> {
                triples++;
                own.add(t.getSubject());
                properties.add(t.getPredicate());
                if (t.getPredicate().equals(RDF.type.asNode())) classes.add(t.getObject());
            });
            subjects += own.size();
            entities += own.stream().filter(s -> s.isURI() && s.getURI().startsWith(Ids.ID)).count();
            return this;
        }
    }

    /** The description from counts, with one subset per named graph (a void graph is not among them). */
    public static Graph of(Counts counts, List<Node> graphNames, ToLongFunction<Node> graphSize) {
        Graph g = GraphFactory.createGraphMem();
        Set<String> vocabularies = new TreeSet<>();
        for (Node p : counts.properties) {
            String ns = p.getNameSpace();
            String known = Namespaces.prefixMapping().getNsURIPrefix(ns);
            // RDF, RDFS, OWL and XSD go without saying (and are reserved names in OWL).
            if (known != null && !Set.of("rdf", "rdfs", "owl", "xsd").contains(known)) vocabularies.add(ns);
        }
        g.add(DATASET, RDF.type.asNode(), v("Dataset"));
        g.add(DATASET, v("triples"), integer(counts.triples));
        g.add(DATASET, v("entities"), integer(counts.entities));
        g.add(DATASET, v("classes"), integer(counts.classes.size()));
        g.add(DATASET, v("properties"), integer(counts.properties.size()));
        g.add(DATASET, v("distinctSubjects"), integer(counts.subjects));
        g.add(DATASET, v("sparqlEndpoint"), NodeFactory.createURI(Ids.BASE + "kg/sparql"));
        g.add(DATASET, v("uriSpace"), NodeFactory.createLiteralString(Ids.ID));
        for (String ns : vocabularies) g.add(DATASET, v("vocabulary"), NodeFactory.createURI(ns));
        for (String dump : DUMPS) g.add(DATASET, v("dataDump"), NodeFactory.createURI(Ids.BASE + "dumps/" + dump));
        for (Node name : graphNames) {
            Node subset = NodeFactory.createURI(Ids.BASE + "dataset/" + name.getURI().substring(Ids.GRAPH.length()));
            g.add(DATASET, v("subset"), subset);
            g.add(subset, RDF.type.asNode(), v("Dataset"));
            g.add(subset, NodeFactory.createURI("http://www.w3.org/ns/sparql-service-description#name"), name);
            g.add(subset, v("triples"), integer(graphSize.applyAsLong(name)));
        }
        return g;
    }
}
