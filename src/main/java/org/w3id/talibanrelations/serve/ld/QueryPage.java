package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * so the page shows what was validated. Markup is {@code web/query.html}; scripts and styles are files of
 * this origin ({@code /assets/}), the page's data travels as JSON data blocks, never as inline script.
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
        String body = template("web/query.html")
                .replace("{{examples}}", scriptSafe(examples.toString()))
                .replace("{{vocabulary}}", scriptSafe(vocabulary.toString()));
        this.page = HtmlPages.page("Query", List.of("codemirror.css", "codemirror-show-hint.css"), body).getBytes(StandardCharsets.UTF_8);
    }

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

    /** The ontology's terms with their English labels, for completing {@code tir:}. */
    private static JsonObject terms(Graph g) {
        Map<String, String> found = new TreeMap<>();
        G.find(g, null, RDFS.label.asNode(), null).forEach(t -> {
            Node s = t.getSubject(), o = t.getObject();
            if (s.isURI() && s.getURI().startsWith(TIR.NS) && s.getURI().length() > TIR.NS.length() && o.isLiteral()
                    && (o.getLiteralLanguage().isEmpty() || o.getLiteralLanguage().equals("en")))
                found.putIfAbsent(s.getURI().substring(TIR.NS.length()), o.getLiteralLexicalForm());
        });
        JsonObject out = new JsonObject();
        found.forEach(out::put);
        return out;
    }

    static String template(String resource) {
        try (InputStream in = QueryPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing from the jar: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON that cannot end its script element: every {@code <} escaped (it occurs only inside strings). */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(page.length);
        res.getOutputStream().write(page);
    }
}
