//! Browser tests (wasm-bindgen-test in headless Chromium): real localStorage,
//! the real app mounted in a page, and the engine's golden values in wasm.
//!
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p funnelcast`
//! (scripts/test.sh does this). On native targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

mod app_mount;
mod engine_golden;
mod storage;
mod util;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
