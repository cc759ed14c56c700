#!/usr/bin/env bash
# Fails when the committed dist/ is not what `npm run build` makes from the sources: GitHub runs dist/index.js as
# committed, so a stale bundle ships code nobody reviewed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build from scratch so that a stale file the build no longer makes shows up as deleted.
rm -rf dist
npm run build

changes=$(git status --porcelain --untracked-files=all -- dist)
if [ -n "$changes" ]; then
  echo "dist/ differs from the build of the sources:" >&2
  echo "$changes" >&2
  git diff --stat -- dist >&2
  echo "Run 'npm run build' and commit dist/." >&2
  exit 1
fi
echo "dist/ matches the sources."
