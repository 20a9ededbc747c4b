#!/usr/bin/env bash
# Builds the publishable explainer:
#   dist/                    a static folder for any host: hashed file names, _headers,
#                            .htaccess and README.txt with the serving notes
#   dist/layoff-whatif.html  the whole explainer in one file that opens from a disk (file://)
#   www/fallback/            the default scenario's numbers and savings chart from the CLI,
#                            for readers without JavaScript or WebAssembly (dev serving too)
# It reuses scripts/build.sh for the wasm (skip with --no-wasm when www/pkg is fresh) and the
# CLI for the fallback; scripts/dist.mjs does the rest. Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

build_wasm=1
for arg in "$@"; do
  case "$arg" in
    --no-wasm) build_wasm=0 ;;
    *) echo "build-dist.sh: unknown option '$arg' (allowed: --no-wasm)" >&2; exit 2 ;;
  esac
done

if [ "$build_wasm" = 1 ]; then
  bash scripts/build.sh
elif [ ! -f www/pkg/layoff_whatif_bg.wasm ]; then
  echo "build-dist.sh: www/pkg is not built; run without --no-wasm" >&2; exit 2
fi
# The CLI (debug profile: the same artifacts as cargo test) writes the fallback numbers and chart.
cargo build --quiet --locked --bin layoff-whatif
node scripts/dist.mjs --cli target/debug/layoff-whatif
