//! The numbers behind the charts, as tables (for reading, copying and
//! screen readers).

use charts::format;
use engine::{Stat, Summary};
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

#[derive(Properties, PartialEq)]
pub struct WeeklyTableProps {
    pub summary: Rc<Summary>,
    pub money: Callback<f64, String>,
}

/// Week by week: cumulative won deals and revenue bands, chance of target.
#[component]
pub fn WeeklyTable(props: &WeeklyTableProps) -> Html {
    let s = &props.summary;
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
                    <td>{ props.money.emit(r.p10) }</td>
                    <td>{ props.money.emit(r.p50) }</td>
                    <td>{ props.money.emit(r.p90) }</td>
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
