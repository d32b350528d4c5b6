#!/usr/bin/env bash
# Installs what is missing, then runs every check and test:
#   formatting, clippy (native and wasm32), native tests, browser tests
#   (wasm-bindgen-test in headless Chromium), the release build, and
#   end-to-end tests of the built app in headless Chromium.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. scripts/setup.sh

step() { printf '\n\033[1;35m==> %s\033[0m\n' "$*"; }

# Test output is also collected here to total the counts at the end.
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy -p funnelcast --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "native tests"
cargo test --workspace --locked 2>&1 | tee -a "$LOG"

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p funnelcast --target wasm32-unknown-unknown --test browser --locked 2>&1 | tee -a "$LOG"

step "release build (trunk)"
trunk build --release

step "size budget"
bash scripts/check-size.sh dist

step "release build served from a sub-path (/funnelcast/)"
trunk build --release --public-url /funnelcast/ --dist target/subpath-site/funnelcast

step "end-to-end tests (Playwright, headless Chromium)"
npx playwright test 2>&1 | tee -a "$LOG"

step "all checks passed"
# Rust harnesses print "test result: ok. N passed; M failed", Playwright "N passed (…)".
passed=$(sed -n -e 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' -e 's/^ *\([0-9]*\) passed (.*/\1/p' "$LOG" |
  awk '{ s += $1 } END { print s + 0 }')
echo "Summary: $passed passed, 0 failed"
