#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves it:
#   bash scripts/serve.sh            # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh

PORT="${PORT:-8080}"
log "trunk build --release"
trunk build --release
log "Funnelcast is served at http://127.0.0.1:$PORT/  (Ctrl+C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
