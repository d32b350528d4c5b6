//! Two to four saved scenarios side by side, run on common random numbers:
//! who beats whom in how many trials, a table of differences, overlaid
//! distributions and the funnels next to each other.

mod beats;
mod differences;
mod funnels;
mod overlay_chart;
mod picker;
mod results;

use crate::app::use_app;
use crate::library_ops;
use crate::storage::library;
use crate::worker::readers::{self, Read};
use crate::worker::use_job_slot;
use charts::format;
use engine::{ComparisonSummary, JobSpec};
use picker::{compare_picker, ComparePickerProps};
use results::compare_results;
use std::rc::Rc;
use yew::prelude::*;

/// Trials of a comparison.
const TRIALS: u64 = 10_000;
/// The most scenarios compared at once (one series colour each).
const MAX_PICKS: usize = 4;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Running,
    Done,
    Failed(String),
}

#[component]
pub fn CompareView() -> Html {
    let app = use_app();
    let state = &app.state;
    let selected = use_state(Vec::<String>::new);
    let names = use_state(Vec::<String>::new);
    let result = use_state(|| None::<Rc<ComparisonSummary>>);
    let status = use_state(|| Status::Idle);
    let comparer = use_job_slot();
    // Forget selections of scenarios that are gone.
    let available: Vec<(String, String)> = state
        .library
        .iter()
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();
    let chosen: Vec<String> = selected
        .iter()
        .filter(|id| available.iter().any(|(a, _)| a == *id))
        .cloned()
        .collect();

    let on_toggle = {
        let selected = selected.clone();
        Callback::from(move |(id, checked): (String, bool)| {
            let mut next: Vec<String> = (*selected).clone();
            next.retain(|x| *x != id);
            if checked {
                next.push(id);
            }
            selected.set(next);
        })
    };
    let start = {
        let (chosen, names, result, status, comparer) = (
            chosen.clone(),
            names.clone(),
            result.clone(),
            status.clone(),
            comparer.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let entries: Vec<library::Entry> = chosen
                .iter()
                .filter_map(|id| library_ops::read_entry(id))
                .collect();
            if entries.len() < 2 {
                status.set(Status::Failed(
                    "Pick two to four saved scenarios.".to_owned(),
                ));
                return;
            }
            let seed = entries[0].scenario.seed;
            names.set(entries.iter().map(|e| e.name.clone()).collect());
            result.set(None);
            status.set(Status::Running);
            let spec = JobSpec::Compare {
                scenarios: entries.into_iter().map(|e| e.scenario).collect(),
                seed,
                first: 0,
                end: TRIALS,
            };
            let (result, status) = (result.clone(), status.clone());
            let on_read = Callback::from(move |read| match read {
                Read::Result(summary, done) => {
                    result.set(Some(summary));
                    if done {
                        status.set(Status::Done);
                    }
                }
                Read::Failed(message) => status.set(Status::Failed(message)),
                Read::Progress(_) => {}
            });
            comparer.start(spec, readers::comparison(TRIALS, on_read));
        })
    };
    let currency = state.currency.clone();
    html! {
        <section class="panel compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ "Compare scenarios" }</h2>
            if available.len() < 2 {
                <p class="hint-text">{ "Save two or more scenarios to compare them side by side." }</p>
            } else {
                { compare_picker(&ComparePickerProps { available, chosen: chosen.clone(), max: MAX_PICKS, on_toggle }) }
                <button type="button" class="button primary" disabled={!(2..=MAX_PICKS).contains(&chosen.len())} onclick={start}>
                    { "Compare" }
                </button>
                <span class="hint-text">{ format!(" {} trials each, on the same random numbers (the first one's seed).", format::count(TRIALS as f64)) }</span>
                if let Status::Failed(message) = &*status {
                    <p class="error" role="alert">{ message.clone() }</p>
                }
                if let Some(r) = &*result {
                    { compare_results(r, &names, &currency, *status == Status::Running) }
                }
            }
        </section>
    }
}

/// Series `k`'s swatch class (the stylesheet's `swatch-0..3`), wrapping
/// after the fourth.
fn swatch(k: usize) -> String {
    format!("swatch-{}", k % MAX_PICKS)
}

/// Series `k`'s theme class for its lines and bars (`series-0..3`, whose
/// colours the stylesheet sets per theme), wrapping after the fourth.
fn series(k: usize) -> String {
    format!("series-{}", k % MAX_PICKS)
}
