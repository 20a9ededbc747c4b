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

# 0. The toolchain: rustc at least Cargo.toml's rust-version, Node.js at least package.json's
#    engines.node (both ">=MAJOR[.MINOR]" forms); an older one stops here with what to install.
version_at_least() { # have want: true when have >= want, comparing MAJOR.MINOR.PATCH numerically
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -t. -k1,1n -k2,2n -k3,3n | head -n1)" = "$2" ]
}
rust_want=$(sed -n 's/^rust-version = "\([0-9.]*\)"$/\1/p' Cargo.toml)
rust_have=$(rustc --version 2>/dev/null | awk '{print $2}' | sed 's/-.*//')
if [ -z "$rust_want" ]; then echo "setup.sh: Cargo.toml has no rust-version line" >&2; exit 2; fi
if [ -z "$rust_have" ] || ! version_at_least "$rust_have" "$rust_want"; then
  echo "setup.sh: Rust $rust_want or later is needed (Cargo.toml rust-version); found '${rust_have:-none}'. Run: rustup update stable" >&2
  exit 2
fi
node_want=$(node -e 'const e=(require("./package.json").engines||{}).node||"";const m=e.match(/^>=\s*([0-9.]+)$/);process.stdout.write(m?m[1]:"")' 2>/dev/null || true)
node_have=$(node --version 2>/dev/null | sed 's/^v//')
if [ -z "$node_want" ]; then echo "setup.sh: package.json has no engines.node of the form '>=N'" >&2; exit 2; fi
if [ -z "$node_have" ] || ! version_at_least "$node_have" "$node_want"; then
  echo "setup.sh: Node.js $node_want or later is needed (package.json engines.node); found '${node_have:-none}'" >&2
  exit 2
fi
log "toolchain: rustc $rust_have (needs $rust_want), node $node_have (needs $node_want)"

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
