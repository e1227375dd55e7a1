#!/usr/bin/env bash
# Rebuild dist/ and fail if it differs from what is committed. `git status --porcelain` (not
# `git diff`) so new untracked bundle files count too. Optional arguments: bundle names to build.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build.mjs "$@" >/dev/null
changes=$(git status --porcelain -- dist)
if [ -n "$changes" ]; then
  echo "dist/ is stale: 'npm run build' changes these files. Rebuild and commit dist/ with the source." >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- dist >&2 || true
  exit 1
fi
echo "dist/ matches the source."
