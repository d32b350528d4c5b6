//! The funnel as a table: per stage, the mean deals reaching it, the
//! P10–P90 band and the drop-off.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::format;
use engine::Summary;
use yew::prelude::*;

/// Per-stage mean, band and drop-off.
pub fn funnel_table(summary: &Summary) -> Html {
    let rows = summary.stages.iter().map(|s| {
        html! {
            <tr>
                <th scope="row">{ s.name.clone() }</th>
                <td>{ format::mean(s.reached.mean) }</td>
                <td>{ format::count(s.reached.p10) }</td>
                <td>{ format::count(s.reached.p90) }</td>
                <td>{ s.drop_off.map(format::percent).unwrap_or_else(|| "–".to_owned()) }</td>
            </tr>
        }
    });
    html! {
        <table class="data-table" aria-label="Funnel table">
            <caption>{ "Funnel: deals reaching each stage" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Stage" }</th>
                    <th scope="col">{ "Mean" }</th>
                    <th scope="col">{ "P10" }</th>
                    <th scope="col">{ "P90" }</th>
                    <th scope="col">{ "Drop-off" }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
