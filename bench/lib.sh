# Helpers shared by the HTTP load benchmarks (bench/embed, bench/gateway, bench/suite); source it, don't run it.

# require_free_ports PORT...: a port already taken would let a readiness probe see someone else's
# daemon and the benchmark measure it instead.
require_free_ports() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is already in use; choose others with the BENCH_*_PORT variables" >&2
      exit 1
    fi
  done
}

# wrk's latency ("812.00us", "3.21ms", "1.02s") in milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# CPU seconds (user + system) a process of ours has used so far (the caller's PIDS map, by name);
# 0 when it is not running.
CLK_TCK="$(getconf CLK_TCK)"
cpu_seconds() {
  local pid="${PIDS[$1]:-}"
  [[ -n "$pid" && -r "/proc/$pid/stat" ]] || { echo 0; return; }
  awk -v hz="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$pid/stat"
}

# CPU seconds the whole machine has been busy (all cores, /proc/stat: all but idle and iowait).
machine_busy() { awk -v hz="$CLK_TCK" '$1 == "cpu" { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat; }

# The processes a benchmark starts live in the caller's PIDS map (name -> pid), with their output
# in $WORK/<name>.log.

# stop NAME: TERM, up to 10 s to exit, then KILL.
stop() {
  local name="$1" pid="${PIDS[$1]:-}"
  [[ -n "$pid" ]] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  unset "PIDS[$name]"
}

# stop_all: every process still in PIDS (for an EXIT trap).
stop_all() {
  local name
  for name in "${!PIDS[@]}"; do stop "$name"; done
}

# wait_ready NAME URL: until URL answers 2xx (2 minutes at most); exits with the end of the log when
# the process dies or never gets ready.
wait_ready() {
  local name="$1" url="$2"
  for _ in $(seq 1 240); do
    curl -fsS -m 2 -o /dev/null "$url" 2>/dev/null && return 0
    kill -0 "${PIDS[$name]}" 2>/dev/null || { echo "$name died; log:"; tail -30 "$WORK/$name.log"; exit 1; }
    sleep 0.5
  done
  echo "$name not ready"; tail -30 "$WORK/$name.log"; exit 1
}

# start_workspace NAME: a fresh work directory ($WORK, results in $RESULTS), an empty PIDS map, and an
# EXIT trap that stops every process in it and removes $WORK/data (the daemons' data, not the results).
start_workspace() {
  WORK="$(mktemp -d "/tmp/lakehouse-bench-$1.XXXXXX")"
  RESULTS="$WORK/results.md"
  declare -gA PIDS=()
  trap 'stop_all; rm -rf "$WORK/data"' EXIT
}

# The JVM flags ./lakehouse gives embedd and the gateway (its HEAP and EXTRA_OPTS; keep them in step).
EMBEDD_JVM=(-Xms32m -Xmx640m -XX:+ExitOnOutOfMemoryError)
GATEWAY_JVM=(-Xms32m -Xmx256m -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED)
