#!/usr/bin/env bash
# Load on a loopback server it starts, bounded in time: CLIENTS threads cycling through the competency
# questions for SECONDS, plus RUNAWAY threads sending queries that run into the time limit.
# Usage: bench/load.sh [CLIENTS=64] [SECONDS=60] [RUNAWAY=0]. Prints throughput and p50/p99 latency.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench test-compile
exec mvn -q -B -Pbench exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.w3id.talibanrelations.bench.Load -Dexec.args="$*"
