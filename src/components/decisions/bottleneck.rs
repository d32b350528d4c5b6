//! "Which stage to fix": the button that asks, then the verdict sentence, the
//! tornado chart and its numbers.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::tornado::tornado_chart;
use crate::decisions_text::{amount, chance_change, mean_change, median_change, verdict};
use crate::money::money;
use charts::format;
use engine::decisions::{Measure, SensitivityReport};
use yew::prelude::*;

pub struct BottleneckProps<'a> {
    /// The last sensitivity answer, if any.
    pub report: Option<&'a SensitivityReport>,
    /// A question is in flight (the button waits).
    pub busy: bool,
    /// The question in flight is this one.
    pub computing: bool,
    pub on_find: Callback<()>,
    /// The currency amounts are in.
    pub currency: &'a str,
}

/// The block: the button, then the answer if there is one.
pub fn bottleneck(props: &BottleneckProps) -> Html {
    let currency = props.currency;
    let onclick = props.on_find.reform(|_: MouseEvent| ());
    let answer = props.report.map(|r| {
        let revenue = r.measure == Measure::Revenue;
        let in_money = |x: f64| money(x, currency);
        let value = |v: f64| amount(v, revenue, &in_money);
        let rows = r.effects.iter().map(|e| {
            html! {
                <tr>
                    <th scope="row">{ e.label.clone() }</th>
                    <td>{ mean_change(e, revenue, &in_money) }</td>
                    <td>{ median_change(e, &value) }</td>
                    <td>{ chance_change(e) }</td>
                </tr>
            }
        });
        html! {
            <>
                <p class="verdict" data-testid="first-to-fix">{ verdict(r, &in_money).unwrap_or_default() }</p>
                { tornado_chart(r, currency) }
                <details class="table-view">
                    <summary>{ "Show the numbers" }</summary>
                    <table class="data-table" aria-label="Sensitivity table">
                        <thead><tr><th scope="col">{ "Lever" }</th><th scope="col">{ if revenue { "Change in mean revenue" } else { "Change in mean deals won" } }</th><th scope="col">{ "Change in median" }</th><th scope="col">{ "Change in chance of target" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </details>
                <p class="hint-text">{ format!("{} trials, the same random numbers for every lever; ± is the Monte Carlo error.", format::count(r.trials as f64)) }</p>
            </>
        }
    });
    html! {
        <div class="decision-block">
            <h3>{ "Which stage to fix" }</h3>
            <button type="button" class="button primary" disabled={props.busy} {onclick}>
                { if props.computing { "Computing…" } else { "Find the bottleneck" } }
            </button>
            { answer.unwrap_or_default() }
        </div>
    }
}
