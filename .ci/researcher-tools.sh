#!/usr/bin/env bash
# CI: the README's "From the tools you already use" examples, run as a researcher would run them, with
# Debian's packages (curl, python3-sparqlwrapper, python3-rdflib, r-cran-sparql), against the packaged
# server. Each example is the fenced block after a line `<!-- example: NAME expect: TEXT -->`; it must
# exit 0 and print TEXT. The Wikidata example runs against a local endpoint holding a small
# Wikidata-shaped graph (queries/federation/wikidata.ttl), whose address replaces Wikidata's, and our
# server allow-lists it. Everything listens on 127.0.0.1 only; every server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

# Debian's own Python (the packages install there, not into another python3 on the PATH).
PY=/usr/bin/python3
need=()
command -v curl >/dev/null 2>&1 || need+=(curl)
$PY -c 'import SPARQLWrapper' 2>/dev/null || need+=(python3-sparqlwrapper)
$PY -c 'import rdflib' 2>/dev/null || need+=(python3-rdflib)
Rscript -e 'library(SPARQL)' >/dev/null 2>&1 || need+=(r-cran-sparql)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" > /dev/null
fi

wait_for() { # file pattern -> prints the first match's URL
  for _ in $(seq 1 600); do
    if grep -qo "$2 http://[^ ]*" "$1" 2>/dev/null; then grep -o "$2 http://[^ ]*" "$1" | head -1 | sed "s/^$2 //"; return 0; fi
    sleep 0.2
  done
  echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}

mvn -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.w3id.talibanrelations.serve.ReferenceEndpoint -Dexec.args=0 \
  > "$WORK/ref.log" 2>&1 &
PIDS+=($!)
REF=$(wait_for "$WORK/ref.log" "Reference endpoint:")
WIKIDATA=${REF%ref/sparql}wikidata/sparql
java -jar target/taliban-relations-kg.jar serve --port 0 --localhost --allow-service "$WIKIDATA" > "$WORK/ours.log" 2>&1 &
PIDS+=($!)
OURS=$(wait_for "$WORK/ours.log" "SPARQL endpoint:")
BASE=${OURS%kg/sparql}
echo "ours: $BASE  Wikidata stand-in: $WIKIDATA"

# Split the README's examples into files: NAME.sh, NAME.py or NAME.R, and NAME.expect.
$PY - "$WORK" "$BASE" "$WIKIDATA" <<'PY'
import re, sys, os
work, base, wikidata = sys.argv[1:4]
text = open("README.md", encoding="utf-8").read()
ext = {"sh": "sh", "python": "py", "r": "R"}
n = 0
for m in re.finditer(r"<!-- example: (\S+) expect: (.*?) -->\n```(\w+)\n(.*?)```", text, re.S):
    name, expect, lang, code = m.groups()
    code = code.replace("http://localhost:3030/", base).replace("https://query.wikidata.org/sparql", wikidata)
    open(os.path.join(work, name + "." + ext[lang]), "w", encoding="utf-8").write(code)
    open(os.path.join(work, name + ".expect"), "w", encoding="utf-8").write(expect)
    n += 1
print("README examples:", n)
sys.exit(0 if n >= 5 else "fewer README examples than the five expected")
PY

passed=0; failed=0
for f in "$WORK"/*.expect; do
  name=$(basename "$f" .expect)
  if [ -f "$WORK/$name.sh" ]; then run=(bash "$WORK/$name.sh")
  elif [ -f "$WORK/$name.py" ]; then run=("$PY" "$WORK/$name.py")
  else run=(Rscript "$WORK/$name.R"); fi
  if out=$("${run[@]}" 2>&1) && grep -qF "$(cat "$f")" <<< "$out"; then
    passed=$((passed + 1)); echo "ok   $name: $(grep -F "$(cat "$f")" <<< "$out" | head -1 | cut -c1-100)"
  else
    failed=$((failed + 1)); echo "FAIL $name: expected to see '$(cat "$f")'; got:"; echo "$out" | head -20
  fi
done
echo "researcher tools: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
