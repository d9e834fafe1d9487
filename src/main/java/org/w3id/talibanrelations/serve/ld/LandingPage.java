package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import java.util.Comparator;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.VOID;
import org.w3id.talibanrelations.publish.VoidDescription;

/**
 * The server's root: what is served where, for a person who opens http://localhost:3030/. What it says
 * of the dataset (its title, description and where to start browsing) is the published VoID description,
 * which the build takes from {@code data/dataset.ttl}: the page is made from the served data, not from code.
 */
public final class LandingPage extends HttpServlet {
    private final byte[] page;

    /**
     * @param union the served dataset's union graph, which holds the VoID description and the labels
     */
    public LandingPage(Graph union, long facts, long sources, long triples) {
        HtmlPages pages = new HtmlPages(union, Roles.of(union));
        Node d = VoidDescription.DATASET;
        String title = pages.label(english(union, d, DCTerms.title.asNode()));
        String description = pages.label(english(union, d, DCTerms.description.asNode()));
        StringBuilder browse = new StringBuilder();
        for (Node r : union.find(d, VOID.exampleResource.asNode(), Node.ANY).mapWith(t -> t.getObject())
                .filterKeep(Node::isURI).toList().stream().sorted(Comparator.comparing(Node::getURI)).toList())
            browse.append(browse.isEmpty() ? "" : ", ").append(Templates.render("link", pages.link(r)));
        String body = ("""
            <h1>%s</h1>
            <p>%s</p>
            <p>%d facts from %d source documents (%d triples).</p>
            <ul>
            <li><a href="query">Query it</a> in the browser, or with any SPARQL client at <code>/kg/sparql</code> (also <code>/kg/query</code>, <code>/kg</code>), read-only</li>
            <li><a href="overview">Overview</a>: every state's engagement with the Taliban over time, and the facts counted by relation, certainty and source</li>
            <li>Browse: %s</li>
            <li><a href="ontology">The ontology</a> (HTML, Turtle, RDF/XML) · <a href=".well-known/void">VoID</a> · <a href="kg/sparql">service description</a></li>
            <li>Downloads: <a href="dumps/kg.trig">kg.trig</a>, <a href="dumps/kg.nq.gz">kg.nq.gz</a>, <a href="dumps/kg-flat.ttl">kg-flat.ttl</a> (for Protégé), <a href="dumps/ontology.rdf">ontology.rdf</a></li>
            <li>Graph Store Protocol, read-only: <code>/kg/get?default</code>, <code>/kg/get?graph=IRI</code> · health <a href="$/ping">/$/ping</a> · <a href="$/metrics">metrics</a></li>
            </ul>
            """).formatted(HtmlPages.esc(title), HtmlPages.esc(description), facts, sources, triples, browse);
        this.page = HtmlPages.page(title, body).getBytes(StandardCharsets.UTF_8);
    }

    /** The value in English of (s, p), else any value, else null. */
    private static Node english(Graph g, Node s, Node p) {
        Node any = null;
        for (Node o : g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toList()) {
            if (o.isLiteral() && "en".equals(o.getLiteralLanguage())) return o;
            if (any == null) any = o;
        }
        return any;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (!path.isEmpty() && !path.equals("/")) {
            res.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(page.length);
        res.getOutputStream().write(page);
    }
}
