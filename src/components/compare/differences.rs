//! The table of differences: each scenario's percentiles and mean of the
//! compared measure, with the difference from the first in brackets.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::swatch;
use crate::money::money;
use charts::format;
use engine::{ComparisonSummary, Measure, Stat, Summary};
use yew::prelude::*;

/// ` (+d)` or ` (−d)`: how far `x` is from `base`, with `value` formatting
/// the distance.
fn delta(x: f64, base: f64, value: impl Fn(f64) -> String) -> String {
    let d = x - base;
    let sign = if d >= 0.0 { "+" } else { "−" };
    format!(" ({sign}{})", value(d.abs()))
}

fn row(label: &str, cells: Vec<String>) -> Html {
    html! {
        <tr><th scope="row">{ label.to_owned() }</th>{ for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
    }
}

/// The table for `s`, with the scenarios' `names` and amounts in `currency`.
pub fn differences(s: &ComparisonSummary, names: &[String], currency: &str) -> Html {
    let by_revenue = s.metric == Measure::Revenue;
    let value = |x: f64| {
        if by_revenue {
            money(x, currency)
        } else {
            format::count(x)
        }
    };
    let main = |sum: &Summary| {
        if by_revenue {
            sum.revenue.clone().unwrap_or_default()
        } else {
            sum.won.clone()
        }
    };
    let chance = |sum: &Summary| {
        let target = sum.target.as_ref()?;
        if by_revenue {
            target.p_revenue.clone()
        } else {
            target.p_won.clone()
        }
    };
    let first = s.summaries.first().map(main).unwrap_or_default();
    let stat_row = |label: &str, pick: fn(&Stat) -> f64| {
        let base = pick(&first);
        let cells = s.summaries.iter().enumerate().map(|(k, sum)| {
            let v = pick(&main(sum));
            let diff = if k == 0 {
                String::new()
            } else {
                delta(v, base, value)
            };
            format!("{}{diff}", value(v))
        });
        row(label, cells.collect())
    };
    let header = names.iter().enumerate().map(|(k, n)| {
        html! {
            <th scope="col"><span class={classes!("swatch", swatch(k))}></span>{ n.clone() }</th>
        }
    });
    let chances = s.summaries.iter().map(|sum| {
        chance(sum)
            .map(|p| format::percent(p.p))
            .unwrap_or_else(|| "–".to_owned())
    });
    html! {
        <table class="data-table" aria-label="Differences">
            <caption>{ format!("Differences ({} trials; in brackets, the difference from the first)", format::count(s.trials_done as f64)) }</caption>
            <thead><tr><th scope="col">{ "Measure" }</th>{ for header }</tr></thead>
            <tbody>
                { stat_row("Commit (P10)", |st| st.p10) }
                { stat_row("Most likely (P50)", |st| st.p50) }
                { stat_row("Best case (P90)", |st| st.p90) }
                { stat_row("Mean", |st| st.mean) }
                { row("Chance of target", chances.collect()) }
                { row("Deals won (mean)", s.summaries.iter().map(|sum| format::mean(sum.won.mean)).collect()) }
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deltas_carry_their_sign() {
        let count = |x: f64| format::count(x);
        assert_eq!(delta(12.0, 10.0, count), " (+2)");
        assert_eq!(delta(7.0, 10.0, count), " (−3)");
        assert_eq!(delta(10.0, 10.0, count), " (+0)");
    }
}
