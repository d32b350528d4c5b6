//! The numbers behind the charts, as tables (for reading, copying and
//! screen readers).

use charts::format;
use engine::Summary;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub summary: Rc<Summary>,
}

/// Per-stage mean, band and drop-off.
#[component]
pub fn FunnelTable(props: &TableProps) -> Html {
    let rows = props.summary.stages.iter().map(|s| {
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

/// Mean, standard deviation and percentiles of deals won.
#[component]
pub fn WonTable(props: &TableProps) -> Html {
    let w = &props.summary.won;
    let rows = [
        ("Mean", format::mean(w.mean)),
        ("Standard deviation", format::mean(w.sd)),
        ("P5", format::count(w.p5)),
        ("P10", format::count(w.p10)),
        ("P25", format::count(w.p25)),
        ("P50 (median)", format::count(w.p50)),
        ("P75", format::count(w.p75)),
        ("P90", format::count(w.p90)),
        ("P95", format::count(w.p95)),
    ];
    html! {
        <table class="data-table compact" aria-label="Deals won statistics">
            <caption>{ "Deals won per trial" }</caption>
            <tbody>
                { for rows.into_iter().map(|(k, v)| html! {
                    <tr><th scope="row">{ k }</th><td>{ v }</td></tr>
                }) }
            </tbody>
        </table>
    }
}
