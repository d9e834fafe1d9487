package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.G;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.talibanrelations.vocabulary.CNT;
import org.w3id.talibanrelations.vocabulary.TIR;

/**
 * A SPARQL editor at {@code /query} that works offline: CodeMirror 5 with its SPARQL mode, completion of
 * the prefixes our questions use and of the ontology's terms, the competency questions as examples, and
 * the results as a table (labels, links to entity pages, dates at their precision), CSV and JSON
 * downloads, a permalink and a chart for aggregates ({@code web/query.js}). The examples are the
 * competency questions published with the data ({@code tir:CompetencyQuestion} in the served dataset),
 * so the page shows what was validated. Markup is {@code web/templates/query.mustache}; scripts and styles are
 * files of this origin ({@code /assets/}), the page's data travels as JSON in {@code data-json} attributes, never
 * as inline script.
 * {@code /query?example=cq03-embassy-handovers-2025&run} opens and runs an example, {@code /query?q=…&run}
 * a query of one's own (the permalink).
 */
public final class QueryPage extends HttpServlet {
    private static final Pattern PREFIX = Pattern.compile("(?im)^\\s*PREFIX\\s+([A-Za-z][\\w-]*):\\s*<([^>]*)>");
    private final byte[] page;

    public QueryPage(DatasetGraph dsg) {
        JsonArray examples = new JsonArray();
        JsonObject vocabulary = new JsonObject();
        Txn.executeRead(dsg, () -> {
            Graph g = dsg.getDefaultGraph();
            examples.addAll(examples(g));
            vocabulary.put("prefixes", prefixes(examples));
            vocabulary.put("terms", terms(g));
        });
        this.page = Templates.render("query", new View("Query", attributeSafe(examples.toString()), attributeSafe(vocabulary.toString())))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The page's view (query.mustache): its data for web/query.js, as JSON for a single-quoted attribute. */
    record View(String title, String examples, String vocabulary) {}

    /** The competency questions, in file order: name, question and query. */
    private static JsonArray examples(Graph g) {
        List<Node> questions = new ArrayList<>(G.find(g, null, RDF.type.asNode(), TIR.CompetencyQuestion).mapWith(Triple::getSubject).toList());
        questions.sort(Comparator.comparing(Node::getURI));
        JsonArray out = new JsonArray();
        for (Node q : questions) {
            String file = G.getOneSP(g, q, DCTerms.identifier.asNode()).getLiteralLexicalForm();
            Node label = G.getZeroOrOneSP(g, q, RDFS.label.asNode());
            JsonObject e = new JsonObject();
            e.put("name", file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.rq$", ""));
            e.put("question", label == null ? "" : label.getLiteralLexicalForm());
            e.put("query", G.getOneSP(g, q, CNT.chars).getLiteralLexicalForm());
            out.add(e);
        }
        return out;
    }

    /** The prefixes the questions declare: the ones a researcher will want, by the names the questions use. */
    private static JsonObject prefixes(JsonArray examples) {
        Map<String, String> found = new TreeMap<>();
        for (var e : examples) {
            Matcher m = PREFIX.matcher(e.getAsObject().get("query").getAsString().value());
            while (m.find()) found.putIfAbsent(m.group(1), m.group(2));
        }
        JsonObject out = new JsonObject();
        found.forEach(out::put);
        return out;
    }

    /** The ontology's terms with their English (or untagged) labels, for completing {@code tir:}; of several, the least as {@link HtmlPages#LEXICAL} orders them. */
    private static JsonObject terms(Graph g) {
        Map<String, Node> labels = new TreeMap<>();
        G.find(g, null, RDFS.label.asNode(), null).forEach(t -> {
            Node s = t.getSubject(), o = t.getObject();
            if (s.isURI() && s.getURI().startsWith(TIR.NS) && s.getURI().length() > TIR.NS.length() && o.isLiteral()
                    && (o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().equals("en")))
                labels.merge(s.getURI().substring(TIR.NS.length()), o, (a, b) -> HtmlPages.LEXICAL.compare(a, b) <= 0 ? a : b);
        });
        JsonObject out = new JsonObject();
        labels.forEach((term, label) -> out.put(term, label.getLiteralLexicalForm()));
        return out;
    }

    /**
     * JSON that can stand as it is in a single-quoted attribute: every {@code & ' < >} written as a JSON
     * escape (backslash, u, four hex digits), which JSON reads as the same character. They occur only
     * inside its strings (none is JSON syntax, nor part of an escape the writer made), so the value is
     * unchanged, and nothing in it can end the attribute or start a character reference.
     */
    static String attributeSafe(String json) {
        return json.replace("&", "\\u0026").replace("'", "\\u0027").replace("<", "\\u003c").replace(">", "\\u003e");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(page.length);
        res.getOutputStream().write(page);
    }
}
