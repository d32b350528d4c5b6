//! The revealed quarter played week by week (the classroom's dots and stage
//! counters, two weeks a second), with Skip to result. Cosmetic: the actual
//! is stored before it starts.

use super::super::deals_motion::use_motion_clock;
use super::super::stage_counters::stage_counters;
use super::super::DotCanvas;
use crate::motion::{Motion, MotionAction};
use charts::format;
use engine::{Quarter, DEFAULT_STAGE_NAMES};
use gloo::timers::callback::Timeout;
use std::rc::Rc;
use yew::prelude::*;

/// Weeks of the quarter per second: a 13-week quarter in about 6 seconds.
const SPEED: f64 = 2.0;
/// Pause on the last week before the result, so the room sees it.
const HOLD_MS: u32 = 1_200;

#[derive(Properties, PartialEq)]
pub struct PlaybackProps {
    pub quarter: Rc<Quarter>,
    /// The round (0-based).
    pub round: u32,
    /// The user asked for reduced motion: a week at a time.
    pub reduced: bool,
    /// The quarter has played, or was skipped.
    pub on_done: Callback<()>,
}

#[component]
pub fn Playback(props: &PlaybackProps) -> Html {
    let motion = use_reducer(Motion::default);
    {
        let (dispatcher, weeks) = (motion.dispatcher(), props.quarter.weeks);
        use_effect_with((), move |_| {
            dispatcher.dispatch(MotionAction::SetWeeks(weeks));
            dispatcher.dispatch(MotionAction::SetSpeed(SPEED));
            dispatcher.dispatch(MotionAction::TogglePlay);
        });
    }
    use_motion_clock(&motion, props.reduced);
    {
        let on_done = props.on_done.clone();
        use_effect_with(motion.finished(), move |&finished| {
            let hold = finished.then(|| Timeout::new(HOLD_MS, move || on_done.emit(())));
            move || drop(hold)
        });
    }
    let q = &props.quarter;
    let day = if props.reduced {
        7.0 * motion.week() as f64
    } else {
        motion.day
    };
    let counts = q.counts_at(day);
    let names: Vec<AttrValue> = DEFAULT_STAGE_NAMES
        .iter()
        .map(|n| AttrValue::from(*n))
        .collect();
    let week = format!("Week {} of {}", motion.week(), motion.weeks);
    let picture = format!(
        "{week}: {} deals won so far.",
        format::count(counts.won as f64)
    );
    let skip = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <section class="game-playback" aria-labelledby="playback-title">
            <div class="motion-head">
                <h2 id="playback-title">{ format!("Round {}: one quarter plays", props.round + 1) }</h2>
                <p class="week-counter">{ week }</p>
                <button type="button" id="game-skip" class="cl-button primary big" onclick={skip}>{ "Skip to result" }</button>
            </div>
            { stage_counters(&names, &counts) }
            <DotCanvas quarter={q.clone()} day={day} label={AttrValue::from(picture)} />
        </section>
    }
}
