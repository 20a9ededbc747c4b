#!/usr/bin/env bash
# Installs everything the project needs on a fresh machine, and nothing it already has:
# the wasm32 target, the wasm-bindgen CLI at exactly the crate's version (cached per version
# outside the repo), npm packages (playwright-core, binaryen's wasm-opt, axe-core) and, with
# --browser, Debian's Chromium for the browser tests. Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=1 ;;
    *) echo "setup.sh: unknown option '$arg' (allowed: --browser)" >&2; exit 2 ;;
  esac
done

log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, exactly the version in Cargo.lock (the CLI refuses any other).
if [ ! -f Cargo.lock ]; then cargo generate-lockfile; fi
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
tools_dir="${LAYOFF_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/layoff-whatif}/wasm-bindgen-$wb_version"
if [ ! -x "$tools_dir/bin/wasm-bindgen" ] || ! "$tools_dir/bin/wasm-bindgen" --version | grep -q "$wb_version"; then
  log "installing wasm-bindgen-cli $wb_version into $tools_dir (a few minutes, once)"
  # --locked fails on this registry mirror (a pinned dependency is missing), so it is left out.
  cargo install wasm-bindgen-cli --version "$wb_version" --root "$tools_dir"
fi
mkdir -p .tools
ln -sfn "$tools_dir/bin/wasm-bindgen" .tools/wasm-bindgen

# 3. npm packages: playwright-core (drives Chromium), binaryen (a wasm-opt that works; Debian's
#    breaks the module), axe-core (accessibility audit). Versions are pinned in package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

# 4. Chromium for the browser tests (Debian's build; browser downloads are not possible here).
if [ "$want_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  log "installing Debian's chromium"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
# 5. poppler-utils (pdfinfo, pdftotext): the print test counts the pages of Chromium's PDF.
if [ "$want_browser" = 1 ] && ! command -v pdfinfo >/dev/null 2>&1; then
  log "installing Debian's poppler-utils"
  sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq poppler-utils >/dev/null
fi
log "ready"
