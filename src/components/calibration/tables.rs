//! The forecast check's charts as tables: every origin, the coverage
//! against the promise, the PIT histogram. Plain functions.

use super::plots::RANGE_LEVEL;
use crate::calibration_text::{inside, Row, PROMISES};
use charts::calibration::{binomial_range, pit_bins, pit_counts};
use charts::format;
use yew::prelude::*;

/// Every origin: what happened against the forecast (`value` writes the
/// measure's numbers).
pub fn origins_table(rows: &[Row], value: &Callback<f64, String>) -> Html {
    let lines = rows.iter().map(|r| {
        let f = &r.forecast;
        html! {
            <tr>
                <th scope="row">{ r.as_of.to_string() }</th>
                <td>{ value.emit(r.actual) }</td>
                <td>{ value.emit(f.p10) }</td>
                <td>{ value.emit(f.p50) }</td>
                <td>{ value.emit(f.p90) }</td>
                <td>{ format!("{:.3}", f.pit) }</td>
                <td>{ if f.within80 { "yes" } else { "no" } }</td>
            </tr>
        }
    });
    html! {
        <table class="data-table" aria-label="Forecasts and what happened">
            <caption>{ "Each origin: the forecast of the next weeks and what happened" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "As of" }</th>
                    <th scope="col">{ "Actual" }</th>
                    <th scope="col">{ "P10" }</th>
                    <th scope="col">{ "P50" }</th>
                    <th scope="col">{ "P90" }</th>
                    <th scope="col">{ "PIT" }</th>
                    <th scope="col">{ "Inside P10–P90" }</th>
                </tr>
            </thead>
            <tbody>{ for lines }</tbody>
        </table>
    }
}

/// Per range: the promise, how many origins it held, and the shares a
/// kept promise still gives over that many origins.
pub fn coverage_table(rows: &[Row]) -> Html {
    let n = rows.len();
    let lines = PROMISES.iter().map(|&(percent, promise)| {
        let k = inside(rows, percent);
        let (lo, hi) = binomial_range(n, promise, RANGE_LEVEL);
        html! {
            <tr>
                <th scope="row">{ format!("{percent} % range") }</th>
                <td>{ format::percent(promise) }</td>
                <td>{ format!("{k} of {n}") }</td>
                <td>{ format::percent(k as f64 / n.max(1) as f64) }</td>
                <td>{ format!("{} – {}", format::percent(lo), format::percent(hi)) }</td>
            </tr>
        }
    });
    html! {
        <table class="data-table" aria-label="Coverage against the promise">
            <caption>{ format!("How often each range held the actual result, over {n} origins") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Range" }</th>
                    <th scope="col">{ "Promise" }</th>
                    <th scope="col">{ "Inside" }</th>
                    <th scope="col">{ "Share" }</th>
                    <th scope="col">{ "A kept promise gives (9 times in 10)" }</th>
                </tr>
            </thead>
            <tbody>{ for lines }</tbody>
        </table>
    }
}

/// The PIT histogram's bins.
pub fn pit_table(rows: &[Row]) -> Html {
    let pits: Vec<f64> = rows.iter().map(|r| r.forecast.pit).collect();
    let bins = pit_bins(rows.len());
    let even = rows.len() as f64 / bins as f64;
    let lines = pit_counts(&pits, bins)
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (from, to) = (i as f64 / bins as f64, (i + 1) as f64 / bins as f64);
            html! {
                <tr>
                    <th scope="row">{ format!("{from:.2} – {to:.2}") }</th>
                    <td>{ c }</td>
                    <td>{ format!("{even:.1}") }</td>
                </tr>
            }
        });
    html! {
        <table class="data-table" aria-label="PIT histogram">
            <caption>{ "Origins per PIT bin; an honest forecast spreads them evenly" }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "PIT" }</th>
                    <th scope="col">{ "Origins" }</th>
                    <th scope="col">{ "Even spread" }</th>
                </tr>
            </thead>
            <tbody>{ for lines }</tbody>
        </table>
    }
}
