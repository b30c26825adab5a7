#!/usr/bin/env bash
# Builds the Lakehouse images with no registry: an offline base image (Debian bookworm from
# Debian's package mirror via debootstrap, plus a jlink'ed Java runtime from the local JDK),
# then the seven daemon images and a Prometheus image on top of it.
#
#   docker/build-images.sh [--base-only] [daemon|prometheus ...]
#
# The daemons' executable jars must exist (./mvnw -DskipTests package). With no names, all
# seven daemons and Prometheus are built. The base is rebuilt only when its inputs change
# (Debian suite, packages, Java modules, the JDK's version, this script's base section): its
# tag is a digest of those inputs.
#
# Environment:
#   LAKEHOUSE_IMAGE_PREFIX   image name prefix (default: lakehouse)
#   LAKEHOUSE_IMAGE_TAG      tag of the daemon and Prometheus images (default: latest)
#   DEBIAN_MIRROR            debootstrap mirror (default: http://deb.debian.org/debian)
#   JAVA_HOME                the JDK whose jlink makes the runtime (default: .mvn/find-jdk)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="${LAKEHOUSE_IMAGE_PREFIX:-lakehouse}"
TAG="${LAKEHOUSE_IMAGE_TAG:-latest}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=bookworm
DAEMONS=(gateway embedd vectord chatd validated materializerd replayd)

# --- base image inputs: change any of these and the base is rebuilt ---------------------
# bash: the images' health check; passwd: useradd in the Dockerfile; libstdc++6 and
# libgomp1: ONNX Runtime's native library (embedd); ca-certificates: provider calls over TLS.
BASE_PACKAGES=bash,passwd,ca-certificates,libstdc++6,libgomp1,tzdata
JAVA_MODULES=java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,\
java.desktop,java.instrument,java.security.jgss,java.security.sasl,java.compiler,java.scripting,\
jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.jfr,jdk.management.jfr,jdk.naming.dns,jdk.zipfs,\
jdk.localedata,jdk.incubator.vector
BASE_RECIPE_VERSION=2
# --------------------------------------------------------------------------------------------

say() { printf 'build-images: %s\n' "$*"; }
die() { printf 'build-images: %s\n' "$*" >&2; exit 1; }

base_only=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --base-only) base_only=1 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) targets+=("$arg") ;;
  esac
done
((${#targets[@]})) || targets=("${DAEMONS[@]}" prometheus)

command -v docker >/dev/null || die "docker is not installed"
docker info >/dev/null 2>&1 || die "the Docker engine does not answer (start dockerd)"

JAVA_HOME="${JAVA_HOME:-}"
JAVA_HOME="$("$ROOT/.mvn/find-jdk")" || exit 1
JDK_VERSION="$("$JAVA_HOME/bin/java" -version 2>&1 | tr '\n' ' ')"

inputs_digest() {
  printf '%s\n' "$SUITE" "$MIRROR" "$BASE_PACKAGES" "$JAVA_MODULES" "$JDK_VERSION" "$BASE_RECIPE_VERSION" \
    | sha256sum | cut -c1-16
}
BASE_IMAGE="$PREFIX/base:$(inputs_digest)"

build_base() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    say "base $BASE_IMAGE is up to date"
    docker tag "$BASE_IMAGE" "$PREFIX/base:latest"
    return
  fi
  [[ $(id -u) -eq 0 ]] || die "debootstrap needs root to build the base image"
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  local start=$SECONDS work
  work="$(mktemp -d /tmp/lakehouse-base.XXXXXX)"
  trap 'rm -rf "$work"' RETURN
  say "debootstrap $SUITE (minbase + $BASE_PACKAGES) from $MIRROR ..."
  debootstrap --variant=minbase --include="$BASE_PACKAGES" "$SUITE" "$work/rootfs" "$MIRROR" \
    >"$work/debootstrap.log" 2>&1 || { tail -30 "$work/debootstrap.log"; die "debootstrap failed"; }
  # Nothing in the images runs apt: drop its caches and lists, and docs the runtime never reads.
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"* \
    "$work/rootfs/usr/share/doc/"* "$work/rootfs/usr/share/man/"* "$work/rootfs/usr/share/info/"* \
    "$work/rootfs/usr/share/locale/"*
  say "jlink a Java runtime from $JAVA_HOME ..."
  "$JAVA_HOME/bin/jlink" --add-modules "$JAVA_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$work/rootfs/opt/java" >"$work/jlink.log" 2>&1 \
    || { cat "$work/jlink.log"; die "jlink failed"; }
  say "import $BASE_IMAGE ..."
  tar -C "$work/rootfs" -c . | docker import \
    -c 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV JAVA_HOME=/opt/java' \
    -c 'ENV LANG=C.UTF-8' \
    -c 'CMD ["bash"]' \
    - "$BASE_IMAGE" >/dev/null
  docker tag "$BASE_IMAGE" "$PREFIX/base:latest"
  docker run --rm "$BASE_IMAGE" java -version >/dev/null 2>&1 || die "java does not run in $BASE_IMAGE"
  say "base built in $((SECONDS - start)) s"
}

# Runs a build with its output in a log that is shown only when it fails.
quietly() {
  local name="$1" log
  shift
  log="$(mktemp "/tmp/lakehouse-build-$name.XXXXXX.log")"
  if ! "$@" >"$log" 2>&1; then
    tail -40 "$log" >&2
    rm -f "$log"
    die "building $name failed"
  fi
  rm -f "$log"
}

build_daemon() {
  local daemon="$1" jar="$ROOT/$1/target/$1-exec.jar" start=$SECONDS
  [[ -f "$jar" ]] || die "no $jar; run ./mvnw -DskipTests package first"
  quietly "$daemon" docker build -f "$ROOT/docker/Dockerfile" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg DAEMON="$daemon" \
    --build-arg VERSION="$TAG" \
    -t "$PREFIX/$daemon:$TAG" "$ROOT"
  say "$PREFIX/$daemon:$TAG built in $((SECONDS - start)) s"
}

build_prometheus() {
  local start=$SECONDS work version
  work="$(mktemp -d /tmp/lakehouse-prometheus.XXXXXX)"
  trap 'rm -rf "$work"' RETURN
  # Debian's prometheus package: its binaries are self-contained Go programs; the image takes
  # prometheus and promtool from it and runs them on the base.
  if ! apt-cache show prometheus >/dev/null 2>&1; then apt-get update -qq; fi
  chmod 755 "$work"  # apt fetches as its own user (_apt)
  (cd "$work" && apt-get download -qq -o APT::Sandbox::User=root prometheus >/dev/null) || die "apt-get download prometheus failed"
  dpkg-deb -x "$work"/prometheus_*.deb "$work/deb"
  version="$(dpkg-deb -f "$work"/prometheus_*.deb Version)"
  mkdir -p "$work/context/bin"
  cp "$work/deb/usr/bin/prometheus" "$work/deb/usr/bin/promtool" "$work/context/bin/"
  cp "$ROOT/docker/prometheus/Dockerfile" "$work/context/"
  quietly prometheus docker build --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg VERSION="$version" \
    -t "$PREFIX/prometheus:$TAG" "$work/context"
  say "$PREFIX/prometheus:$TAG (Debian prometheus $version) built in $((SECONDS - start)) s"
}

total=$SECONDS
build_base
((base_only)) && exit 0
for target in "${targets[@]}"; do
  case "$target" in
    prometheus) build_prometheus ;;
    gateway|embedd|vectord|chatd|validated|materializerd|replayd) build_daemon "$target" ;;
    *) die "unknown image '$target' (daemons: ${DAEMONS[*]}, or prometheus)" ;;
  esac
done
# The extraction stage of each daemon build, and the previous image of a rebuilt daemon, stay
# behind untagged; neither is used again.
docker image prune -f --filter label=dev.lakehouse.stage=layers >/dev/null
docker image prune -f --filter label=dev.lakehouse.image >/dev/null
say "done in $((SECONDS - total)) s"
