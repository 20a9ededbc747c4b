#!/usr/bin/env bash
# Builds the browser bundle into www/pkg: the crate compiled for wasm32 with the size-optimised
# profile, given wasm-bindgen's ES-module glue (--target web, no bundler), then shrunk by
# binaryen's wasm-opt -Oz from npm (never Debian's binaryen, which silently breaks the module;
# see docs/PERFORMANCE.md):
#   www/pkg/layoff_whatif.js + _bg.wasm   the model, the charts and the analyses; the page
#                                         compiles it once and the worker runs its own instance
# Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p www/pkg
rm -f www/pkg/*.wasm www/pkg/*.js

cargo build --profile wasm --target wasm32-unknown-unknown --lib --locked
.tools/wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg \
  target/wasm32-unknown-unknown/wasm/layoff_whatif.wasm
node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/layoff_whatif_bg.wasm -o www/pkg/layoff_whatif_bg.wasm
# The sources' citations, for the page's evidence popovers and source list: written from the
# model's table (src/sources.rs) by the CLI rather than carried in the wasm.
cargo run --quiet --locked --bin layoff-whatif -- sources --format json > www/pkg/sources.json
# The glue is an ES module; saying so lets Node load it without guessing (scripts/dist.mjs runs
# the model in Node to write the fallback's numbers).
printf '{ "type": "module" }\n' > www/pkg/package.json
printf 'build: www/pkg/layoff_whatif_bg.wasm %s bytes (%s gzip)\n' \
  "$(wc -c < www/pkg/layoff_whatif_bg.wasm)" "$(gzip -9c www/pkg/layoff_whatif_bg.wasm | wc -c)" >&2
