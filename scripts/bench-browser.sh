#!/usr/bin/env bash
# Builds the release app and measures it in headless Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh
trunk build --release
node scripts/bench-browser.mjs
