package org.w3id.talibanrelations.serve.sparql;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;
import org.w3id.talibanrelations.serve.http.Refusal;
import org.w3id.talibanrelations.serve.http.RequestScope;

/**
 * The SERVICE allow-list, enforced where ARQ executes a SERVICE call rather than where a query is
 * parsed, so that every code path that evaluates SPARQL goes through it: a query, a SHACL-SPARQL
 * constraint or target, a DESCRIBE handler, a page, and any route added later.
 * <ul>
 * <li>On the served dataset's context: a registry whose first link refuses any endpoint not on the
 * list, whatever thread runs the query.</li>
 * <li>On ARQ's global registry: a link that, while a thread handles a request of this server (see
 * {@link RequestScope}), refuses any endpoint not on that server's list. This covers SPARQL run over other
 * datasets made during a request (Jena's SHACL engine wraps the data graph in a dataset of its own,
 * with no context of ours). Outside a request it lets calls through, so that other code in the same
 * JVM (a client, a second engine in a test) keeps its own SERVICE behaviour.</li>
 * </ul>
 * A refused call throws {@link Refusal.Refused}; the request is answered 403 ({@link RequestScope}).
 *
 * <pre>
 *   ServiceGuard.install(dataset.getContext(), List.of("https://query.wikidata.org/sparql"));
 * </pre>
 */
public final class ServiceGuard implements ChainingServiceExecutor {
    private static final Object GLOBAL_LOCK = new Object();
    private static volatile boolean globalInstalled;

    private final List<String> allowed;

    private ServiceGuard(List<String> allowed) { this.allowed = allowed; }

    /**
     * Guards SERVICE calls of queries over a dataset: its context gets a registry that refuses every
     * endpoint not in {@code allowList} (exact IRIs), and then calls the others over HTTP. Also installs
     * the global link ({@link #installGlobal()}).
     */
    public static void install(Context datasetContext, List<String> allowList) {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        ServiceExecutorRegistry.initWithDefaults(registry);
        registry.addSingleLink(new ServiceGuard(List.copyOf(allowList)));
        ServiceExecutorRegistry.set(datasetContext, registry);
        installGlobal();
    }

    /** Puts the request-scoped link first in ARQ's global registry, once per JVM. */
    public static void installGlobal() {
        if (globalInstalled) return;
        synchronized (GLOBAL_LOCK) {
            if (globalInstalled) return;
            ServiceExecutorRegistry global = ServiceExecutorRegistry.get();
            global.addSingleLink(ServiceGuard::requestScoped);
            ServiceExecutorRegistry.set(ARQ.getContext(), global);
            globalInstalled = true;
        }
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService opOriginal, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        check(opExecute.getService(), allowed);
        return chain.createExecution(opExecute, opOriginal, binding, execCxt);
    }

    private static QueryIterator requestScoped(OpService opExecute, OpService opOriginal, Binding binding,
                                               ExecutionContext execCxt, ServiceExecutor chain) {
        RequestScope.Scope scope = RequestScope.current();
        if (scope != null) check(opExecute.getService(), scope.allowList());
        return chain.createExecution(opExecute, opOriginal, binding, execCxt);
    }

    /** Throws {@link Refusal.Refused} unless {@code endpoint} is an IRI on the list; notes the refusal on the request. */
    static void check(Node endpoint, List<String> allowed) {
        if (endpoint.isURI() && allowed.contains(endpoint.getURI())) return;
        String message = endpoint.isURI()
                ? "SERVICE <" + endpoint.getURI() + "> is not allowed on this server"
                        + (allowed.isEmpty() ? " (no SERVICE endpoint is allowed)" : "; allowed: " + allowed)
                : "SERVICE with a variable endpoint is not allowed on this server";
        RequestScope.Scope scope = RequestScope.current();
        if (scope != null && scope.request() != null) {
            scope.request().setAttribute(Refusal.STATUS, 403);
            scope.request().setAttribute(Refusal.MESSAGE, message);
        }
        throw new Refusal.Refused(403, message);
    }
}
