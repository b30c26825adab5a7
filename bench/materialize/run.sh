#!/usr/bin/env bash
# Benchmark of materializerd's sft recipe (issue 7): generates lakes of realistic observations
# (bench/materialize/out/, kept out of git), runs the daemon's executable jar on each with the
# heap ./lakehouse gives it, starts an sft job through the API, and reports records/s and the
# daemon's resident memory (peak VmRSS sampled every 200 ms, and VmHWM).
#
# Usage: bench/materialize/run.sh [records ...]      (default: 100000 1000000)
#   env: HEAP (default 384m, as ./lakehouse), RUNS (jobs per lake, default 2: the first includes JIT warm-up)
# Run it under the shared lock: flock /tmp/lakehouse-build.lock bench/materialize/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/materialize
JAVA=${JAVA:-$("$ROOT/.mvn/find-jdk")/bin/java}
JAR=$ROOT/materializerd/target/materializerd-exec.jar
HEAP=${HEAP:-384m}
RUNS=${RUNS:-2}
PORT=${PORT:-18085}
TOKEN=bench-internal-token-0123456789
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100000 1000000)
[[ -f "$JAR" ]] || { echo "no $JAR: run ./mvnw -pl materializerd -am package -DskipTests first" >&2; exit 1; }

api() { curl -sf -H "X-Lakehouse-Internal-Token: $TOKEN" -H 'Content-Type: application/json' "$@"; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d'+sys.argv[1]))" "$1"; }

for N in "${SIZES[@]}"; do
  DATA=$HERE/out/data-$N
  if [[ ! -d $DATA/lake/observations ]]; then
    echo "generating $N observations into $DATA/lake ..."
    "$JAVA" "$HERE/GenerateLake.java" "$DATA/lake" "$N"
  fi
  rm -rf "$DATA/lake/datasets" "$DATA/materializerd"
  LAKE_BYTES=$(du -sb "$DATA/lake/observations" | cut -f1)
  cat "$DATA"/lake/observations/*/* > /dev/null   # warm the page cache: both sizes are measured from memory

  LAKEHOUSE_DATA_DIR=$DATA LAKEHOUSE_INTERNAL_TOKEN=$TOKEN LAKEHOUSE_MATERIALIZERD_PORT=$PORT \
    "$JAVA" -Xms32m "-Xmx$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" > "$DATA/daemon.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    curl -sf "http://localhost:$PORT/actuator/health/readiness" > /dev/null 2>&1 && break
    sleep 0.2
  done

  for RUN in $(seq 1 "$RUNS"); do
    ID=$(api -X POST "http://localhost:$PORT/v1/materializations" -d "{\"recipe\":\"sft\",\"name\":\"bench-$RUN\"}" | field "['id']")
    PEAK=0
    while :; do
      RSS=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
      (( RSS > PEAK )) && PEAK=$RSS
      STATE=$(api "http://localhost:$PORT/v1/materializations/$ID" | field "['state']")
      [[ $STATE == queued || $STATE == running ]] || break
      sleep 0.2
    done
    JOB=$(api "http://localhost:$PORT/v1/materializations/$ID")
    HWM=$(awk '/VmHWM/ {print $2}' /proc/$PID/status)
    echo "$JOB" | python3 -c "
import json, sys, datetime
j = json.load(sys.stdin)
t = lambda s: datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
secs = (t(j['finishedAt']) - t(j['startedAt'])).total_seconds()
c = j['counts']
print(f\"records=$N run=$RUN state={j['state']} read={c['read']} kept={c['kept']} dropped={c['dropped']} \"
      f\"torn={c['tornLines']} invalid={c['invalidLines']} seconds={secs:.2f} records_per_s={c['read']/secs:,.0f} \"
      f\"MB_per_s={$LAKE_BYTES/secs/1e6:,.1f} peak_rss_mib={$PEAK/1024:.0f} vmhwm_mib={$HWM/1024:.0f} heap=$HEAP\")
"
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true
  trap - EXIT
done
