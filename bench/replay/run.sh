#!/usr/bin/env bash
# Benchmark of replayd: records/s replayed from a lake of observations against a zero-latency
# fake chatd and embedd with the real validated, at the default checkpoint batch (16) and at
# 1,024, and replayd's resident memory.
#
#   flock /tmp/lakehouse-build.lock bench/replay/run.sh [records per run, default 20000] [runs, default 2]
#
# Builds nothing: it runs replayd/target/replayd-exec.jar and validated/target/validated-exec.jar
# (./mvnw -q install -DskipTests). The lake is bench/materialize's 100k lake (generated if missing).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAVA_HOME="$("$ROOT/.mvn/find-jdk")"
for d in replayd validated; do
  [ -f "$ROOT/$d/target/$d-exec.jar" ] || { echo "no $d-exec.jar: run ./mvnw -q install -DskipTests first" >&2; exit 1; }
done
LAKE="$ROOT/bench/materialize/out/data-100000/lake"
if [ ! -d "$LAKE/observations" ]; then
  "$JAVA_HOME/bin/java" "$ROOT/bench/materialize/GenerateLake.java" "$LAKE" 100000
fi
exec "$JAVA_HOME/bin/java" -Xmx1g "$HERE/ReplayBench.java" "$ROOT/replayd/target/replayd-exec.jar" \
  "$ROOT/validated/target/validated-exec.jar" "$LAKE/observations" "${1:-20000}" "${2:-2}"
