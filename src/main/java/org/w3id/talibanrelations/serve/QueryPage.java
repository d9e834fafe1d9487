package org.w3id.talibanrelations.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A SPARQL editor at {@code /query} that works offline: a text area preloaded with the competency
 * questions as examples, a run button, and the results as a table whose IRIs link to their pages.
 * Everything is in the page (no script or style from elsewhere), and it offers nothing a read-only
 * server would refuse. {@code /query?example=cq03-embassy-handovers-2025&run} opens and runs an example.
 */
final class QueryPage extends HttpServlet {
    private final byte[] page;

    QueryPage(Path root) {
        StringBuilder examples = new StringBuilder("[");
        if (root != null && Files.isDirectory(root.resolve("queries"))) {
            try (Stream<Path> s = Files.list(root.resolve("queries"))) {
                List<Path> files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
                for (Path f : files) {
                    String text = Files.readString(f);
                    String question = text.lines().findFirst().orElse("").replaceFirst("^# Question: ", "");
                    String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
                    examples.append(examples.length() > 1 ? "," : "").append("{\"name\":").append(json(name))
                            .append(",\"question\":").append(json(question)).append(",\"query\":").append(json(text)).append("}");
                }
            } catch (IOException e) {
                // No examples: the editor still works.
            }
        }
        examples.append("]");
        String html = HtmlPages.page("Query", """
            <h1>Query the graph</h1>
            <p class="sub">SPARQL 1.1 against <code>/kg/sparql</code> (read-only; the default graph is the union of all graphs).</p>
            <p><label>Example: <select id="examples"><option value="">choose a competency question…</option></select></label></p>
            <textarea id="q" rows="16" style="width:100%%;font-family:monospace;font-size:.9rem">PREFIX tir: <https://w3id.org/taliban-relations/ontology#>
            SELECT ?a ?b WHERE { ?a tir:formallyRecognizes ?b }</textarea>
            <p><button id="run">Run</button> <span id="status" class="muted"></span></p>
            <div id="out"></div>
            <script>
            const EXAMPLES = %s;
            const sel = document.getElementById('examples'), q = document.getElementById('q'), out = document.getElementById('out'), status = document.getElementById('status');
            for (const e of EXAMPLES) { const o = document.createElement('option'); o.value = e.name; o.textContent = e.name + ': ' + e.question; sel.appendChild(o); }
            sel.onchange = () => { const e = EXAMPLES.find(x => x.name === sel.value); if (e) q.value = e.query; };
            const esc = s => s.replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
            const cell = b => {
              if (!b) return '';
              if (b.type === 'uri') {
                const base = 'https://w3id.org/taliban-relations/';
                const href = b.value.startsWith(base + 'id/') ? '/doc/' + b.value.substring((base + 'id/').length)
                           : b.value.startsWith(base + 'ontology#') ? '/ontology#' + b.value.substring((base + 'ontology#').length) : b.value;
                return '<a href="' + esc(href) + '">' + esc(b.value.replace(base, '')) + '</a>';
              }
              return esc(b.value) + (b['xml:lang'] ? ' <span class="muted">@' + esc(b['xml:lang']) + '</span>' : '');
            };
            async function run() {
              status.textContent = 'running…'; out.innerHTML = '';
              const t0 = performance.now();
              const construct = /^\\s*(PREFIX[^\\n]*\\n|#[^\\n]*\\n|\\s)*(CONSTRUCT|DESCRIBE)/i.test(q.value);
              try {
                const r = await fetch('/kg/sparql', { method: 'POST',
                  headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': construct ? 'text/turtle' : 'application/sparql-results+json' },
                  body: 'query=' + encodeURIComponent(q.value) });
                const text = await r.text();
                if (!r.ok) { out.innerHTML = '<pre class="alleged">' + esc(text) + '</pre>'; status.textContent = 'error ' + r.status; return; }
                if (construct) { out.innerHTML = '<pre>' + esc(text) + '</pre>'; status.textContent = 'done'; return; }
                const j = JSON.parse(text);
                if ('boolean' in j) { out.innerHTML = '<p id="answer">' + j.boolean + '</p>'; status.textContent = 'done'; return; }
                const vars = j.head.vars, rows = j.results.bindings;
                let h = '<table id="results"><tr>' + vars.map(v => '<th>' + esc(v) + '</th>').join('') + '</tr>';
                for (const row of rows) h += '<tr class="row">' + vars.map(v => '<td>' + cell(row[v]) + '</td>').join('') + '</tr>';
                out.innerHTML = h + '</table>';
                status.textContent = rows.length + ' rows in ' + Math.round(performance.now() - t0) + ' ms';
              } catch (e) { out.innerHTML = '<pre class="alleged">' + esc(String(e)) + '</pre>'; status.textContent = 'error'; }
            }
            document.getElementById('run').onclick = run;
            const params = new URLSearchParams(location.search);
            if (params.get('example')) { sel.value = params.get('example'); sel.onchange(); }
            if (params.has('run')) run();
            </script>
            """.formatted(examples));
        this.page = html.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c"); // never close the script element
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        return sb.append('"').toString();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(page.length);
        res.getOutputStream().write(page);
    }
}
