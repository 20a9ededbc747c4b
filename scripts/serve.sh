#!/usr/bin/env bash
# One command for a fresh machine: installs what is missing, builds the publishable explainer
# (scripts/build-dist.sh) and serves what it built, dist/, at http://127.0.0.1:$PORT/ (PORT
# defaults to 8000). Stop it with Ctrl+C. `npm start`, `npm run serve` and `npm run preview`
# all come here:
#   (no option)    set up, build, serve dist/                         (npm run serve)
#   --if-needed    build only when dist/ is missing or older than a source, then serve (npm start)
#   --no-build     serve dist/ as it is; a missing dist/ is an error  (npm run preview)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=always
for arg in "$@"; do
  case "$arg" in
    --if-needed) mode=if-needed ;;
    --no-build) mode=never ;;
    *) echo "serve.sh: unknown option '$arg' (allowed: --if-needed, --no-build)" >&2; exit 2 ;;
  esac
done
port="${PORT:-8000}"
case "$port" in
  ''|*[!0-9]*) echo "serve.sh: PORT must be a number from 1024 to 65535, not '$port'" >&2; exit 2 ;;
esac
if [ "$port" -lt 1024 ] || [ "$port" -gt 65535 ]; then
  echo "serve.sh: PORT must be a number from 1024 to 65535, not '$port'" >&2; exit 2
fi

# dist/ is stale when any file that goes into it is newer than its page.
stale() {
  [ ! -f dist/index.html ] && return 0
  [ -n "$(find src www scripts Cargo.toml Cargo.lock -newer dist/index.html -type f \
    -not -path 'www/pkg/*' -not -path 'www/fallback/*' -print -quit)" ]
}

case "$mode" in
  never)
    if [ ! -f dist/index.html ]; then
      echo "serve.sh: dist/ is not built; run 'npm start' (builds when needed) or 'bash scripts/build-dist.sh'" >&2
      exit 2
    fi ;;
  if-needed)
    if stale; then
      bash scripts/setup.sh
      bash scripts/build-dist.sh
    else
      echo "serve.sh: dist/ is newer than every source; serving it as it is" >&2
    fi ;;
  always)
    bash scripts/setup.sh
    bash scripts/build-dist.sh ;;
esac
echo "Layoff What-If is at http://127.0.0.1:$port/  (Ctrl+C stops it)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
