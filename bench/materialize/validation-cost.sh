#!/usr/bin/env bash
# Per-record cost of parsing and validating lake records, single thread (see ValidationCost.java).
# Usage: bench/materialize/validation-cost.sh [records]   (default 100000; generates the lake like run.sh)
# Run it under the shared lock: flock /tmp/lakehouse-build.lock bench/materialize/validation-cost.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/materialize
JAVA=${JAVA:-$("$ROOT/.mvn/find-jdk")/bin/java}
N=${1:-100000}
DATA=$HERE/out/data-$N
[[ -d $DATA/lake/observations ]] || "$JAVA" "$HERE/GenerateLake.java" "$DATA/lake" "$N"
(cd "$ROOT" && ./mvnw -q -pl chassis dependency:build-classpath -Dmdep.outputFile="$HERE/out/chassis.classpath" >/dev/null)
"$JAVA" -Xmx512m -cp "$(cat "$HERE/out/chassis.classpath"):$ROOT/chassis/target/classes" "$HERE/ValidationCost.java" "$DATA/lake"
