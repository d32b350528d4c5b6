//! The service worker (built by `scripts/post-build.mjs` from `web/sw.js`):
//! registration, "works offline" once it is active, and a new build waiting.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};
use yew::Callback;

/// The page's service worker container, where the browser offers one (not
/// on plain http other than localhost, nor in some private modes).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    present.then(|| navigator.service_worker())
}

/// Registers `./sw.js` (next to the page, so sub-paths work). `on_ready` is
/// called once a worker is active (the app now works offline); `on_update`
/// when a newer build has been installed and waits to take over.
pub fn register(on_ready: Callback<()>, on_update: Callback<()>) {
    let Some(sw) = container() else {
        return;
    };
    let registering = sw.register("./sw.js");
    let ready = sw.ready();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        watch_updates(&registration, on_update);
        if let Ok(ready) = ready {
            if JsFuture::from(ready).await.is_ok() {
                on_ready.emit(());
            }
        }
    });
}

/// Calls `on_update` when a new worker finishes installing while an older
/// one controls the page (a first install is not an update).
fn watch_updates(registration: &ServiceWorkerRegistration, on_update: Callback<()>) {
    if registration.waiting().is_some() && has_controller() {
        on_update.emit(());
    }
    let reg = registration.clone();
    let on_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let watched = installing.clone();
        let on_update = on_update.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if watched.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                on_update.emit(());
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget(); // lives as long as that worker
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget(); // lives as long as the page
}

fn has_controller() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Lets the waiting build take over, then reloads the page into it.
pub fn apply_update() {
    let Some(sw) = container() else {
        return;
    };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    sw.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let ready = sw.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = JsFuture::from(ready).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = reg.waiting() {
            let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
        }
    });
}
