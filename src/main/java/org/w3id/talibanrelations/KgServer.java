package org.w3id.talibanrelations;

import java.time.Duration;
import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.talibanrelations.core.ServedDataset;
import org.w3id.talibanrelations.serve.Limits;
import org.w3id.talibanrelations.serve.Routes;
import org.w3id.talibanrelations.serve.cache.DatasetFingerprint;
import org.w3id.talibanrelations.serve.cache.ResponseCache;
import org.w3id.talibanrelations.serve.http.CorsFilter;
import org.w3id.talibanrelations.serve.http.ReadOnlyFilter;
import org.w3id.talibanrelations.serve.http.RequestGuard;
import org.w3id.talibanrelations.serve.http.RequestScope;
import org.w3id.talibanrelations.serve.http.SecurityHeaders;
import org.w3id.talibanrelations.serve.ld.AssetServlet;
import org.w3id.talibanrelations.serve.ld.LandingPage;
import org.w3id.talibanrelations.serve.ld.LinkedDataServlet;
import org.w3id.talibanrelations.serve.ld.OverviewPage;
import org.w3id.talibanrelations.serve.ld.QueryPage;
import org.w3id.talibanrelations.serve.sparql.GuardedQueryService;
import org.w3id.talibanrelations.serve.sparql.GuardedShaclService;
import org.w3id.talibanrelations.serve.sparql.ServiceDescription;
import org.w3id.talibanrelations.serve.sparql.ServiceGuard;

/**
 * The read-only SPARQL endpoint: an embedded Fuseki serving the published dataset at
 * {@code /kg}, with the union of all named graphs as its default graph.
 *
 * <pre>
 *   KgServer server = KgServer.create().port(0).dataset(dsg).cacheBytes(64L << 20).build().start();
 *   String endpoint = server.sparqlUrl();
 *   server.stop();
 * </pre>
 *
 * Routes: every one is listed, with what it runs, in {@link Routes}, which this class mounts from.
 * No route accepts an update or an upload. Everything served comes from the dataset given (the
 * validated build, with the texts it shows): nothing is read from a working tree. Responses to
 * deterministic queries carry a strong ETag and are kept in a response cache ({@link ResponseCache}).
 */
public final class KgServer {
    /** The dataset's path on the server. */
    public static final String DATASET_PATH = Routes.DATASET_PATH;
    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 3030;
    /**
     * Jetty's response buffer, per request: Jetty's own default. Fuseki asks for 5 MiB, more than
     * Jetty's buffer pool keeps (64 KiB), so that every response written through the buffer allocated,
     * zeroed and dropped a fresh 5 MiB direct buffer; once direct memory reached its limit, java.nio
     * called System.gc(), a full collection in the middle of a request, and the resident size grew by
     * gigabytes before that. The dataset's routes do not need the buffer (RequestGuard holds their
     * responses and sends each in one write, with its length); the other routes need no more than this.
     */
    static final int RESPONSE_BUFFER_BYTES = 32 * 1024;

    private final FusekiServer fuseki;

    private KgServer(FusekiServer fuseki) { this.fuseki = fuseki; }

    /** A builder. */
    public static Builder create() { return new Builder(); }

    /** Starts the server; returns this. */
    public KgServer start() { fuseki.start(); return this; }
    /** Stops the server. */
    public void stop() { fuseki.stop(); }
    /** Waits until the server stops. */
    public void join() { fuseki.join(); }
    /** The port the server listens on (the actual one when built with port 0). */
    public int port() { return fuseki.getHttpPort(); }
    /** The server's base URL, ending in "/". */
    public String baseUrl() { return "http://localhost:" + port() + "/"; }
    /**
     * The routes the running server has mounted: its servlets' path specs ("" as "/") and its dataset's
     * endpoints, for the test that holds them to {@link Routes}.
     */
    public java.util.Set<String> mountedRoutes() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        fuseki.getServletContext().getServletRegistrations().values().forEach(reg ->
                reg.getMappings().forEach(m -> out.add(m.isEmpty() ? "/" : m)));
        org.apache.jena.fuseki.server.DataAccessPoint dap = fuseki.getDataAccessPointRegistry().get(DATASET_PATH);
        dap.getDataService().getEndpoints().forEach(ep ->
                out.add(ep.getName().isEmpty() ? DATASET_PATH : DATASET_PATH + "/" + ep.getName()));
        return out;
    }

    /** The SPARQL endpoint. */
    public String sparqlUrl() { return "http://localhost:" + port() + DATASET_PATH + "/sparql"; }

    /** Builds a {@link KgServer}. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private DatasetGraph dataset;
        private Limits limits = Limits.DEFAULT;
        private boolean loopback = false;
        private long facts, sources;
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private String baseUrl;
        private long cacheBytes = ResponseCache.DEFAULT_BYTES;
        private String datasetTag;

        private Builder() {}

        /** The HTTP port; 0 picks a free one. */
        public Builder port(int port) { this.port = port; return this; }
        /** The built dataset to serve, as a view whose default graph is the union of its graphs. */
        public Builder dataset(DatasetGraph dsg) { this.dataset = ServedDataset.view(dsg); return this; }
        /** A dataset already in served form (its default graph holds the union), served as it is. */
        public Builder servedDataset(DatasetGraph dsg) { this.dataset = dsg; return this; }
        /** The time after which a query is cancelled. */
        public Builder queryTimeout(Duration timeout) { this.limits = limits.withQueryTimeout(timeout); return this; }
        /** All limits at once (timeout, sizes, rows, SERVICE allow-list). */
        public Builder limits(Limits limits) { this.limits = limits; return this; }
        /**
         * The public base URL that {@code https://w3id.org/taliban-relations/} maps to (behind a proxy,
         * say); by default each request's own scheme, host and port. Used for absolute links: redirects
         * and the service description's endpoint.
         */
        public Builder baseUrl(String url) { this.baseUrl = url == null ? null : (url.endsWith("/") ? url : url + "/"); return this; }
        /** How long stop() waits for requests in flight to finish. */
        public Builder shutdownGrace(Duration grace) { this.shutdownGrace = grace; return this; }
        /** The figures the landing page shows. */
        public Builder stats(long facts, long sources) { this.facts = facts; this.sources = sources; return this; }
        /** Listen on the loopback interface only. */
        public Builder loopback(boolean loopback) { this.loopback = loopback; return this; }
        /** The response cache's budget in bytes (default 64 MiB); 0 turns the cache off. */
        public Builder cacheBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("cache bytes < 0: " + bytes);
            this.cacheBytes = bytes;
            return this;
        }
        /** A name for the dataset's content, for ETags (a stored dataset's inputs hash, say); by default a hash of the dataset. */
        public Builder datasetTag(String tag) { this.datasetTag = tag; return this; }

        private static long triples(DatasetGraph dsg) {
            return org.apache.jena.system.Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().size());
        }

        /** Builds the server, not yet started. */
        public KgServer build() {
            Objects.requireNonNull(dataset, "dataset");
            DatasetGraph served = dataset;
            served.getContext().set(ARQ.queryTimeout, Long.toString(limits.queryTimeout().toMillis()));
            ResponseCache cache = new ResponseCache(cacheBytes, datasetTag != null ? datasetTag : DatasetFingerprint.of(served));
            ServiceGuard.install(served.getContext(), limits.serviceAllowList());
            DataService.Builder dataService = DataService.newBuilder(served);
            for (Routes.Route r : Routes.ALL) {
                if (!r.onDataset()) continue;
                switch (r.handler()) {
                    case QUERY -> dataService.addEndpoint(Operation.Query, r.endpointName());
                    case GSP_READ -> dataService.addEndpoint(Operation.GSP_R, r.endpointName());
                    case QUERY_AND_GSP_READ -> dataService.addEndpoint(Operation.Query, r.endpointName()).addEndpoint(Operation.GSP_R, r.endpointName());
                    case SHACL -> dataService.addEndpoint(Operation.Shacl, r.endpointName());
                    default -> throw new IllegalStateException(r.toString());
                }
            }
            FusekiServer.Builder builder = FusekiServer.create()
                    // With its content type, so that a POST of application/sparql-query to /kg, which also
                    // answers Graph Store reads, is dispatched to the query service (stock Fuseki: 405).
                    .registerOperation(Operation.Query, org.apache.jena.riot.WebContent.contentTypeSPARQLQuery, new GuardedQueryService(limits))
                    .registerOperation(Operation.Shacl, new GuardedShaclService(limits))
                    .port(port)
                    .loopback(loopback)
                    .enablePing(true)
                    .enableCors(false)  // CorsFilter says why not Fuseki's CrossOriginFilter
                    .addFilter("/*", new RequestScope(limits.serviceAllowList(), limits.queryTimeout()))
                    .addFilter("/*", new SecurityHeaders())
                    .addFilter("/*", new CorsFilter())
                    .addFilter("/*", new ReadOnlyFilter())
                    .addFilter(DATASET_PATH + "/*", new RequestGuard(limits, ServiceDescription.forDataset(served), baseUrl, cache,
                            iri -> served.containsGraph(org.apache.jena.graph.NodeFactory.createURI(iri))))
                    .enableMetrics(true)
                    .add(DATASET_PATH, dataService.build());
            LinkedDataServlet ld = new LinkedDataServlet(served, baseUrl);
            AssetServlet assets = new AssetServlet();
            for (Routes.Route r : Routes.ALL) {
                switch (r.handler()) {
                    case LANDING -> {
                        long triples = triples(dataset);
                        // The page is made once, from the served VoID graph: in a read transaction, for a TDB2 store.
                        builder.addServlet("", org.apache.jena.system.Txn.calculateRead(served,
                                () -> new LandingPage(served.getDefaultGraph(), facts, sources, triples)));
                    }
                    case QUERY_PAGE -> builder.addServlet(r.path(), new QueryPage(served));
                    case OVERVIEW_PAGE -> builder.addServlet(r.path(), new OverviewPage(served));
                    case LINKED_DATA -> builder.addServlet(r.path(), ld);
                    case ASSETS -> builder.addServlet(r.path(), assets);
                    default -> { }  // the dataset's endpoints (above); ping and metrics (Fuseki's own)
                }
            }
            FusekiServer fuseki = builder.build();
            MetricsProvider metrics = MetricsProvider.getMetricsProvider(fuseki.getServletContext());
            if (metrics != null && metrics.getMeterRegistry() != null) cache.bindTo(metrics.getMeterRegistry());
            // Graceful stop: on SIGTERM (the shutdown hook calls stop()), refuse new requests and let
            // the ones in flight finish, for at most the grace period.
            org.eclipse.jetty.server.Server jetty = fuseki.getJettyServer();
            org.eclipse.jetty.server.handler.GracefulHandler graceful = new org.eclipse.jetty.server.handler.GracefulHandler();
            graceful.setHandler(jetty.getHandler());
            jetty.setHandler(graceful);
            jetty.setStopTimeout(shutdownGrace.toMillis());
            for (org.eclipse.jetty.server.Connector connector : jetty.getConnectors()) {
                org.eclipse.jetty.server.HttpConnectionFactory http = connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class);
                if (http != null) http.getHttpConfiguration().setOutputBufferSize(RESPONSE_BUFFER_BYTES);
            }
            return new KgServer(fuseki);
        }

    }
}
