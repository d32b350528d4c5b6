//! Week by week as a table: cumulative won deals and revenue bands, and
//! the chance of the target by each week's end.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::format;
use engine::Summary;
use yew::prelude::*;

/// Week by week: cumulative won deals and revenue bands (written by
/// `money`), chance of target.
pub fn weekly_table(s: &Summary, money: &Callback<f64, String>) -> Html {
    let has_revenue = s.revenue.is_some();
    let has_target = s
        .weekly
        .iter()
        .any(|w| w.p_revenue_target.or(w.p_won_target).is_some());
    let rows = s.weekly.iter().map(|w| {
        let chance = w.p_revenue_target.or(w.p_won_target);
        html! {
            <tr>
                <th scope="row">{ w.week }</th>
                <td>{ format::count(w.won.p10) }</td>
                <td>{ format::count(w.won.p50) }</td>
                <td>{ format::count(w.won.p90) }</td>
                if let Some(r) = &w.revenue {
                    <td>{ money.emit(r.p10) }</td>
                    <td>{ money.emit(r.p50) }</td>
                    <td>{ money.emit(r.p90) }</td>
                }
                if has_target {
                    <td>{ chance.map(format::percent).unwrap_or_default() }</td>
                }
            </tr>
        }
    });
    html! {
        <table class="data-table" aria-label="Weekly table">
            <caption>{ "Cumulative by the end of each week" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Week" }</th>
                    <th scope="col">{ "Won P10" }</th>
                    <th scope="col">{ "Won P50" }</th>
                    <th scope="col">{ "Won P90" }</th>
                    if has_revenue {
                        <th scope="col">{ "Revenue P10" }</th>
                        <th scope="col">{ "Revenue P50" }</th>
                        <th scope="col">{ "Revenue P90" }</th>
                    }
                    if has_target {
                        <th scope="col">{ "Chance of target" }</th>
                    }
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
