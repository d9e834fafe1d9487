#!/usr/bin/env bash
# CI checks with tools our users run, after `mvn -B verify` has built the jar:
#  1. Comunica (@comunica/query-sparql@4, a federating client nobody here wrote) joins our endpoint
#     with a second, stock SPARQL endpoint and must get the right rows;
#  2. Debian's Chromium, headless, runs a competency question through the query page and must see
#     its result rows;
#  3. Chromium runs a query of its own through the page's permalink and must see facts by their labels,
#     dates at their precision, a javascript: IRI as text and never as a link, and a chart for an aggregate.
# Everything listens on 127.0.0.1 only; every server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

wait_for() { # file pattern -> prints the first match's URL
  for _ in $(seq 1 600); do
    if grep -qo "$2 http://[^ ]*" "$1" 2>/dev/null; then grep -o "$2 http://[^ ]*" "$1" | head -1 | sed "s/^$2 //"; return 0; fi
    sleep 0.2
  done
  echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}

java -jar target/taliban-relations-kg.jar serve --port 0 --localhost > "$WORK/ours.log" 2>&1 &
PIDS+=($!)
mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.w3id.talibanrelations.serve.ReferenceEndpoint -Dexec.args=0 \
  > "$WORK/ref.log" 2>&1 &
PIDS+=($!)
OURS=$(wait_for "$WORK/ours.log" "SPARQL endpoint:")
REF=$(wait_for "$WORK/ref.log" "Reference endpoint:")
BASE=${OURS%kg/sparql}
echo "ours: $OURS  reference: $REF"

echo "== Comunica joins the two endpoints"
npm install --prefix "$WORK/comunica" --no-audit --no-fund --loglevel=error @comunica/query-sparql@4 > "$WORK/npm.log" 2>&1 \
  || { cat "$WORK/npm.log"; exit 1; }
"$WORK/comunica/node_modules/.bin/comunica-sparql" "sparql@$OURS" "sparql@$REF" -t 'application/sparql-results+json' -q '
PREFIX tir:  <https://w3id.org/taliban-relations/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX ref:  <https://example.org/reference#>
SELECT DISTINCT ?state ?subregion WHERE {
  ?fact a tir:FormalRecognition ; tir:agent ?s ; tir:certainty tir:stated .
  ?s tir:isoAlpha3 ?iso ; rdfs:label ?state .
  ?country ref:iso ?iso ; ref:subregion ?subregion .
}' > "$WORK/comunica.json"
python3 - "$WORK/comunica.json" <<'PY'
import json, sys
rows = {(b["state"]["value"], b["subregion"]["value"]) for b in json.load(open(sys.argv[1]))["results"]["bindings"]}
expected = {("Russia", "Eastern Europe"), ("Pakistan", "Southern Asia"), ("Saudi Arabia", "Western Asia"), ("United Arab Emirates", "Western Asia")}
print("comunica rows:", sorted(rows))
sys.exit(0 if rows == expected else "Comunica's federated rows differ from " + str(sorted(expected)))
PY

echo "== Chromium runs a question through the query page"
CHROMIUM=$(command -v chromium || command -v chromium-browser)
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$WORK/chromium" --virtual-time-budget=20000 \
  --dump-dom "${BASE}query?example=cq03-embassy-handovers-2025&run" > "$WORK/page.html" 2> "$WORK/chromium.log" || true
ROWS=$(grep -o '<tr class="row"><td>' "$WORK/page.html" | wc -l)
echo "query page result rows: $ROWS"
grep -q 'Azerbaijan' "$WORK/page.html" && [ "$ROWS" -eq 3 ] || { echo "the query page did not show the expected 3 rows"; exit 1; }

echo "== Chromium: labels, dates at their precision, no javascript: link, a chart"
dump() { "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$WORK/chromium" --virtual-time-budget=20000 --dump-dom "$1" 2>> "$WORK/chromium.log" || true; }
Q='PREFIX tir: <https://w3id.org/taliban-relations/ontology#>
PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?fact ?date ?precision ?odd WHERE {
  ?fact a tir:FormalRecognition ; tir:agent <https://w3id.org/taliban-relations/id/actor/russia> ;
        tir:date ?date ; time:hasTime/tir:datePrecision ?precision .
  BIND(<javascript:alert(1)> AS ?odd)
}'
dump "${BASE}query?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$Q")&run" > "$WORK/own.html"
fail=""
grep -q '>Russia formally recognizes Islamic Emirate of Afghanistan (3 July 2025)</a>' "$WORK/own.html" || fail="$fail; no fact shown by its label"
grep -q '<time datetime="2025-07-03T00:00:00Z"[^>]*>3 July 2025</time>' "$WORK/own.html" || fail="$fail; no day-precision date"
grep -q '<time datetime="2025-01-01T00:00:00Z"[^>]*>2025</time>' "$WORK/own.html" || fail="$fail; no year-precision date"
grep -q '<span class="iri">javascript:alert(1)</span>' "$WORK/own.html" || fail="$fail; the javascript: IRI is not shown as text"
grep -qi 'href="javascript:' "$WORK/own.html" && fail="$fail; a javascript: link"
dump "${BASE}query?example=cq10-facts-per-source-and-certainty&run" > "$WORK/chart.html"
grep -q '<div id="chart"[^>]*>.*<canvas' "$WORK/chart.html" || fail="$fail; no chart for an aggregate"
[ -z "$fail" ] || { echo "query page: ${fail#; }"; exit 1; }
echo "federation and browser checks: 3 passed, 0 failed"
