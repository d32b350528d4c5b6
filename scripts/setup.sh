#!/usr/bin/env bash
# Installs what Funnelcast's build and tests need, from the package registries
# only (crates.io, Debian, npm), and skips whatever is already present at the
# right version so a second run takes seconds.
#
#   bash scripts/setup.sh          # usually called by serve.sh / test.sh
#
# Source it to also get the PATH it sets up: `. scripts/setup.sh`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"          # 0.22 needs a newer rustc than this machine has
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # browsers come from Debian, never downloaded

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[setup]\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The version of a package recorded in Cargo.lock.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' \
    "$ROOT/Cargo.lock"
}

command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"

# 1. Rust components and the wasm target.
installed_components="$(rustup component list --installed 2>/dev/null || true)"
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    log "rustup component add $component"
    rustup component add "$component"
  fi
done
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Trunk, built from crates.io.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (takes ~9 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock.
WBG_VERSION="$(lock_version wasm-bindgen)"
[ -n "$WBG_VERSION" ] || die "no wasm-bindgen in Cargo.lock"
grep -q "wasm_bindgen = \"$WBG_VERSION\"" "$ROOT/Trunk.toml" ||
  die "Trunk.toml [tools] wasm_bindgen must be \"$WBG_VERSION\" (the version in Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  # No --locked: the CLI's own lockfile pins a crate version the registry no longer serves.
  log "cargo install wasm-bindgen-cli $WBG_VERSION (takes ~5 minutes the first time)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# 4. Chromium and ChromeDriver from Debian.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_install chromium chromium-driver
fi

# 5. Node.js for the end-to-end tests and wasm-opt (npm's binaryen).
if ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
stamp="$ROOT/node_modules/.funnelcast-installed"
if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ] || [ "$ROOT/package.json" -nt "$stamp" ]; then
  log "npm ci (Playwright without browsers, binaryen for wasm-opt)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$stamp"
fi
WASM_OPT_WANT="$(sed -n 's/^wasm_opt = "\(.*\)"/\1/p' "$ROOT/Trunk.toml")"
WASM_OPT_HAVE="$(wasm-opt --version 2>/dev/null | sed -n 's/.*(\(version_[0-9]*\)).*/\1/p')"
[ "$WASM_OPT_HAVE" = "$WASM_OPT_WANT" ] ||
  die "wasm-opt on PATH is '${WASM_OPT_HAVE:-missing}', Trunk.toml wants '$WASM_OPT_WANT'"

# 6. Crates, so that Trunk's offline build finds them.
(cd "$ROOT" && cargo fetch --locked -q)

log "tools ready: $(trunk --version), wasm-bindgen $WBG_VERSION, wasm-opt $WASM_OPT_HAVE, $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
