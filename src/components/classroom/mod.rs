//! Classroom mode: a presenter view for trainers. One quarter's deals in
//! motion, the build-up from one run to many, the room's guess, lessons, and
//! keyboard shortcuts (Space, arrows, R, F, ?) listed in a help overlay.

mod build_up;
mod deals_motion;
mod dot_canvas;
mod lesson_strip;
mod outcome_histogram;
mod stage_counters;

use crate::app::use_app;
use crate::components::Dialog;
use crate::lessons::Lesson;
use crate::library_ops;
use crate::motion::{Motion, MotionAction};
use crate::state::Action;
use crate::worker::readers::{self, QuarterResult};
use crate::worker::use_job_slot;
use build_up::BuildUp;
use deals_motion::{DealsMotion, Shown};
use dot_canvas::DotCanvas;
use engine::{Field, JobSpec, Scenario};
use lesson_strip::LessonStrip;
use outcome_histogram::OutcomeHistogram;
use stage_counters::StageCounters;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClassroomProps {
    pub on_exit: Callback<()>,
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// True when the user's system asks for reduced motion.
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

fn toggle_full_screen(root: &NodeRef) {
    let Some(doc) = document() else { return };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = root.cast::<web_sys::Element>() {
        let _ = el.request_fullscreen();
    }
}

/// Keys typed into a field belong to the field, not to the shortcuts.
fn typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

const SHORTCUTS: [(&str, &str); 6] = [
    ("Space", "Play or pause"),
    ("→", "Step one week"),
    ("←", "Step back one week"),
    ("R", "Restart with a new seed: the next quarter of the run"),
    ("F", "Full screen on or off"),
    ("?", "Show these shortcuts"),
];

#[component]
pub fn Classroom(props: &ClassroomProps) -> Html {
    let app = use_app();
    let motion = use_reducer(Motion::default);
    let help = use_state(|| false);
    let full = use_state(|| false);
    let reduced = use_state(prefers_reduced_motion);
    let lesson = use_state(|| None::<(&'static str, bool)>);
    let guess_text = use_state(String::new);
    let root = use_node_ref();
    let heading = use_node_ref();

    // Focus the heading on entry, so a screen reader starts here.
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    // Follow the system's reduced-motion setting and full-screen changes.
    {
        let (reduced, full) = (reduced.clone(), full.clone());
        use_effect_with((), move |_| {
            let media = web_sys::window().and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            });
            let on_media = media.map(|m| {
                let target = m.clone();
                gloo::events::EventListener::new(&m, "change", move |_| {
                    reduced.set(target.matches())
                })
            });
            let on_full = document().map(|d| {
                gloo::events::EventListener::new(&d, "fullscreenchange", move |_| {
                    full.set(document().and_then(|d| d.fullscreen_element()).is_some())
                })
            });
            move || drop((on_media, on_full))
        });
    }
    // Keyboard shortcuts, while no dialog is open.
    {
        let dispatcher = motion.dispatcher();
        let (help, root) = (help.clone(), root.clone());
        use_effect_with(*help, move |open| {
            let open = *open;
            let listener = document().map(|d| {
                gloo::events::EventListener::new_with_options(
                    &d,
                    "keydown",
                    gloo::events::EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        if open || typing(e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
                            return;
                        }
                        let handled = match e.key().as_str() {
                            " " => Some(MotionAction::TogglePlay),
                            "ArrowRight" => Some(MotionAction::Step(1)),
                            "ArrowLeft" => Some(MotionAction::Step(-1)),
                            "r" | "R" => Some(MotionAction::Restart),
                            "f" | "F" => {
                                toggle_full_screen(&root);
                                None
                            }
                            "?" => {
                                help.set(true);
                                None
                            }
                            _ => return,
                        };
                        e.prevent_default();
                        if let Some(action) = handled {
                            dispatcher.dispatch(action);
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }

    // The animated quarter comes from a worker; asked for again whenever the
    // scenario or the trial changes (the old one stays until it arrives).
    let shown = use_state(|| None::<Shown>);
    let quarters = use_job_slot();
    {
        let shown = shown.clone();
        use_effect_with(
            (app.state.scenario.clone(), motion.trial),
            move |(input, trial)| {
                if let Some(input) = input {
                    let spec = JobSpec::Quarter {
                        scenario: Box::new(input.clone()),
                        trial: *trial,
                    };
                    let on_quarter =
                        Callback::from(move |q: QuarterResult| shown.set(Some(Rc::new(q))));
                    quarters.start(spec, readers::quarter(on_quarter));
                }
            },
        );
    }
    let spreadsheet = *use_memo(app.state.scenario.clone(), |input| {
        input
            .as_ref()
            .and_then(|i| Scenario::new(i).ok())
            .map(|s| engine::deals::spreadsheet_won(&s))
            .unwrap_or(0.0)
    });
    let Some(input) = app.state.scenario.clone() else {
        let exit = props.on_exit.reform(|_: MouseEvent| ());
        return html! {
            <div class="classroom" ref={root}>
                <h1 ref={heading} tabindex="-1">{ "Classroom" }</h1>
                <p class="classroom-message" role="alert">{ "The scenario has errors. Fix them in the workspace, then come back." }</p>
                <button type="button" class="cl-button" onclick={exit}>{ "Back to workspace" }</button>
            </div>
        };
    };
    let scenario = Rc::new(input);
    let guess = guess_text
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|g| g.is_finite() && *g >= 0.0);
    let guess_error = (!guess_text.trim().is_empty() && guess.is_none())
        .then_some("Type a number of deals, like 25.");
    let watched = match (*shown).as_deref() {
        Some(Ok(q)) if motion.finished() => Some(q.outcome.won() as f64),
        _ => None,
    };
    let names: Vec<AttrValue> = scenario
        .stages
        .iter()
        .map(|s| AttrValue::from(s.name.clone()))
        .collect();

    let on_load = {
        let (state, lesson, motion) = (app.state.clone(), lesson.clone(), motion.dispatcher());
        Callback::from(move |(l, changed): (&'static Lesson, bool)| {
            let make = if changed { l.changed } else { l.scenario };
            library_ops::open_unsaved(&state, make(), false);
            lesson.set(Some((l.id, changed)));
            motion.dispatch(MotionAction::Reset);
        })
    };
    let use_quarter = {
        let state = app.state.clone();
        Callback::from(move |()| state.dispatch(Action::Edit(Field::Horizon, "13".to_owned())))
    };
    let on_guess = {
        let guess_text = guess_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            guess_text.set(input.value());
        })
    };
    let open_help = {
        let help = help.clone();
        Callback::from(move |_: MouseEvent| help.set(true))
    };
    let close_help = {
        let help = help.clone();
        Callback::from(move |()| help.set(false))
    };
    let full_button = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| toggle_full_screen(&root))
    };
    let exit = props.on_exit.reform(|_: MouseEvent| ());
    let shortcuts = SHORTCUTS.iter().map(
        |(key, what)| html! { <tr><th scope="row"><kbd>{ *key }</kbd></th><td>{ *what }</td></tr> },
    );
    html! {
        <div class="classroom" ref={root}>
            <header class="classroom-bar">
                <h1 ref={heading} tabindex="-1">{ "Classroom" }<span class="classroom-scenario">{ scenario.name.clone() }</span></h1>
                <div class="classroom-actions">
                    <button type="button" class="cl-button" onclick={open_help} aria-keyshortcuts="?">{ "Keyboard shortcuts" }</button>
                    <button type="button" class="cl-button" onclick={full_button} aria-keyshortcuts="F">
                        { if *full { "Exit full screen" } else { "Full screen" } }</button>
                    <button type="button" class="cl-button" onclick={exit}>{ "Back to workspace" }</button>
                </div>
            </header>
            <LessonStrip active={*lesson} on_load={on_load.clone()} />
            <div class="classroom-main">
                <DealsMotion shown={(*shown).clone()} names={names} seed={scenario.seed} motion={motion.clone()}
                             reduced={*reduced} guess={guess} on_use_quarter={use_quarter} />
                <div class="classroom-side">
                    <LessonStrip active={*lesson} on_load={on_load} card={true} />
                    <section class="guess" aria-labelledby="guess-title">
                        <h2 id="guess-title" class="visually-hidden">{ "Guess first" }</h2>
                        <label for="room-guess">{ "Room's guess: deals won this quarter" }</label>
                        <input id="room-guess" type="text" inputmode="decimal" value={(*guess_text).clone()}
                               oninput={on_guess} aria-invalid={guess_error.is_some().to_string()}
                               aria-describedby="room-guess-help" />
                        <p id="room-guess-help" class={classes!("hint", guess_error.map(|_| "error"))}>
                            { guess_error.unwrap_or("Guess first: ask the room before you play the quarter or run many.") }
                        </p>
                    </section>
                    <BuildUp scenario={scenario.clone()} spreadsheet={spreadsheet} guess={guess} watched={watched} />
                </div>
            </div>
            if *help {
                <Dialog title="Keyboard shortcuts" on_close={close_help}>
                    <table class="shortcuts" aria-label="Keyboard shortcuts">
                        <tbody>{ for shortcuts }</tbody>
                    </table>
                </Dialog>
            }
        </div>
    }
}
