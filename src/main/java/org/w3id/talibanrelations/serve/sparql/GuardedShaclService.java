package org.w3id.talibanrelations.serve.sparql;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.BaseActionREST;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.shacl.ShaclException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.web.HttpSC;
import org.w3id.talibanrelations.serve.Limits;
import org.w3id.talibanrelations.serve.http.Refusal;
import org.w3id.talibanrelations.serve.http.RequestScope;

/**
 * {@code POST /kg/shacl?graph=default}: validates the served data against shapes the client posts,
 * and answers the SHACL validation report. For a researcher who wants to know whether our data
 * meets their shapes without downloading it. On a public server, every way a posted shapes graph
 * could be made to do harm is closed:
 * <ul>
 * <li>the body is Turtle or N-Triples only (415 otherwise: a JSON-LD body could name a remote
 * context to fetch) and within the request size limit ({@link RequestGuard}, 413); it is parsed
 * from the bytes received, so nothing is imported or fetched;</li>
 * <li>shapes that do not parse, or whose SHACL or SPARQL is malformed, get 400 with the parser's
 * message;</li>
 * <li>a SHACL-SPARQL constraint, target or component with SERVICE anywhere gets 403 before anything
 * runs, and the runtime guard ({@link ServiceGuard}) refuses any SERVICE that gets past that;</li>
 * <li>validation is cut at the query time limit (422): the data graph refuses to be read once the
 * deadline has passed, which stops core constraints and SPARQL constraints alike; it runs on a
 * thread of its own, so the answer comes at the deadline even while a single regular expression
 * ({@code sh:pattern}) still runs, and one validation runs at a time (429 with Retry-After while
 * one is running);</li>
 * <li>a report with more results than the row limit is refused (422).</li>
 * </ul>
 */
public final class GuardedShaclService extends BaseActionREST {
    private final Limits limits;
    /** One validation at a time; the thread goes when idle. */
    private final ThreadPoolExecutor validator = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "shacl-validator");
        t.setDaemon(true);
        return t;
    });

  public   GuardedShaclService(Limits limits) {
        this.limits = limits;
        validator.allowCoreThreadTimeOut(true);
    }

    @Override
    protected void doPost(HttpAction action) {
        Graph shapesGraph = readShapes(action);
        Shapes shapes;
        try {
            shapes = Shapes.parse(shapesGraph);
        } catch (ShaclException | QueryParseException e) {
            throw new ActionErrorException(400, "Malformed shapes: " + oneLine(e.getMessage()), null);
        }
        refuseService(shapesGraph);
        MediaType mediaType = ActionLib.contentNegotation(action, org.apache.jena.fuseki.DEF.rdfOffer, org.apache.jena.fuseki.DEF.acceptTurtle);
        Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
        if (lang == null) lang = Lang.TTL;

        DatasetGraph dsg = action.getDataset();
        Graph data = dataGraph(dsg, action.getRequestParameter("graph"));
        RequestScope.Scope scope = RequestScope.current();
        long deadline = scope != null ? scope.deadline() : System.nanoTime() + limits.queryTimeout().toNanos();
        // On the validator's own thread, so that the request can be answered at the deadline even if
        // Jena's engine is inside one regular expression (sh:pattern) that does not look at the clock;
        // that thread then finishes on its own while the next request is told to come back later.
        Future<ValidationReport> job;
        try {
            job = validator.submit(() -> {
                try (AutoCloseable in = scope == null ? null : RequestScope.enter(scope.allowList(), null, deadline)) {
                    return Txn.calculateRead(dsg, () -> ShaclValidator.get().validate(shapes, new DeadlineGraph(data, deadline)));
                }
            });
        } catch (RejectedExecutionException e) {
            action.getResponse().setHeader("Retry-After", Long.toString(limits.queryTimeout().toSeconds()));
            throw new ActionErrorException(429, "The SHACL validator is busy with an earlier request; retry later", null);
        }
        ValidationReport report;
        try {
            report = job.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw timeLimit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeLimit();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (chainHas(cause, QueryCancelledException.class)) throw timeLimit();
            Refusal.Refused refused = refusal(cause);
            if (refused != null) throw new ActionErrorException(403, refused.getMessage(), null);
            if (cause instanceof ShaclException || cause instanceof QueryParseException || cause instanceof org.apache.jena.sparql.expr.ExprException)
                throw new ActionErrorException(400, "The shapes could not be evaluated: " + oneLine(cause.getMessage()), null);
            throw new ActionErrorException(400, "The shapes could not be evaluated: " + oneLine(String.valueOf(cause)), null);
        }
        // Jena's engine may catch a failure inside a SPARQL constraint and go on: the clock decides.
        if (System.nanoTime() - deadline > 0) throw timeLimit();
        if (report.getEntries().size() > limits.maxResultRows())
            throw GuardedQueryService.tooLarge(limits.maxResultRows(), "validation results");
        action.log.info(String.format("[%d] shacl: %s", action.id,
                report.conforms() ? "conforms" : report.getEntries().size() + " validation results"));
        action.setResponseStatus(HttpSC.OK_200);
        ActionLib.graphResponse(action, report.getGraph(), lang);
    }

    private static boolean chainHas(Throwable e, Class<?> c) {
        for (int i = 0; e != null && i < 32; e = e.getCause(), i++) if (c.isInstance(e)) return true;
        return false;
    }

    private static Refusal.Refused refusal(Throwable e) {
        for (int i = 0; e != null && i < 32; e = e.getCause(), i++) if (e instanceof Refusal.Refused r) return r;
        return null;
    }

    /** The posted shapes, parsed strictly from the bytes received. */
    private static Graph readShapes(HttpAction action) {
        String contentType = action.getRequestContentType();
        String type = contentType == null ? WebContent.contentTypeTurtle
                : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Lang lang = switch (type) {
            case WebContent.contentTypeTurtle, WebContent.contentTypeTurtleAlt1 -> Lang.TTL;
            case WebContent.contentTypeNTriples, WebContent.contentTypeNTriplesAlt -> Lang.NTRIPLES;
            default -> throw new ActionErrorException(415, "Shapes must be sent as text/turtle or application/n-triples, not " + type, null);
        };
        byte[] body;
        try {
            body = action.getRequestInputStream().readAllBytes();
        } catch (java.io.IOException e) {
            throw new ActionErrorException(400, "Could not read the request body", null);
        }
        if (body.length == 0) throw new ActionErrorException(400, "No shapes in the request body", null);
        Graph g = GraphFactory.createGraphMem();
        try {
            RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base("urn:x-shapes:")
                    .errorHandler(ErrorHandlerFactory.errorHandlerStrictNoLogging).parse(g);
        } catch (RiotException e) {
            throw new ActionErrorException(400, "Malformed shapes (" + lang.getLabel() + "): " + oneLine(e.getMessage()), null);
        }
        return g;
    }

    private static final Node SHACL_UPDATE = NodeFactory.createURI(SHACL.getURI() + "update");

    /**
     * 403 if any SPARQL in the shapes (a constraint, a SPARQL target, a component's validator, a rule)
     * calls SERVICE or names a function by Java class: each text is read with its prefixes, as Jena's
     * engine reads it, and scanned whole (sub-queries and EXISTS included).
     */
    private static void refuseService(Graph shapesGraph) {
        for (Node p : new Node[] { SHACL.select, SHACL.ask, SHACL.construct, SHACL_UPDATE }) {
            for (Triple t : shapesGraph.find(Node.ANY, p, Node.ANY).toList()) {
                if (!t.getObject().isLiteral()) throw new ActionErrorException(400, "Malformed SHACL-SPARQL: " + p.getLocalName() + " is not a string", null);
                String prefixes;
                try {
                    prefixes = ShLib.prefixes(shapesGraph, t.getSubject());
                } catch (RuntimeException e) {
                    throw new ActionErrorException(400, "Malformed SHACL-SPARQL prefixes: " + oneLine(e.getMessage()), null);
                }
                scan(prefixes + "\n" + t.getObject().getLiteralLexicalForm());
            }
        }
    }

    private static void scan(String text) {
        QueryScan scan;
        try {
            scan = QueryScan.of(QueryFactory.create(text));
        } catch (QueryParseException e) {
            // Not a query (an update, which validation never runs, or malformed): refused if it could name an endpoint.
            if (text.toUpperCase(Locale.ROOT).contains("SERVICE") || text.contains("\\u") || text.contains("\\U"))
                throw new ActionErrorException(403, "SERVICE is not allowed in shapes posted to this server", null);
            return;
        }
        if (!scan.services().isEmpty())
            throw new ActionErrorException(403, "SERVICE is not allowed in shapes posted to this server", null);
        if (scan.javaFunction() != null)
            throw new ActionErrorException(403, "Functions named by Java class, and CALL(), are not allowed on this server: " + scan.javaFunction(), null);
    }

    /** The graph named by {@code ?graph=}: "default" (or "union", or none) for the default graph, which holds everything. */
    private static Graph dataGraph(DatasetGraph dsg, String name) {
        if (name == null || name.equals("default") || name.equals("union")) return dsg.getDefaultGraph();
        if (!IRIs.check(name)) throw new ActionErrorException(400, "Not an IRI: graph=" + name, null);
        Node g = NodeFactory.createURI(name);
        if (!dsg.containsGraph(g)) throw new ActionErrorException(404, "No such graph: " + name, null);
        return dsg.getGraph(g);
    }

    private ActionErrorException timeLimit() {
        return new ActionErrorException(Refusal.TOO_LARGE, "Validation exceeded this server's time limit ("
                + limits.queryTimeout().toSeconds() + " s) and was cancelled", null);
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }

    /** A graph that refuses to be read once a deadline has passed: every find, and every step through one. */
    static final class DeadlineGraph extends WrappedGraph {
        private final long deadline;

        DeadlineGraph(Graph base, long deadline) {
            super(base);
            this.deadline = deadline;
        }

        private void check() {
            if (System.nanoTime() - deadline > 0) throw new QueryCancelledException();
        }

        @Override public ExtendedIterator<Triple> find(Triple m) { check(); return guard(super.find(m)); }
        @Override public ExtendedIterator<Triple> find(Node s, Node p, Node o) { check(); return guard(super.find(s, p, o)); }
        @Override public boolean contains(Node s, Node p, Node o) { check(); return super.contains(s, p, o); }
        @Override public boolean contains(Triple t) { check(); return super.contains(t); }

        private ExtendedIterator<Triple> guard(ExtendedIterator<Triple> it) {
            return it.mapWith(t -> { check(); return t; });
        }
    }
}
