package org.w3id.talibanrelations.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;

/**
 * A second, stock SPARQL endpoint for federation checks outside the test suite (.ci/run's
 * Comunica step, .ci/researcher-tools.sh's Wikidata example): serves
 * {@code queries/federation/reference.ttl} at {@code /ref/sparql} and the Wikidata-shaped
 * {@code queries/federation/wikidata.ttl} at {@code /wikidata/sparql}, on the loopback interface, on the
 * port given (0 picks one), and prints the first URL.
 */
public final class ReferenceEndpoint {
    private ReferenceEndpoint() {}

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        FusekiServer server = FusekiServer.create().port(port).loopback(true)
                .add("/ref", RDFDataMgr.loadDatasetGraph("queries/federation/reference.ttl"))
                .add("/wikidata", RDFDataMgr.loadDatasetGraph("queries/federation/wikidata.ttl")).build().start();
        System.out.println("Reference endpoint: http://127.0.0.1:" + server.getHttpPort() + "/ref/sparql");
        server.join();
    }
}
