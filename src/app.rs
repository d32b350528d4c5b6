//! The root component: owns the state, the worker and autosave, and shares
//! them with the components through [`use_app`].

use crate::components::{
    Classroom, CompareView, DecisionsPanel, LibraryPanel, Notices, ResultsPanel, ScenarioPanel,
    ThemePick,
};
use crate::library_ops;
use crate::state::{Action, AppState, Notice};
use crate::storage::files::decode_link;
use crate::storage::DraftLoad;
use crate::worker::clock::now_ms;
use crate::worker::{worker_count, Pool, PoolEvent, Supervised, Workers};
use engine::ScenarioInput;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Pause after an edit before the automatic re-run: short enough to feel
/// instant, long enough not to start a run per keystroke of a fast typist.
const AUTO_RUN_DELAY_MS: u32 = 30;
/// A shared link never starts a run larger than this by itself.
const SHARED_AUTO_RUN_LIMIT: f64 = 100_000.0;

/// The share link in the page's address, if any: Some(Ok) to show it,
/// Some(Err) to say why it cannot be shown.
fn shared_scenario() -> Option<Result<ScenarioInput, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.trim_start_matches('#');
    if !fragment.starts_with('s') || fragment.is_empty() {
        return None;
    }
    Some(decode_link(fragment).map_err(|e| format!("This share link could not be opened: {e}.")))
}

/// Removes the share link from the address (after saving or discarding it).
pub fn clear_share_link() {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let clean = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
        }
    }
}

/// What every component can reach: the state and the actions with effects.
#[derive(Clone)]
pub struct AppContext {
    pub state: UseReducerHandle<AppState>,
    /// Start a run of the current scenario.
    pub run: Callback<()>,
    /// Stop the run in progress.
    pub cancel: Callback<()>,
}

impl AppContext {
    /// A callback that writes a form input's new text.
    pub fn edit(&self, field: engine::Field) -> Callback<String> {
        let state = self.state.clone();
        Callback::from(move |text| state.dispatch(Action::Edit(field, text)))
    }

    /// The message for a form field, if it has a problem.
    pub fn error(&self, field: engine::Field) -> Option<AttrValue> {
        self.state.errors.get(&field).cloned().map(AttrValue::from)
    }
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

/// The shared app context; components call this instead of passing state down.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>()
        .unwrap_or_else(|| wasm_bindgen::throw_str("use_app must be called inside <App>"))
}

/// Loads the saved draft once, before the first render.
fn initial_state() -> (AppState, Option<Notice>) {
    match library_ops::load_draft() {
        DraftLoad::Loaded(input) => {
            let mut state = AppState::new(&input);
            state.current = library_ops::load_open_link()
                .map(|(id, revision)| crate::state::Current { id, revision });
            (state, None)
        }
        DraftLoad::Empty => (AppState::new(&ScenarioInput::default()), None),
        DraftLoad::Unreadable {
            reason,
            raw,
            kept_as,
        } => (
            AppState::new(&ScenarioInput::default()),
            Some(Notice::UnreadableDraft {
                reason: reason.to_string(),
                raw: raw.into(),
                kept_as,
            }),
        ),
        DraftLoad::Unavailable(e) => (
            AppState::new(&ScenarioInput::default()),
            Some(Notice::SaveFailed(e.to_string())),
        ),
    }
}

#[component]
pub fn App() -> Html {
    let startup_notice = use_mut_ref(|| None::<Notice>);
    let state = {
        let startup_notice = startup_notice.clone();
        use_reducer(move || {
            let (mut state, mut notice) = initial_state();
            match shared_scenario() {
                Some(Ok(shared)) => {
                    // Shown, not saved: the draft stays as it was.
                    let mut s = AppState::new(&shared);
                    s.shared = true;
                    s.notices = state.notices.clone();
                    state = s;
                }
                Some(Err(message)) => notice = Some(Notice::Message(message)),
                None => {}
            }
            *startup_notice.borrow_mut() = notice;
            let settings = library_ops::load_settings();
            if crate::money::is_known(&settings.currency) {
                state.currency = settings.currency;
            }
            state
        })
    };

    // Report what loading found, once; read the library; follow other tabs.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(notice) = startup_notice.borrow_mut().take() {
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

    // The workers live as long as the app: the forecast pool, and one helper
    // for every other analysis.
    let workers: Workers = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            let restarted = dispatcher.clone();
            let on_event = Callback::from(move |event: PoolEvent| {
                dispatcher.dispatch(match event {
                    PoolEvent::Progress { run_id, summary } => Action::Progress { run_id, summary },
                    PoolEvent::Done { run_id, summary } => Action::Done {
                        run_id,
                        summary,
                        now_ms: now_ms(),
                    },
                    PoolEvent::Failed { run_id, message } => Action::Failed { run_id, message },
                    PoolEvent::WorkerRestarted { .. } => Action::Notify(Notice::WorkerRestarted),
                })
            });
            Workers {
                forecast: Rc::new(Pool::new(worker_count(), on_event)),
                helper: Supervised::new(
                    false,
                    Callback::from(move |()| {
                        restarted.dispatch(Action::Notify(Notice::WorkerRestarted))
                    }),
                ),
            }
        }))
        .clone()
    };
    let pool = workers.forecast.clone();
    let next_run_id = use_mut_ref(|| 1u32);

    // Autosave every valid edit. Not the scenario the app opened with: it
    // came from storage (or is the default), and opening writes nothing.
    {
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

    // Remember which saved scenario the draft belongs to, so that after a
    // reload Save updates it (and still detects newer saves elsewhere).
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

    // Keep the currency for the next visit (only once the user changes it:
    // opening the app writes nothing).
    {
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

    // Starts a run of `scenario`, replacing any run in flight.
    let start = {
        let pool = pool.clone();
        let dispatcher = state.dispatcher();
        Rc::new(move |scenario: &ScenarioInput| {
            let run_id = {
                let mut id = next_run_id.borrow_mut();
                *id = id.wrapping_add(1);
                *id
            };
            let trials = scenario.trials.max(1.0) as u64;
            pool.run(run_id, scenario, trials);
            dispatcher.dispatch(Action::RunStarted {
                run_id,
                now_ms: now_ms(),
            });
        })
    };

    // What-if: every valid edit re-runs by itself after a short pause in
    // typing, cancelling the run in flight; the first partial results come
    // within tens of milliseconds and the full run refines them.
    {
        let start = start.clone();
        let debounce = use_mut_ref(|| None::<Timeout>);
        let shared = state.shared;
        use_effect_with(state.scenario.clone(), move |scenario| {
            *debounce.borrow_mut() = scenario
                .clone()
                .filter(|s| !shared || s.trials <= SHARED_AUTO_RUN_LIMIT)
                .map(|scenario| Timeout::new(AUTO_RUN_DELAY_MS, move || start(&scenario)));
        });
    }

    let run = {
        let scenario = state.scenario.clone();
        let start = start.clone();
        Callback::from(move |()| {
            if let Some(scenario) = &scenario {
                start(scenario);
            }
        })
    };
    let cancel = {
        let state = state.clone();
        let pool = pool.clone();
        Callback::from(move |()| {
            if let crate::state::RunStatus::Running { run_id, .. } = state.run {
                pool.cancel(run_id);
                state.dispatch(Action::Cancel);
            }
        })
    };

    // The service worker: offline after the first visit, and new builds.
    let offline_ready = use_state(|| false);
    {
        let (ready, dispatcher) = (offline_ready.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            crate::offline::register(
                Callback::from(move |()| ready.set(true)),
                Callback::from(move |()| dispatcher.dispatch(Action::Notify(Notice::UpdateReady))),
            );
        });
    }

    let classroom = use_state(|| false);
    let classroom_button = use_node_ref();
    let open_classroom = {
        let classroom = classroom.clone();
        Callback::from(move |_: MouseEvent| classroom.set(true))
    };
    let close_classroom = {
        let (classroom, button) = (classroom.clone(), classroom_button.clone());
        Callback::from(move |()| {
            classroom.set(false);
            // Back where the user left: on the button that opened it.
            let button = button.clone();
            Timeout::new(0, move || {
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            })
            .forget();
        })
    };
    let context = AppContext { state, run, cancel };
    if *classroom {
        return html! {
            <ContextProvider<Workers> context={workers}>
            <ContextProvider<AppContext> context={context}>
                <Notices />
                <Classroom on_exit={close_classroom} />
            </ContextProvider<AppContext>>
            </ContextProvider<Workers>>
        };
    }
    html! {
        <ContextProvider<Workers> context={workers}>
        <ContextProvider<AppContext> context={context}>
            <div class="app">
                <header class="topbar">
                    <div class="brand">
                        <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
                            <path d="M3 5h26l-9 11v9l-8 4V16z" />
                        </svg>
                        <div>
                            <h1>{ "Funnelcast" }</h1>
                            <p class="tagline">{ "Monte Carlo forecast of your sales funnel" }</p>
                        </div>
                        <ThemePick />
                        <button type="button" class="button small classroom-open" ref={classroom_button}
                                onclick={open_classroom}>{ "Classroom mode" }</button>
                    </div>
                </header>
                <Notices />
                <main class="layout">
                    <div class="left-column">
                        <LibraryPanel />
                        <ScenarioPanel />
                    </div>
                    <ResultsPanel />
                    <div class="wide">
                        <DecisionsPanel />
                    </div>
                    <div class="wide">
                        <CompareView />
                    </div>
                </main>
                <footer class="footer">
                    { "Runs entirely in your browser. Scenarios are saved on this device only." }
                    if *offline_ready {
                        <span class="offline-status" data-testid="offline-status">
                            { " Works offline: Funnelcast is stored in this browser and opens without a network." }
                        </span>
                    }
                </footer>
            </div>
        </ContextProvider<AppContext>>
        </ContextProvider<Workers>>
    }
}
