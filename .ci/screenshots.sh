#!/usr/bin/env bash
# Screenshots of what a first-time visitor sees (docs/screenshots/*.png, docs/README.md), taken by
# Debian's headless Chromium from the packaged server: home, the query page with a question's results
# and chart, an actor page, a fact page and the overview. Run after `mvn -B package`; the server
# listens on 127.0.0.1 only and is stopped on exit. Not part of CI: pixels differ between machines.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=docs/screenshots
WORK=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$OUT"
java -jar target/taliban-relations-kg.jar serve --port 0 --localhost > "$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do grep -q "SPARQL endpoint: http" "$WORK/serve.log" && break; sleep 0.2; done
BASE=$(grep -o "SPARQL endpoint: http://[^ ]*" "$WORK/serve.log" | head -1 | sed 's/^SPARQL endpoint: //; s/kg\/sparql$//')
[ -n "$BASE" ] || { cat "$WORK/serve.log"; exit 1; }
CHROMIUM=$(command -v chromium || command -v chromium-browser)
shot() { # name height path
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$WORK/chromium" --virtual-time-budget=20000 \
    --window-size=1280,"$2" --screenshot="$OUT/$1.png" "$BASE$3" 2>> "$WORK/chromium.log"
  echo "$OUT/$1.png  <- $BASE$3"
}
shot home 720 ""
shot query 1150 "query?example=cq10-facts-per-source-and-certainty&run"
shot actor 1500 "doc/actor/russia"
shot fact 1150 "doc/fact/000-russia-formally-recognizes-iea-2025-07-04"
shot overview 1800 "overview"
