#!/usr/bin/env bash
# The gateway target (issue 3: >= 8,000 warm req/s through the gateway) was set against a bare
# Spring Cloud Gateway in front of a bare Spring MVC app answering a cached embedding (DESIGN
# section 10). This runs that reference on this machine today, next to Lakehouse's gateway, on the
# same warm request as run.sh, each gateway in front of each upstream:
#
#   reference gateway  -> reference upstream   (bench/gateway/reference: nothing of Lakehouse)
#   reference gateway  -> embedd
#   Lakehouse gateway  -> reference upstream   (keys not required, no audit, its own cache off: every
#                                               request proxied, like the reference gateway's)
#   Lakehouse gateway  -> embedd
#
#   flock /tmp/lakehouse-build.lock bench/gateway/reference.sh [rounds]
#
# Builds the reference apps (./mvnw -f bench/gateway/reference/pom.xml package) and runs them
# with embedd/target/embedd-exec.jar and gateway/target/gateway-exec.jar (./mvnw -q install
# -DskipTests -pl embedd,gateway -am), with the JVM flags ./lakehouse gives gateway and embedd.
# Every pairing starts fresh, in the same order each round (rounds: 2), is warmed up, then
# measured at 64 and 16 connections with wrk. Environment: BENCH_DURATION (20s), BENCH_WARMUP
# (60s), BENCH_EMBEDD_PORT (18481), BENCH_GATEWAY_PORT (18480).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../lib.sh
source "$HERE/../lib.sh"
JAVA_HOME="$("$ROOT/.mvn/find-jdk")"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
ROUNDS="${1:-2}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-60s}"
EMBEDD_PORT="${BENCH_EMBEDD_PORT:-18481}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18480}"
TOKEN="bench-internal-token-0123456789abcdef"
declare -A JARS=(
  [reference-gateway]="$HERE/reference/scg/target/reference-scg-exec.jar"
  [reference-upstream]="$HERE/reference/mvc/target/reference-mvc-exec.jar"
  [lakehouse-gateway]="$ROOT/gateway/target/gateway-exec.jar"
  [embedd]="$ROOT/embedd/target/embedd-exec.jar"
)

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
for jar in "${JARS[lakehouse-gateway]}" "${JARS[embedd]}"; do
  [[ -f "$jar" ]] || { echo "missing $jar; run ./mvnw -q install -DskipTests -pl embedd,gateway -am" >&2; exit 1; }
done
"$ROOT/mvnw" -q -f "$HERE/reference/pom.xml" package -DskipTests
require_free_ports "$EMBEDD_PORT" "$GATEWAY_PORT"

start_workspace reference

# start <role: upstream|gateway> <jar name> <readiness url> [VAR=value ...]
start() {
  local role="$1" name="$2" ready="$3"
  shift 3
  local jvm=("${EMBEDD_JVM[@]}")
  [[ "$role" == gateway ]] && jvm=("${GATEWAY_JVM[@]}")
  env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_EMBEDD_PORT="$EMBEDD_PORT" \
    LAKEHOUSE_GATEWAY_PORT="$GATEWAY_PORT" LAKEHOUSE_EMBEDD_URL="http://localhost:$EMBEDD_PORT" \
    OLLAMA_BASE_URL="http://127.0.0.1:9" LAKEHOUSE_GATEWAY_KEYS_REQUIRED=false LAKEHOUSE_GATEWAY_AUDIT_ENABLED=false \
    LAKEHOUSE_GATEWAY_CACHE_ENABLED=false "$@" \
    "$JAVA" "${jvm[@]}" -jar "${JARS[$name]}" >"$WORK/$role.log" 2>&1 &
  PIDS[$role]=$!
  wait_ready "$role" "$ready"
}

# measure <label> <connections>: requests/s, latency, and CPU per request of each process.
measure() {
  local label="$1" connections="$2" out="$WORK/wrk-$(date +%s%N).txt"
  local upstream0 gateway0 start end
  upstream0="$(cpu_seconds upstream)"
  gateway0="$(cpu_seconds gateway)"
  start="$(date +%s.%N)"
  wrk -t2 -c"$connections" -d"$DURATION" --latency -s "$HERE/keyed.lua" "http://localhost:$GATEWAY_PORT/v1/embeddings" >"$out" 2>&1
  end="$(date +%s.%N)"
  awk -v label="$label" -v c="$connections" -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    -v u="$(awk -v a="$upstream0" -v b="$(cpu_seconds upstream)" 'BEGIN { print b - a }')" \
    -v g="$(awk -v a="$gateway0" -v b="$(cpu_seconds gateway)" 'BEGIN { print b - a }')" \
    -v p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")" -v p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")" \
    '/Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
     END { n = rps * wall
           printf "| %s | %d | %.0f | %s | %s | %d | %.2f / %.2f | %.0f / %.0f |\n", label, c, rps, p50, p99, bad,
             g / wall, u / wall, 1e6 * g / n, 1e6 * u / n }' "$out" | tee -a "$RESULTS"
}

{
  echo "# gateway reference benchmark $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "java: $("$JAVA" -version 2>&1 | head -1); wrk 2 threads, $DURATION per point after a $WARMUP warm-up at 64 connections"
  printf '\n| gateway -> upstream | connections | requests/s | p50 ms | p99 ms | non-2xx | cores: gateway / upstream | CPU µs per request: gateway / upstream |\n|---|---|---|---|---|---|---|---|\n'
} | tee "$RESULTS"

mkdir -p "$WORK/data"
export EMBEDD_TOKEN="" BENCH_API_KEY=""
for round in $(seq 1 "$ROUNDS"); do
  for gateway in reference-gateway lakehouse-gateway; do
    for upstream in reference-upstream embedd; do
      start upstream "$upstream" "http://localhost:$EMBEDD_PORT/actuator/health/readiness"
      start gateway "$gateway" "http://localhost:$GATEWAY_PORT/actuator/health/readiness"
      wrk -t2 -c64 -d"$WARMUP" -s "$HERE/keyed.lua" "http://localhost:$GATEWAY_PORT/v1/embeddings" >/dev/null 2>&1
      measure "$gateway -> $upstream (round $round)" 64
      measure "$gateway -> $upstream (round $round)" 16
      stop gateway
      stop upstream
    done
  done
done
echo
echo "results: $RESULTS"
