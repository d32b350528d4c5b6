//! Counters per stage for the animated quarter, as a table whose seven
//! columns line up with the canvas's columns below it.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::format;
use engine::{Counts, SALES_STAGES};
use yew::prelude::*;

/// The counters `c`, under the stages' `names`.
pub fn stage_counters(names: &[AttrValue], c: &Counts) -> Html {
    let n = |v: u64| format::count(v as f64);
    let heads = names
        .iter()
        .map(|name| html! { <th scope="col">{ name.clone() }</th> });
    let in_stage = (0..=SALES_STAGES).map(|stage| {
        let value = if stage == SALES_STAGES {
            c.won
        } else {
            c.in_stage[stage]
        };
        html! { <td data-testid={format!("in-stage-{stage}")}>{ n(value) }</td> }
    });
    let lost = (0..=SALES_STAGES).map(|stage| {
        if stage == SALES_STAGES {
            html! { <td data-testid="followed-up">{ format!("{} followed up", n(c.followed_up)) }</td> }
        } else {
            html! { <td class="lost" data-testid={format!("lost-{stage}")}>{ n(c.lost[stage]) }</td> }
        }
    });
    html! {
        <table class="stage-counters" aria-label="Stage counters">
            <caption class="visually-hidden">
                { "First row: deals in each stage now (under Follow-up: deals won). Second row: deals lost at each stage." }
            </caption>
            <thead><tr>{ for heads }</tr></thead>
            <tbody>
                <tr class="now">{ for in_stage }</tr>
                <tr>{ for lost }</tr>
            </tbody>
        </table>
    }
}
