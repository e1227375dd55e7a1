#!/usr/bin/env bash
# Tools the scan stage's findings tests run for real: jq (the bench's peer), pnpm and yarn berry (their
# audits against a local advisory endpoint), osv-scanner (the Python and Go audit, offline against a local
# OSV database). The npm CLI comes with node. Trivy itself is .ci/setup/scan.sh's. Idempotent; run as root.
set -euo pipefail

command -v jq >/dev/null 2>&1 || {
  export DEBIAN_FRONTEND=noninteractive
  [ -n "${SHIPKIT_APT_UPDATED:-}" ] || flock /tmp/apt.lock apt-get update -qq
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends jq >/dev/null
}

# pnpm and yarn berry from the npm registry, in a directory of their own (not on the global PATH).
PM_DIR=/var/cache/shipkit/node-pm
PNPM_VERSION=10.34.9
YARN_VERSION=4.18.1
if [ "$("$PM_DIR/node_modules/.bin/pnpm" --version 2>/dev/null || true)" != "$PNPM_VERSION" ] ||
  [ "$(node "$PM_DIR/node_modules/@yarnpkg/cli-dist/bin/yarn.js" --version 2>/dev/null || true)" != "$YARN_VERSION" ]; then
  mkdir -p "$PM_DIR"
  npm install --no-audit --no-fund --no-save --prefix "$PM_DIR" "pnpm@$PNPM_VERSION" "@yarnpkg/cli-dist@$YARN_VERSION" >/dev/null
fi

# osv-scanner from the Go module proxy (v2.2.4: the newest that builds with Go 1.26).
OSV_VERSION=v2.2.4
OSV_DIR=/var/cache/shipkit/osv-scanner-$OSV_VERSION
if ! "$OSV_DIR/osv-scanner" --version 2>/dev/null | grep -q "version: ${OSV_VERSION#v}"; then
  mkdir -p "$OSV_DIR"
  GOBIN="$OSV_DIR" PATH="$PATH:/usr/local/go/bin" go install "github.com/google/osv-scanner/v2/cmd/osv-scanner@$OSV_VERSION"
fi
