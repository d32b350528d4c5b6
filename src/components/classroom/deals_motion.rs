//! Deals in motion: one simulated quarter (one real trial of the seeded
//! run) played week by week, with its controls and counters. The controls
//! and the dots' legend have their own files beside this one.

mod controls;
mod legend;

use super::stage_counters::stage_counters;
use super::DotCanvas;
use crate::motion::{Motion, MotionAction};
use charts::format;
use controls::motion_controls;
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Interval;
use legend::dot_legend;
use std::rc::Rc;
use yew::prelude::*;

/// The animated quarter, or why it cannot be shown (and whether a 13-week
/// horizon would fix it).
pub type Shown = Rc<crate::worker::QuarterResult>;

/// The clock: animation frames, or one week per beat with reduced motion
/// (`reduced`), while `motion` plays. Shared with the calibration game's
/// reveal.
#[hook]
pub fn use_motion_clock(motion: &UseReducerHandle<Motion>, reduced: bool) {
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    {
        let dispatcher = motion.dispatcher();
        let key = (motion.playing, motion.frames, reduced, motion.speed);
        use_effect_with(key, move |&(playing, _, reduced, speed)| {
            let mut beat = None;
            if playing && reduced {
                let ms = (1000.0 / speed).round() as u32;
                beat = Some(Interval::new(ms, move || {
                    dispatcher.dispatch(MotionAction::Tick)
                }));
            } else if playing {
                *frame.borrow_mut() = Some(request_animation_frame(move |ts| {
                    dispatcher.dispatch(MotionAction::Frame(ts))
                }));
            } else {
                frame.borrow_mut().take();
            }
            move || drop(beat)
        });
    }
}

#[derive(Properties, PartialEq)]
pub struct DealsMotionProps {
    /// None until the worker has sent the first quarter.
    pub shown: Option<Shown>,
    pub names: Vec<AttrValue>,
    pub seed: u64,
    pub motion: UseReducerHandle<Motion>,
    /// The user asked for reduced motion: playing moves week by week.
    pub reduced: bool,
    /// The room's guess of deals won, if typed in.
    pub guess: Option<f64>,
    /// Sets a 13-week horizon (offered when the scenario has none).
    pub on_use_quarter: Callback<()>,
}

#[component]
pub fn DealsMotion(props: &DealsMotionProps) -> Html {
    let motion = &props.motion;
    let trial = motion.trial;
    let shown = &props.shown;
    {
        let dispatcher = motion.dispatcher();
        let weeks = shown
            .as_deref()
            .and_then(|r| r.as_ref().ok())
            .map(|q| q.weeks);
        use_effect_with(weeks, move |weeks| {
            if let Some(weeks) = weeks {
                dispatcher.dispatch(MotionAction::SetWeeks(*weeks));
            }
        });
    }

    use_motion_clock(motion, props.reduced);

    let q = match shown.as_deref() {
        None => {
            return html! {
                <section class="deals-motion" aria-labelledby="motion-title">
                    <h2 id="motion-title">{ "Deals in motion" }</h2>
                    <p class="classroom-message" role="status">{ "Preparing the quarter…" }</p>
                </section>
            };
        }
        Some(Ok(q)) => q.clone(),
        Some(Err((message, no_horizon))) => {
            let fix = props.on_use_quarter.reform(|_: MouseEvent| ());
            return html! {
                <section class="deals-motion" aria-labelledby="motion-title">
                    <h2 id="motion-title">{ "Deals in motion" }</h2>
                    <p class="classroom-message" role="alert">{ message.clone() }</p>
                    if *no_horizon {
                        <button type="button" class="cl-button" onclick={fix}>{ "Use a 13-week quarter" }</button>
                    }
                </section>
            };
        }
    };
    let day = if props.reduced {
        7.0 * motion.week() as f64
    } else {
        motion.day
    };
    let counts = q.counts_at(day);
    let n = |v: u64| format::count(v as f64);
    let lost: u64 = counts.lost.iter().sum();
    let week_text = format!("Week {} of {}", motion.week(), motion.weeks);
    let picture = format!(
        "{week_text}: {} deals in, {} lost, {} won, {} still in the stages.",
        n(counts.entered),
        n(lost),
        n(counts.won),
        n(counts.in_stages())
    );
    let seed = props.seed;
    let reveal = motion.finished().then(|| {
        let won = q.outcome.won();
        let guess = props.guess.map(|g| {
            let off = won as f64 - g;
            format!(
                " The room guessed {}: {}.",
                format::count(g),
                if off == 0.0 {
                    "exactly right".to_owned()
                } else {
                    format!("off by {}", format::count(off.abs()))
                }
            )
        });
        html! {
            <p class="quarter-reveal" data-testid="quarter-result">
                { format!("This quarter won {} deals.", n(won)) }{ guess.unwrap_or_default() }
                { " One quarter is one draw: run many below to see the range." }
            </p>
        }
    });
    html! {
        <section class="deals-motion" aria-labelledby="motion-title">
            <div class="motion-head">
                <h2 id="motion-title">{ "Deals in motion" }</h2>
                <p class="week-counter" data-testid="week-counter">{ week_text.clone() }</p>
                <p class="quarter-id">{ format!("Quarter {} · trial {} of seed {}", trial + 1, trial, seed) }</p>
            </div>
            { motion_controls(motion, props.reduced) }
            { stage_counters(&props.names, &counts) }
            <DotCanvas quarter={q.clone()} day={day} label={AttrValue::from(picture.clone())} />
            <p class="balance" data-testid="balance">
                <span>{ "In " }<strong data-testid="count-entered">{ n(counts.entered) }</strong></span>
                <span>{ " = out " }<strong data-testid="count-out">{ n(counts.out()) }</strong>
                    { format!(" (lost {}, won {})", n(lost), n(counts.won)) }</span>
                <span>{ " + still in stages " }<strong data-testid="count-in-stages">{ n(counts.in_stages()) }</strong></span>
                if counts.referrals > 0 {
                    <span class="referrals">{ format!(" · {} referred leads", n(counts.referrals)) }</span>
                }
            </p>
            { dot_legend(q.deals.len()) }
            { for reveal }
            <p class="visually-hidden" aria-live="polite">{ if motion.playing { String::new() } else { picture } }</p>
        </section>
    }
}
