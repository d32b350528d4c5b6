#!/usr/bin/env bash
# Size budget of the release build (gzip -9 bytes), set from a measured build
# with headroom. Fails the test command when a budget is exceeded.
# The app's wasm is past the 400 KB aim since the history import and the
# backtest (their views and the decoding of their reports): the budget holds
# it where it is until the classroom is split off into a module loaded on
# demand.
#   bash scripts/check-size.sh [DIST]
set -euo pipefail
DIST="${1:-dist}"
# Issue 15: format v2's model (bursty leads, market shock, arrivals through the week), the backtest and
# the fitted variation brought the app to 438,778, the forecast workers to 132,294 and the helper to
# 227,277; "How good is this forecast?" (the Calibration section, the check's state and job) adds 15,851
# to the app. Issue 16's kit (mystery mode, the facilitator sheet and its text) adds 4,478; the
# calibration game's screen (set-up, entry, reveal, scoreboard, debrief, files) 58,991 and Share to
# phones (the qrcode crate about 12,800, its dialog and SVG about 4,200) 16,952.
APP_WASM_BUDGET=537500      # measured 535,445 with the game's screen and Share to phones; 459,303 before them (425,878 before issue 15; 399,586 before the history import; aim 400,000)
WORKER_WASM_BUDGET=134500   # forecast workers: measured 132,294 (125,050 before issue 15)
HELPER_WASM_BUDGET=229500   # the helper worker (every job, the CSV reader, fit and backtest too): measured 227,277
JS_BUDGET=19000             # app + both workers + loaders, measured 18,032 (13,660 with one worker binary)

gz() { gzip -9 -c "$1" | wc -c; }
app_wasm=$(gz "$(ls "$DIST"/app-*_bg.wasm | head -n1)")
worker_wasm=$(gz "$DIST/worker_bg.wasm")
helper_wasm=$(gz "$DIST/helper_worker_bg.wasm")
js=0
for f in "$DIST"/app-*.js "$DIST"/worker.js "$DIST"/worker_loader.js "$DIST"/helper_worker.js "$DIST"/helper_worker_loader.js; do
  js=$((js + $(gz "$f")))
done
status=0
check() {
  local name=$1 size=$2 budget=$3
  local verdict=ok
  if [ "$size" -gt "$budget" ]; then verdict="OVER BUDGET"; status=1; fi
  printf '%-18s %9d bytes gzipped (budget %9d)  %s\n' "$name" "$size" "$budget" "$verdict"
}
check "app wasm" "$app_wasm" "$APP_WASM_BUDGET"
check "worker wasm" "$worker_wasm" "$WORKER_WASM_BUDGET"
check "helper wasm" "$helper_wasm" "$HELPER_WASM_BUDGET"
check "JavaScript" "$js" "$JS_BUDGET"
exit $status
