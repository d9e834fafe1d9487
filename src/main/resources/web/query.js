// The query page's script, served at /assets/query.js: no inline script, so that the pages' Content-Security-Policy
// can allow scripts from this origin only. The examples are a JSON data block in the page (id examples-data).
'use strict';
const EXAMPLES = JSON.parse(document.getElementById('examples-data').textContent);
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
  const construct = /^\s*(PREFIX[^\n]*\n|#[^\n]*\n|\s)*(CONSTRUCT|DESCRIBE)/i.test(q.value);
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
