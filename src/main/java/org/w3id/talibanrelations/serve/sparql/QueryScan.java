package org.w3id.talibanrelations.serve.sparql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.expr.E_Call;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Now;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.Unstable;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementExists;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementNotExists;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnfold;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * What a parsed query does that matters to the server: the SERVICE endpoints it calls, and whether
 * it calls a function whose value changes from one run to the next (NOW, RAND, UUID, STRUUID, BNODE
 * and their ARQ relatives). The whole query is walked: sub-queries, (NOT) EXISTS in filters and
 * expressions in SELECT, GROUP BY, HAVING and ORDER BY, none of which Jena's ElementWalker enters on
 * its own, so that a SERVICE nested in a sub-query is seen like any other.
 *
 * <pre>
 *   QueryScan scan = QueryScan.of(QueryFactory.create(text));
 *   if (scan.deterministic()) ...
 * </pre>
 */
public final class QueryScan {
    /** Namespaces whose functions ARQ implements itself; a function from any other one is not known to be deterministic. */
    private static final List<String> KNOWN_NAMESPACES = List.of(ARQConstants.xsdPrefix, ARQConstants.fnPrefix,
            ARQConstants.mathPrefix, ARQConstants.fnSparql, ARQConstants.ARQFunctionLibraryURI);
    /**
     * Local names, in those namespaces, of functions whose value depends on the clock, chance, the
     * machine or the run: SPARQL's own by IRI ({@code sparql:now}), ARQ's library ({@code afn:now},
     * {@code afn:wait}, ...), and XPath's clock functions.
     */
    private static final Set<String> VOLATILE = Set.of("now", "nowtz", "rand", "random", "uuid", "struuid", "bnode",
            "current-date", "current-time", "current-dateTime", "implicit-timezone", "system-timezone", "timezone",
            "execTime", "wait", "context", "print", "eval", "apply", "call", "systemVar");

    private final List<Node> services = new ArrayList<>();
    private boolean volatileFunctions;
    private String javaFunction;
    private String badFunctionCall;

    private QueryScan() {}

    /** Scans a parsed query. */
    static QueryScan of(Query query) {
        QueryScan scan = new QueryScan();
        scan.query(query);
        return scan;
    }

    /** The endpoints of every SERVICE clause, wherever it is nested (variables included). */
    List<Node> services() { return services; }

    /**
     * The first function or property function named by a {@code java:} IRI, which ARQ would load as a
     * class by that name (running its static initialiser), or null.
     */
    String javaFunction() { return javaFunction; }

    /**
     * The first function call ARQ cannot build (a function called with the wrong number of arguments, such
     * as {@code xsd:string(1, 2)}), as ARQ's message, or null. Such a call parses, and ARQ would only find
     * out when it first evaluates it, as a build error that Fuseki answers 500. Found by the security
     * probe's fuzzing.
     */
    String badFunctionCall() { return badFunctionCall; }

    /** Whether the answer depends only on the query and the dataset: no SERVICE, no volatile function. */
    boolean deterministic() { return services.isEmpty() && !volatileFunctions; }

    private void query(Query q) {
        if (q.getQueryPattern() != null) element(q.getQueryPattern());
        if (q.getProject() != null) q.getProject().getExprs().values().forEach(this::expr);
        if (q.getGroupBy() != null) q.getGroupBy().getExprs().values().forEach(this::expr);
        if (q.getHavingExprs() != null) q.getHavingExprs().forEach(this::expr);
        if (q.getOrderBy() != null) for (SortCondition c : q.getOrderBy()) expr(c.getExpression());
        if (q.getAggregators() != null) q.getAggregators().forEach(this::expr);
    }

    private void element(Element el) {
        ElementWalker.walk(el, new ElementVisitorBase() {
            @Override public void visit(ElementService e) { services.add(e.getServiceNode()); }
            @Override public void visit(ElementSubQuery e) { query(e.getQuery()); }
            @Override public void visit(ElementFilter e) { expr(e.getExpr()); }
            @Override public void visit(ElementBind e) { expr(e.getExpr()); }
            @Override public void visit(ElementAssign e) { expr(e.getExpr()); }
            @Override public void visit(ElementUnfold e) { expr(e.getExpr()); }
            @Override public void visit(ElementExists e) { element(e.getElement()); }
            @Override public void visit(ElementNotExists e) { element(e.getElement()); }
            @Override public void visit(ElementPathBlock e) {
                e.getPattern().forEach(tp -> { if (tp.getPredicate() != null) predicate(tp.getPredicate()); });
            }
            @Override public void visit(ElementTriplesBlock e) { e.getPattern().forEach(t -> predicate(t.getPredicate())); }
        });
    }

    private void predicate(Node p) {
        if (javaFunction == null && p.isURI() && p.getURI().startsWith(ARQConstants.javaClassURIScheme)) javaFunction = p.getURI();
    }

    private void expr(Expr e) {
        if (e == null) return;
        if (e instanceof ExprFunctionOp op && op.getElement() != null) element(op.getElement());
        if (e instanceof ExprAggregator agg) {
            if (agg.getAggregator() instanceof AggCustom) volatileFunctions = true;
            ExprList args = agg.getAggregator().getExprList();
            if (args != null) args.forEach(this::expr);
        }
        if (e instanceof ExprFunction f) {
            if (isVolatile(f)) volatileFunctions = true;
            if (javaFunction == null && f instanceof E_Function fn && fn.getFunctionIRI().startsWith(ARQConstants.javaClassURIScheme))
                javaFunction = fn.getFunctionIRI();
            // Binding a function by a java: IRI would load its class: those are refused, never built.
            // A function no factory names is not built here: ARQ would log a warning for it on every
            // request, and at run time it is an evaluation error (an unbound value), as SPARQL says.
            else if (badFunctionCall == null && f instanceof E_Function fn && FunctionRegistry.get().isRegistered(fn.getFunctionIRI())) {
                try {
                    fn.buildFunction(ARQ.getContext());
                } catch (QueryBuildException ex) {
                    badFunctionCall = ex.getMessage();
                }
            }
            // CALL(iri, ...) names its function at run time, so it could name one by Java class.
            if (javaFunction == null && f instanceof E_Call) javaFunction = "CALL()";
            f.getArgs().forEach(this::expr);
        }
    }

    private static boolean isVolatile(ExprFunction f) {
        // ARQ marks RAND, BNODE, UUID and STRUUID Unstable; NOW is stable within one execution only.
        if (f instanceof Unstable || f instanceof E_Now || f instanceof E_Call) return true;
        if (!(f instanceof E_Function fn)) return false;
        String iri = fn.getFunctionIRI();
        String ns = KNOWN_NAMESPACES.stream().filter(iri::startsWith).findFirst().orElse(null);
        return ns == null || VOLATILE.contains(iri.substring(ns.length()));
    }
}
