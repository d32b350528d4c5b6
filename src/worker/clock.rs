//! The clock, for durations only (chunk sizes, report pacing, watchdogs):
//! never an input to results.

use wasm_bindgen::JsCast;

/// Milliseconds on the monotonic clock of the page or of the worker.
pub fn now_ms() -> f64 {
    let global = js_sys::global();
    let performance = match global.dyn_ref::<web_sys::Window>() {
        Some(window) => window.performance(),
        None => global
            .dyn_ref::<web_sys::WorkerGlobalScope>()
            .and_then(|scope| scope.performance()),
    };
    performance
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}
