//! The app's side effects, each a hook: the library kept in step with
//! storage and other tabs, autosave, the remembered open scenario and
//! currency, and the automatic what-if run after an edit.

use crate::library_ops;
use crate::state::{Action, AppState, Notice};
use engine::ScenarioInput;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Pause after an edit before the automatic re-run: short enough to feel
/// instant, long enough not to start a run per keystroke of a fast typist.
const AUTO_RUN_DELAY_MS: u32 = 30;
/// A shared link never starts a run larger than this by itself.
const SHARED_AUTO_RUN_LIMIT: f64 = 100_000.0;

/// Reports what loading found, once; reads the library; follows other tabs.
#[hook]
pub fn use_library_sync(state: &UseReducerHandle<AppState>, startup: Option<Notice>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        if let Some(notice) = startup {
            dispatcher.dispatch(Action::Notify(notice));
        }
        library_ops::reload(&dispatcher);
        // Another tab changed storage: refresh the list (the open
        // scenario's own changes are checked when it is saved).
        let listener = web_sys::window().map(|window| {
            let dispatcher = dispatcher.clone();
            gloo::events::EventListener::new(&window, "storage", move |_| {
                library_ops::reload(&dispatcher)
            })
        });
        move || drop(listener)
    });
}

/// Autosaves every valid edit. Not the scenario the app opened with: it
/// came from storage (or is the default), and opening writes nothing.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    let autosave = state.autosave && !state.shared;
    let first = use_mut_ref(|| true);
    use_effect_with(state.scenario.clone(), move |scenario| {
        let first_run = std::mem::replace(&mut *first.borrow_mut(), false);
        if let (Some(scenario), true, false) = (scenario, autosave, first_run) {
            if let Err(e) = library_ops::save_draft(scenario) {
                dispatcher.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
            }
        }
    });
}

/// Remembers which saved scenario the draft belongs to, so that after a
/// reload Save updates it (and still detects newer saves elsewhere); and the
/// currency for the next visit, once the user changes it.
#[hook]
pub fn use_remembered_choices(state: &UseReducerHandle<AppState>) {
    {
        let link = state.current.clone();
        let shared = state.shared;
        let first = use_mut_ref(|| true);
        use_effect_with(link, move |link| {
            let first_run = std::mem::replace(&mut *first.borrow_mut(), false);
            if !shared && !first_run {
                let _ =
                    library_ops::save_open_link(link.as_ref().map(|c| (c.id.as_str(), c.revision)));
            }
        });
    }
    let loaded = use_mut_ref(|| state.currency.clone());
    use_effect_with(state.currency.clone(), move |currency| {
        if *loaded.borrow() != *currency {
            *loaded.borrow_mut() = currency.clone();
            // A failed save of a preference is not worth a warning of its
            // own: the draft's autosave reports storage problems.
            let _ = library_ops::save_currency(currency);
        }
    });
}

/// What-if: every valid edit re-runs by itself after a short pause in
/// typing, cancelling the run in flight; the first partial results come
/// within tens of milliseconds and the full run refines them.
#[hook]
pub fn use_auto_run(state: &UseReducerHandle<AppState>, start: Rc<dyn Fn(&ScenarioInput)>) {
    let debounce = use_mut_ref(|| None::<Timeout>);
    let shared = state.shared;
    use_effect_with(state.scenario.clone(), move |scenario| {
        *debounce.borrow_mut() = scenario
            .clone()
            .filter(|s| !shared || s.trials <= SHARED_AUTO_RUN_LIMIT)
            .map(|scenario| Timeout::new(AUTO_RUN_DELAY_MS, move || start(&scenario)));
    });
}
