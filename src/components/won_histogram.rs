//! Histogram of deals won, with P10, P50 and P90 marked.

use charts::{format, nice_ticks, LinearScale};
use engine::Summary;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WonHistogramProps {
    pub summary: Rc<Summary>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 44.0;

#[component]
pub fn WonHistogram(props: &WonHistogramProps) -> Html {
    let s = &props.summary;
    let bins = &s.won_histogram;
    let (Some(first), Some(last)) = (bins.first(), bins.last()) else {
        return html! {};
    };
    let total = s.trials_done.max(1) as f64;
    let max_share = bins
        .iter()
        .map(|b| b.trials as f64 / total)
        .fold(0.0, f64::max)
        .max(1e-9);
    let x = LinearScale::new((first.low, last.high), (LEFT, WIDTH - RIGHT));
    let y = LinearScale::new((0.0, max_share * 1.08), (HEIGHT - BOTTOM, TOP));
    let bars = bins.iter().map(|b| {
        let share = b.trials as f64 / total;
        let (x0, x1) = (x.map(b.low), x.map(b.high));
        let top = y.map(share);
        let range = if b.high - b.low > 1.0 {
            format!("{}–{}", format::count(b.low), format::count(b.high - 1.0))
        } else {
            format::count(b.low)
        };
        html! {
            <rect class="bar" x={(x0 + 0.5).to_string()} y={top.to_string()}
                  width={(x1 - x0 - 1.0).max(0.5).to_string()} height={(HEIGHT - BOTTOM - top).max(0.0).to_string()}>
                <title>{ format!("{range} deals won: {} of trials", format::percent(share)) }</title>
            </rect>
        }
    });
    // Ticks at bar centres when bars are single values, so labels sit under bars.
    let unit_bins = last.high - first.low <= bins.len() as f64;
    let x_ticks = nice_ticks(first.low, last.high - if unit_bins { 1.0 } else { 0.0 }, 6);
    let x_axis = x_ticks.iter().map(|&t| {
        let px = x.map(if unit_bins { t + 0.5 } else { t });
        html! {
            <g class="tick">
                <line x1={px.to_string()} x2={px.to_string()} y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM + 5.0).to_string()} />
                <text x={px.to_string()} y={(HEIGHT - BOTTOM + 18.0).to_string()} text-anchor="middle">{ format::compact(t) }</text>
            </g>
        }
    });
    let y_axis = nice_ticks(0.0, max_share, 4).into_iter().map(|t| {
        let py = y.map(t);
        html! {
            <g class="tick">
                <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={py.to_string()} y2={py.to_string()} />
                <text x={(LEFT - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ format::percent(t) }</text>
            </g>
        }
    });
    let centre = |v: f64| x.map(if unit_bins { v + 0.5 } else { v });
    let markers = [("P10", s.won.p10), ("P50", s.won.p50), ("P90", s.won.p90)]
        .into_iter()
        .map(|(name, v)| {
            let px = centre(v);
            html! {
                <g class={classes!("marker", (name == "P50").then_some("median"))}>
                    <line x1={px.to_string()} x2={px.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
                    <text x={px.to_string()} y={(TOP - 8.0).to_string()} text-anchor="middle">{ format!("{name} {}", format::count(v)) }</text>
                </g>
            }
        });
    html! {
        <svg class="chart histogram" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
             aria-label={format!("Histogram of deals won. P10 {}, P50 {}, P90 {}.",
                format::count(s.won.p10), format::count(s.won.p50), format::count(s.won.p90))}>
            { for y_axis }
            { for bars }
            <line class="axis" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                  y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM).to_string()} />
            { for x_axis }
            { for markers }
            <text class="axis-title" x={((LEFT + WIDTH - RIGHT) / 2.0).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">{ "Deals won per trial" }</text>
            <text class="axis-title" transform={format!("translate(12 {}) rotate(-90)", (TOP + HEIGHT - BOTTOM) / 2.0)} text-anchor="middle">{ "Share of trials" }</text>
        </svg>
    }
}
