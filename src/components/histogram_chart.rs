//! A histogram of won deals or revenue with P10, P50 and P90 marked and the
//! target as a line the user can drag (or move with the arrow keys): the
//! chance of reaching it is read from the kept distribution as it moves, and
//! the new target is set when it is let go. The geometry is
//! [`charts::histogram`]'s; this only writes the markup and handles the drag.

mod drag;
mod target_slider;

use charts::histogram::{Bin, Histogram};
use charts::{format, Frame};
use drag::use_drag;
use engine::Summary;
use std::rc::Rc;
use target_slider::{target_slider, TargetSliderProps};
use yew::prelude::*;

/// Which quantity the chart shows: the engine's one measure enum.
pub use engine::Measure;

#[derive(Properties, PartialEq)]
pub struct HistogramChartProps {
    pub summary: Rc<Summary>,
    pub measure: Measure,
    /// The scenario's target for this quantity.
    pub target: Option<f64>,
    /// Full values ("$12,000", "25").
    pub format: Callback<f64, String>,
    /// Axis ticks ("$12K").
    pub format_axis: Callback<f64, String>,
    /// Sets a new target (when a drag ends or a key moves it).
    pub on_target: Callback<f64>,
}

const FRAME: Frame = Frame {
    width: 640.0,
    height: 270.0,
    left: 48.0,
    right: 16.0,
    top: 30.0,
    bottom: 44.0,
};

#[component]
pub fn HistogramChart(props: &HistogramChartProps) -> Html {
    let s = &props.summary;
    let (histogram, dist, stat, noun, whole) = match props.measure {
        Measure::Won => (
            &s.won_histogram,
            &s.won_distribution,
            Some(&s.won),
            "deals won",
            true,
        ),
        Measure::Revenue => (
            &s.revenue_histogram,
            &s.revenue_distribution,
            s.revenue.as_ref(),
            "revenue",
            false,
        ),
    };
    let drag = use_drag();
    let total = s.trials_done.max(1) as f64;
    let bins: Vec<Bin> = histogram
        .iter()
        .map(|b| Bin {
            low: b.low,
            high: b.high,
            share: b.trials as f64 / total,
        })
        .collect();
    let (Some(h), Some(stat)) = (Histogram::new(FRAME, &bins, whole), stat) else {
        return html! {};
    };
    let fmt = props.format.clone();
    let target = drag.value.or(props.target);
    let chance = target.map(|t| dist.share_at_least(t));

    let on = drag.handlers(FRAME, h, whole, props.on_target.clone());

    let baseline = FRAME.baseline();
    let bars = bins.iter().map(|b| {
        let r = h.bar(b);
        let range = if b.high - b.low > 1.0 {
            format!("{} – {}", fmt.emit(b.low), fmt.emit(b.high))
        } else {
            fmt.emit(b.low)
        };
        let reached = target.is_some_and(|t| b.low >= t);
        html! {
            <rect class={classes!("bar", reached.then_some("reached"))} x={r.x.to_string()} y={r.y.to_string()}
                  width={r.width.to_string()} height={r.height.to_string()}>
                <title>{ format!("{range}: {} of trials", format::percent(b.share)) }</title>
            </rect>
        }
    });
    let x_axis = h.x_ticks().into_iter().map(|t| {
        let px = h.centre(t);
        html! {
            <g class="tick">
                <line x1={px.to_string()} x2={px.to_string()} y1={baseline.to_string()} y2={(baseline + 5.0).to_string()} />
                <text x={px.to_string()} y={(baseline + 18.0).to_string()} text-anchor="middle">{ props.format_axis.emit(t) }</text>
            </g>
        }
    });
    let y_axis = h.y_ticks().into_iter().map(|t| {
        let py = h.y(t);
        html! {
            <g class="tick">
                <line class="grid" x1={FRAME.left.to_string()} x2={FRAME.plot_right().to_string()} y1={py.to_string()} y2={py.to_string()} />
                <text x={(FRAME.left - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ format::percent(t) }</text>
            </g>
        }
    });
    let markers = [("P10", stat.p10), ("P50", stat.p50), ("P90", stat.p90)].into_iter().map(|(name, v)| {
        let px = h.centre(v);
        html! {
            <g class={classes!("marker", (name == "P50").then_some("median"))}>
                <line x1={px.to_string()} x2={px.to_string()} y1={FRAME.top.to_string()} y2={baseline.to_string()}
                      stroke-width="1.5" stroke-dasharray={if name == "P50" { "" } else { "4 3" }} />
                <text x={px.to_string()} y={(FRAME.top - 8.0).to_string()} text-anchor="middle">{ name }</text>
            </g>
        }
    });
    let target_line = target.map(|t| {
        let px = FRAME.clamp_x(h.centre(t));
        html! {
            <g class="target">
                <line x1={px.to_string()} x2={px.to_string()} y1={(FRAME.top - 4.0).to_string()} y2={baseline.to_string()} stroke-width="2.5" />
                <text x={(px + 6.0).to_string()} y={(FRAME.top + 12.0).to_string()}>{ format!("Target {}", fmt.emit(t)) }</text>
            </g>
        }
    });
    let reach =
        |t: f64, p: f64| format!("{} chance of at least {}", format::percent(p), fmt.emit(t));
    let summary_text = format!(
        "Histogram of {noun}: P10 {}, P50 {}, P90 {}.{}",
        fmt.emit(stat.p10),
        fmt.emit(stat.p50),
        fmt.emit(stat.p90),
        target
            .zip(chance)
            .map(|(t, p)| format!(" {}.", reach(t, p)))
            .unwrap_or_default()
    );
    let (low, high) = h.span();
    html! {
        <div class="histogram-wrap">
            <p class="chance" aria-live="polite">
                if let (Some(t), Some(p)) = (target, chance) {
                    <strong class="chance-value">{ format::percent(p) }</strong>
                    { format!(" chance of at least {}", fmt.emit(t)) }
                    if drag.value.is_some() { <span class="dragging">{ " (release to set the target)" }</span> }
                } else {
                    { "Drag across the chart to set a target and read its chance." }
                }
            </p>
            <svg ref={drag.svg.clone()} class="chart histogram" viewBox={FRAME.view_box()}
                 role="img" aria-label={summary_text}
                 onpointerdown={on.down} onpointermove={on.moved} onpointerup={on.up.clone()} onpointercancel={on.up}>
                { for y_axis }
                { for bars }
                <line class="axis" x1={FRAME.left.to_string()} x2={FRAME.plot_right().to_string()}
                      y1={baseline.to_string()} y2={baseline.to_string()} />
                { for x_axis }
                { for markers }
                { target_line }
                <text class="axis-title" x={FRAME.mid_x().to_string()} y={(FRAME.height - 6.0).to_string()} text-anchor="middle">
                    { match props.measure { Measure::Won => "Deals won per trial", Measure::Revenue => "Revenue per trial" } }
                </text>
                <text class="axis-title" transform={format!("translate(12 {}) rotate(-90)", (FRAME.top + baseline) / 2.0)} text-anchor="middle">{ "Share of trials" }</text>
            </svg>
            { target_slider(&TargetSliderProps {
                name: match props.measure { Measure::Won => "Won deals target", Measure::Revenue => "Revenue target" },
                low, high, target, fallback: stat.p50, whole_numbers: whole,
                format: &fmt, on_target: &props.on_target,
            }) }
        </div>
    }
}
