#!/usr/bin/env bash
# The test stage's tests run real tools: git (diffs, shallow clones), Go (`go test -coverprofile`),
# gcc + gcovr (cobertura with <source> roots), pytest (JUnit XML) and Node's test runner (lcov,
# JUnit). Idempotent and non-interactive; run as root by .ci/run.
set -euo pipefail

need_apt=()
command -v git >/dev/null 2>&1 || need_apt+=(git)
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
command -v gcc >/dev/null 2>&1 || need_apt+=(gcc)
command -v gcovr >/dev/null 2>&1 || need_apt+=(gcovr)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
python3 -c 'import pytest' 2>/dev/null || need_apt+=(python3-pytest)
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  [ "${SHIPKIT_APT_UPDATED:-}" = 1 ] || flock /tmp/apt.lock apt-get update -qq
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi
