#!/usr/bin/env bash
# Builds the publishable explainer:
#   dist/                    a static folder for any host: hashed file names, _headers,
#                            .htaccess and README.txt with the serving notes
#   dist/layoff-whatif.html  the whole explainer in one file that opens from a disk (file://)
#   www/fallback/            the default scenario's numbers and savings chart from the CLI,
#                            for readers without JavaScript or WebAssembly (dev serving too)
# --base-url https://host/path/ (the address the folder will be published at) makes the link
# previews absolute: og:url, og:image, the canonical link and the oEmbed documents (see
# README "Publishing"); without it those are left out.
# It reuses scripts/build.sh for the wasm (skip with --no-wasm when www/pkg is fresh) and the
# CLI for the fallback; scripts/dist.mjs does the rest. Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

build_wasm=1
base_url=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-wasm) build_wasm=0 ;;
    --base-url)
      if [ $# -lt 2 ]; then echo "build-dist.sh: --base-url needs an address, e.g. https://example.org/layoff-whatif/" >&2; exit 2; fi
      base_url=(--base-url "$2"); shift ;;
    --base-url=*) base_url=(--base-url "${1#--base-url=}") ;;
    *) echo "build-dist.sh: unknown option '$1' (allowed: --no-wasm, --base-url URL)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$build_wasm" = 1 ]; then
  bash scripts/build.sh
elif [ ! -f www/pkg/layoff_whatif_bg.wasm ]; then
  echo "build-dist.sh: www/pkg is not built; run without --no-wasm" >&2; exit 2
fi
# The CLI (debug profile: the same artifacts as cargo test) writes the fallback numbers and
# chart; the preview tool the link-preview images (the same chart code on a bitmap).
cargo build --quiet --locked --bin layoff-whatif --bin layoff-whatif-preview
node scripts/dist.mjs --cli target/debug/layoff-whatif --preview target/debug/layoff-whatif-preview ${base_url[@]+"${base_url[@]}"}
