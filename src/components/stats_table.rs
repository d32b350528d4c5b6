//! The numbers behind the charts, as tables (for reading, copying and
//! screen readers): one statistic's summary here, the funnel and the weeks
//! in the files beside this one.
//! Plain functions, not components: each Yew component type costs about
//! half a kilobyte of wasm.

mod funnel_table;
mod weekly_table;

pub use funnel_table::funnel_table;
pub use weekly_table::weekly_table;

use charts::format;
use engine::Stat;
use yew::prelude::*;

pub struct StatTableProps<'a> {
    /// Accessible name and caption.
    pub label: &'static str,
    pub caption: &'static str,
    pub stat: &'a Stat,
    pub format: &'a Callback<f64, String>,
}

/// Mean (with its standard error), standard deviation and percentiles.
pub fn stat_table(props: &StatTableProps) -> Html {
    let w = props.stat;
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
        <table class="data-table compact" aria-label={props.label}>
            <caption>{ props.caption }</caption>
            <tbody>
                { for rows.into_iter().map(|(k, v)| html! {
                    <tr><th scope="row">{ k }</th><td>{ v }</td></tr>
                }) }
            </tbody>
        </table>
    }
}
