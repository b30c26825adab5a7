#!/usr/bin/env bash
# Where the gateway's CPU goes under the warm-cache embedding load of run.sh: starts embedd and
# the gateway (JVM flags of ./lakehouse), warms up, records 20 s of the gateway with Java Flight
# Recorder (settings=profile) at 64 connections, and prints the CPU per thread, the hottest
# methods, the self time per package and GC.
#
#   flock /tmp/lakehouse-build.lock bench/gateway/profile.sh [bare|full] [gateway|embedd]
#
# bare: keys not required, no audit; full: keys, limits and audit (the default). The second
# argument says which process is recorded (the gateway unless told; embedd shows what a request
# costs the daemon behind the gateway, about twice what it costs when called directly). The recording
# stays in the printed work directory. Environment: BENCH_DURATION (20s), BENCH_WARMUP (30s),
# BENCH_EMBEDD_PORT (18291), BENCH_GATEWAY_PORT (18290).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../lib.sh
source "$HERE/../lib.sh"
JAVA_HOME="$("$ROOT/.mvn/find-jdk")"
JAVA="$JAVA_HOME/bin/java"
MODE="${1:-bare}"
TARGET="${2:-gateway}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-30s}"
EMBEDD_PORT="${BENCH_EMBEDD_PORT:-18291}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18290}"
TOKEN="bench-internal-token-0123456789abcdef"

# The proxy path is what is profiled: with its cache on, the gateway would answer the one fixed
# request itself.
case "$MODE" in
  bare) GATEWAY_ENV=(LAKEHOUSE_GATEWAY_CACHE_ENABLED=false LAKEHOUSE_GATEWAY_KEYS_REQUIRED=false LAKEHOUSE_GATEWAY_AUDIT_ENABLED=false) ;;
  full) GATEWAY_ENV=(LAKEHOUSE_GATEWAY_CACHE_ENABLED=false) ;;
  *) echo "mode is bare or full" >&2; exit 2 ;;
esac
[[ "$TARGET" == gateway || "$TARGET" == embedd ]] || { echo "the recorded process is gateway or embedd" >&2; exit 2; }
require_free_ports "$EMBEDD_PORT" "$GATEWAY_PORT"

start_workspace profile
mkdir -p "$WORK/data"

KEY="$(env LAKEHOUSE_DATA_DIR="$WORK/data" "$JAVA" -jar "$ROOT/gateway/target/gateway-exec.jar" keys add \
  --file "$WORK/data/api-keys.yml" --name bench --groups embed --rate 1000000 --burst 1000000 --max-concurrent 4096 | tail -1)"

env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_EMBEDD_PORT="$EMBEDD_PORT" \
  OLLAMA_BASE_URL="http://127.0.0.1:9" \
  "$JAVA" "${EMBEDD_JVM[@]}" -jar "$ROOT/embedd/target/embedd-exec.jar" >"$WORK/embedd.log" 2>&1 &
PIDS[embedd]=$!
wait_ready embedd "http://localhost:$EMBEDD_PORT/actuator/health/readiness"

env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_GATEWAY_PORT="$GATEWAY_PORT" \
  LAKEHOUSE_EMBEDD_URL="http://localhost:$EMBEDD_PORT" LAKEHOUSE_API_KEYS_FILE="$WORK/data/api-keys.yml" "${GATEWAY_ENV[@]}" \
  "$JAVA" "${GATEWAY_JVM[@]}" \
  -jar "$ROOT/gateway/target/gateway-exec.jar" >"$WORK/gateway.log" 2>&1 &
PIDS[gateway]=$!
wait_ready gateway "http://localhost:$GATEWAY_PORT/actuator/health/readiness"

URL="http://localhost:$GATEWAY_PORT/v1/embeddings"
export EMBEDD_TOKEN="" BENCH_API_KEY=""
[[ "$MODE" == full ]] && BENCH_API_KEY="$KEY"
wrk -t2 -c64 -d"$WARMUP" -s "$HERE/keyed.lua" "$URL" >/dev/null 2>&1

JFR="$WORK/$TARGET.jfr"
RECORDED_PID="${PIDS[$TARGET]}"
"$JAVA_HOME/bin/jcmd" "$RECORDED_PID" JFR.start name=bench settings=profile filename="$JFR" >/dev/null
wrk -t2 -c64 -d"$DURATION" --latency -s "$HERE/keyed.lua" "$URL" | awk '/Requests\/sec|Non-2xx/'
"$JAVA_HOME/bin/jcmd" "$RECORDED_PID" JFR.stop name=bench >/dev/null

echo "== $TARGET (gateway $MODE): CPU per thread"
"$JAVA_HOME/bin/jfr" view --width 160 thread-cpu-load "$JFR" | head -25
echo "== hottest methods (execution samples, top frame)"
"$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$JFR" | head -35
echo "== self time per package (top frame of each execution sample)"
"$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 1 "$JFR" |
  awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); sub(/\(.*/, ""); n = split($0, p, "."); pkg = p[1]
         for (i = 2; i < n - 1 && i <= 3; i++) pkg = pkg "." p[i]; count[pkg]++; total++ }
       END { for (k in count) printf "%6.1f%%  %s\n", 100 * count[k] / total, k }' | sort -rn | head -25
echo "== GC"
"$JAVA_HOME/bin/jfr" view --width 160 gc-pauses "$JFR" | head -15
echo "recording: $JFR"
