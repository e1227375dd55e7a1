#!/usr/bin/env bash
# smoke stage: the tests make their CA and server certificates with the openssl CLI, and the
# benchmark compares against curl run once per check (as curl-based health-check actions do).
# Idempotent and non-interactive; run as root by .ci/run before the tests.
set -euo pipefail

need_apt=()
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${SHIPKIT_APT_UPDATED:-}" ]; then flock /tmp/apt.lock apt-get update -qq; fi
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${need_apt[@]}" ca-certificates
fi
openssl version
curl --version | head -n 1
