#!/usr/bin/env bash
# Build and validation time and peak heap against corpus size, on seeded synthetic corpora
# (src/test/java/org/w3id/talibanrelations/SyntheticCorpus.java). Each size's corpus is generated
# once into target/bench-scale/; each measurement runs in a fresh JVM (bench/ScaleProbe.java).
# Writes bench/results/scale.md, scale.csv and scale.svg (medians, machine, growth factors, plot).
#
# Usage: bench/scale.sh [--sizes 1000,10000,100000] [--repeats 5,3,3] [--xmx 16g] [--seed 1] [--timeout 900]
#        bench/scale.sh --sizes 1000000 --repeats 1 --name scale-1m        # one big size apart
#        bench/scale.sh --jar OLD.jar --name scale-baseline                 # another build of the project, for comparison
#        bench/scale.sh --profile 100000                                    # one run under JFR, then the top methods
# A corpus on its own: java -cp target/taliban-relations-kg.jar:target/test-classes \
#        org.w3id.talibanrelations.SyntheticCorpus DIR FACTS [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Pbench -DskipTests package
exec java -cp target/taliban-relations-kg.jar:target/test-classes org.w3id.talibanrelations.bench.Scale "$@"
