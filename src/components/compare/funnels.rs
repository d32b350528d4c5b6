//! The funnels side by side: mean deals reaching each stage, per scenario,
//! as a number and a bar on a common scale.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::series;
use charts::bar_scale::{bar_length, bar_top};
use charts::format;
use engine::ComparisonSummary;
use yew::prelude::*;

/// Width of a bar's track in its viewBox.
const TRACK: f64 = 100.0;

/// The table for `s`, one column per scenario of `names`.
pub fn funnels(s: &ComparisonSummary, names: &[String]) -> Html {
    let stages = s.summaries.first().map_or(&[][..], |f| f.stages.as_slice());
    // The widest funnel's top fills the track; at least one deal does.
    let top = bar_top(
        s.summaries
            .iter()
            .filter_map(|sum| sum.stages.first())
            .map(|st| st.reached.mean),
        1.0,
    );
    let cell = |i: usize, m: f64| {
        html! {
            <td class="bar-cell">
                <svg class="mini-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                    <rect class={classes!("series-bar", series(i))} width={format!("{:.1}", bar_length(m, top, TRACK))} height="8" rx="1.5" />
                </svg>
                <span>{ format::mean(m) }</span>
            </td>
        }
    };
    let rows = stages.iter().enumerate().map(|(k, stage)| {
        let cells = s
            .summaries
            .iter()
            .enumerate()
            .map(|(i, sum)| cell(i, sum.stages.get(k).map_or(0.0, |st| st.reached.mean)));
        html! {
            <tr>
                <th scope="row">{ stage.name.clone() }</th>
                { for cells }
            </tr>
        }
    });
    html! {
        <table class="data-table funnels" aria-label="Funnels side by side">
            <caption>{ "Funnels side by side: mean deals reaching each stage" }</caption>
            <thead><tr><th scope="col">{ "Stage" }</th>
                { for names.iter().map(|n| html! { <th scope="col">{ n.clone() }</th> }) }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
