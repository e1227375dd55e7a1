#!/usr/bin/env bash
# The scan stage's tests run the real Trivy against a vulnerability database built for them
# (tests/fixtures/trivy-db), pushed with oras as an OCI artifact to a real registry (Debian's
# docker-registry) that each test starts on 127.0.0.1 with its own config and storage.
#
# Go tools are built from the Go module proxy once and kept by version under $SHIPKIT_CACHE
# (/var/cache/shipkit survives between CI runs): Trivy takes ~8 minutes on 2 cores, so a run that
# finds the binary answering `--version` with the pinned version skips the build.
# Idempotent and non-interactive; run as root by .ci/run.
set -euo pipefail

TRIVY_VERSION=0.74.0 # keep equal to the trivy-version default in scan/action.yml
ORAS_VERSION=1.3.6
cache="${SHIPKIT_CACHE:-/var/cache/shipkit}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="$PATH:/usr/local/go/bin"; fi
need_apt=()
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
command -v docker-registry >/dev/null 2>&1 || need_apt+=(docker-registry)
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  [ -n "${SHIPKIT_APT_UPDATED:-}" ] || flock /tmp/apt.lock apt-get update -qq
  # The package's own service start is refused in containers (policy-rc.d); the tests start their own registry.
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# go_tool <dir> <binary> <version argument> <expected version line> <go install args…>: builds into
# <dir> unless the binary there already reports the expected version. Written to a temporary directory first and
# moved into place, so an interrupted build never leaves a binary that looks complete.
go_tool() {
  local dir="$1" bin="$2" ask="$3" want="$4"
  shift 4
  if [ -x "$dir/$bin" ] && "$dir/$bin" "$ask" 2>/dev/null | grep -qxF "$want"; then
    echo "$bin: $dir/$bin ($want)"
    return
  fi
  echo "$bin: building into $dir (go install $*)"
  local tmp
  tmp="$(mktemp -d "$cache/.build-XXXXXX")"
  GOBIN="$tmp" go install "$@"
  "$tmp/$bin" "$ask" | grep -qxF "$want" || {
    echo "$bin: the build does not report '$want'" >&2
    exit 1
  }
  mkdir -p "$dir"
  mv -f "$tmp/$bin" "$dir/$bin"
  rmdir "$tmp"
}

mkdir -p "$cache"
# As Trivy's release build does (goreleaser.yml): jsonv2, stripped, the version stamped in.
GOEXPERIMENT=jsonv2 go_tool "$cache/trivy-v$TRIVY_VERSION" trivy --version "Version: $TRIVY_VERSION" \
  -ldflags "-s -w -X github.com/aquasecurity/trivy/pkg/version/app.ver=$TRIVY_VERSION" \
  "github.com/aquasecurity/trivy/cmd/trivy@v$TRIVY_VERSION"
go_tool "$cache/oras-v$ORAS_VERSION" oras version "Version:    $ORAS_VERSION" -ldflags "-s -w" \
  "oras.land/oras/cmd/oras@v$ORAS_VERSION"

# The program that writes the tests' vulnerability database (cached by a hash of its sources).
SHIPKIT_CACHE="$cache" bash "$here/tests/fixtures/trivy-db/build.sh" >/dev/null
