//! Classroom mode: a presenter view for trainers. One quarter's deals in
//! motion, the build-up from one run to many, the room's guess, lessons,
//! keyboard shortcuts (Space, arrows, R, F, ?) listed in a help overlay, and
//! the scenario shared to the room's phones as a QR code.

mod build_up;
mod deals_motion;
mod dot_canvas;
mod facilitator_sheet;
mod game;
mod lesson_strip;
mod outcome_histogram;
mod quarter;
mod room_guess;
mod scenario_errors;
mod screen;
mod share_phones;
mod shortcuts;
mod shortcuts_help;
mod stage_counters;

use crate::app::use_app;
use crate::components::mystery_switch;
use crate::lessons::Lesson;
use crate::library_ops;
use crate::motion::{Motion, MotionAction};
use crate::state::Action;
use build_up::BuildUp;
use deals_motion::DealsMotion;
use dot_canvas::DotCanvas;
use engine::{Field, Scenario};
use facilitator_sheet::facilitator_sheet;
use game::GameScreen;
use lesson_strip::{lesson_card, lesson_strip};
use quarter::use_quarter;
use room_guess::{parse_guess, room_guess};
use scenario_errors::scenario_errors;
use screen::{toggle_full_screen, use_screen};
use share_phones::SharePhones;
use shortcuts::use_shortcuts;
use shortcuts_help::shortcuts_help;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClassroomProps {
    pub on_exit: Callback<()>,
}

#[component]
pub fn Classroom(props: &ClassroomProps) -> Html {
    let app = use_app();
    let motion = use_reducer(Motion::default);
    let help = use_state(|| false);
    let sheet = use_state(|| false);
    let share = use_state(|| false);
    let game = use_state(|| false);
    let screen = use_screen();
    let lesson = use_state(|| None::<(&'static str, bool)>);
    let guess_text = use_state(String::new);
    let root = use_node_ref();
    let heading = use_node_ref();

    // Focus the heading on entry (and on the sheet or game and back), so a
    // screen reader starts there.
    {
        let heading = heading.clone();
        use_effect_with((*sheet, *game), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    use_shortcuts(
        motion.dispatcher(),
        help.clone(),
        root.clone(),
        *sheet || *game || *share,
    );
    let shown = use_quarter(app.state.scenario.clone(), motion.trial);
    let spreadsheet = *use_memo(app.state.scenario.clone(), |input| {
        input
            .as_ref()
            .and_then(|i| Scenario::new(i).ok())
            .map(|s| engine::deals::spreadsheet_won(&s))
            .unwrap_or(0.0)
    });
    let show_sheet = |on: bool| {
        let sheet = sheet.clone();
        Callback::from(move |()| sheet.set(on))
    };
    if *sheet {
        return facilitator_sheet(&show_sheet(false), heading);
    }
    if *game {
        let back = Callback::from(move |()| game.set(false));
        return html! { <GameScreen on_back={back} heading={heading} /> };
    }
    let Some(input) = app.state.scenario.clone() else {
        return scenario_errors(root, heading, &props.on_exit);
    };
    let scenario = Rc::new(input);
    let guess = parse_guess(&guess_text).ok().flatten();
    let watched = match shown.as_deref() {
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
    let on_use_quarter = {
        let state = app.state.clone();
        Callback::from(move |()| state.dispatch(Action::Edit(Field::Horizon, "13".to_owned())))
    };
    let on_guess = {
        let guess_text = guess_text.clone();
        Callback::from(move |text: String| guess_text.set(text))
    };
    let open_help = {
        let help = help.clone();
        Callback::from(move |_: MouseEvent| help.set(true))
    };
    let close_help = {
        let help = help.clone();
        Callback::from(move |()| help.set(false))
    };
    let show_share = |on: bool| {
        let share = share.clone();
        Callback::from(move |()| share.set(on))
    };
    let full_button = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| toggle_full_screen(&root))
    };
    let exit = props.on_exit.reform(|_: MouseEvent| ());
    let show_game = Callback::from(move |_: MouseEvent| game.set(true));
    html! {
        <div class="classroom" ref={root}>
            <header class="classroom-bar">
                <h1 ref={heading} tabindex="-1">{ "Classroom" }<span class="classroom-scenario">{ scenario.name.clone() }</span></h1>
                <div class="classroom-actions">
                    { mystery_switch(&app.state, "cl-button") }
                    <button type="button" class="cl-button" onclick={show_sheet(true).reform(|_: MouseEvent| ())}>
                        { "Facilitator sheet" }</button>
                    <button type="button" class="cl-button" onclick={show_share(true).reform(|_: MouseEvent| ())}>
                        { "Share to phones" }</button>
                    <button type="button" class="cl-button" onclick={show_game}>{ "Calibration game" }</button>
                    <button type="button" class="cl-button" onclick={open_help} aria-keyshortcuts="?">{ "Keyboard shortcuts" }</button>
                    <button type="button" class="cl-button" onclick={full_button} aria-keyshortcuts="F">
                        { if screen.full { "Exit full screen" } else { "Full screen" } }</button>
                    <button type="button" class="cl-button" onclick={exit}>{ "Back to workspace" }</button>
                </div>
            </header>
            { lesson_strip(*lesson, &on_load) }
            <div class="classroom-main">
                <DealsMotion shown={shown} names={names} seed={scenario.seed} motion={motion.clone()}
                             reduced={screen.reduced_motion} guess={guess} on_use_quarter={on_use_quarter} />
                <div class="classroom-side">
                    { lesson_card(*lesson, &on_load, &show_share(true)) }
                    { room_guess(&guess_text, &on_guess) }
                    <BuildUp scenario={scenario.clone()} spreadsheet={spreadsheet} guess={guess} watched={watched} />
                </div>
            </div>
            if *help {
                { shortcuts_help(close_help) }
            }
            if *share {
                <SharePhones scenario={scenario.clone()} on_close={show_share(false)} />
            }
        </div>
    }
}
