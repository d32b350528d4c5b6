//! The root component: owns the state and the workers, runs the side
//! effects, and shares the state with the components through [`use_app`].
//!
//! - [`context`]: what components reach ([`AppContext`], [`use_app`]).
//! - [`startup`]: the opening state (draft, share link, currency, welcome).
//! - [`effects`]: autosave, library sync, remembered choices, what-if runs.
//! - [`workers`]: the forecast pool and helper worker, run and cancel.
//! - [`game`]: the calibration game in play, loaded once and saved on change.

mod context;
mod effects;
mod game;
mod startup;
mod workers;

pub use context::{use_app, AppContext};
pub use game::{use_game, GameLoadProblem, GameStore};
pub use startup::clear_share_link;

use crate::components::{
    scenario_panel, Classroom, LibraryPanel, Notices, ResultsSections, ThemePick,
};
use crate::state::{Action, Notice};
use crate::worker::Workers;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let startup_notice = use_mut_ref(|| None::<Notice>);
    let state = {
        let startup_notice = startup_notice.clone();
        use_reducer(move || {
            let (state, notice) = startup::opening_state();
            *startup_notice.borrow_mut() = notice;
            state
        })
    };
    effects::use_library_sync(&state, startup_notice.borrow_mut().take());
    let workers = workers::use_workers(&state);
    workers::use_check(&state, workers.helper.clone());
    effects::use_autosave(&state);
    effects::use_remembered_choices(&state);
    let start = workers::use_start_run(&state, workers.forecast.clone());
    effects::use_auto_run(&state, start.clone());

    let run = {
        let scenario = state.scenario.clone();
        Callback::from(move |()| {
            if let Some(scenario) = &scenario {
                start(scenario);
            }
        })
    };
    let cancel = workers::cancel_run(&state, workers.forecast.clone());
    let game = game::use_game_store();

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
    if context.state.welcome {
        let page = crate::components::welcome(&context.state);
        return html! {
            <ContextProvider<Workers> context={workers}>
            <ContextProvider<AppContext> context={context}>
                <Notices />
                { page }
            </ContextProvider<AppContext>>
            </ContextProvider<Workers>>
        };
    }
    if *classroom {
        return html! {
            <ContextProvider<Workers> context={workers}>
            <ContextProvider<AppContext> context={context}>
                <Notices />
                <ContextProvider<GameStore> context={game}>
                    <Classroom on_exit={close_classroom} />
                </ContextProvider<GameStore>>
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
                        { scenario_panel() }
                    </div>
                    <ResultsSections />
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
