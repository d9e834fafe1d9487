package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The server's root: what is served where, for a person who opens http://localhost:3030/. */
public final class LandingPage extends HttpServlet {
    private final byte[] page;

  public   LandingPage(long facts, long sources, long triples) {
        String body = ("""
            <h1>taliban-relations-kg</h1>
            <p>A knowledge graph of the Taliban's international relations: %d facts from %d source documents (%d triples),
            each with the exact words of its source.</p>
            <ul>
            <li><a href="query">Query it</a> in the browser, or with any SPARQL client at <code>/kg/sparql</code> (also <code>/kg/query</code>, <code>/kg</code>), read-only</li>
            <li><a href="overview">Overview</a>: every state's engagement with the Taliban over time, and the facts counted by relation, certainty and source</li>
            <li>Browse: <a href="doc/actor/islamic-emirate-of-afghanistan">the Islamic Emirate of Afghanistan</a>, <a href="doc/actor/russia">Russia</a>,
                <a href="doc/actor/amir-khan-muttaqi">Amir Khan Muttaqi</a>, <a href="doc/source/international-relations-with-the-taliban">a source</a></li>
            <li><a href="ontology">The ontology</a> (HTML, Turtle, RDF/XML) · <a href=".well-known/void">VoID</a> · <a href="kg/sparql">service description</a></li>
            <li>Downloads: <a href="dumps/kg.trig">kg.trig</a>, <a href="dumps/kg.nq.gz">kg.nq.gz</a>, <a href="dumps/kg-flat.ttl">kg-flat.ttl</a> (for Protégé), <a href="dumps/ontology.rdf">ontology.rdf</a></li>
            <li>Graph Store Protocol, read-only: <code>/kg/get?default</code>, <code>/kg/get?graph=IRI</code> · health <a href="$/ping">/$/ping</a> · <a href="$/metrics">metrics</a></li>
            </ul>
            """).formatted(facts, sources, triples);
        this.page = HtmlPages.page("taliban-relations-kg", body).getBytes(StandardCharsets.UTF_8);
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
