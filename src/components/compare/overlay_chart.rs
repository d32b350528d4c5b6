//! One measure's distributions overlaid on common bins, one outline per
//! scenario in its series colour.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::series;
use crate::money::money_compact;
use charts::format;
use charts::overlay_plot::OverlayPlot;
use charts::Frame;
use engine::ComparisonSummary;
use yew::prelude::*;

/// The chart's viewBox and margins.
const FRAME: Frame = Frame {
    width: 640.0,
    height: 200.0,
    left: 20.0,
    right: 12.0,
    top: 10.0,
    bottom: 34.0,
};
/// Common bins of the overlay.
const BINS: usize = 30;

/// The chart of `summary`'s revenue (`revenue`) or deals won, amounts in
/// `currency`.
pub fn overlay_chart(summary: &ComparisonSummary, revenue: bool, currency: &str) -> Html {
    let dists: Vec<&[(f64, u64)]> = summary
        .summaries
        .iter()
        .map(|sum| {
            if revenue {
                sum.revenue_distribution.0.as_slice()
            } else {
                sum.won_distribution.0.as_slice()
            }
        })
        .collect();
    let Some(plot) = OverlayPlot::new(&dists, BINS, FRAME) else {
        return html! {};
    };
    let f = plot.frame();
    let lines = plot.outlines().into_iter().enumerate().map(|(k, d)| {
        html! { <path class={classes!("series-line", series(k))} d={d} fill="none" stroke-width="2.5" /> }
    });
    let ticks = plot.ticks(6).into_iter().map(|(t, x)| html! {
        <text x={x.to_string()} y={(f.baseline() + 16.0).to_string()} text-anchor="middle" class="tick-label">
            { if revenue { money_compact(t, currency) } else { format::compact(t) } }
        </text>
    });
    let label = if revenue { "Revenue" } else { "Deals won" };
    html! {
        <figure class="overlay-figure">
            <figcaption>{ label }</figcaption>
            <svg class="chart overlay" viewBox={format!("0 0 {} {}", f.width, f.height)} role="img"
                 aria-label={format!("Overlaid distributions of {}, one line per scenario.", label.to_lowercase())}>
                <line class="overlay-axis" x1={f.left.to_string()} x2={f.plot_right().to_string()}
                      y1={f.baseline().to_string()} y2={f.baseline().to_string()} />
                { for lines }
                { for ticks }
            </svg>
        </figure>
    }
}
