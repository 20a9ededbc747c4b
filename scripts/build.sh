#!/usr/bin/env bash
# Builds the browser bundle into www/pkg: two modules from the one crate (see src/wasm/mod.rs),
# each compiled for wasm32 with the size-optimised profile, given wasm-bindgen's ES-module glue
# (--target web, no bundler), then shrunk by binaryen's wasm-opt -Oz from npm (never Debian's
# binaryen, which silently breaks the module; see docs/PERFORMANCE.md):
#   www/pkg/layoff_whatif.js + _bg.wasm         feature "page": the model, the four main charts
#                                               and the analyses (the worker runs its own copy)
#   www/pkg/layoff_whatif_charts.js + _bg.wasm  feature "charts": the tornado, the regret map
#                                               and SVG downloads, loaded when a reader needs them
# Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p www/pkg
rm -f www/pkg/*.wasm www/pkg/*.js

build_module() { # feature, output name, cargo target dir
  local feature=$1 name=$2 target_dir=$3
  cargo build --profile wasm --target wasm32-unknown-unknown --lib --locked \
    --no-default-features --features "$feature" --target-dir "$target_dir"
  .tools/wasm-bindgen --target web --no-typescript --remove-name-section --out-name "$name" \
    --out-dir www/pkg "$target_dir/wasm32-unknown-unknown/wasm/layoff_whatif.wasm"
  node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
  printf 'build: www/pkg/%s_bg.wasm %s bytes (%s gzip)\n' "$name" \
    "$(wc -c < "www/pkg/${name}_bg.wasm")" "$(gzip -9c "www/pkg/${name}_bg.wasm" | wc -c)" >&2
}

# Separate target folders, so switching features does not rebuild the other module.
build_module page layoff_whatif target
build_module charts layoff_whatif_charts target/charts
