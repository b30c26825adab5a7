#!/usr/bin/env bash
# Cost of the gateway's edge (issue 10): the warm-cache embedding request of the embedd benchmark
# (POST /v1/embeddings, all-minilm, one input, every call a cache hit) straight to embedd, and
# through the gateway with the edge switched on step by step:
#   bare      keys not required, no audit   (routing, request ids, body limit only)
#   keys      API key checked, rate and concurrency limits applied, no audit
#   full      keys, limits and one audit record per request to the lake (the default)
#   proxied   the default with the gateway's cache off: every request makes the hop to embedd
# The first three answer the repeated request from the gateway's cache, as the default does.
#
#   flock /tmp/lakehouse-build.lock bench/gateway/run.sh
#
# Builds nothing: it runs embedd/target/embedd-exec.jar and gateway/target/gateway-exec.jar
# (./mvnw -q install -DskipTests -pl embedd,gateway -am) with the JVM flags ./lakehouse uses, and
# wrk (apt-get install -y wrk), 16 and 64 connections. Everything it starts, it stops.
#
# Environment: BENCH_DURATION (20s per measurement), BENCH_WARMUP (90s: the gateway's throughput
# settles after about 60 s of load, while C2 compiles), BENCH_EMBEDD_PORT (18281),
# BENCH_GATEWAY_PORT (18280).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../lib.sh
source "$HERE/../lib.sh"
JAVA_HOME="$("$ROOT/.mvn/find-jdk")"
JAVA="$JAVA_HOME/bin/java"
EMBEDD_JAR="$ROOT/embedd/target/embedd-exec.jar"
GATEWAY_JAR="$ROOT/gateway/target/gateway-exec.jar"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-90s}"
EMBEDD_PORT="${BENCH_EMBEDD_PORT:-18281}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18280}"
TOKEN="bench-internal-token-0123456789abcdef"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
for jar in "$EMBEDD_JAR" "$GATEWAY_JAR"; do
  [[ -f "$jar" ]] || { echo "missing $jar; run ./mvnw -q install -DskipTests -pl embedd,gateway -am" >&2; exit 1; }
done

require_free_ports "$EMBEDD_PORT" "$GATEWAY_PORT"

start_workspace gateway

start_embedd() {
  env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_EMBEDD_PORT="$EMBEDD_PORT" \
    OLLAMA_BASE_URL="http://127.0.0.1:9" \
    "$JAVA" "${EMBEDD_JVM[@]}" -jar "$EMBEDD_JAR" >"$WORK/embedd.log" 2>&1 &
  PIDS[embedd]=$!
  wait_ready embedd "http://localhost:$EMBEDD_PORT/actuator/health/readiness"
}

# start_gateway [VAR=value ...]: environment overrides for this run.
start_gateway() {
  env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_GATEWAY_PORT="$GATEWAY_PORT" \
    LAKEHOUSE_EMBEDD_URL="http://localhost:$EMBEDD_PORT" LAKEHOUSE_API_KEYS_FILE="$WORK/data/api-keys.yml" "$@" \
    "$JAVA" "${GATEWAY_JVM[@]}" -jar "$GATEWAY_JAR" >"$WORK/gateway.log" 2>&1 &
  PIDS[gateway]=$!
  wait_ready gateway "http://localhost:$GATEWAY_PORT/actuator/health/readiness"
}

# measure <label> <url> <connections>
# Prints requests/s, p50, p99, non-2xx answers, and the cores wrk, embedd, the gateway and
# everything else (the kernel, any process not ours: a disturbed run shows here) used.
measure() {
  local label="$1" url="$2" connections="$3"
  local out="$WORK/wrk-$(date +%s%N).txt" times="$WORK/time-$(date +%s%N).txt"
  local embedd0 gateway0 busy0 start end
  embedd0="$(cpu_seconds embedd)"
  gateway0="$(cpu_seconds gateway)"
  busy0="$(machine_busy)"
  start="$(date +%s.%N)"
  { TIMEFORMAT='%U %S'; time wrk -t2 -c"$connections" -d"$DURATION" --latency -s "$HERE/keyed.lua" "$url" >"$out" 2>&1; } 2>"$times"
  end="$(date +%s.%N)"
  local rps p50 p99 errors cpu
  rps="$(awk '/Requests\/sec/ {print $2}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  errors="$(awk '/Non-2xx/ {print $NF}' "$out")"
  cpu="$(awk -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    -v e="$(awk -v a="$embedd0" -v b="$(cpu_seconds embedd)" 'BEGIN { print b - a }')" \
    -v g="$(awk -v a="$gateway0" -v b="$(cpu_seconds gateway)" 'BEGIN { print b - a }')" \
    -v m="$(awk -v a="$busy0" -v b="$(machine_busy)" 'BEGIN { print b - a }')" \
    '{ w = $1 + $2; o = m - w - e - g; if (o < 0) o = 0
       printf "%.2f / %.2f / %.2f / %.2f", w / wall, e / wall, g / wall, o / wall }' "$times")"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$connections" "$rps" "$p50" "$p99" "${errors:-0}" "$cpu" | tee -a "$RESULTS"
}

warmup() { wrk -t2 -c64 -d"$WARMUP" -s "$HERE/keyed.lua" "$1" >"$WORK/wrk-warmup-$(date +%s%N).txt" 2>&1; }

# Requests wrk completed in the runs whose output files are newer than $1 (warm-ups included).
requests_since() { find "$WORK" -maxdepth 1 -name 'wrk-*.txt' -newer "$1" -exec awk '/requests in/ {n += $1} END {print n + 0}' {} + | awk '{n += $1} END {print n + 0}'; }

# A counter of the gateway's lake writer for the audit stream.
audit_counter() {
  curl -fsS -m 5 "http://localhost:$GATEWAY_PORT/actuator/prometheus" 2>/dev/null |
    awk -v name="lakehouse_lake_records_$1_total" '$1 ~ "^" name "\\{" && /stream="audit"/ {n += $NF} END {printf "%d", n}'
}

# run <label> <url>: warm up, then 16 and 64 connections.
run() {
  warmup "$2"
  measure "$1" "$2" 16
  measure "$1" "$2" 64
}

{
  echo "# gateway edge benchmark $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "java: $("$JAVA" -version 2>&1 | head -1); embedd JVM: ${EMBEDD_JVM[*]}; gateway JVM: ${GATEWAY_JVM[*]}"
  echo "wrk: 2 threads; $DURATION per measurement after a $WARMUP warm-up; warm cache (one fixed input)"
  printf '\n| run | connections | requests/s | p50 ms | p99 ms | non-2xx | cores: wrk / embedd / gateway / rest |\n|---|---|---|---|---|---|---|\n'
} | tee "$RESULTS"

mkdir -p "$WORK/data"
# A key whose limits the benchmark never reaches: the limits are checked on every request all the same.
KEY="$(env LAKEHOUSE_DATA_DIR="$WORK/data" "$JAVA" -jar "$GATEWAY_JAR" keys add --file "$WORK/data/api-keys.yml" \
  --name bench --groups embed --rate 1000000 --burst 1000000 --max-concurrent 4096 | tail -1)"

start_embedd
# keyed.lua sends the internal token only on the direct run, the key only on keyed runs.
export EMBEDD_TOKEN="$TOKEN" BENCH_API_KEY=""
run "straight to embedd (internal token)" "http://localhost:$EMBEDD_PORT/v1/embeddings"
export EMBEDD_TOKEN=""

start_gateway LAKEHOUSE_GATEWAY_KEYS_REQUIRED=false LAKEHOUSE_GATEWAY_AUDIT_ENABLED=false
run "gateway, bare (no keys, no audit)" "http://localhost:$GATEWAY_PORT/v1/embeddings"
stop gateway

export BENCH_API_KEY="$KEY"
start_gateway LAKEHOUSE_GATEWAY_AUDIT_ENABLED=false
run "gateway, keys + limits" "http://localhost:$GATEWAY_PORT/v1/embeddings"
stop gateway

start_gateway
touch "$WORK/full-start"
run "gateway, keys + limits + audit (default)" "http://localhost:$GATEWAY_PORT/v1/embeddings"
sleep 3 # the lake writer drains its queue and flushes (fsync interval 1 s)
echo "full run: $(requests_since "$WORK/full-start") requests answered (warm-up included); audit records" \
  "written $(audit_counter written), dropped $(audit_counter dropped), failed $(audit_counter failed)" \
  "(lakehouse_lake_records_*_total{stream=\"audit\"}); lines in the audit files:" \
  "$(find "$WORK/data/lake/audit" -type f -name '*.jsonl*' -exec cat {} + 2>/dev/null | wc -l)" | tee -a "$RESULTS"
stop gateway

start_gateway LAKEHOUSE_GATEWAY_CACHE_ENABLED=false
run "gateway, default with its cache off (every request proxied)" "http://localhost:$GATEWAY_PORT/v1/embeddings"
stop gateway

echo
echo "results: $RESULTS"
