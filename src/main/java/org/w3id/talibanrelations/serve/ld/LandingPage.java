package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import java.util.Comparator;
import java.util.List;

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
 * which the build takes from {@code data/dataset.ttl}: the page is made from the served data, not from code,
 * and its markup is {@code web/templates/home.mustache}.
 */
public final class LandingPage extends HttpServlet {
    private final byte[] page;

    /**
     * @param union the served dataset's union graph, which holds the VoID description and the labels
     */
    public LandingPage(Graph union, long facts, long sources, long triples) {
        HtmlPages pages = new HtmlPages(union, Roles.of(union));
        Node d = VoidDescription.DATASET;
        List<Link> browse = union.find(d, VOID.exampleResource.asNode(), Node.ANY).mapWith(t -> t.getObject())
                .filterKeep(Node::isURI).toList().stream().sorted(Comparator.comparing(Node::getURI)).map(pages::link).toList();
        View view = new View(pages.label(english(pages, union, d, DCTerms.title.asNode())), pages.label(english(pages, union, d, DCTerms.description.asNode())),
                facts, sources, triples, Templates.separated(browse));
        this.page = Templates.render("home", view).getBytes(StandardCharsets.UTF_8);
    }

    /** The page's view (home.mustache): the dataset's title and description, its counts, where to start browsing. */
    record View(String title, String description, long facts, long sources, long triples, Iterable<?> browse) {}

    /** The value in English of (s, p), else any value, else null; of several, the first in the pages' order ({@code HtmlPages.byLabel}). */
    private static Node english(HtmlPages pages, Graph g, Node s, Node p) {
        List<Node> all = g.find(s, p, Node.ANY).mapWith(t -> t.getObject()).toList();
        List<Node> en = all.stream().filter(o -> o.isLiteral() && "en".equals(o.getLiteralLanguage())).toList();
        return (en.isEmpty() ? all : en).stream().min(pages.byLabel).orElse(null);
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
