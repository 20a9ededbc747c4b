#!/usr/bin/env bash
# One command runs every check on a fresh machine: installs what is missing, then formatting,
# clippy (native and wasm32), rustdoc, the native tests (unit, golden scenarios, properties,
# fidelity, CLI, charts), the wasm build with dist/ and the single file, and the browser tests
# in headless Chromium (the accessibility, security, fault and soak tests among them).
# CI (.ci/run) calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh --browser

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native, all targets)"
cargo clippy --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --locked -- -D warnings

step "cargo doc"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked --quiet

step "native tests"
cargo test --locked

step "wasm build, fallback and dist/ (scripts/build-dist.sh runs scripts/build.sh)"
bash scripts/build-dist.sh

step "browser tests"
# A test file that hangs fails after ten minutes instead of holding CI until its own limit.
node --test --test-concurrency=1 --test-timeout=600000 tests/browser/
