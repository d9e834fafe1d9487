package org.w3id.talibanrelations.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The server's root: what is served where, for a person who opens http://localhost:3030/. */
final class LandingPage extends HttpServlet {
    private final byte[] page;

    LandingPage(long facts, long sources, long triples) {
        this.page = ("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>taliban-relations-kg</title></head>
            <body>
            <h1>taliban-relations-kg</h1>
            <p>A knowledge graph of the Taliban's international relations: %d facts from %d source documents (%d triples),
            each with the exact words of its source.</p>
            <ul>
            <li>SPARQL endpoint: <a href="kg/sparql">/kg/sparql</a> (also <code>/kg/query</code> and <code>/kg</code>), GET or POST, read-only</li>
            <li>Graph Store Protocol, read-only: <code>/kg/get?default</code>, <code>/kg/get?graph=IRI</code></li>
            <li>Health: <a href="$/ping">/$/ping</a></li>
            </ul>
            <p>Example: <a href="kg/sparql?query=PREFIX%%20tir%%3A%%20%%3Chttps%%3A%%2F%%2Fw3id.org%%2Ftaliban-relations%%2Fontology%%23%%3E%%20SELECT%%20%%3Fa%%20%%3Fb%%20WHERE%%20%%7B%%20%%3Fa%%20tir%%3AformallyRecognizes%%20%%3Fb%%20%%7D">who formally recognises whom</a>.</p>
            </body></html>
            """).formatted(facts, sources, triples).getBytes(StandardCharsets.UTF_8);
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
