package org.w3id.talibanrelations.serve.sparql;

import java.io.ByteArrayOutputStream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.w3id.talibanrelations.vocabulary.Ids;
import org.w3id.talibanrelations.vocabulary.Namespaces;

/**
 * The SPARQL 1.1 Service Description, answered to a GET on the endpoint without a query (stock
 * Fuseki answers 404): the endpoint, the query language, the result formats, that the default
 * graph is the union of the named graphs, and each named graph with its size. Federating clients
 * read it first.
 */
public final class ServiceDescription {
    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";
    private static final String VOID = "http://rdfs.org/ns/void#";
    /** Stands for the endpoint's URL until a request says which it is. */
    static final String ENDPOINT = "urn:x-endpoint";

    private ServiceDescription() {}

    private static Node sd(String l) { return NodeFactory.createURI(SD + l); }

    /** The description of an endpoint at a URL, made from a template written once. */
    public static java.util.function.Function<String, String> forDataset(DatasetGraph dsg) {
        String template = turtle(dsg);
        return endpoint -> template.replace(ENDPOINT, endpoint);
    }

    /** Turtle, with {@link #ENDPOINT} where the endpoint's URL goes. */
    static String turtle(DatasetGraph dsg) {
        Graph g = GraphFactory.createGraphMem();
        Node service = NodeFactory.createURI(ENDPOINT + "#service");
        Node endpoint = NodeFactory.createURI(ENDPOINT);
        g.add(service, RDF.type.asNode(), sd("Service"));
        g.add(service, sd("endpoint"), endpoint);
        g.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
        g.add(service, sd("feature"), sd("UnionDefaultGraph"));
        g.add(service, sd("feature"), sd("BasicFederatedQuery"));
        for (String f : new String[] { "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "JSON-LD", "N-Triples", "RDF_XML" })
            g.add(service, sd("resultFormat"), NodeFactory.createURI(FORMATS + f));
        Node dataset = NodeFactory.createURI(ENDPOINT + "#dataset");
        g.add(service, sd("defaultDataset"), dataset);
        g.add(dataset, RDF.type.asNode(), sd("Dataset"));
        g.add(dataset, NodeFactory.createURI("http://purl.org/dc/terms/source"), NodeFactory.createURI(Ids.BASE + "dataset"));
        Node dg = NodeFactory.createURI(ENDPOINT + "#default-graph");
        g.add(dataset, sd("defaultGraph"), dg);
        g.add(dg, RDF.type.asNode(), sd("Graph"));
        Txn.executeRead(dsg, () -> {
            g.add(dg, NodeFactory.createURI(VOID + "triples"), integer(dsg.getDefaultGraph().size()));
            dsg.listGraphNodes().forEachRemaining(name -> {
                Node ng = NodeFactory.createURI(ENDPOINT + "#graph-" + name.getURI().substring(Ids.GRAPH.length()).replace('/', '-'));
                g.add(dataset, sd("namedGraph"), ng);
                g.add(ng, sd("name"), name);
                Node graph = NodeFactory.createURI(ng.getURI() + "-graph");
                g.add(ng, sd("graph"), graph);
                g.add(graph, RDF.type.asNode(), sd("Graph"));
                g.add(graph, NodeFactory.createURI(VOID + "triples"), integer(dsg.getGraph(name).size()));
            });
        });
        g.getPrefixMapping().setNsPrefixes(Namespaces.prefixMapping());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(g).format(RDFFormat.TURTLE_PRETTY).output(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }
}
