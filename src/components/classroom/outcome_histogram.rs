//! The build-up's histogram: quarters by deals won, with the spreadsheet's
//! point estimate, the room's guess and the animated quarter marked.

use charts::{format, nice_ticks, LinearScale};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OutcomeHistogramProps {
    /// (deals won, quarters) pairs.
    pub distribution: Vec<(f64, u64)>,
    pub spreadsheet: f64,
    pub guess: Option<f64>,
    /// Deals won in the animated quarter.
    pub watched: Option<f64>,
}

const W: f64 = 900.0;
const H: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 84.0;
const BOTTOM: f64 = 56.0;

/// Bars as (low, high, share of quarters): one per whole number of deals when
/// the range is small, else 40 equal bins.
fn bars(dist: &[(f64, u64)], lo: f64, hi: f64) -> Vec<(f64, f64, f64)> {
    let total: u64 = dist.iter().map(|(_, c)| c).sum();
    if total == 0 {
        return Vec::new();
    }
    let (width, count) = if hi - lo <= 60.0 {
        (1.0, (hi - lo).floor() as usize + 1)
    } else {
        ((hi - lo) / 40.0, 40)
    };
    let start = if width == 1.0 { lo.floor() - 0.5 } else { lo };
    let mut shares = vec![0.0; count];
    for (v, c) in dist {
        let i = (((v - start) / width).floor().max(0.0) as usize).min(count - 1);
        shares[i] += *c as f64 / total as f64;
    }
    shares
        .into_iter()
        .enumerate()
        .map(|(i, s)| (start + i as f64 * width, start + (i + 1) as f64 * width, s))
        .collect()
}

#[component]
pub fn OutcomeHistogram(props: &OutcomeHistogramProps) -> Html {
    let marks = [Some(props.spreadsheet), props.guess, props.watched];
    let values = props
        .distribution
        .iter()
        .map(|(v, _)| *v)
        .chain(marks.iter().flatten().copied());
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return html! {};
    }
    let (lo, hi) = (lo.min(hi - 1.0).max(0.0), hi.max(lo + 1.0));
    let bars = bars(&props.distribution, lo, hi);
    let (x_lo, x_hi) = match (bars.first(), bars.last()) {
        (Some(f), Some(l)) => (f.0.min(lo), l.1.max(hi)),
        _ => (lo, hi),
    };
    let x = LinearScale::new((x_lo, x_hi), (LEFT, W - RIGHT));
    let top_share = bars.iter().map(|b| b.2).fold(0.0, f64::max).max(0.05);
    let y = LinearScale::new((0.0, top_share * 1.1), (H - BOTTOM, TOP));
    let rects = bars.iter().filter(|b| b.2 > 0.0).map(|&(a, b, s)| {
        let (x0, x1) = (x.map(a) + 1.0, x.map(b) - 1.0);
        html! { <rect class="bar" x={format!("{x0:.1}")} y={format!("{:.1}", y.map(s))}
                      width={format!("{:.1}", (x1 - x0).max(1.0))} height={format!("{:.1}", y.map(0.0) - y.map(s))} /> }
    });
    let ticks = nice_ticks(x_lo, x_hi, 8).into_iter().map(|t| {
        html! { <text class="tick" x={format!("{:.1}", x.map(t))} y={format!("{}", H - BOTTOM + 30.0)} text-anchor="middle">{ format::count(t) }</text> }
    });
    let mark = |value: Option<f64>, class: &'static str, label: String, row: f64| {
        value.map(|v| {
            let px = x.map(v);
            // Labels near an edge grow inwards, so they are never cut off.
            let anchor = if px > W - 160.0 { "end" } else if px < LEFT + 100.0 { "start" } else { "middle" };
            html! {
                <g class={classes!("mark", class)}>
                    <line x1={format!("{px:.1}")} x2={format!("{px:.1}")} y1={format!("{}", TOP - 4.0)} y2={format!("{}", H - BOTTOM)} />
                    <text x={format!("{px:.1}")} y={format!("{}", TOP - 12.0 - row)} text-anchor={anchor}>{ label }</text>
                </g>
            }
        })
    };
    let spreadsheet = format!("Spreadsheet {}", format::mean(props.spreadsheet));
    html! {
        <svg class="outcome-histogram" viewBox={format!("0 0 {W} {H}")} role="img"
             aria-label="Histogram of deals won per simulated quarter">
            <line class="axis" x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM).to_string()} />
            { for rects }
            { for ticks }
            <text class="axis-title" x={format!("{}", (LEFT + W - RIGHT) / 2.0)} y={format!("{}", H - 6.0)} text-anchor="middle">{ "Deals won in the quarter" }</text>
            { for mark(Some(props.spreadsheet), "spreadsheet", spreadsheet, 0.0) }
            { for mark(props.guess, "guess", props.guess.map(|g| format!("Guess {}", format::count(g))).unwrap_or_default(), 22.0) }
            { for mark(props.watched, "watched", "Quarter above".to_owned(), 44.0) }
        </svg>
    }
}
