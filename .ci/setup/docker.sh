#!/usr/bin/env bash
# docker stage: the tests build real images with no Docker daemon. Podman (Debian's) serves the Docker API
# on a socket each test starts, with runc for RUN steps (crun refuses hybrid cgroup hosts) and a temporary
# store; the Docker CLI talks to it through DOCKER_HOST. Debian's docker-registry is the registry (and,
# read-only, the mirror of docker.io and gcr.io holding the base images); htpasswd writes its logins;
# skopeo reads pushed images back as a second client. buildx and BuildKit (buildkitd, and the Dockerfile
# frontend image for `# syntax=docker/dockerfile:1`) are built from the Go module proxy and kept by version
# under $SHIPKIT_CACHE: Podman serves no BuildKit, so the buildx tests run buildkitd and use buildx's
# `remote` driver. Finally the base images are built (tests/fixtures/docker/base-images/build.sh, cached).
# Idempotent and non-interactive; run as root by .ci/run.
set -euo pipefail

BUILDX_VERSION=0.38.2   # keep equal to tests/docker/support/tools.ts
BUILDKIT_VERSION=0.34.2 # the BuildKit that buildx v0.38.2 is built against
cache="${SHIPKIT_CACHE:-/var/cache/shipkit}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="$PATH:/usr/local/go/bin"; fi
need_apt=()
command -v podman >/dev/null 2>&1 || need_apt+=(podman)
command -v runc >/dev/null 2>&1 || need_apt+=(runc)
command -v skopeo >/dev/null 2>&1 || need_apt+=(skopeo)
command -v docker-registry >/dev/null 2>&1 || need_apt+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || need_apt+=(apache2-utils)
[ -x /bin/busybox ] && /bin/busybox --list >/dev/null 2>&1 && ldd /bin/busybox 2>&1 | grep -q 'not a dynamic' ||
  need_apt+=(busybox-static)
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
# The Docker CLI: Debian ships it only inside docker.io (its daemon is never started here).
command -v docker >/dev/null 2>&1 || need_apt+=(docker.io)
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  [ -n "${SHIPKIT_APT_UPDATED:-}" ] || flock /tmp/apt.lock apt-get update -qq
  # Package service starts are refused in containers (policy-rc.d); the tests start their own processes.
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

mkdir -p "$cache"
# build_into DIR BINARY… -- GO-BUILD-ARGUMENTS…: `go build` into a temporary directory, then the binaries
# are moved into DIR, so an interrupted build never leaves one that looks complete.
build_into() {
  local dir="$1" bins=() arg
  shift
  while [ "$1" != -- ]; do
    bins+=("$1")
    shift
  done
  shift
  local tmp
  tmp="$(mktemp -d "$cache/.build-XXXXXX")"
  go build -o "$tmp/" "$@"
  mkdir -p "$dir"
  for arg in "${bins[@]}"; do mv -f "$tmp/$arg" "$dir/$arg"; done
  rm -rf "$tmp"
}

buildx_dir="$cache/buildx-v$BUILDX_VERSION"
if ! "$buildx_dir/docker-buildx" version 2>/dev/null | grep -q "v$BUILDX_VERSION"; then
  echo "buildx: building v$BUILDX_VERSION into $buildx_dir"
  src="$(go mod download -json "github.com/docker/buildx@v$BUILDX_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  (cd "$src" && build_into "$buildx_dir" buildx -- -trimpath \
    -ldflags "-s -w -X github.com/docker/buildx/version.Version=v$BUILDX_VERSION" ./cmd/buildx)
  mv -f "$buildx_dir/buildx" "$buildx_dir/docker-buildx"
fi
echo "buildx: $("$buildx_dir/docker-buildx" version)"

buildkit_dir="$cache/buildkit-v$BUILDKIT_VERSION"
if ! "$buildkit_dir/buildkitd" --version 2>/dev/null | grep -q "v$BUILDKIT_VERSION" || [ ! -x "$buildkit_dir/dockerfile-frontend" ]; then
  echo "buildkit: building v$BUILDKIT_VERSION into $buildkit_dir"
  # `go install …@version` refuses BuildKit's go.mod (it has exclude directives): build in the module's source.
  src="$(go mod download -json "github.com/moby/buildkit@v$BUILDKIT_VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  (cd "$src" && build_into "$buildkit_dir" buildkitd buildctl -- -trimpath \
    -ldflags "-s -w -X github.com/moby/buildkit/version.Version=v$BUILDKIT_VERSION" ./cmd/buildkitd ./cmd/buildctl)
  (cd "$src" && CGO_ENABLED=0 build_into "$buildkit_dir" dockerfile-frontend -- -trimpath -ldflags "-s -w" \
    ./frontend/dockerfile/cmd/dockerfile-frontend)
fi
echo "buildkit: $("$buildkit_dir/buildkitd" --version)"

SHIPKIT_CACHE="$cache" SHIPKIT_DOCKERFILE_FRONTEND="$buildkit_dir/dockerfile-frontend" \
  bash "$here/tests/fixtures/docker/base-images/build.sh" >/dev/null
podman --version
docker --version
