#!/usr/bin/env bash
# A bigger fuzz campaign than the test suite's 10,000 queries, against a loopback server it starts.
# Usage: bench/fuzz.sh [COUNT=100000] [CLIENTS=8] [SEED=now]. Exit status 1 on any 5xx or missing response.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile
exec mvn -q -B -Pbench exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.w3id.talibanrelations.bench.Fuzz -Dexec.args="$*"
