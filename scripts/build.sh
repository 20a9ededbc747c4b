#!/usr/bin/env bash
# Builds the browser bundle into www/pkg: the crate for wasm32 (size-optimised profile),
# wasm-bindgen's ES-module glue (--target web, no bundler), then binaryen's wasm-opt -Oz from
# npm (never Debian's binaryen, which silently breaks the module; see docs/PERFORMANCE.md).
# Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --profile wasm --target wasm32-unknown-unknown --lib
mkdir -p www/pkg
.tools/wasm-bindgen --target web --no-typescript --remove-name-section \
  --out-dir www/pkg target/wasm32-unknown-unknown/wasm/layoff_whatif.wasm
node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/layoff_whatif_bg.wasm -o www/pkg/layoff_whatif_bg.wasm
printf 'build: www/pkg/layoff_whatif_bg.wasm %s bytes (%s gzip)\n' \
  "$(wc -c < www/pkg/layoff_whatif_bg.wasm)" "$(gzip -9c www/pkg/layoff_whatif_bg.wasm | wc -c)" >&2
