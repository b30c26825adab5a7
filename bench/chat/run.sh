#!/usr/bin/env bash
# Benchmark of chatd (issue 5): added latency over a zero-latency fake OpenAI at 100 and 1,000 req/s
# (open loop, p50/p99), stream time-to-first-byte overhead, and the observation queue.
#
#   flock /tmp/lakehouse-build.lock bench/chat/run.sh [seconds per measurement, default 30]
#
# Builds nothing: it runs chatd/target/chatd-exec.jar (./mvnw -q install -DskipTests -pl chatd -am).
# chatd gets the flags ./lakehouse gives it (-Xms32m -Xmx384m -XX:+UseParallelGC); CHATD_JVM_OPTS adds
# more, e.g. CHATD_JVM_OPTS="-XX:-UseParallelGC -XX:+UseG1GC" to compare with G1.
# Everything it starts (the fake provider, two chatd processes), it stops.
#
#   flock /tmp/lakehouse-build.lock bench/chat/run.sh compare OTHER.jar [rounds, default 10] [seconds, default 10]
#
# compares the added p50 at 100 req/s of chatd/target's jar (A) and OTHER.jar (B), both running at once
# on one fake: each round measures the fake, A and B (order alternating) and the fake again, and counts the
# context switches of each chatd's threads per request (/proc). CHATD_B_OPTS adds flags to B only, so
# OTHER.jar may be the same jar with other flags.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAVA_HOME="$("$ROOT/.mvn/find-jdk")"
JAR="$ROOT/chatd/target/chatd-exec.jar"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -q install -DskipTests -pl chatd -am first" >&2; exit 1; }
if [ "${1:-}" = compare ]; then
  [ -f "${2:-}" ] || { echo "usage: bench/chat/run.sh compare OTHER.jar [rounds] [seconds]" >&2; exit 2; }
  exec "$JAVA_HOME/bin/java" -Xmx2g "$HERE/ChatBench.java" "$JAR" "${4:-10}" compare "$2" "${3:-10}"
fi
exec "$JAVA_HOME/bin/java" -Xmx2g -Dsun.net.httpserver.nodelay=true "$HERE/ChatBench.java" "$JAR" "${1:-30}"
