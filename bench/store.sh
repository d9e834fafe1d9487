#!/usr/bin/env bash
# The store at scale: TDB2 bulk-load time (the loader serve --store uses: sequential unless
# JAVA_TOOL_OPTIONS=-Dtir.store.loader=parallel) of the published data, then the latency of every competency
# question on the store, for a synthetic corpus (default: a million facts, generated once into
# target/bench-scale/ as bench/scale.sh does). Writes bench/results/store-<facts>.md and .csv.
#
# Usage: bench/store.sh [FACTS=1000000] [XMX=16g] [RUNS=5]
# The build of a million facts needs a large heap (see bench/results/scale-notes.md); the load and the
# queries need little heap (TDB2 maps its files), but about 2 KB of disk per fact for the dump and store.
set -euo pipefail
cd "$(dirname "$0")/.."
FACTS=${1:-1000000}
XMX=${2:-16g}
RUNS=${3:-5}
mvn -q -B -Pbench -DskipTests package
CP=target/taliban-relations-kg.jar:target/test-classes
CORPUS=target/bench-scale/corpus-$FACTS-seed1-v1
if [ ! -d "$CORPUS" ]; then
  java -cp "$CP" org.w3id.talibanrelations.SyntheticCorpus "$CORPUS" "$FACTS" 1
fi
# The corpus keeps copies of the ontology, shapes and rules: measure the current ones.
for d in ontology shapes; do rm -rf "${CORPUS:?}/$d"; cp -r "$d" "$CORPUS/$d"; done
rm -rf "$CORPUS/queries/rules"; mkdir -p "$CORPUS/queries"; cp -r queries/rules "$CORPUS/queries/rules"
WORK=target/bench-store/$FACTS
rm -f "$WORK/kg.nq"   # always built from the current code
exec java -Xmx"$XMX" -cp "$CP" org.w3id.talibanrelations.bench.StoreProbe "$CORPUS" "$WORK" queries \
  "bench/results/store-$FACTS.md" "$RUNS"
