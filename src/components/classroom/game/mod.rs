//! The calibration game's screen inside Classroom mode: set-up, each
//! round's entry, the reveal (`reveal_job`: one quarter computed on the
//! helper worker and played, then the 10,000-quarter distribution), the
//! scoreboard and the debrief. The
//! game itself lives in the app (`crate::app::use_game`), saved on every
//! change; this screen holds only what is cosmetic (the animation playing,
//! the debrief shown).

mod debrief;
mod distribution;
mod entry;
mod entry_row;
mod files;
mod load_notice;
mod playback;
mod presenter;
mod reveal;
mod reveal_job;
mod scoreboard;
mod setup;

use super::screen::{toggle_full_screen, use_screen};
use crate::app::{use_app, use_game};
use crate::game::{GameAction, Phase};
use crate::worker::use_job_slot;
use engine::Quarter;
use entry::RoundEntry;
use files::GameFiles;
use load_notice::load_notice;
use playback::Playback;
use reveal::RevealView;
use reveal_job::RevealJob;
use setup::GameSetup;
use std::rc::Rc;
use yew::prelude::*;

/// Focuses the element with `id` once the page has re-rendered (the
/// element may only appear in the next render).
pub(crate) fn focus_later(id: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        if let Some(el) =
            element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    })
    .forget();
}

/// A stable box for content that comes and goes (a message, a notice):
/// Yew matches an element's unkeyed children by position from the end, so a
/// node appearing among them would rebuild its siblings, and a focused field
/// among those would lose the focus.
pub(crate) fn slot(content: Html) -> Html {
    html! { <div class="game-slot">{ content }</div> }
}

/// The id of a team's field (`field`: low, high, rev-low, rev-high).
pub(crate) fn field_id(team: u32, field: &str) -> String {
    format!("game-{team}-{field}")
}

#[derive(Properties, PartialEq)]
pub struct GameScreenProps {
    pub on_back: Callback<()>,
    /// The screen's heading, focused on entry.
    pub heading: NodeRef,
}

#[component]
pub fn GameScreen(props: &GameScreenProps) -> Html {
    let store = use_game();
    let app = use_app();
    let screen = use_screen();
    let root = use_node_ref();
    let quarters = use_job_slot();
    // The animated quarter, only right after a Reveal in this visit: the
    // actual is already stored, the animation is cosmetic.
    let playing = use_state(|| None::<Rc<Quarter>>);
    let revealing = use_state(|| false);
    let reveal_error = use_state(|| None::<AttrValue>);
    let show_debrief = use_state(|| false);
    let notice_dismissed = use_state(|| false);
    let unanimated = use_state(|| false);
    let game = store.game();
    let phase = game.phase();
    // The debrief follows the last reveal, the animation its reveal; a reset
    // or an import starts over.
    {
        let (show_debrief, playing) = (show_debrief.clone(), playing.clone());
        use_effect_with(phase, move |phase| {
            if *phase != Phase::Finished {
                show_debrief.set(false);
            }
            if matches!(phase, Phase::Setup | Phase::Entering(_)) {
                playing.set(None);
            }
        });
    }

    let on_reveal = {
        let job = RevealJob {
            store: store.clone(),
            slot: quarters,
            playing: playing.clone(),
            busy: revealing.clone(),
            error: reveal_error.clone(),
            unanimated: unanimated.clone(),
        };
        Callback::from(move |()| job.start())
    };
    let on_played = {
        let playing = playing.clone();
        Callback::from(move |()| {
            playing.set(None);
            focus_later("game-next".to_owned());
        })
    };
    let on_next = {
        let (store, show_debrief) = (store.clone(), show_debrief.clone());
        Callback::from(move |()| match store.game().phase() {
            Phase::Finished => show_debrief.set(true),
            _ => {
                if store.apply(GameAction::NextRound).is_ok() {
                    let first = store.game().teams.first().map(|t| t.id);
                    if let Some(team) = first {
                        focus_later(field_id(team, "low"));
                    }
                }
            }
        })
    };

    let round_title = match phase {
        Phase::Setup => "Set-up".to_owned(),
        Phase::Entering(n) | Phase::Revealed(n) => format!("Round {} of {}", n + 1, game.rounds),
        Phase::Finished if *show_debrief => "Debrief".to_owned(),
        Phase::Finished => format!("Round {} of {}", game.rounds, game.rounds),
    };
    let body = match phase {
        Phase::Setup => html! { <GameSetup /> },
        Phase::Entering(n) => html! {
            <RoundEntry key={n} round={n} busy={*revealing} error={(*reveal_error).clone()} on_reveal={on_reveal} />
        },
        Phase::Finished if *show_debrief => debrief::debrief(&game),
        Phase::Revealed(_) | Phase::Finished => {
            let round = phase_round(phase, game.rounds);
            match &*playing {
                Some(q) => html! {
                    <Playback quarter={q.clone()} round={round} reduced={screen.reduced_motion} on_done={on_played} />
                },
                None => html! {
                    <RevealView key={round} round={round} last={phase == Phase::Finished} unanimated={*unanimated}
                                currency={AttrValue::from(app.state.currency.clone())} on_next={on_next} />
                },
            }
        }
    };
    // Not while the quarter plays: it would give the actual away.
    let scoreboard = (playing.is_none() && game.played.iter().any(|r| r.actual.is_some()))
        .then(|| scoreboard::scoreboard(&game));
    let full = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| toggle_full_screen(&root))
    };
    let back = props.on_back.reform(|_: MouseEvent| ());
    let notice = {
        let dismissed = notice_dismissed.clone();
        load_notice(&store, Callback::from(move |_| dismissed.set(true)))
    };
    html! {
        <div class="classroom game-screen" ref={root}>
            <header class="classroom-bar">
                <h1 ref={props.heading.clone()} tabindex="-1">{ "Calibration game" }
                    <span class="classroom-scenario">{ round_title }</span></h1>
                <div class="classroom-actions">
                    <GameFiles />
                    <button type="button" class="cl-button" onclick={full}>
                        { if screen.full { "Exit full screen" } else { "Full screen" } }</button>
                    <button type="button" class="cl-button" onclick={back}>{ "Back to classroom" }</button>
                </div>
            </header>
            { slot(if *notice_dismissed { html! {} } else { notice }) }
            { slot(match store.save_error() {
                Some(e) => html! { <p class="notice error" role="alert">{ format!("The game could not be saved in this browser: {e}. It is kept in this tab only.") }</p> },
                None => html! {},
            }) }
            <main class={classes!("game-main", scoreboard.is_some().then_some("with-board"))}>
                <div class="game-body">{ body }</div>
                <div class="game-board">{ for scoreboard }</div>
            </main>
        </div>
    }
}

/// The 0-based round a revealed phase shows.
fn phase_round(phase: Phase, rounds: u32) -> u32 {
    match phase {
        Phase::Entering(n) | Phase::Revealed(n) => n,
        Phase::Setup | Phase::Finished => rounds.saturating_sub(1),
    }
}
