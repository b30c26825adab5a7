#!/usr/bin/env bash
# Resident memory of the whole suite: the seven daemons as ./lakehouse up starts them (its heap
# caps and flags), idle once ready, at their peak while ./lakehouse demo drives every daemon and
# wrk sends embeddings through the gateway with a key of its own (never-seen texts, then one cached text), and idle again.
#
#   flock /tmp/lakehouse-build.lock bench/suite/memory.sh
#
# Builds nothing the launcher would not (./lakehouse up builds missing jars). Uses its own data
# directory and ports BENCH_SUITE_PORT_BASE (default 18080) to +6; needs curl and wrk
# (apt-get install -y wrk). Everything it starts, it stops.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
source "$ROOT/bench/lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

DAEMONS=(gateway embedd vectord chatd validated materializerd replayd)
BASE="${BENCH_SUITE_PORT_BASE:-18080}"
SETTLE="${BENCH_SUITE_SETTLE:-30}"
LOAD="${BENCH_SUITE_LOAD:-30s}"
ports=()
for i in "${!DAEMONS[@]}"; do
  d="${DAEMONS[$i]}"
  export "LAKEHOUSE_${d^^}_PORT=$((BASE + i))"
  ports+=("$((BASE + i))")
done
require_free_ports "${ports[@]}"
export LAKEHOUSE_DATA_DIR="$(mktemp -d /tmp/lakehouse-suite-memory.XXXXXX)"
trap '"$ROOT/lakehouse" down >/dev/null 2>&1 || true; rm -rf "$LAKEHOUSE_DATA_DIR"' EXIT

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
declare -A PID IDLE PEAK AFTER
sample() { # sample ARRAY: each daemon's RSS now; PEAK keeps the largest seen
  local d now
  for d in "${DAEMONS[@]}"; do
    now="$(rss_kib "${PID[$d]}")"
    case "$1" in
      IDLE) IDLE[$d]="$now" ;;
      AFTER) AFTER[$d]="$now" ;;
    esac
    (( now > ${PEAK[$d]:-0} )) && PEAK[$d]="$now"
  done
  return 0
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); $(date -u +%FT%TZ)"
"$ROOT/lakehouse" up -d >/dev/null
for d in "${DAEMONS[@]}"; do PID[$d]="$(cat "$LAKEHOUSE_DATA_DIR/run/$d.pid")"; done
sleep "$SETTLE"
sample IDLE

# The dev key is rate-limited; the load gets a key of its own that is not (the gateway re-reads the keys file within 2 s).
"$ROOT/lakehouse" keys add --groups embed --name suite-memory --rate 1000000 --burst 1000000 --max-concurrent 256 \
  --secret-file "$LAKEHOUSE_DATA_DIR/bench-key" >/dev/null
sleep 3

sampler() { while :; do sample PEAK; declare -p PEAK >"$LAKEHOUSE_DATA_DIR/peak"; sleep 0.5; done; }
sampler & SAMPLER=$!
"$ROOT/lakehouse" demo >"$LAKEHOUSE_DATA_DIR/demo.log" 2>&1 || { echo "the demo failed:" >&2; tail -20 "$LAKEHOUSE_DATA_DIR/demo.log" >&2; exit 1; }
gateway="http://127.0.0.1:${LAKEHOUSE_GATEWAY_PORT}/v1/embeddings"
echo "demo: $(grep -c . "$LAKEHOUSE_DATA_DIR/demo.log") lines of output, exit 0"
load() { # load CONNECTIONS SCRIPT [ARGS...]: wrk through the gateway with the load's key; prints its rate and errors
  local connections="$1" script="$2"; shift 2
  API_KEY="$(cat "$LAKEHOUSE_DATA_DIR/bench-key")" wrk -t2 -c"$connections" -d"$LOAD" -s "$ROOT/bench/embed/$script" \
    "$gateway" -- "$@" >"$LAKEHOUSE_DATA_DIR/wrk.out" 2>&1
  echo "wrk $script, $connections connections, $LOAD: $(awk '/Requests\/sec/ { print $2 " req/s" }' "$LAKEHOUSE_DATA_DIR/wrk.out")," \
    "$(awk '/Non-2xx/ { n = $NF } END { print (n ? n : 0) " non-2xx" }' "$LAKEHOUSE_DATA_DIR/wrk.out")"
}
load 16 unique.lua all-minilm 8
load 64 warm.lua
kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
source "$LAKEHOUSE_DATA_DIR/peak"
sleep "$SETTLE"
sample AFTER

mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
printf '%-14s %10s %14s %10s\n' daemon "idle MiB" "peak MiB" "after MiB"
total_idle=0; total_peak=0; total_after=0
for d in "${DAEMONS[@]}"; do
  printf '%-14s %10s %14s %10s\n' "$d" "$(mib "${IDLE[$d]}")" "$(mib "${PEAK[$d]}")" "$(mib "${AFTER[$d]}")"
  total_idle=$((total_idle + IDLE[$d])); total_peak=$((total_peak + PEAK[$d])); total_after=$((total_after + AFTER[$d]))
done
printf '%-14s %10s %14s %10s\n' "all seven" "$(mib "$total_idle")" "$(mib "$total_peak")" "$(mib "$total_after")"
echo "(peak: each daemon's largest RSS, sampled every 0.5 s through the demo and $LOAD + $LOAD of wrk; the sum of peaks bounds the suite's peak from above)"
