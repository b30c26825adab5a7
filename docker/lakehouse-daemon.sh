#!/bin/sh
# Entry point and health check of every Lakehouse daemon image.
#
#   lakehouse-daemon run      start the daemon named by LAKEHOUSE_DAEMON in the foreground (PID 1 via exec)
#   lakehouse-daemon health   exit 0 when the daemon's readiness group is UP (the image's HEALTHCHECK)
#
# The health check speaks HTTP over bash's /dev/tcp, so an image needs neither curl nor wget, and
# it works on the offline base image and on public JRE images alike.
set -eu

daemon="${LAKEHOUSE_DAEMON:?LAKEHOUSE_DAEMON is not set; the image build sets it}"

default_port() {
  case "$1" in
    gateway) echo 8080 ;;
    embedd) echo 8081 ;;
    vectord) echo 8082 ;;
    chatd) echo 8083 ;;
    validated) echo 8084 ;;
    materializerd) echo 8085 ;;
    replayd) echo 8086 ;;
    *) echo "lakehouse-daemon: unknown daemon '$1'" >&2; exit 2 ;;
  esac
}

port() {
  var="LAKEHOUSE_$(echo "$daemon" | tr '[:lower:]' '[:upper:]')_PORT"
  eval "value=\${$var:-}"
  if [ -n "$value" ]; then echo "$value"; else default_port "$daemon"; fi
}

# Flags a daemon needs whatever its memory: Lucene's SIMD needs the incubating vector module
# (vectord); Netty (gateway) and ONNX Runtime (embedd) load native code.
daemon_flags() {
  case "$1" in
    vectord) echo "--add-modules=jdk.incubator.vector" ;;
    gateway|embedd) echo "--enable-native-access=ALL-UNNAMED" ;;
    # A lower latency tail than G1 for the chat proxy (docs/benchmarks.md, chatd), unless the
    # operator picks a collector in JAVA_OPTS: the JVM refuses two.
    chatd) case " ${JAVA_OPTS:-} " in *" -XX:+Use"*"GC "*) ;; *) echo "-XX:+UseParallelGC" ;; esac ;;
    *) echo "" ;;
  esac
}

command="${1:-run}"
[ "$#" -gt 0 ] && shift

case "$command" in
  run)
    # Container-aware heap: a share of the memory limit (cgroup), not of the host. The rest is
    # metaspace, thread stacks, direct buffers and (embedd) ONNX Runtime's native arenas.
    # JAVA_OPTS comes last, so an operator's flag wins over these defaults.
    # shellcheck disable=SC2046,SC2086
    exec java \
      -XX:MaxRAMPercentage="${LAKEHOUSE_MAX_RAM_PERCENTAGE:-70}" \
      -XX:InitialRAMPercentage=10 \
      -XX:+ExitOnOutOfMemoryError \
      -Djava.io.tmpdir=/tmp \
      $(daemon_flags "$daemon") \
      ${JAVA_OPTS:-} \
      org.springframework.boot.loader.launch.JarLauncher "$@"
    ;;
  health)
    exec bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3
      IFS= read -r -t 2 status <&3 || exit 1
      case "$status" in "HTTP/1."?" 200"*) exit 0 ;; *) exit 1 ;; esac
    ' health "$(port)"
    ;;
  *)
    echo "usage: lakehouse-daemon run|health" >&2
    exit 2
    ;;
esac
