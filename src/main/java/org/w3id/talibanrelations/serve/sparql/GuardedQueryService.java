package org.w3id.talibanrelations.serve.sparql;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.w3id.talibanrelations.serve.Limits;
import org.w3id.talibanrelations.serve.cache.ResponseCache;
import org.w3id.talibanrelations.serve.http.Refusal;

/**
 * Fuseki's SPARQL query service with two guards: a SERVICE clause may only call an endpoint on
 * the allow-list (a public endpoint must not be made to fetch arbitrary URLs, including ones on its
 * own network), and a result larger than the row limit is refused with 422 instead of being sent.
 * Responses are buffered by {@link RequestGuard}, so a refusal mid-result still reaches the client
 * as a clean error, never as a 200 with a cut-off body. A query that depends on nothing but the dataset
 * (no SERVICE, no NOW(), RAND() and the like: {@link QueryScan}) is marked so for the response cache.
 */
public final class GuardedQueryService extends SPARQL_QueryDataset {
    private final Limits limits;

  public   GuardedQueryService(Limits limits) { this.limits = limits; }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        List<String> allowed = limits.serviceAllowList();
        QueryScan scan = QueryScan.of(query);
        // Every SERVICE, including those in sub-queries and FILTER (NOT) EXISTS, which a plain
        // ElementWalker does not enter: a nested one must not slip past the allow-list.
        for (Node target : scan.services()) {
            if (!target.isURI())
                throw new ActionErrorException(403, "SERVICE with a variable endpoint is not allowed on this server", null);
            if (!allowed.contains(target.getURI()))
                throw new ActionErrorException(403, "SERVICE <" + target.getURI() + "> is not allowed on this server"
                        + (allowed.isEmpty() ? " (no SERVICE endpoint is allowed)" : "; allowed: " + allowed), null);
        }
        if (scan.javaFunction() != null)
            throw new ActionErrorException(403, "Functions named by Java class, and CALL(), are not allowed on this server: " + scan.javaFunction(), null);
        if (scan.badFunctionCall() != null)
            throw new ActionErrorException(400, "Bad function call: " + scan.badFunctionCall(), null);
        // RequestGuard may keep the response, and give it an ETag, only if it depends on nothing but
        // the request and the dataset: no remote endpoint, no clock, no chance.
        if (scan.deterministic()) action.getRequest().setAttribute(ResponseCache.DETERMINISTIC, Boolean.TRUE);
    }

    /**
     * FROM, FROM NAMED and the protocol's default-graph-uri and named-graph-uri name graphs of this dataset,
     * never documents to fetch: a graph the dataset does not hold is the client's error (400), where Fuseki
     * would try to add it to a read-only view and fail with a 500.
     */
    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        List<String> named = new ArrayList<>();
        named.addAll(query.getGraphURIs());
        named.addAll(query.getNamedGraphURIs());
        for (String param : List.of("default-graph-uri", "named-graph-uri")) {
            String[] values = action.getRequest().getParameterValues(param);
            if (values != null) named.addAll(List.of(values));
        }
        DatasetGraph dsg = action.getActiveDSG();
        for (String g : named) {
            Node n = NodeFactory.createURI(g);
            if (!Quad.isUnionGraph(n) && !Quad.isDefaultGraph(n) && !dsg.containsGraph(n))
                throw new ActionErrorException(400, "No graph <" + g + "> in this dataset: FROM, FROM NAMED, default-graph-uri and named-graph-uri "
                        + "name graphs of the dataset, never documents to fetch", null);
        }
        return super.decideDataset(action, query, queryStringLog);
    }

    /** Runs the query with REGEX and REPLACE that stop at the request's deadline ({@link SafeRegex}). */
    @Override
    protected org.apache.jena.sparql.exec.QueryExec createQueryExec(HttpAction action, Query query, org.apache.jena.sparql.core.DatasetGraph dataset) {
        Query safe = SafeRegex.rewrite(query);
        // ARQ 5.6 throws a NullPointerException (a 500) when ORDER BY ... LIMIT 0 closes a hash join it has
        // not started (QueryIterTopN closes its input at once): LIMIT 0 has no rows in any order, so the
        // ORDER BY goes. Found by the security probe's fuzzing. The rewrite is a copy: the client's query stays.
        if (safe.hasLimit() && safe.getLimit() == 0 && safe.hasOrderBy()) {
            if (safe == query) safe = query.cloneQuery();
            safe.getOrderBy().clear();
            // The algebra generator tests the list for null, not for empty: a copy of a query without sort
            // conditions has none.
            safe = safe.cloneQuery();
        }
        return super.createQueryExec(action, safe, dataset);
    }

    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue qPrologue) {
        long max = limits.maxResultRows();
        if (result.isRowSet()) {
            result = new QueryExecResult(new CappedRowSet(result.rowSet(), max, action.getRequest()));
        } else if (result.isGraph() && result.graph().size() > max) {
            throw tooLarge(max, "triples");
        } else if (result.isDataset() && result.dataset().stream().limit(max + 1).count() > max) {
            throw tooLarge(max, "quads");
        }
        super.sendResults(action, result, qPrologue);
    }


    public static ActionErrorException tooLarge(long max, String what) {
        return new ActionErrorException(Refusal.TOO_LARGE, "Result too large: more than " + max + " " + what
                + " (this server's limit). Add a LIMIT, or narrow the query.", null);
    }

    /** A row set that refuses to go past the limit. */
    private static final class CappedRowSet implements RowSet {
        private final RowSet rows;
        private final long max;
        private final jakarta.servlet.http.HttpServletRequest request;
        private long n;

        CappedRowSet(RowSet rows, long max, jakarta.servlet.http.HttpServletRequest request) {
            this.rows = rows; this.max = max; this.request = request;
        }

        // Fuseki turns any failure while results stream into a 400; the attribute tells RequestGuard
        // the real reason, so that the client gets 422 for the row limit and 503 for a timeout.
        @Override public boolean hasNext() {
            boolean more;
            try {
                more = rows.hasNext();
            } catch (org.apache.jena.query.QueryCancelledException e) {
                request.setAttribute(Refusal.STATUS, 503);
                throw e;
            }
            if (more && n >= max) {
                request.setAttribute(Refusal.STATUS, Refusal.TOO_LARGE);
                throw tooLarge(max, "rows");
            }
            return more;
        }
        @Override public Binding next() { n++; return rows.next(); }
        @Override public List<Var> getResultVars() { return rows.getResultVars(); }
        @Override public long getRowNumber() { return rows.getRowNumber(); }
        @Override public void close() { rows.close(); }
    }
}
