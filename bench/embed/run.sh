#!/usr/bin/env bash
# Benchmark of embedd (issue 3): warm-cache throughput and latency straight to embedd and
# through the gateway, cold throughput of the in-process ONNX model, the Ollama path against a
# local fake with a fixed latency, micro-batching and access log on and off, and embedd's
# resident memory under load.
#
#   flock /tmp/lakehouse-build.lock bench/embed/run.sh [phase ...]
#
# Phases (default: all, in this order): warm-direct warm-gateway warm-gateway-proxied cold-onnx ollama batching-off accesslog-off arena-max
# Builds nothing: it runs embedd/target/embedd-exec.jar and gateway/target/gateway-exec.jar
# (build them with ./mvnw -q install -DskipTests -pl embedd,gateway -am) with the JVM flags
# ./lakehouse uses, and wrk (apt-get install -y wrk). Everything it starts, it stops.
#
# Environment: BENCH_DURATION (20s per measurement), BENCH_WARMUP (30s), BENCH_GATEWAY_WARMUP (90s: the
# gateway's throughput settles after about 60 s of load, while C2 compiles), BENCH_OLLAMA_LATENCY_MS (20),
# BENCH_OLLAMA_DIMENSIONS (768), BENCH_EMBEDD_PORT (18381), BENCH_GATEWAY_PORT (18380), BENCH_OLLAMA_PORT (18334),
# BENCH_GATEWAY_ENV (extra VAR=value settings for the gateway, space-separated; none by default).
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
WARMUP="${BENCH_WARMUP:-30s}"
GATEWAY_WARMUP="${BENCH_GATEWAY_WARMUP:-90s}"
OLLAMA_LATENCY_MS="${BENCH_OLLAMA_LATENCY_MS:-20}"
OLLAMA_DIMENSIONS="${BENCH_OLLAMA_DIMENSIONS:-768}"
EMBEDD_PORT="${BENCH_EMBEDD_PORT:-18381}"
GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18380}"
OLLAMA_PORT="${BENCH_OLLAMA_PORT:-18334}"
TOKEN="bench-internal-token-0123456789abcdef"
# The gateway wants an API key: one with limits no benchmark reaches.
API_KEY="lh_bench-embed-key-0123456789abcdefghijklmnopqrstuv"
# The flags ./lakehouse starts each daemon with (its HEAP and EXTRA_OPTS tables).
PHASES=("$@")
((${#PHASES[@]} == 0)) && PHASES=(warm-direct warm-gateway warm-gateway-proxied cold-onnx ollama batching-off accesslog-off arena-max)

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
for jar in "$EMBEDD_JAR" "$GATEWAY_JAR"; do
  [[ -f "$jar" ]] || { echo "missing $jar; run ./mvnw -q install -DskipTests -pl embedd,gateway -am" >&2; exit 1; }
done

require_free_ports "$EMBEDD_PORT" "$GATEWAY_PORT" "$OLLAMA_PORT"

start_workspace embed

start_ollama() {
  "$JAVA" "$HERE/FakeOllama.java" "$OLLAMA_PORT" "$OLLAMA_LATENCY_MS" "$OLLAMA_DIMENSIONS" >"$WORK/ollama.log" 2>&1 &
  PIDS[ollama]=$!
  wait_ready ollama "http://127.0.0.1:$OLLAMA_PORT/api/version"
}

# start_embedd [VAR=value ...]: environment overrides for this run.
start_embedd() {
  env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_EMBEDD_PORT="$EMBEDD_PORT" \
    OLLAMA_BASE_URL="http://127.0.0.1:$OLLAMA_PORT" "$@" \
    "$JAVA" "${EMBEDD_JVM[@]}" -jar "$EMBEDD_JAR" >"$WORK/embedd.log" 2>&1 &
  PIDS[embedd]=$!
  wait_ready embedd "http://localhost:$EMBEDD_PORT/actuator/health/readiness"
}

# start_gateway [VAR=value ...]: settings for this gateway on top of BENCH_GATEWAY_ENV.
start_gateway() {
  mkdir -p "$WORK/data"
  cat >"$WORK/api-keys.yml" <<KEYS
keys:
  - id: key_bench
    name: embedd benchmark
    sha256: $(printf '%s' "$API_KEY" | sha256sum | cut -d' ' -f1)
    groups: [embed]
    rate: {requests-per-second: 1000000, burst: 1000000}
    max-concurrent: 4096
KEYS
  env LAKEHOUSE_INTERNAL_TOKEN="$TOKEN" LAKEHOUSE_DATA_DIR="$WORK/data" LAKEHOUSE_GATEWAY_PORT="$GATEWAY_PORT" \
    LAKEHOUSE_EMBEDD_URL="http://localhost:$EMBEDD_PORT" LAKEHOUSE_API_KEYS_FILE="$WORK/api-keys.yml" ${BENCH_GATEWAY_ENV:-} "$@" \
    "$JAVA" "${GATEWAY_JVM[@]}" -jar "$GATEWAY_JAR" >"$WORK/gateway.log" 2>&1 &
  PIDS[gateway]=$!
  wait_ready gateway "http://localhost:$GATEWAY_PORT/actuator/health/readiness"
}

# Peak resident memory of embedd while a phase runs.
RSS_FILE="$WORK/rss"
start_rss() {
  echo 0 >"$RSS_FILE"
  (
    peak=0
    while kill -0 "${PIDS[embedd]}" 2>/dev/null; do
      rss="$(awk '/VmRSS/ {print $2}' "/proc/${PIDS[embedd]}/status" 2>/dev/null || echo 0)"
      ((rss > peak)) && peak=$rss && echo "$peak" >"$RSS_FILE"
      sleep 0.5
    done
  ) &
  RSS_SAMPLER=$!
}
# stop_rss: the peak in MiB, and the Java heap at that moment (committed, used), to tell heap from native memory.
stop_rss() {
  kill "$RSS_SAMPLER" 2>/dev/null || true
  wait "$RSS_SAMPLER" 2>/dev/null || true
  local heap
  heap="$("$JAVA_HOME/bin/jcmd" "${PIDS[embedd]}" GC.heap_info 2>/dev/null |
    awk '/heap/ && /committed|total/ { for (i = 1; i <= NF; i++) { if ($i ~ /^(committed|total)$/) c = $(i + 1); if ($i == "used") u = $(i + 1) }
         gsub(/[K,]/, "", c); gsub(/[K,]/, "", u); printf "%d MiB committed, %d MiB used", c / 1024, u / 1024; exit }')"
  echo "$(($(cat "$RSS_FILE") / 1024)) MiB (Java heap at the end: ${heap:-unknown})"
}

# Inputs embedd sent to its backends, and the backend calls that carried them (all backends).
backend_inputs() {
  curl -fsS -m 5 -H "X-Lakehouse-Internal-Token: $TOKEN" "http://localhost:$EMBEDD_PORT/actuator/prometheus" 2>/dev/null |
    awk '/^lakehouse_embedd_batch_size_sum/ { s += $NF } /^lakehouse_embedd_batch_size_count/ { c += $NF } END { printf "%d %d", s, c }'
}

# measure <label> <url> <connections> <duration> <script> [script args...]
# Prints requests/s, p50, p99, non-2xx answers, the cores wrk, embedd and the gateway used
# (CPU seconds / wall seconds; 2.0 is the whole machine), the cores everything else used (the
# fake Ollama, the kernel, any process not ours: a disturbed run shows here), and the mean
# inputs per backend call.
measure() {
  local label="$1" url="$2" connections="$3" duration="$4" script="$5"
  shift 5
  local out="$WORK/wrk-$(date +%s%N).txt" times="$WORK/time-$(date +%s%N).txt"
  local embedd0 gateway0 busy0 inputs0 calls0 start end
  embedd0="$(cpu_seconds embedd)"
  gateway0="$(cpu_seconds gateway)"
  busy0="$(machine_busy)"
  read -r inputs0 calls0 <<<"$(backend_inputs)"
  start="$(date +%s.%N)"
  { TIMEFORMAT='%U %S'; time wrk -t2 -c"$connections" -d"$duration" --latency -s "$HERE/$script" "$url" -- "$@" >"$out" 2>&1; } 2>"$times"
  end="$(date +%s.%N)"
  local rps p50 p99 errors inputs1 calls1 cpu batch
  read -r inputs1 calls1 <<<"$(backend_inputs)"
  rps="$(awk '/Requests\/sec/ {print $2}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  errors="$(awk '/Non-2xx/ {print $NF}' "$out")"
  errors="${errors:-0}"
  cpu="$(awk -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    -v e="$(awk -v a="$embedd0" -v b="$(cpu_seconds embedd)" 'BEGIN { print b - a }')" \
    -v g="$(awk -v a="$gateway0" -v b="$(cpu_seconds gateway)" 'BEGIN { print b - a }')" \
    -v m="$(awk -v a="$busy0" -v b="$(machine_busy)" 'BEGIN { print b - a }')" \
    '{ w = $1 + $2; o = m - w - e - g; if (o < 0) o = 0
       printf "%.2f / %.2f / %.2f / %.2f", w / wall, e / wall, g / wall, o / wall }' "$times")"
  batch="$(awk -v s=$((inputs1 - inputs0)) -v c=$((calls1 - calls0)) 'BEGIN { if (c > 0) printf "%.1f", s / c; else print "-" }')"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$connections" "$rps" "$p50" "$p99" "$errors" "$cpu" "$batch" | tee -a "$RESULTS"
}

# cold_warmup: 15 s of never-seen texts, so the ONNX path is compiled before it is measured.
cold_warmup() { wrk -t2 -c16 -d15s -s "$HERE/unique.lua" "$EMBEDD/v1/embeddings" -- all-minilm 1 >/dev/null 2>&1; }

# warmup <url> [duration]
warmup() { wrk -t2 -c64 -d"${2:-$WARMUP}" -s "$HERE/warm.lua" "$1" >/dev/null 2>&1; }

section() {
  printf '\n%s\n\n| run | connections | requests/s | p50 ms | p99 ms | non-2xx | cores: wrk / embedd / gateway / rest | inputs per backend call |\n|---|---|---|---|---|---|---|---|\n' "$1" | tee -a "$RESULTS"
}

{
  echo "# embedd benchmark $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
  echo "java: $("$JAVA" -version 2>&1 | head -1); embedd JVM: ${EMBEDD_JVM[*]}; gateway JVM: ${GATEWAY_JVM[*]}"
  echo "wrk: 2 threads; $DURATION per measurement after a $WARMUP warm-up ($GATEWAY_WARMUP for the gateway); fake Ollama: ${OLLAMA_LATENCY_MS} ms per call, ${OLLAMA_DIMENSIONS} dimensions"
} | tee "$RESULTS"

start_ollama
start_embedd
EMBEDD="http://localhost:$EMBEDD_PORT"
export EMBEDD_TOKEN="$TOKEN"

for phase in "${PHASES[@]}"; do
  case "$phase" in
    warm-direct)
      section "warm cache, straight to embedd (POST /v1/embeddings, all-minilm, 1 input, float)"
      warmup "$EMBEDD/v1/embeddings"
      start_rss
      measure "warm direct" "$EMBEDD/v1/embeddings" 16 "$DURATION" warm.lua
      measure "warm direct" "$EMBEDD/v1/embeddings" 64 "$DURATION" warm.lua
      ENCODING_FORMAT=base64 measure "warm direct, base64" "$EMBEDD/v1/embeddings" 64 "$DURATION" warm.lua
      echo "embedd peak RSS during warm direct load: $(stop_rss)" | tee -a "$RESULTS"
      ;;
    warm-gateway)
      [[ -n "${PIDS[gateway]:-}" ]] || start_gateway
      section "warm cache, through the gateway${BENCH_GATEWAY_ENV:+ ($BENCH_GATEWAY_ENV)}"
      EMBEDD_TOKEN="" API_KEY="$API_KEY" warmup "http://localhost:$GATEWAY_PORT/v1/embeddings" "$GATEWAY_WARMUP"
      start_rss
      EMBEDD_TOKEN="" API_KEY="$API_KEY" measure "warm via gateway" "http://localhost:$GATEWAY_PORT/v1/embeddings" 16 "$DURATION" warm.lua
      EMBEDD_TOKEN="" API_KEY="$API_KEY" measure "warm via gateway" "http://localhost:$GATEWAY_PORT/v1/embeddings" 64 "$DURATION" warm.lua
      EMBEDD_TOKEN="" API_KEY="$API_KEY" HOT_SET=1000 warmup "http://localhost:$GATEWAY_PORT/v1/embeddings" 15s
      EMBEDD_TOKEN="" API_KEY="$API_KEY" HOT_SET=1000 measure "warm via gateway, 1,000 texts in turn" \
        "http://localhost:$GATEWAY_PORT/v1/embeddings" 64 "$DURATION" warm.lua
      echo "embedd peak RSS during gateway load: $(stop_rss)" | tee -a "$RESULTS"
      stop gateway
      ;;
    warm-gateway-proxied)
      # The gateway's own cache off: every request makes the hop to embedd (and hits embedd's cache).
      start_gateway LAKEHOUSE_GATEWAY_CACHE_ENABLED=false
      section "warm cache, through the gateway with its cache off (every request proxied to embedd)"
      EMBEDD_TOKEN="" API_KEY="$API_KEY" warmup "http://localhost:$GATEWAY_PORT/v1/embeddings" "$GATEWAY_WARMUP"
      EMBEDD_TOKEN="" API_KEY="$API_KEY" measure "warm via gateway, proxied" "http://localhost:$GATEWAY_PORT/v1/embeddings" 16 "$DURATION" warm.lua
      EMBEDD_TOKEN="" API_KEY="$API_KEY" measure "warm via gateway, proxied" "http://localhost:$GATEWAY_PORT/v1/embeddings" 64 "$DURATION" warm.lua
      stop gateway
      ;;
    cold-onnx)
      section "cold: never-seen texts through the in-process ONNX model (all-minilm)"
      cold_warmup
      start_rss
      measure "cold onnx" "$EMBEDD/v1/embeddings" 16 "$DURATION" unique.lua all-minilm 1
      measure "cold onnx" "$EMBEDD/v1/embeddings" 64 "$DURATION" unique.lua all-minilm 1
      echo "embedd peak RSS during cold ONNX load: $(stop_rss)" | tee -a "$RESULTS"
      ;;
    ollama)
      section "Ollama path: never-seen texts to the fake Ollama (${OLLAMA_LATENCY_MS} ms per call), inputs per request 1, 16, 64"
      for batch in 1 16 64; do
        measure "ollama, $batch inputs/request" "$EMBEDD/v1/embeddings" 16 "$DURATION" unique.lua nomic-embed-text "$batch"
      done
      ;;
    batching-off)
      stop embedd
      start_embedd LAKEHOUSE_EMBEDD_BATCHING_ENABLED=false
      section "micro-batching OFF (lakehouse.embedd.batching.enabled=false): same cold runs"
      cold_warmup
      measure "cold onnx, batching off" "$EMBEDD/v1/embeddings" 16 "$DURATION" unique.lua all-minilm 1
      measure "cold onnx, batching off" "$EMBEDD/v1/embeddings" 64 "$DURATION" unique.lua all-minilm 1
      measure "ollama 1 input/request, batching off" "$EMBEDD/v1/embeddings" 16 "$DURATION" unique.lua nomic-embed-text 1
      stop embedd
      start_embedd
      ;;
    accesslog-off)
      stop embedd
      start_embedd SERVER_TOMCAT_ACCESSLOG_ENABLED=false
      section "access log OFF (server.tomcat.accesslog.enabled=false): warm direct"
      warmup "$EMBEDD/v1/embeddings"
      measure "warm direct, access log off" "$EMBEDD/v1/embeddings" 16 "$DURATION" warm.lua
      measure "warm direct, access log off" "$EMBEDD/v1/embeddings" 64 "$DURATION" warm.lua
      stop embedd
      start_embedd
      ;;
    arena-max)
      # glibc gives each thread that allocates natively (ONNX, tokenizer) its own malloc arena
      # and keeps freed memory there; MALLOC_ARENA_MAX caps the arenas.
      stop embedd
      start_embedd MALLOC_ARENA_MAX=2
      section "MALLOC_ARENA_MAX=2: warm direct, then cold ONNX"
      warmup "$EMBEDD/v1/embeddings"
      start_rss
      measure "warm direct, MALLOC_ARENA_MAX=2" "$EMBEDD/v1/embeddings" 64 "$DURATION" warm.lua
      echo "embedd peak RSS during warm direct load with MALLOC_ARENA_MAX=2: $(stop_rss)" | tee -a "$RESULTS"
      cold_warmup
      start_rss
      measure "cold onnx, MALLOC_ARENA_MAX=2" "$EMBEDD/v1/embeddings" 64 "$DURATION" unique.lua all-minilm 1
      echo "embedd peak RSS during cold ONNX load with MALLOC_ARENA_MAX=2: $(stop_rss)" | tee -a "$RESULTS"
      stop embedd
      start_embedd
      ;;
    *)
      echo "unknown phase $phase" >&2
      exit 1
      ;;
  esac
done

echo
echo "results: $RESULTS"
