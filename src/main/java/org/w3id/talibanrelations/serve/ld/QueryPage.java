package org.w3id.talibanrelations.serve.ld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
 * A SPARQL editor at {@code /query} that works offline: a text area preloaded with the competency
 * questions as examples, a run button, and the results as a table whose IRIs link to their pages.
 * The examples are the competency questions published with the data ({@code tir:CompetencyQuestion}
 * in the served dataset), so the page shows what was validated. Its script and style are files of
 * this origin ({@code /assets/}); the examples travel as a JSON data block, never as inline script.
 * {@code /query?example=cq03-embassy-handovers-2025&run} opens and runs an example.
 */
public final class QueryPage extends HttpServlet {
    private final byte[] page;

  public   QueryPage(DatasetGraph dsg) {
        String examples = Txn.calculateRead(dsg, () -> examples(dsg.getDefaultGraph())).toString();
        String html = HtmlPages.page("Query", """
            <h1>Query the graph</h1>
            <p class="sub">SPARQL 1.1 against <code>/kg/sparql</code> (read-only; the default graph is the union of all graphs).</p>
            <p><label>Example: <select id="examples"><option value="">choose a competency question…</option></select></label></p>
            <textarea id="q" rows="16">PREFIX tir: &lt;https://w3id.org/taliban-relations/ontology#&gt;
            SELECT ?a ?b WHERE { ?a tir:formallyRecognizes ?b }</textarea>
            <p><button id="run">Run</button> <span id="status" class="muted"></span></p>
            <div id="out"></div>
            <script type="application/json" id="examples-data">%s</script>
            <script src="/assets/query.js"></script>
            """.formatted(scriptSafe(examples)));
        this.page = html.getBytes(StandardCharsets.UTF_8);
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
