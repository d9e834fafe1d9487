#!/usr/bin/env bash
# Peer comparison: our server against stock Apache Jena Fuseki 5.6.0 and Virtuoso 7.2 (Debian), on the
# same published data, all on 127.0.0.1. Installs what it needs (apt: virtuoso-opensource, hey; Maven
# Central: jena-fuseki-server 5.6.0 into target/peers/), then measures in one run:
#   (a) cold start, process start to first answered query: ours (build + validate; restarted on unchanged
#       inputs, from its kept validated build; and --store warm)
#       against stock Fuseki on the prebuilt kg.trig;
#   (b) every competency question: throughput and p50/p99 latency at 1, 8 and 32 keep-alive clients (hey);
#   (c) the latency of a trivial query (ASK {}) on a kept-alive connection, on a new connection each time,
#       and from a client that writes headers and body separately with Nagle's algorithm on.
# Prints a table and writes bench/results/$NAME.md and bench/results/$NAME.csv (NAME below).
#
# Usage: bench/peers.sh [--quick]        (--quick: a smoke run of a few minutes, figures meaningless)
# Settings, from the environment (defaults in brackets):
#   REPS [3]           repetitions of each load run; medians over them, servers interleaved
#   DURATION [2]       seconds per load run
#   WARMUP [1]         seconds of unmeasured load per question and server before the load runs (0: none)
#   CLIENTS ["1 8 32"] concurrent keep-alive clients
#   COLD_RUNS [5]      cold starts per variant
#   TRIVIAL_N [2000]   measured ASK {} requests per connection mode and round (after 500 unmeasured)
#   TRIVIAL_ROUNDS [3] rounds of the trivial-query measurement
#   QUERIES [.]        extended regex on question names (e.g. 'cq0[1-5]')
#   SERVERS ["ours ours-cached fuseki virtuoso"]  ours is the engine alone (response cache off, --cache-bytes 0),
#                      ours-cached the server as it runs by default (64 MiB response cache); may add fuseki-tdb2 (stock Fuseki on TDB2 with unionDefaultGraph) and
#                      fuseki-32k (stock Fuseki with Jetty's response buffer at 32 KiB instead of Fuseki's 5 MiB)
#   BEFORE_JAR [none]  another build of this project (say, of the commit before a change): adds the servers
#                      before and before-cached (as ours and ours-cached, from that jar) and its cold starts,
#                      so a change's figures are measured before and after in one run
#   BEFORE_ROOT [this checkout]  the project that jar serves (a checkout of its commit, say
#                      git worktree add /tmp/before COMMIT): a jar of an older commit may not accept today's
#                      data/ and shapes/, and its figures are only comparable on the data of its commit
#   JVM_OPTS ["-Xmx2g"] JVM options for both Jena servers (ours and stock Fuseki), the same for both
#   PORT_BASE [39310]  first of the loopback ports used (eight consecutive)
#   PHASES ["cold answers trivial load"]  the parts to measure; the others keep their figures from the
#                      previous run (target/peers/raw), so one part can be redone alone, e.g. PHASES=trivial
#   SKIP_INSTALL [0]   1: do not install anything
#   NAME [peers]       the results' file name: a run with other SERVERS (a before/after of a change, say)
#                      writes its own files and leaves the full comparison's peers.md as it is
# The default run takes about 50 minutes (an hour with fuseki-32k). Every server it starts is stopped when it ends or is interrupted.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

REPS=${REPS:-3}
DURATION=${DURATION:-2}
WARMUP=${WARMUP:-1}
CLIENTS=${CLIENTS:-"1 8 32"}
COLD_RUNS=${COLD_RUNS:-5}
TRIVIAL_N=${TRIVIAL_N:-2000}
TRIVIAL_ROUNDS=${TRIVIAL_ROUNDS:-3}
QUERIES=${QUERIES:-.}
SERVERS=${SERVERS:-"ours ours-cached fuseki virtuoso"}
PORT_BASE=${PORT_BASE:-39310}
JVM_OPTS=${JVM_OPTS:--Xmx2g}
SKIP_INSTALL=${SKIP_INSTALL:-0}
BEFORE_JAR=${BEFORE_JAR:-}
if [ -n "$BEFORE_JAR" ]; then
  BEFORE_JAR=$(realpath "$BEFORE_JAR")
  BEFORE_ROOT=$(realpath "${BEFORE_ROOT:-$ROOT}")
  [[ " $SERVERS " == *" before "* ]] || SERVERS="before $SERVERS"
  [[ " $SERVERS " == *" before-cached "* ]] || [[ " $SERVERS " != *" ours-cached "* ]] || SERVERS="$SERVERS before-cached"
fi
PHASES=${PHASES:-"cold answers trivial load"}
if [ "${1:-}" = "--quick" ]; then
  REPS=1 DURATION=1 WARMUP=0 COLD_RUNS=1 TRIVIAL_N=300 TRIVIAL_ROUNDS=1 QUERIES=${QUERIES_QUICK:-'cq0[1-3]'}
elif [ -n "${1:-}" ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2
fi

FUSEKI_VERSION=5.6.0
W=$ROOT/target/peers                      # work directory (not committed)
RAW=$W/raw
LOGS=$W/logs
RESULTS=$ROOT/bench/results
NAME=${NAME:-peers}
FUSEKI_JAR=$W/jena-fuseki-server-$FUSEKI_VERSION.jar
OURS_JAR=$ROOT/target/taliban-relations-kg.jar
P_OURS=$PORT_BASE P_FUSEKI=$((PORT_BASE + 1)) P_VSQL=$((PORT_BASE + 2)) P_VHTTP=$((PORT_BASE + 3))
P_TDB2=$((PORT_BASE + 4)) P_COLD=$((PORT_BASE + 5)) P_F32K=$((PORT_BASE + 6)) P_OCACHE=$((PORT_BASE + 7))
P_BEFORE=$((PORT_BASE + 8)) P_BCACHE=$((PORT_BASE + 9))

has() { [[ " $PHASES " == *" $1 "* ]]; }
log() { printf '\n== %s\n' "$*"; }
die() { printf 'peers.sh: %s\n' "$*" >&2; exit 1; }
helper() { java -cp "$OURS_JAR" "$ROOT/bench/Peers.java" "$@"; }
read -r -a JVM <<<"$JVM_OPTS"
# Stock Fuseki keeps its run area (FUSEKI_BASE, ./run by default) here, not in the working tree.
export FUSEKI_BASE=$ROOT/target/peers/fuseki-base
mkdir -p "$FUSEKI_BASE"

# ------------------------------------------------------------------ processes we start, and their end
declare -A PIDS=()          # name -> pid of every server this script started
VDIR=""
stop_pid() {                # stop_pid NAME: SIGTERM, wait up to 30 s, then SIGKILL
  local name=$1 pid=${PIDS[$1]:-}
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then echo "  $name did not stop on SIGTERM: SIGKILL" >&2; kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$name]"
}
cleanup() {
  local name
  for name in "${!PIDS[@]}"; do stop_pid "$name"; done
  [ -n "$VDIR" ] && rm -rf "$VDIR"
  VDIR=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in $P_OURS $P_FUSEKI $P_VSQL $P_VHTTP $P_TDB2 $P_COLD $P_F32K $P_OCACHE $P_BEFORE $P_BCACHE; do
  port_free "$p" || die "port $p is in use; set PORT_BASE to a free range"
done

# ------------------------------------------------------------------ 1. install what is missing
install_packages() {
  local need=()
  command -v hey >/dev/null || need+=(hey)
  { command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null; } || need+=(virtuoso-opensource)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$SKIP_INSTALL" = 1 ] && die "missing ${need[*]} and SKIP_INSTALL=1"
  log "installing ${need[*]} (apt-get)"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  # The package would start its own Virtuoso service, listening on every interface; a policy-rc.d
  # that answers 101 keeps it from starting (only if the machine has none already).
  local policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    policy=1
  fi
  local rc=0
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" \
    || { $sudo apt-get update -q && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"; } || rc=$?
  if [ $policy = 1 ]; then $sudo rm -f /usr/sbin/policy-rc.d; fi
  [ $rc = 0 ] || die "apt-get install ${need[*]} failed"
}
[ "$SKIP_INSTALL" = 1 ] || install_packages
command -v hey >/dev/null || die "hey is not installed"
command -v virtuoso-t >/dev/null || die "virtuoso-t is not installed"
if pgrep -x virtuoso-t >/dev/null; then
  echo "note: a Virtuoso not started by this script is running (left alone; it competes for the CPU)" >&2
fi

mkdir -p "$W" "$LOGS"
if [ ! -s "$FUSEKI_JAR" ]; then
  [ "$SKIP_INSTALL" = 1 ] && die "missing $FUSEKI_JAR and SKIP_INSTALL=1"
  log "fetching stock Fuseki $FUSEKI_VERSION from Maven Central"
  mvn -q -B dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:$FUSEKI_VERSION -DoutputDirectory="$W"
fi

# ------------------------------------------------------------------ 2. our jar, the published data
if [ ! -f "$OURS_JAR" ] || [ -n "$(find src pom.xml -newer "$OURS_JAR" -print -quit)" ]; then
  log "building our jar"
  mvn -q -B package -DskipTests
fi
log "building the published data (build --out)"
BUILD_OUT=$(java -jar "$OURS_JAR" build --out "$W/out")
echo "$BUILD_OUT"
KG=$W/out/kg.trig FLAT=$W/out/kg-flat.ttl

# Raw figures: those of the phases run now are replaced, the others kept from the previous run.
mkdir -p "$RAW"
EARLIER=""
if has cold && has answers && has trivial && has load; then
  rm -f "$RAW"/*
else
  EARLIER=""                                                        # stays empty: no earlier run
  if [ -f "$RAW/machine.txt" ]; then EARLIER=$(sed -n 's/^date: //p;T;q' "$RAW/machine.txt"); fi
  if has cold; then rm -f "$RAW/coldstart.tsv"; fi
  if has answers; then rm -f "$RAW/check.tsv"; fi
  if has trivial; then rm -f "$RAW/trivial.tsv"; fi
  if has load; then rm -f "$RAW/load.tsv" "$RAW/gc.tsv"; fi
fi
rm -rf "$W/queries" "$W/bodies"
mkdir -p "$W/queries"
for q in queries/cq*.rq; do
  n=$(basename "$q" .rq)
  if [[ $n =~ $QUERIES ]]; then cp "$q" "$W/queries/"; [ -f "queries/$n.srj" ] && cp "queries/$n.srj" "$W/queries/"; fi
done
[ -n "$(ls "$W/queries")" ] || die "no question matches QUERIES=$QUERIES"
helper bodies "$W/queries" "$W/bodies"

# Stock Fuseki, read-only like ours (query and Graph Store read endpoints only). In memory: the named
# graphs from kg.trig and, as the default graph, kg-flat.ttl, which `build` writes as the union of the
# named graphs, so that a query without GRAPH sees every triple, as on our server. (Fuseki has no
# union-default-graph option for in-memory datasets; TDB2 has one, used by the fuseki-tdb2 variant.)
cat > "$W/fuseki-mem.ttl" <<EOF
PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX ja:     <http://jena.hpl.hp.com/2005/11/Assembler#>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
<#service> rdf:type fuseki:Service ;
    fuseki:name "kg" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-r ; fuseki:name "get" ] ;
    fuseki:dataset <#dataset> .
<#dataset> rdf:type ja:MemoryDataset ;
    ja:data "$KG" ;
    ja:data "$FLAT" .
EOF
cat > "$W/fuseki-tdb2.ttl" <<EOF
PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
<#service> rdf:type fuseki:Service ;
    fuseki:name "kg" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-r ; fuseki:name "get" ] ;
    fuseki:dataset <#dataset> .
<#dataset> rdf:type tdb2:DatasetTDB2 ;
    tdb2:location "$W/fuseki-tdb2-db" ;
    tdb2:unionDefaultGraph true .
EOF
log "loading kg.trig into TDB2 for stock Fuseki (tdb2.tdbloader)"
rm -rf "$W/fuseki-tdb2-db"
t0=$(date +%s%N)
java -cp "$FUSEKI_JAR" tdb2.tdbloader --loc "$W/fuseki-tdb2-db" "$KG" > "$LOGS/tdb2-load.log" 2>&1
TDB2_LOAD_MS=$(( ($(date +%s%N) - t0) / 1000000 ))

# ------------------------------------------------------------------ machine description
CQ01=$(ls "$W/bodies"/*.form | grep -v '/ask.form$' | head -1)
if [ -n "$EARLIER" ]; then
  # A partial run: the description of the run that measured the rest stays, with a line for this one.
  echo "re-measured: $PHASES on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1-3 /proc/loadavg), settings REPS=$REPS DURATION=${DURATION}s CLIENTS=\"$CLIENTS\" TRIVIAL_N=$TRIVIAL_N TRIVIAL_ROUNDS=$TRIVIAL_ROUNDS SERVERS=\"$SERVERS\"" >> "$RAW/machine.txt"
else
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src 2>/dev/null || echo ' (src modified)')"
  echo "machine: $(uname -srm); $(nproc) cores; $(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo); $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2/1048576}' /proc/meminfo)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1); JVM options for both Jena servers: $JVM_OPTS"
  echo "ours: $(basename "$OURS_JAR") serve --localhost --cache-bytes 0 (in memory; response cache off: the engine alone; 30 s time limit, buffered responses with Content-Length)"
  [[ " $SERVERS " == *" ours-cached "* ]] && echo "ours-cached: the same with the default 64 MiB response cache (repeated identical queries are answered from it)"
  [ -n "$BEFORE_JAR" ] && echo "before, before-cached: ours and ours-cached from $BEFORE_JAR (sha256 $(sha256sum "$BEFORE_JAR" | cut -c1-12)), serving $([ "$BEFORE_ROOT" = "$ROOT" ] && echo "the same checkout" || echo "the checkout of commit $(git -C "$BEFORE_ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")")"
  echo "fuseki: jena-fuseki-server $FUSEKI_VERSION --config (in memory: kg.trig + kg-flat.ttl as the default graph), read-only endpoints"
  [[ " $SERVERS " == *" fuseki-32k "* ]] && echo "fuseki-32k: the same, with --jetty bench/fuseki-jetty-32k.xml.in (response buffer 32 KiB instead of 5 MiB)"
  [[ " $SERVERS " == *" fuseki-tdb2 "* ]] && echo "fuseki-tdb2: jena-fuseki-server $FUSEKI_VERSION --config, TDB2 with tdb2:unionDefaultGraph true"
  echo "virtuoso: $(virtuoso-t -? 2>&1 | sed -n 2p | sed 's/^ *//'); bench/virtuoso.ini.in (127.0.0.1 only; default graph = all graphs, including Virtuoso's own system graphs)"
  echo "client: hey $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '?'), keep-alive, POST form, no compression; trivial-query probe: bench/Peers.java"
  echo "data: kg.trig, $(grep -oE '[0-9,]+ quads' <<<"$BUILD_OUT" | head -1); $(ls "$W/queries"/*.rq | wc -l) questions; cold-start query: $(basename "$CQ01" .form)"
  echo "settings: REPS=$REPS DURATION=${DURATION}s WARMUP=${WARMUP}s CLIENTS=\"$CLIENTS\" COLD_RUNS=$COLD_RUNS TRIVIAL_N=$TRIVIAL_N TRIVIAL_ROUNDS=$TRIVIAL_ROUNDS SERVERS=\"$SERVERS\""
  echo "stock Fuseki TDB2 load of kg.trig (tdb2.tdbloader, before the cold starts): $TDB2_LOAD_MS ms"
} > "$RAW/machine.txt"
fi
cat "$RAW/machine.txt"

# ------------------------------------------------------------------ 3a. cold start
if has cold; then
log "cold start ($COLD_RUNS runs each)"
cold() {  # cold LABEL PRIME COMMAND...
  local label=$1 prime=$2; shift 2
  helper coldstart "$RAW/coldstart.tsv" "$label" "$COLD_RUNS" "$prime" 300 "$P_COLD" /kg/sparql "$CQ01" "$LOGS/coldstart.log" -- "$@"
}
cold "ours: serve (build + validate from data/)" 0 java "${JVM[@]}" -jar "$OURS_JAR" serve --port "$P_COLD" --localhost --no-build-cache
rm -rf "$W/build-cache"
# A first start keeps its validated build once it serves; let one do so (the measured runs are restarts).
helper prime "$P_COLD" "Kept the validated build" 300 "$LOGS/coldstart-prime.log" -- \
  java "${JVM[@]}" -jar "$OURS_JAR" serve --port "$P_COLD" --localhost --build-cache "$W/build-cache"
cold "ours: serve, restarted (validated build kept)" 0 java "${JVM[@]}" -jar "$OURS_JAR" serve --port "$P_COLD" --localhost --build-cache "$W/build-cache"
rm -rf "$W/store"
cold "ours: serve --store (warm)" 1 java "${JVM[@]}" -jar "$OURS_JAR" serve --port "$P_COLD" --localhost --store "$W/store"
if [ -n "$BEFORE_JAR" ]; then
  cold "before: serve (build + validate from data/)" 0 env -C "$BEFORE_ROOT" java "${JVM[@]}" -jar "$BEFORE_JAR" serve --port "$P_COLD" --localhost --no-build-cache
  rm -rf "$W/build-cache-before"
  helper prime "$P_COLD" "Kept the validated build" 300 "$LOGS/coldstart-prime-before.log" -- \
    env -C "$BEFORE_ROOT" java "${JVM[@]}" -jar "$BEFORE_JAR" serve --port "$P_COLD" --localhost --build-cache "$W/build-cache-before"
  cold "before: serve, restarted (validated build kept)" 0 env -C "$BEFORE_ROOT" java "${JVM[@]}" -jar "$BEFORE_JAR" serve --port "$P_COLD" --localhost --build-cache "$W/build-cache-before"
fi
cold "fuseki: --file kg.trig (no union default graph)" 0 java "${JVM[@]}" -jar "$FUSEKI_JAR" --localhost --port "$P_COLD" --file "$KG" /kg
cold "fuseki: config, in memory, union as default graph" 0 java "${JVM[@]}" -jar "$FUSEKI_JAR" --localhost --port "$P_COLD" --config "$W/fuseki-mem.ttl"
cold "fuseki: TDB2 unionDefaultGraph (loaded beforehand)" 0 java "${JVM[@]}" -jar "$FUSEKI_JAR" --localhost --port "$P_COLD" --config "$W/fuseki-tdb2.ttl"
fi

# ------------------------------------------------------------------ start the servers
declare -A PORT=() SPATH=()
start_bg() {  # start_bg NAME LOGFILE DIR COMMAND...: in the background, its pid recorded
  local name=$1 logf=$2 dir=$3; shift 3
  ( cd "$dir" && exec "$@" ) > "$logf" 2>&1 &
  PIDS[$name]=$!
}
start_virtuoso() {
  VDIR=$(mktemp -d "${TMPDIR:-/tmp}/peers-virtuoso.XXXXXX")
  sed -e "s#@DIR@#$VDIR#g; s#@SQLPORT@#$P_VSQL#g; s#@HTTPPORT@#$P_VHTTP#g" bench/virtuoso.ini.in > "$VDIR/virtuoso.ini"
  mkdir "$VDIR/data"
  cp "$KG" "$VDIR/data/kg.trig"
  start_bg virtuoso "$LOGS/virtuoso.log" "$VDIR" virtuoso-t +configfile "$VDIR/virtuoso.ini" +foreground
  local ok=0
  for _ in $(seq 1 120); do
    if isql-vt "127.0.0.1:$P_VSQL" dba dba exec="select 1;" >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "${PIDS[virtuoso]}" 2>/dev/null || break
    sleep 0.5
  done
  [ $ok = 1 ] || die "Virtuoso did not start (see $LOGS/virtuoso.log and $VDIR/virtuoso.log)"
  # The graph IRIs come from the TriG file; the third argument only names a graph for triples outside any.
  isql-vt "127.0.0.1:$P_VSQL" dba dba exec="ld_dir('$VDIR/data', 'kg.trig', 'urn:x-bench:default'); rdf_loader_run(); checkpoint;" \
    > "$LOGS/virtuoso-load.log" 2>&1 || die "Virtuoso load failed (see $LOGS/virtuoso-load.log)"
  isql-vt "127.0.0.1:$P_VSQL" dba dba exec="select ll_state, ll_error from DB.DBA.LOAD_LIST;" >> "$LOGS/virtuoso-load.log" 2>&1 || true
}

has answers || has trivial || has load || SERVERS=""   # no server needed
for s in $SERVERS; do
  case $s in
    ours)        start_bg ours "$LOGS/ours.log" "$ROOT" java "${JVM[@]}" -Xlog:gc:file="$LOGS/ours-gc.log" -jar "$OURS_JAR" serve --port "$P_OURS" --localhost --no-build-cache --cache-bytes 0
                 PORT[ours]=$P_OURS SPATH[ours]=/kg/sparql ;;
    ours-cached) start_bg ours-cached "$LOGS/ours-cached.log" "$ROOT" java "${JVM[@]}" -Xlog:gc:file="$LOGS/ours-cached-gc.log" -jar "$OURS_JAR" serve --port "$P_OCACHE" --localhost --no-build-cache
                 PORT[ours-cached]=$P_OCACHE SPATH[ours-cached]=/kg/sparql ;;
    before)      start_bg before "$LOGS/before.log" "$BEFORE_ROOT" java "${JVM[@]}" -Xlog:gc:file="$LOGS/before-gc.log" -jar "$BEFORE_JAR" serve --port "$P_BEFORE" --localhost --no-build-cache --cache-bytes 0
                 PORT[before]=$P_BEFORE SPATH[before]=/kg/sparql ;;
    before-cached) start_bg before-cached "$LOGS/before-cached.log" "$BEFORE_ROOT" java "${JVM[@]}" -Xlog:gc:file="$LOGS/before-cached-gc.log" -jar "$BEFORE_JAR" serve --port "$P_BCACHE" --localhost --no-build-cache
                 PORT[before-cached]=$P_BCACHE SPATH[before-cached]=/kg/sparql ;;
    fuseki)      start_bg fuseki "$LOGS/fuseki.log" "$ROOT" java "${JVM[@]}" -Xlog:gc:file="$LOGS/fuseki-gc.log" -jar "$FUSEKI_JAR" --localhost --port "$P_FUSEKI" --config "$W/fuseki-mem.ttl"
                 PORT[fuseki]=$P_FUSEKI SPATH[fuseki]=/kg/sparql ;;
    fuseki-tdb2) start_bg fuseki-tdb2 "$LOGS/fuseki-tdb2.log" "$ROOT" java "${JVM[@]}" -Xlog:gc:file="$LOGS/fuseki-tdb2-gc.log" -jar "$FUSEKI_JAR" --localhost --port "$P_TDB2" --config "$W/fuseki-tdb2.ttl"
                 PORT[fuseki-tdb2]=$P_TDB2 SPATH[fuseki-tdb2]=/kg/sparql ;;
    fuseki-32k)  sed "s#@PORT@#$P_F32K#" bench/fuseki-jetty-32k.xml.in > "$W/fuseki-jetty-32k.xml"
                 start_bg fuseki-32k "$LOGS/fuseki-32k.log" "$ROOT" java "${JVM[@]}" -Xlog:gc:file="$LOGS/fuseki-32k-gc.log" -jar "$FUSEKI_JAR" --jetty "$W/fuseki-jetty-32k.xml" --config "$W/fuseki-mem.ttl"
                 PORT[fuseki-32k]=$P_F32K SPATH[fuseki-32k]=/kg/sparql ;;
    virtuoso)    log "starting Virtuoso and loading kg.trig (ld_dir + rdf_loader_run)"
                 start_virtuoso
                 PORT[virtuoso]=$P_VHTTP SPATH[virtuoso]=/sparql ;;
    *) die "unknown server $s (ours, ours-cached, before, before-cached (with BEFORE_JAR), fuseki, fuseki-tdb2, fuseki-32k, virtuoso)" ;;
  esac
done
for s in $SERVERS; do
  helper wait "${PORT[$s]}" "${SPATH[$s]}" 300 || die "$s did not answer within 300 s (see $LOGS/$s.log)"
done
echo "servers up: $(for s in $SERVERS; do printf '%s 127.0.0.1:%s%s  ' "$s" "${PORT[$s]}" "${SPATH[$s]}"; done)"

# ------------------------------------------------------------------ answers, and warm-up
if has answers; then
  log "answers (each question 20 times as warm-up, the last answer compared with queries/*.srj)"
  for s in $SERVERS; do helper check "$RAW/check.tsv" "$s" "${PORT[$s]}" "${SPATH[$s]}" "$W/queries" 20; done
fi

# ------------------------------------------------------------------ 3c. trivial query
if has trivial; then
  log "ASK {} latency ($TRIVIAL_ROUNDS rounds)"
  for round in $(seq 1 "$TRIVIAL_ROUNDS"); do
    for s in $SERVERS; do helper trivial "$RAW/trivial.tsv" "$round" "$s" "${PORT[$s]}" "${SPATH[$s]}" "$TRIVIAL_N"; done
  done
fi

# ------------------------------------------------------------------ 3b. throughput and latency per question
hey_run() {  # hey_run REP SERVER QUESTION FORM CLIENTS: appends one line to load.tsv
  local rep=$1 s=$2 q=$3 form=$4 c=$5 out
  out=$(timeout $((DURATION + 120)) hey -z "${DURATION}s" -c "$c" -t 60 -disable-compression -m POST \
        -T application/x-www-form-urlencoded -H 'Accept: application/sparql-results+json' -D "$form" \
        "http://127.0.0.1:${PORT[$s]}${SPATH[$s]}" 2>&1) || true
  awk -v rep="$rep" -v s="$s" -v q="$q" -v c="$c" '
    /Requests\/sec:/ { rps = $2 }
    / 50% in / { p50 = $3 * 1000 }
    / 99% in / { p99 = $3 * 1000 }
    /^Status code distribution:/ { sect = "status"; next }
    /^Error distribution:/ { sect = "error"; next }
    sect == "status" && match($0, /\[[0-9]+\][ \t]+[0-9]+/) {
      split(substr($0, RSTART, RLENGTH), f, /[][ \t]+/); if (f[2] == 200) ok += f[3]; else other += f[3] }
    sect == "error" && match($0, /^[ \t]*\[[0-9]+\]/) { split(substr($0, RSTART, RLENGTH), f, /[][ \t]+/); err += f[2] }
    END {
      if (rps == "") rps = 0; if (p50 == "") p50 = "NaN"; if (p99 == "") p99 = "NaN"
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\n", rep, s, q, c, rps, p50, p99, ok, other, err
    }' <<<"$out" >> "$RAW/load.tsv"
  tail -1 "$RAW/load.tsv" | awk -F'\t' '{ printf "  rep %s %-12s %-40s c=%-3s %9.1f q/s  p50 %7.1f ms  p99 %7.1f ms%s\n", $1, $2, $3, $4, $5, $6, $7, ($9 + $10 > 0 ? "  FAILURES: " $9 " non-200, " $10 " errors" : "") }'
}
if has load; then
read -r -a SERVER_LIST <<<"$SERVERS"
FORMS=("$W/bodies/ask.form" $(ls "$W/bodies"/cq*.form))
total=$(( REPS * ${#FORMS[@]} * $(wc -w <<<"$CLIENTS") * ${#SERVER_LIST[@]} ))
if [ "$WARMUP" != 0 ]; then
  # The JVM servers compile their hot paths only after thousands of requests; the answers phase's
  # 20 per question is far from that. Every server gets the same unmeasured load first.
  log "warm-up: every question for ${WARMUP}s at 8 clients on each server (not measured)"
  for s in "${SERVER_LIST[@]}"; do
    for form in "${FORMS[@]}"; do
      timeout $((WARMUP + 60)) hey -z "${WARMUP}s" -c 8 -t 60 -disable-compression -m POST -T application/x-www-form-urlencoded \
        -H 'Accept: application/sparql-results+json' -D "$form" "http://127.0.0.1:${PORT[$s]}${SPATH[$s]}" > /dev/null 2>&1 || true
    done
  done
fi
log "load: $total runs of ${DURATION}s (${#FORMS[@]} queries incl. ASK {}, clients: $CLIENTS, $REPS repetitions)"
for rep in $(seq 1 "$REPS"); do
  # Rotate the order of the servers from one repetition to the next, so drift in the machine's load
  # does not always favour the same one.
  order=()
  for i in "${!SERVER_LIST[@]}"; do order+=("${SERVER_LIST[$(( (i + rep - 1) % ${#SERVER_LIST[@]} ))]}"); done
  for form in "${FORMS[@]}"; do
    q=$(basename "$form" .form); [ "$q" = ask ] && q="ask-trivial (ASK {})"
    for c in $CLIENTS; do
      for s in "${order[@]}"; do hey_run "$rep" "$s" "$q" "$form" "$c"; done
    done
  done
done

fi

# ------------------------------------------------------------------ stop, report
log "stopping the servers"
cleanup
has load && for s in $SERVERS; do   # full collections that java.nio forced to free direct memory (the stall)
  if [ -f "$LOGS/$s-gc.log" ]; then
    printf '%s\t%s\t%s\n' "$s" "$(grep -c 'Pause Full (System.gc())' "$LOGS/$s-gc.log" || true)" "$(grep -c 'Pause' "$LOGS/$s-gc.log" || true)" >> "$RAW/gc.tsv"
  fi
done
[ -n "$EARLIER" ] || echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RAW/machine.txt"
# The findings on the keep-alive stall (hand-written, about the full comparison's run) go at the end of
# peers.md only: a run under another NAME compares other servers, which they do not describe.
rm -f "$RAW/notes.md"
[ "$NAME" = peers ] && [ -f bench/peers-findings.md ] && cp bench/peers-findings.md "$RAW/notes.md"
log "report"
mkdir -p "$RESULTS"
helper report "$RAW" "$RAW/machine.txt" "$RESULTS/$NAME.md" "$RESULTS/$NAME.csv"
echo
echo "Wrote $RESULTS/$NAME.md and $RESULTS/$NAME.csv (raw data in $RAW)."
