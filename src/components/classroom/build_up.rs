//! From one run to many: 1, then 10, then 100, then 10,000 quarters of the
//! same seeded run, the histogram filling in, against the spreadsheet's
//! point estimate and the room's guess.

mod runner;
mod view;

use super::outcome_histogram::{outcome_histogram, OutcomeHistogramProps};
use crate::app::use_app;
use crate::components::{mystery_veil, stat_table, StatTableProps};
use crate::worker::use_job_slot;
use charts::format;
use engine::ScenarioInput;
use runner::{start_step, Runner, Shared};
use std::rc::Rc;
use view::{View, ViewAction, STEPS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BuildUpProps {
    pub scenario: Rc<ScenarioInput>,
    pub spreadsheet: f64,
    pub guess: Option<f64>,
    /// Deals won in the animated quarter, once it has finished.
    pub watched: Option<f64>,
}

#[component]
pub fn BuildUp(props: &BuildUpProps) -> Html {
    let app = use_app();
    let view = use_reducer(View::default);
    let jobs = use_job_slot();
    let runner: Shared = use_mut_ref(move || Runner {
        jobs,
        scenario: None,
        pause: None,
    });
    // A changed scenario makes the old picture stale.
    {
        let (views, runner) = (view.dispatcher(), runner.clone());
        use_effect_with(props.scenario.clone(), move |_| {
            runner.borrow_mut().halt();
            views.dispatch(ViewAction::Reset);
        });
    }
    let start = {
        let (views, runner, scenario) = (view.dispatcher(), runner.clone(), props.scenario.clone());
        Callback::from(move |_: MouseEvent| {
            {
                let mut r = runner.borrow_mut();
                r.scenario = Some((*scenario).clone());
                r.pause = None;
            }
            views.dispatch(ViewAction::Reset);
            start_step(&runner, &views, 0);
        })
    };
    let stop = {
        let (views, runner) = (view.dispatcher(), runner.clone());
        Callback::from(move |_: MouseEvent| {
            runner.borrow_mut().halt();
            views.dispatch(ViewAction::Stopped);
        })
    };
    let trials = view.summary.as_ref().map(|s| s.trials_done).unwrap_or(0);
    let steps = STEPS.iter().enumerate().map(|(i, n)| {
        let state = match view.step {
            Some(s) if i < s || (i == s && view.summary.as_ref().is_some_and(|x| x.trials_done == *n)) => "done",
            Some(s) if i == s => "now",
            _ => "later",
        };
        html! { <li class={state} aria-current={(state == "now").then_some("step")}>{ format::count(*n as f64) }</li> }
    });
    let hidden = app.state.mystery.hides();
    let veil = (hidden && view.summary.is_some())
        .then(|| mystery_veil(&app.state, "the distribution", "cl-button"));
    let body = view.summary.as_ref().filter(|_| !hidden).map(|s| {
        let guess_text = props.guess.map(|g| {
            let at_least = s.won_distribution.share_at_least(g);
            format!(
                "The room's guess of {}: {} of the quarters won fewer deals, {} won at least that many.",
                format::count(g), format::percent(1.0 - at_least), format::percent(at_least)
            )
        });
        let headline = format!(
            "{} quarters: half won {} deals or fewer; 8 in 10 won between {} and {}. The spreadsheet says {}.",
            format::count(s.trials_done as f64), format::count(s.won.p50),
            format::count(s.won.p10), format::count(s.won.p90), format::mean(props.spreadsheet)
        );
        html! {
            <>
                <p class="build-up-headline" data-testid="build-up-headline" aria-live="polite">{ headline }</p>
                if let Some(text) = guess_text {
                    <p class="guess-reveal" data-testid="guess-reveal">{ text }</p>
                }
                { outcome_histogram(&OutcomeHistogramProps {
                    distribution: &s.won_distribution.0,
                    spreadsheet: props.spreadsheet,
                    guess: props.guess,
                    watched: props.watched,
                }) }
                if s.trials_done == STEPS[STEPS.len() - 1] {
                    { stat_table(&StatTableProps {
                        label: "Build-up statistics",
                        caption: "Deals won over 10,000 quarters",
                        stat: &s.won,
                        format: &Callback::from(format::mean),
                    }) }
                }
            </>
        }
    });
    html! {
        <section class="build-up" aria-labelledby="build-up-title">
            <h2 id="build-up-title">{ "From one run to many" }</h2>
            <div class="build-up-controls">
                if view.running {
                    <button type="button" class="cl-button" onclick={stop}>{ "Stop" }</button>
                } else {
                    <button type="button" class="cl-button primary" onclick={start}>{ "Run 1 → 10 → 100 → 10,000 quarters" }</button>
                }
                <ol class="steps" aria-label="Quarters run">{ for steps }</ol>
            </div>
            if trials == 0 && !view.running {
                <p class="hint">{ format!("The spreadsheet estimate (leads × rates) is {} deals. Run one quarter, then many, and see where it lands.", format::mean(props.spreadsheet)) }</p>
            }
            if let Some(error) = &view.error {
                <p class="classroom-message" role="alert">{ format!("The run failed: {error}") }</p>
            }
            { for veil }
            { for body }
        </section>
    }
}
