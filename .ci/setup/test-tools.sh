#!/usr/bin/env bash
# Tools that write the coverage and test reports the test stage's parser tests compare against
# (tests/fixtures/generate.sh): gcc + lcov + gcovr (C), pytest-cov (Python), Go, Maven + JaCoCo (Java);
# c8 (istanbul) is an npm devDependency. Idempotent and non-interactive; run as root by .ci/run.
set -euo pipefail

need_apt=()
command -v gcc >/dev/null 2>&1 || need_apt+=(gcc)
command -v lcov >/dev/null 2>&1 || need_apt+=(lcov)
command -v gcovr >/dev/null 2>&1 || need_apt+=(gcovr)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
command -v javac >/dev/null 2>&1 || need_apt+=(default-jdk-headless)
command -v go >/dev/null 2>&1 || [ -x /usr/local/go/bin/go ] || need_apt+=(golang-go)
# NUnit 2.6.4's console runner under Mono writes the NUnit 2 reports the parser tests read.
command -v nunit-console >/dev/null 2>&1 || need_apt+=(nunit-console)
command -v mcs >/dev/null 2>&1 || need_apt+=(mono-mcs)
[ -f /usr/lib/cli/nunit.framework-2.6.3/nunit.framework.dll ] || need_apt+=(libnunit-cil-dev)
if ((${#need_apt[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  flock /tmp/apt.lock apt-get update -qq
  flock /tmp/apt.lock apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

python3 -c 'import pytest_cov' 2>/dev/null || python3 -m pip install --quiet 'pytest>=7,<9' 'pytest-cov>=5,<7'
# pytest-rerunfailures writes reruns into --junitxml; junitparser is a peer in the coverage bench.
python3 -c 'import pytest_rerunfailures' 2>/dev/null || python3 -m pip install --quiet 'pytest-rerunfailures>=14,<17'
python3 -c 'import junitparser' 2>/dev/null || python3 -m pip install --quiet 'junitparser>=3,<5'

# Warm Maven's local repository (plugins, JUnit, the Surefire provider, JaCoCo) by building the Java
# sample once, so the tests' own run of the generator does not download in the middle of a test.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
warm="$(mktemp -d)"
PATH="$PATH:/usr/local/go/bin" bash "$here/tests/fixtures/generate.sh" "$warm" java go >/dev/null
rm -rf "$warm"
