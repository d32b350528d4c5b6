//! The root component: owns the state, the worker and autosave, and shares
//! them with the components through [`use_app`].

use crate::components::{Notices, ResultsPanel, ScenarioPanel};
use crate::state::{Action, AppState, Notice};
use crate::storage::{self, DraftLoad};
use crate::worker::{worker_count, Pool, PoolEvent};
use engine::ScenarioInput;
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Pause after an edit before the automatic re-run: short enough to feel
/// instant, long enough not to start a run per keystroke of a fast typist.
const AUTO_RUN_DELAY_MS: u32 = 30;

/// What every component can reach: the state and the actions with effects.
#[derive(Clone)]
pub struct AppContext {
    pub state: UseReducerHandle<AppState>,
    /// Start a run of the current scenario.
    pub run: Callback<()>,
    /// Stop the run in progress.
    pub cancel: Callback<()>,
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

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Loads the saved draft once, before the first render.
fn initial_state() -> (AppState, Option<Notice>) {
    match storage::load_draft() {
        DraftLoad::Loaded(input) => (AppState::new(&input), None),
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
            let (mut state, notice) = initial_state();
            *startup_notice.borrow_mut() = notice;
            let settings = storage::load_settings();
            if crate::money::is_known(&settings.currency) {
                state.currency = settings.currency;
            }
            state
        })
    };

    // Report what loading found, once.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(notice) = startup_notice.borrow_mut().take() {
                dispatcher.dispatch(Action::Notify(notice));
            }
        });
    }

    // The workers live as long as the app.
    let pool: Rc<Pool> = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            let on_event = Callback::from(move |event: PoolEvent| {
                dispatcher.dispatch(match event {
                    PoolEvent::Progress { run_id, summary } => Action::Progress { run_id, summary },
                    PoolEvent::Done { run_id, summary } => Action::Done {
                        run_id,
                        summary,
                        now_ms: now_ms(),
                    },
                    PoolEvent::Failed { run_id, message } => Action::Failed { run_id, message },
                })
            });
            Pool::new(worker_count(), on_event)
        })
    };
    let next_run_id = use_mut_ref(|| 1u32);

    // Autosave every valid scenario.
    {
        let dispatcher = state.dispatcher();
        let autosave = state.autosave;
        use_effect_with(state.scenario.clone(), move |scenario| {
            if let (Some(scenario), true) = (scenario, autosave) {
                if let Err(e) = storage::save_draft(scenario) {
                    dispatcher.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
                }
            }
        });
    }

    // Keep the currency for the next visit.
    use_effect_with(state.currency.clone(), move |currency| {
        let settings = storage::Settings {
            currency: currency.clone(),
            ..storage::Settings::default()
        };
        // A failed save of a preference is not worth a warning of its own:
        // the draft's autosave reports storage problems.
        let _ = storage::save_settings(&settings);
    });

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
        use_effect_with(state.scenario.clone(), move |scenario| {
            *debounce.borrow_mut() = scenario
                .clone()
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

    let context = AppContext { state, run, cancel };
    html! {
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
                    </div>
                </header>
                <Notices />
                <main class="layout">
                    <ScenarioPanel />
                    <ResultsPanel />
                </main>
                <footer class="footer">
                    { "Runs entirely in your browser. Scenarios are saved on this device only." }
                </footer>
            </div>
        </ContextProvider<AppContext>>
    }
}
