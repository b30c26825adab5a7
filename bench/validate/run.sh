#!/usr/bin/env bash
# Throughput of validated (issue 6): a typical email draft and a typical shift fill, both sent as
# raw model output (payloads/email.json, payloads/fill.json), the way chatd sends them.
#
#   in-process  InProcessBench.java on one thread, pinned to one core with taskset: validations/s per core
#   HTTP        validated-exec.jar with the JVM flags ./lakehouse uses, wrk on POST /v1/validate
#
#   flock /tmp/lakehouse-build.lock bench/validate/run.sh
#
# Builds nothing: it needs validated/target/validated-exec.jar and validated/target/classes
# (./mvnw -q install -DskipTests -pl validated -am) and wrk (apt-get install -y wrk). Everything it
# starts, it stops. Environment: BENCH_SECONDS (10 per in-process round), BENCH_DURATION (20s per wrk
# run), BENCH_WARMUP (15s), BENCH_PORT (18284), BENCH_CONNECTIONS ("16 64").
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAVA_HOME="$("$ROOT/.mvn/find-jdk")"
JAVA="$JAVA_HOME/bin/java"
JAR="$ROOT/validated/target/validated-exec.jar"
SECONDS_PER_ROUND="${BENCH_SECONDS:-10}"
DURATION="${BENCH_DURATION:-20s}"
WARMUP="${BENCH_WARMUP:-15s}"
PORT="${BENCH_PORT:-18284}"
CONNECTIONS="${BENCH_CONNECTIONS:-16 64}"
TOKEN="bench-internal-token-0123456789abcdef"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
[[ -f "$JAR" ]] || { echo "missing $JAR; run ./mvnw -q install -DskipTests -pl validated -am" >&2; exit 1; }

WORK="$(mktemp -d /tmp/lakehouse-bench-validate.XXXXXX)"
PID=""
cleanup() {
  if [[ -n "$PID" ]]; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "## machine"
echo "nproc: $(nproc); $(lscpu | sed -n 's/^Model name: *//p'); memory: $(free -g | awk '/^Mem:/ {print $2}') GiB; $("$JAVA" -version 2>&1 | head -1)"
echo

echo "## in-process, one thread on one core (taskset -c 1)"
# The daemon's own classpath: the exec jar's BOOT-INF/classes and BOOT-INF/lib, unpacked.
mkdir -p "$WORK/app" "$WORK/bench-classes"
(cd "$WORK/app" && "$JAVA_HOME/bin/jar" xf "$JAR")
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
"$JAVA_HOME/bin/javac" -d "$WORK/bench-classes" -cp "$CP" "$HERE/InProcessBench.java"
taskset -c 1 "$JAVA" -Xms256m -Xmx256m -XX:+ExitOnOutOfMemoryError -cp "$WORK/bench-classes:$CP" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn InProcessBench "$HERE/payloads" "$SECONDS_PER_ROUND" 2>&1 \
  | grep -v -E "DEBUG|INFO"
echo

echo "## HTTP: POST /v1/validate with wrk (2 threads) on the same 2-core machine"
env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_VALIDATED_PORT="$PORT" \
  "$JAVA" -Xms32m -Xmx384m -XX:+ExitOnOutOfMemoryError -jar "$JAR" >"$WORK/validated.log" 2>&1 &
PID=$!
for _ in $(seq 1 240); do
  curl -fsS -m 2 -o /dev/null "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null && break
  kill -0 "$PID" 2>/dev/null || { echo "validated died:"; tail -30 "$WORK/validated.log"; exit 1; }
  sleep 0.5
done
for kind in email fill; do
  verdict="$(curl -fsS -H "X-Lakehouse-Internal-Token: $TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$HERE/payloads/$kind.json" "http://localhost:$PORT/v1/validate")"
  echo "$kind verdict: $verdict" | cut -c1-200
  export BENCH_BODY_FILE="$HERE/payloads/$kind.json" BENCH_TOKEN="$TOKEN"
  wrk -t2 -c16 -d"$WARMUP" -s "$HERE/validate.lua" "http://localhost:$PORT/v1/validate" >/dev/null
  for connections in $CONNECTIONS; do
    echo "### $kind, $connections connections, $DURATION"
    wrk -t2 -c"$connections" -d"$DURATION" --latency -s "$HERE/validate.lua" "http://localhost:$PORT/v1/validate" \
      | grep -E "Requests/sec|Latency  |50%|99%|Non-2xx|Socket errors"
  done
done
echo
echo "validated log: $(grep -c ' ERROR ' "$WORK/validated.log" || true) error lines"
