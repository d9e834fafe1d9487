// The query page's script, served at /assets/query.js: no inline script, so that the pages' Content-Security-Policy
// can allow scripts from this origin only. The page's data are JSON in data-json attributes (templates/query.mustache):
// on the examples' select, the competency questions; on the editor's textarea, the prefixes they declare and the
// ontology's terms with labels. CodeMirror 5 and ECharts come from their WebJars, served from the jar at /assets/
// (web/vendor.properties), so the page works offline.
'use strict';
const EXAMPLES = JSON.parse(document.getElementById('examples').dataset.json);
const VOCAB = JSON.parse(document.getElementById('q').dataset.json);
const BASE = 'https://w3id.org/taliban-relations/';
const TIME = 'http://www.w3.org/2006/time#', XSD = 'http://www.w3.org/2001/XMLSchema#';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const $ = id => document.getElementById(id);
const sel = $('examples'), out = $('out'), status = $('status'), chartBox = $('chart');
const esc = s => String(s).replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

// ---- the editor: SPARQL highlighting, completion of our prefixes and of the ontology's terms ----
const editor = CodeMirror.fromTextArea($('q'), {
  mode: 'application/sparql-query', lineNumbers: true, viewportMargin: Infinity, indentUnit: 2,
  extraKeys: { 'Ctrl-Space': 'autocomplete', 'Ctrl-Enter': () => run(), 'Cmd-Enter': () => run() },
  hintOptions: { hint: complete, completeSingle: false }
});

function declared(prefix) { return new RegExp('^\\s*PREFIX\\s+' + prefix + ':', 'im').test(editor.getValue()); }

/** Prefixes after PREFIX (with their IRI), prefixed names elsewhere; picking a term of an undeclared prefix declares it. */
function complete(ed) {
  const cur = ed.getCursor(), line = ed.getLine(cur.line);
  let start = cur.ch;
  while (start > 0 && /[\w:-]/.test(line[start - 1])) start--;
  const word = line.slice(start, cur.ch), list = [];
  const colon = word.indexOf(':');
  if (colon >= 0) {
    const prefix = word.slice(0, colon), local = word.slice(colon + 1).toLowerCase();
    if (prefix === 'tir')
      for (const [t, label] of Object.entries(VOCAB.terms))
        if (t.toLowerCase().startsWith(local)) list.push({ text: 'tir:' + t, displayText: 'tir:' + t + '  — ' + label, prefix: 'tir' });
  } else {
    const afterPrefixKeyword = /PREFIX\s+$/i.test(line.slice(0, start));
    for (const [p, iri] of Object.entries(VOCAB.prefixes))
      if (p.startsWith(word.toLowerCase()))
        list.push(afterPrefixKeyword ? { text: p + ': <' + iri + '>', displayText: p + ': <' + iri + '>' }
                                     : { text: p + ':', displayText: p + ':  <' + iri + '>', prefix: p });
  }
  const data = { list, from: CodeMirror.Pos(cur.line, start), to: cur };
  CodeMirror.on(data, 'pick', picked => {
    if (picked.prefix && !declared(picked.prefix) && VOCAB.prefixes[picked.prefix])
      ed.replaceRange('PREFIX ' + picked.prefix + ': <' + VOCAB.prefixes[picked.prefix] + '>\n', CodeMirror.Pos(0, 0));
  });
  return data;
}
editor.on('inputRead', (ed, change) => {
  if (change.origin === '+input' && /[\w:]/.test(change.text.join(''))) {
    const cur = ed.getCursor(), before = ed.getLine(cur.line).slice(0, cur.ch);
    if (/(^|[^\w:])[A-Za-z][\w-]*:[\w-]*$/.test(before) || /PREFIX\s+\w*$/i.test(before)) ed.showHint({ completeSingle: false });
  }
});

// ---- examples: the competency questions, with their question text ----
for (const e of EXAMPLES) {
  const o = document.createElement('option');
  o.value = e.name;
  o.textContent = e.name.replace(/^(cq\d+).*/, '$1') + ' — ' + e.question;
  sel.appendChild(o);
}
const example = () => EXAMPLES.find(x => x.name === sel.value);
sel.onchange = () => {
  const e = example();
  $('question').textContent = e ? e.question : '';
  if (e) editor.setValue(e.query);
  setPermalink();
};

// ---- results: labels, links to entity pages (http(s) IRIs only), dates at their precision ----
function shortIri(iri) {
  if (iri.startsWith(BASE + 'id/')) return iri.substring(BASE.length + 3);
  for (const [p, ns] of Object.entries(VOCAB.prefixes)) if (iri.startsWith(ns) && iri.length > ns.length) return p + ':' + iri.substring(ns.length);
  return iri;
}
function localHref(iri) {
  if (iri.startsWith(BASE + 'id/')) return '/doc/' + iri.substring(BASE.length + 3);
  if (iri.startsWith(BASE + 'ontology#')) return '/ontology#' + iri.substring(BASE.length + 9);
  return iri;
}
/** The precision a row states for its dates (a time:unitYear/unitMonth/unitDay binding, e.g. tir:datePrecision), if one. */
function rowPrecision(row) {
  for (const b of Object.values(row)) if (b.type === 'uri' && b.value.startsWith(TIME + 'unit')) return b.value.substring(TIME.length);
  return null;
}
/** "2025", "February 2025", "3 July 2025": at the fact's precision when the row gives it, else at the literal's own. */
function formatDate(b, precision) {
  const m = /^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(b.value);
  if (!m) return null;
  const dt = b.datatype.substring(XSD.length);
  const own = dt === 'gYear' ? 'unitYear' : dt === 'gYearMonth' ? 'unitMonth' : 'unitDay';
  const p = precision || own;
  const year = String(Number(m[1])), month = m[2] ? MONTHS[Number(m[2]) - 1] : null, day = m[3] ? String(Number(m[3])) : null;
  if (p === 'unitYear' || !month) return year;
  if (p === 'unitMonth' || !day) return month + ' ' + year;
  const time = !precision && m[4] && (m[4] !== '00' || m[5] !== '00') ? ' ' + m[4] + ':' + m[5] + ' UTC' : '';
  return day + ' ' + month + ' ' + year + time;
}
const DATES = new Set(['dateTime', 'dateTimeStamp', 'date', 'gYearMonth', 'gYear'].map(t => XSD + t));
const NUMBERS = new Set(['integer', 'decimal', 'double', 'float', 'int', 'long', 'short', 'nonNegativeInteger', 'positiveInteger'].map(t => XSD + t));

function cell(b, precision) {
  if (!b) return '';
  if (b.type === 'uri') {
    // Only http(s) IRIs become links: any other scheme (javascript:, data:, …) is shown as text.
    if (!/^https?:\/\//i.test(b.value)) return '<span class="iri">' + esc(b.value) + '</span>';
    return '<a href="' + esc(localHref(b.value)) + '" data-iri="' + esc(b.value) + '" title="' + esc(b.value) + '">' + esc(shortIri(b.value)) + '</a>';
  }
  if (b.type === 'bnode') return '<span class="muted">_:' + esc(b.value) + '</span>';
  if (b.datatype && DATES.has(b.datatype)) {
    const d = formatDate(b, precision);
    if (d) return '<time datetime="' + esc(b.value) + '" title="' + esc(b.value) + '">' + esc(d) + '</time>';
  }
  return esc(b.value) + (b['xml:lang'] ? ' <span class="muted">@' + esc(b['xml:lang']) + '</span>' : '');
}

/** Our IRIs in the results get their labels, in one more query; the IRI stays as the link's title. */
async function addLabels() {
  const iris = [...new Set([...out.querySelectorAll('a[data-iri]')].map(a => a.dataset.iri))]
    .filter(i => i.startsWith(BASE) && /^[^<>"{}|^`\\\s]+$/.test(i)).slice(0, 400);
  if (!iris.length) return;
  const q = 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { '
    + iris.map(i => '<' + i + '>').join(' ') + ' } ?s rdfs:label ?l FILTER(lang(?l) = "" || langMatches(lang(?l), "en")) } GROUP BY ?s';
  try {
    const r = await sparql(q, 'application/sparql-results+json');
    if (!r.ok) return;
    const labels = new Map((await r.json()).results.bindings.map(b => [b.s.value, b.label.value]));
    for (const a of out.querySelectorAll('a[data-iri]')) if (labels.has(a.dataset.iri)) a.textContent = labels.get(a.dataset.iri);
  } catch (e) { /* the short IRIs stay */ }
}

// ---- a chart for aggregate results: one numeric column against the others ----
let chart = null;
function drawChart(vars, rows) {
  if (chart) { chart.dispose(); chart = null; }
  chartBox.hidden = true;
  const numeric = vars.filter(v => rows.length && rows.every(r => r[v] && r[v].datatype && NUMBERS.has(r[v].datatype)));
  const others = vars.filter(v => !numeric.includes(v));
  if (numeric.length !== 1 || !others.length || rows.length < 2 || rows.length > 80 || typeof echarts === 'undefined') return;
  const text = (tr, v) => tr.cells[vars.indexOf(v)].textContent;
  const trs = [...out.querySelectorAll('tr.row')];
  const value = r => Number(r[numeric[0]].value);
  let categories, series;
  const seriesVar = others.length === 2 ? others[1] : null;
  const seriesNames = seriesVar ? [...new Set(trs.map(tr => text(tr, seriesVar)))] : [];
  if (seriesVar && seriesNames.length <= 8) {
    categories = [...new Set(trs.map(tr => text(tr, others[0])))];
    series = seriesNames.map(name => ({ name, type: 'bar', stack: 'all', data: categories.map(c => {
      const i = trs.findIndex(tr => text(tr, others[0]) === c && text(tr, seriesVar) === name);
      return i < 0 ? 0 : value(rows[i]);
    }) }));
  } else {
    categories = trs.map(tr => others.map(v => text(tr, v)).join(' · '));
    series = [{ name: numeric[0], type: 'bar', data: rows.map(value), label: { show: true, position: 'right' } }];
  }
  chartBox.hidden = false;
  chartBox.style.height = Math.max(220, categories.length * 26 + 90) + 'px';
  // Canvas, not SVG: ECharts styles SVG text with style attributes, which the pages' policy (style-src 'self') drops.
  chart = echarts.init(chartBox, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false, legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 48, top: series.length > 1 ? 36 : 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', name: numeric[0], nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { width: 320, overflow: 'truncate' } },
    series
  });
}

// ---- running, downloads, permalink ----
let last = null; // { query, kind, text }
const sparql = (query, accept) => fetch('/kg/sparql', { method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': accept }, body: 'query=' + encodeURIComponent(query) });
function form(query) {
  const body = query.replace(/#[^\n]*/g, '').replace(/(PREFIX|BASE)\s+[^<]*<[^>]*>/gi, '');
  const m = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(body);
  return m ? m[1].toUpperCase() : 'SELECT';
}
function setPermalink() {
  const e = example(), q = editor.getValue();
  const href = '/query?' + (e && e.query === q ? 'example=' + encodeURIComponent(e.name) : 'q=' + encodeURIComponent(q)) + '&run';
  $('permalink').href = href;
  return href;
}
editor.on('change', () => setPermalink());

async function run() {
  const query = editor.getValue(), kind = form(query);
  status.textContent = 'running…'; out.innerHTML = ''; last = null;
  $('csv').disabled = $('json').disabled = true;
  drawChart([], []);
  const t0 = performance.now();
  try {
    const graph = kind === 'CONSTRUCT' || kind === 'DESCRIBE';
    const r = await sparql(query, graph ? 'text/turtle' : 'application/sparql-results+json');
    const text = await r.text();
    if (!r.ok) { out.innerHTML = '<pre class="error">' + esc(text) + '</pre>'; status.textContent = 'error ' + r.status; return; }
    history.replaceState(null, '', setPermalink());
    last = { query, kind, text };
    $('json').textContent = graph ? 'Download Turtle' : 'Download JSON';
    $('json').disabled = false; $('csv').disabled = graph;
    if (graph) { out.innerHTML = '<pre>' + esc(text) + '</pre>'; status.textContent = 'done'; return; }
    const j = JSON.parse(text);
    if ('boolean' in j) { out.innerHTML = '<p id="answer">' + j.boolean + '</p>'; status.textContent = 'done'; return; }
    const vars = j.head.vars, rows = j.results.bindings;
    let h = '<table id="results"><thead><tr>' + vars.map(v => '<th>' + esc(v) + '</th>').join('') + '</tr></thead><tbody>';
    for (const row of rows) {
      const p = rowPrecision(row);
      h += '<tr class="row">' + vars.map(v => '<td>' + cell(row[v], p) + '</td>').join('') + '</tr>';
    }
    out.innerHTML = h + '</tbody></table>';
    status.textContent = rows.length + (rows.length === 1 ? ' row' : ' rows') + ' in ' + Math.round(performance.now() - t0) + ' ms';
    await addLabels();
    drawChart(vars, rows);
  } catch (e) { out.innerHTML = '<pre class="error">' + esc(String(e)) + '</pre>'; status.textContent = 'error'; }
}

function save(name, type, body) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type }));
  a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
const fileName = ext => ((example() && example().query === last.query) ? example().name : 'results') + '.' + ext;
$('json').onclick = () => {
  if (!last) return;
  const graph = last.kind === 'CONSTRUCT' || last.kind === 'DESCRIBE';
  save(fileName(graph ? 'ttl' : 'json'), graph ? 'text/turtle' : 'application/sparql-results+json', last.text);
};
$('csv').onclick = async () => {
  if (!last) return;
  const r = await sparql(last.query, 'text/csv');
  if (r.ok) save(fileName('csv'), 'text/csv', await r.text()); else status.textContent = 'CSV: error ' + r.status;
};
$('run').onclick = () => run();

const params = new URLSearchParams(location.search);
if (params.get('example')) { sel.value = params.get('example'); sel.onchange(); }
else if (params.get('q')) editor.setValue(params.get('q'));
setPermalink();
if (params.has('run')) run();
