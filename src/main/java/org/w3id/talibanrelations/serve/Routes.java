package org.w3id.talibanrelations.serve;

import java.util.List;

/**
 * Every route the server mounts, in one list: {@code KgServer} mounts from it, SECURITY.md
 * documents it, and {@code RouteInventoryTest} fails on a route that is mounted and not listed,
 * then probes every listed one with writes, SERVICE traps and malformed input.
 *
 * <p>Every route answers GET and HEAD, and OPTIONS for CORS preflight; {@link #methods} lists what
 * else it takes. Any other method is refused with 405 before a handler runs ({@link ReadOnlyFilter}).
 */
public final class Routes {
    private Routes() {}

    /** What handles a route. */
    public enum Handler {
        /** Fuseki's SPARQL query service, guarded ({@link GuardedQueryService}). */
        QUERY,
        /** Fuseki's Graph Store Protocol, read only. */
        GSP_READ,
        /** SPARQL query and Graph Store read on one path (Fuseki dispatches by the request). */
        QUERY_AND_GSP_READ,
        /** SHACL validation of the served data against posted shapes ({@link GuardedShaclService}). */
        SHACL,
        /** The home page ({@link LandingPage}). */
        LANDING,
        /** The SPARQL editor ({@link QueryPage}). */
        QUERY_PAGE,
        /** Every state's engagement ladder and the facts' counts ({@link OverviewPage}). */
        OVERVIEW_PAGE,
        /** Linked data, dumps, VoID, ontology, shapes ({@link LinkedDataServlet}). */
        LINKED_DATA,
        /** Style sheets and scripts ({@link AssetServlet}). */
        ASSETS,
        /** Fuseki's health check. */
        PING,
        /** Fuseki's Prometheus metrics. */
        METRICS
    }

    /**
     * A route.
     *
     * @param path    the servlet path spec ({@code /doc/*}), or a dataset endpoint's full path ({@code /kg/sparql})
     * @param handler what answers it
     * @param methods what it takes besides GET, HEAD and OPTIONS
     * @param example a concrete path that exists, for probes
     * @param runs    what it does with a request: what it reads, whether it runs SPARQL, and with what
     */
    public record Route(String path, Handler handler, List<String> methods, String example, String runs) {
        /** Whether the route is one of the dataset's endpoints, dispatched by Fuseki. */
    public     boolean onDataset() {
            return handler == Handler.QUERY || handler == Handler.GSP_READ || handler == Handler.QUERY_AND_GSP_READ || handler == Handler.SHACL;
        }
        /** The endpoint's name within the dataset ("" for the dataset's own path), for dataset routes. */
    public     String endpointName() {
            return path.equals(DATASET_PATH) ? "" : path.substring(DATASET_PATH.length() + 1);
        }
    }

    /** The dataset's path on the server. */
    public static final String DATASET_PATH = "/kg";

    private static final List<String> POST = List.of("POST");
    private static final List<String> NONE = List.of();

    /** Whether a request path falls on a route that takes POST (an exact dataset endpoint). */
    public static boolean takesPost(String path) {
        for (Route r : ALL) if (r.methods().contains("POST") && r.path().equals(path)) return true;
        return false;
    }

    /** The routes, in the order SECURITY.md lists them. */
    public static final List<Route> ALL = List.of(
        new Route("/kg/sparql", Handler.QUERY, POST, "/kg/sparql",
                "SPARQL 1.1 query (GET ?query=, POST form or application/sparql-query) over the served dataset; SERVICE only to allow-listed endpoints (403), limits on time, size and nesting (4xx); without a query, the service description"),
        new Route("/kg/query", Handler.QUERY, POST, "/kg/query", "the same as /kg/sparql"),
        new Route("/kg", Handler.QUERY_AND_GSP_READ, POST, "/kg",
                "SPARQL query as /kg/sparql, and Graph Store read (?default, ?graph=IRI) of the served dataset"),
        new Route("/kg/get", Handler.GSP_READ, NONE, "/kg/get?default", "Graph Store read (?default, ?graph=IRI): no SPARQL runs"),
        new Route("/kg/shacl", Handler.SHACL, POST, "/kg/shacl?graph=default",
                "POST Turtle or N-Triples shapes; SHACL validation of the served data, cut at the time limit; SHACL-SPARQL with SERVICE refused (403), before and while it runs"),
        new Route("/", Handler.LANDING, NONE, "/", "the home page, made at start from the served data; runs nothing per request"),
        new Route("/query", Handler.QUERY_PAGE, NONE, "/query",
                "the SPARQL editor page, with the competency questions published in the served data; the browser sends queries to /kg/sparql"),
        new Route("/overview", Handler.OVERVIEW_PAGE, NONE, "/overview",
                "every state's stance steps as a server-drawn SVG and the facts' counts, made at start from the served data; runs nothing per request"),
        new Route("/assets/*", Handler.ASSETS, NONE, "/assets/site.css", "style sheets and scripts from the jar"),
        new Route("/id/*", Handler.LINKED_DATA, NONE, "/id/actor/russia", "303 to /doc/… for a resource of the served data, else 404"),
        new Route("/doc/*", Handler.LINKED_DATA, NONE, "/doc/actor/russia",
                "a resource's description from the served data (Turtle, JSON-LD, N-Triples, RDF/XML, HTML); source pages show the text published in the data"),
        new Route("/ontology", Handler.LINKED_DATA, NONE, "/ontology", "the ontology graph of the served data, or its HTML documentation"),
        new Route("/ontology/*", Handler.LINKED_DATA, NONE, "/ontology/0.1.0", "the ontology's version IRI"),
        new Route("/ontology.ttl", Handler.LINKED_DATA, NONE, "/ontology.ttl", "the ontology as Turtle"),
        new Route("/ontology.rdf", Handler.LINKED_DATA, NONE, "/ontology.rdf", "the ontology as RDF/XML"),
        new Route("/ontology.html", Handler.LINKED_DATA, NONE, "/ontology.html", "the ontology's HTML documentation"),
        new Route("/ontology.jsonld", Handler.LINKED_DATA, NONE, "/ontology.jsonld", "the ontology as JSON-LD"),
        new Route("/ontology.nt", Handler.LINKED_DATA, NONE, "/ontology.nt", "the ontology as N-Triples"),
        new Route("/.well-known/void", Handler.LINKED_DATA, NONE, "/.well-known/void", "the VoID description in the served data"),
        new Route("/dataset", Handler.LINKED_DATA, NONE, "/dataset", "303 to the VoID description"),
        new Route("/dataset/*", Handler.LINKED_DATA, NONE, "/dataset/x", "303 to the VoID description"),
        new Route("/context.jsonld", Handler.LINKED_DATA, NONE, "/context.jsonld", "the JSON-LD context (the project's prefixes)"),
        new Route("/dumps/*", Handler.LINKED_DATA, NONE, "/dumps/kg.trig", "downloads written from the served data: kg.trig, kg.nq, kg.nq.gz, kg-flat.ttl, ontology.ttl, ontology.rdf"),
        new Route("/shapes/*", Handler.LINKED_DATA, NONE, "/shapes/kg-shapes.ttl", "the SHACL shapes published in the served data"),
        new Route("/$/ping", Handler.PING, NONE, "/$/ping", "health check (Fuseki)"),
        new Route("/$/metrics", Handler.METRICS, NONE, "/$/metrics", "Prometheus metrics (Fuseki): JVM, requests, response cache; no data")
    );
}
