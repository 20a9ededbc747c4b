#!/usr/bin/env bash
# One command for a fresh machine: installs what is missing, builds the explainer and serves
# it at http://127.0.0.1:$PORT/ (PORT defaults to 8000). Stop it with Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-8000}"
case "$port" in
  ''|*[!0-9]*) echo "serve.sh: PORT must be a number from 1024 to 65535, not '$port'" >&2; exit 2 ;;
esac
if [ "$port" -lt 1024 ] || [ "$port" -gt 65535 ]; then
  echo "serve.sh: PORT must be a number from 1024 to 65535, not '$port'" >&2; exit 2
fi
bash scripts/setup.sh
bash scripts/build-dist.sh # the wasm, plus www/fallback/ for readers without JavaScript or WebAssembly
echo "Layoff What-If is at http://127.0.0.1:$port/  (Ctrl+C stops it)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
