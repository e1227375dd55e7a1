#!/usr/bin/env bash
# smoke stage: the tests make their CA and server certificates with the openssl CLI; the benchmark
# compares latency and CPU per request with hey (github.com/rakyll/hey, from the Go module proxy,
# pinned) on the same local server, and wall time with curl run once per check (as curl-based
# health-check actions do). Idempotent and non-interactive; run as root by .ci/run before the tests.
set -euo pipefail

need_apt=()
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3) # the bench reads hey's CPU time with getrusage
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${SHIPKIT_APT_UPDATED:-}" ]; then flock /tmp/apt.lock apt-get update -qq; fi
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${need_apt[@]}" ca-certificates
fi

if ! command -v hey >/dev/null 2>&1; then
  if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then export PATH="$PATH:/usr/local/go/bin"; fi
  if ! command -v go >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "${SHIPKIT_APT_UPDATED:-}" ]; then flock /tmp/apt.lock apt-get update -qq; fi
    flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends golang-go
  fi
  GOBIN=/usr/local/bin go install github.com/rakyll/hey@v0.1.5
fi
openssl version
curl --version | head -n 1
command -v hey
