//! Helpers for browser tests.

use wasm_bindgen::JsCast;

pub fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage is available in the test browser")
}

/// Waits until `ready()` holds, letting the browser run its tasks (Yew
/// renders, effects) in between; panics with `what` after 10 s. A condition,
/// not a fixed pause: a busy machine only makes it wait longer.
pub async fn until(what: &str, mut ready: impl FnMut() -> bool) {
    for _ in 0..1000 {
        if ready() {
            return;
        }
        pause(10).await;
    }
    panic!("waited 10 s for {what}");
}

/// Lets the browser run its pending tasks for `ms` milliseconds.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer resolves");
}
