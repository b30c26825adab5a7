#!/usr/bin/env bash
# Vector benchmark of vectord (see docs/benchmarks/vectord.md for results).
#
#   bench/vector/run.sh generate 100k|1m         deterministic clustered set + exact ground truth
#   bench/vector/run.sh engine SET QUANT [HEAP]  in-process build, recall@10 and single-thread QPS sweep
#   bench/vector/run.sh bare SET QUANT           the same index files searched with bare Lucene (baseline)
#   bench/vector/run.sh http SET QUANT           the daemon over HTTP, wrk at 16 connections (CONNECTIONS)
#
# SET is a TEXMEX set in out/sets/ (SET_base.fvecs, SET_query.fvecs, SET_groundtruth.ivecs): gen100k,
# gen1m, or any public set copied there under that naming. QUANT is none, int8 or int4.
# engine: BENCH_OPTS=-Dbench.rebuild=true rebuilds an existing collection; -Dbench.rescore=true|false re-ranks
# int8 and int4 with the float vectors or neither (unset: the daemon's defaults, int4 only). http: the daemon's
# own settings apply, e.g. LAKEHOUSE_VECTORD_RESCORE_INT8=true.
# Every step takes the shared build lock itself; to run several steps under one lock, hold it and
# set LOCKED=1:  flock /tmp/lakehouse-build.lock env LOCKED=1 bash -c 'bench/vector/run.sh generate 1m && ...'

set -euo pipefail
cd "$(dirname "$0")"
BENCH=$PWD
ROOT=$(cd ../.. && pwd)
OUT=$BENCH/out
LOCK=/tmp/lakehouse-build.lock
locked() { if [[ "${LOCKED:-}" == 1 ]]; then "$@"; else flock "$LOCK" "$@"; fi; }
JAVA_HOME=${JAVA_HOME:-$("$ROOT/.mvn/find-jdk")}
JAVA=$JAVA_HOME/bin/java
SWEEP=${SWEEP:-10,20,40,60,80,100,150,200,300}
SECONDS_PER_POINT=${SECONDS_PER_POINT:-5}
TOKEN=bench-internal-token-0123456789
PORT=${PORT:-18082}

build() {
  if [[ ! -f "$ROOT/vectord/target/vectord-exec.jar" || ! -f target/classpath.txt ]]; then
    (cd "$ROOT" && locked ./mvnw -q -pl vectord -am install -DskipTests)
    locked "$ROOT/mvnw" -q -f "$BENCH/pom.xml" package
  fi
}

bench_java() {
  local heap=$1; shift
  locked "$JAVA" --add-modules jdk.incubator.vector "-Xmx$heap" -XX:+UseParallelGC ${BENCH_OPTS:-} \
    -cp "target/classes:$(cat target/classpath.txt)" dev.lakehouse.bench.vector.Main "$@"
}

machine() {
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA" -version 2>&1 | head -1); $(date -u +%FT%TZ)"
}

case "${1:-}" in
  generate)
    build
    mkdir -p "$OUT/sets"
    case "$2" in
      100k) bench_java 2g generate "$OUT/sets" gen100k 100000 1000 384 ;;
      1m) bench_java 6g generate "$OUT/sets" gen1m 1000000 1000 384 ;;
      *) echo "generate 100k|1m" >&2; exit 2 ;;
    esac
    ;;
  engine)
    build
    machine
    bench_java "${4:-1g}" engine "$OUT/sets" "$2" "$OUT/data" "$2-$3" "$3" "$SWEEP" "$SECONDS_PER_POINT" true
    ;;
  bare)
    build
    machine
    bench_java 1g bare "$OUT/sets" "$2" "$OUT/data/vectord/$2-$3/index" "$SWEEP" "$SECONDS_PER_POINT"
    ;;
  http)
    build
    machine
    command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 2; }
    collection="$2-$3"
    bench_java 256m lua "$OUT/sets" "$2" "$OUT/search-$collection.lua" "$collection" "$TOKEN" 1000 "${NUM_CANDIDATES:-100}"
    if [[ "${LOCKED:-}" != 1 ]]; then exec 9>"$LOCK"; flock 9; fi
    LAKEHOUSE_DATA_DIR="$OUT/data" LAKEHOUSE_INTERNAL_TOKEN=$TOKEN LAKEHOUSE_VECTORD_PORT=$PORT \
      SERVER_TOMCAT_ACCESSLOG_ENABLED=false \
      "$JAVA" -Xms32m "-Xmx${DAEMON_HEAP:-1g}" -XX:+ExitOnOutOfMemoryError --add-modules jdk.incubator.vector \
      -jar "$ROOT/vectord/target/vectord-exec.jar" >"$OUT/vectord-http.log" 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
    for _ in $(seq 1 120); do curl -sf "localhost:$PORT/actuator/health/readiness" >/dev/null && break; sleep 0.5; done
    rss() { awk '/^(VmRSS|RssAnon|RssFile)/{printf "%s %s %s  ", $1, $2, $3}' /proc/$pid/status; }
    echo "vectord -Xmx${DAEMON_HEAP:-1g}, ${CONNECTIONS:-16} connections, numCandidates ${NUM_CANDIDATES:-100}, re-ranking int8 ${LAKEHOUSE_VECTORD_RESCORE_INT8:-false}, int4 ${LAKEHOUSE_VECTORD_RESCORE_INT4:-true}"
    echo "daemon started: $(rss)"
    wrk -t2 -c"${CONNECTIONS:-16}" -d15s -s "$OUT/search-$collection.lua" "http://localhost:$PORT" >/dev/null
    echo "after warm-up: $(rss)"
    wrk -t2 -c"${CONNECTIONS:-16}" -d30s --latency -s "$OUT/search-$collection.lua" "http://localhost:$PORT"
    echo "after run: $(rss)"
    ;;
  *)
    sed -n '2,15p' "$0"; exit 2 ;;
esac
