#!/usr/bin/env bash
# The wasm a reader downloads, before and after issue 14, measured in one run on this machine:
# builds the two-module browser bundle of the last commit before it (39e878d, or BEFORE=REV)
# in a temporary worktree, then this tree's one module, and prints raw and gzip -9 bytes of
# each file and the total a reader who scrolls the whole page downloads. A benchmark, not a
# test: it prints figures (docs/PERFORMANCE.md records them) and asserts nothing.
# Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

BEFORE=${BEFORE:-39e878d}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

sizes() { # label, folder of *_bg.wasm
  local label=$1 dir=$2 total_raw=0 total_gz=0
  for f in "$dir"/*_bg.wasm; do
    local raw gz
    raw=$(wc -c < "$f")
    gz=$(gzip -9c "$f" | wc -c)
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + gz))
    printf '%-8s %-34s %9s bytes %9s gzip\n' "$label" "$(basename "$f")" "$raw" "$gz"
  done
  printf '%-8s %-34s %9s bytes %9s gzip   (all a reader who scrolls downloads)\n' "$label" "total" "$total_raw" "$total_gz"
}

git worktree add --detach "$work/before" "$BEFORE" >/dev/null 2>&1
ln -s "$PWD/.tools" "$work/before/.tools"
ln -s "$PWD/node_modules" "$work/before/node_modules"
(cd "$work/before" && CARGO_TARGET_DIR="$PWD/../target-before" bash scripts/build.sh >/dev/null 2>&1 ||
  { echo "bench-size: the build of $BEFORE failed" >&2; exit 1; })
bash scripts/build.sh >/dev/null 2>&1
echo "# wasm downloaded by a reader: before ($BEFORE, two modules) and now (one module)"
sizes before "$work/before/www/pkg"
sizes now www/pkg
