//! The numbers behind the charts, as tables (for reading, copying and
//! screen readers): one statistic's summary here, the funnel and the weeks
//! in the files beside this one.

mod funnel_table;
mod weekly_table;

pub use funnel_table::FunnelTable;
pub use weekly_table::WeeklyTable;

use charts::format;
use engine::Stat;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatTableProps {
    /// Accessible name and caption.
    pub label: AttrValue,
    pub caption: AttrValue,
    pub stat: Stat,
    pub format: Callback<f64, String>,
}

/// Mean (with its standard error), standard deviation and percentiles.
#[component]
pub fn StatTable(props: &StatTableProps) -> Html {
    let w = &props.stat;
    let f = |v: f64| props.format.emit(v);
    let rows = [
        ("Mean", f(w.mean)),
        ("Standard deviation", f(w.sd)),
        (
            "Standard error of the mean",
            if w.se < 10.0 {
                format::small(w.se)
            } else {
                f(w.se)
            },
        ),
        ("P5", f(w.p5)),
        ("P10 (commit)", f(w.p10)),
        ("P25", f(w.p25)),
        ("P50 (most likely)", f(w.p50)),
        ("P75", f(w.p75)),
        ("P90 (best case)", f(w.p90)),
        ("P95", f(w.p95)),
    ];
    html! {
        <table class="data-table compact" aria-label={props.label.clone()}>
            <caption>{ props.caption.clone() }</caption>
            <tbody>
                { for rows.into_iter().map(|(k, v)| html! {
                    <tr><th scope="row">{ k }</th><td>{ v }</td></tr>
                }) }
            </tbody>
        </table>
    }
}
