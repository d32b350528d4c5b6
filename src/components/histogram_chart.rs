//! A histogram of won deals or revenue with P10, P50 and P90 marked and the
//! target as a line the user can drag (or move with the arrow keys): the
//! chance of reaching it is read from the kept distribution as it moves, and
//! the new target is set when it is let go.

use charts::{format, nice_ticks, LinearScale};
use engine::Summary;
use std::rc::Rc;
use web_sys::{Element, PointerEvent};
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

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 270.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 44.0;

/// Rounds a dragged value to something a person would type.
fn round_target(value: f64, measure: Measure) -> f64 {
    match measure {
        Measure::Won => value.round().max(0.0),
        Measure::Revenue => {
            let magnitude = 10f64.powf(value.abs().max(1.0).log10().floor() - 1.0);
            ((value / magnitude).round() * magnitude).max(0.0)
        }
    }
}

#[component]
pub fn HistogramChart(props: &HistogramChartProps) -> Html {
    let s = &props.summary;
    let (bins, dist, stat, noun) = match props.measure {
        Measure::Won => (
            &s.won_histogram,
            &s.won_distribution,
            Some(&s.won),
            "deals won",
        ),
        Measure::Revenue => (
            &s.revenue_histogram,
            &s.revenue_distribution,
            s.revenue.as_ref(),
            "revenue",
        ),
    };
    let drag = use_state(|| None::<f64>);
    let svg_ref = use_node_ref();
    let (Some(first), Some(last), Some(stat)) = (bins.first(), bins.last(), stat) else {
        return html! {};
    };
    let unit_bins = props.measure == Measure::Won && last.high - first.low <= bins.len() as f64;
    let total = s.trials_done.max(1) as f64;
    let max_share = bins
        .iter()
        .map(|b| b.trials as f64 / total)
        .fold(0.0, f64::max)
        .max(1e-9);
    let x = LinearScale::new((first.low, last.high), (LEFT, WIDTH - RIGHT));
    let y = LinearScale::new((0.0, max_share * 1.1), (HEIGHT - BOTTOM, TOP));
    let centre = move |v: f64| x.map(if unit_bins { v + 0.5 } else { v });
    let value_at = move |px: f64| {
        let v = x.invert(px);
        if unit_bins {
            v - 0.5
        } else {
            v
        }
    };
    let fmt = props.format.clone();

    let target = (*drag).or(props.target);
    let chance = target.map(|t| dist.share_at_least(t));

    let to_value = {
        let svg_ref = svg_ref.clone();
        let measure = props.measure;
        move |e: &PointerEvent| -> Option<f64> {
            let svg = svg_ref.cast::<Element>()?;
            let rect = svg.get_bounding_client_rect();
            let px = (e.client_x() as f64 - rect.left()) / rect.width().max(1.0) * WIDTH;
            Some(round_target(
                value_at(px.clamp(LEFT, WIDTH - RIGHT)),
                measure,
            ))
        }
    };
    let on_down = {
        let drag = drag.clone();
        let to_value = to_value.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(svg) = svg_ref.cast::<Element>() {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
            drag.set(to_value(&e));
        })
    };
    let on_move = {
        let drag = drag.clone();
        let to_value = to_value.clone();
        Callback::from(move |e: PointerEvent| {
            if drag.is_some() {
                drag.set(to_value(&e));
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        let on_target = props.on_target.clone();
        Callback::from(move |_: PointerEvent| {
            if let Some(v) = *drag {
                on_target.emit(v);
            }
            drag.set(None);
        })
    };
    let on_key = {
        let on_target = props.on_target.clone();
        let (lo, hi) = (first.low, last.high);
        let measure = props.measure;
        let current = target.unwrap_or(stat.p50);
        Callback::from(move |e: KeyboardEvent| {
            let step = match measure {
                Measure::Won => 1.0,
                Measure::Revenue => round_target((hi - lo) / 50.0, measure).max(1.0),
            };
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => current + step,
                "ArrowLeft" | "ArrowDown" => current - step,
                "PageUp" => current + 10.0 * step,
                "PageDown" => current - 10.0 * step,
                _ => return,
            };
            e.prevent_default();
            // Not clamped to the bars: they cover only the outcomes seen so far.
            on_target.emit(round_target(next.max(0.0), measure));
        })
    };

    let bars = bins.iter().map(|b| {
        let share = b.trials as f64 / total;
        let (x0, x1) = (x.map(b.low), x.map(b.high));
        let top = y.map(share);
        let range = if b.high - b.low > 1.0 {
            format!("{} – {}", fmt.emit(b.low), fmt.emit(b.high))
        } else {
            fmt.emit(b.low)
        };
        let reached = target.is_some_and(|t| b.low >= t);
        html! {
            <rect class={classes!("bar", reached.then_some("reached"))} x={(x0 + 0.5).to_string()} y={top.to_string()}
                  width={(x1 - x0 - 1.0).max(0.5).to_string()} height={(HEIGHT - BOTTOM - top).max(0.0).to_string()}
                  fill={if reached { "#1e42c2" } else { "#2f5bea" }}>
                <title>{ format!("{range}: {} of trials", format::percent(share)) }</title>
            </rect>
        }
    });
    let x_ticks = nice_ticks(first.low, last.high - if unit_bins { 1.0 } else { 0.0 }, 6);
    let x_axis = x_ticks.iter().map(|&t| {
        let px = centre(t);
        html! {
            <g class="tick">
                <line x1={px.to_string()} x2={px.to_string()} y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM + 5.0).to_string()} stroke="#98a2b3" />
                <text x={px.to_string()} y={(HEIGHT - BOTTOM + 18.0).to_string()} text-anchor="middle">{ props.format_axis.emit(t) }</text>
            </g>
        }
    });
    let y_axis = nice_ticks(0.0, max_share, 4).into_iter().map(|t| {
        let py = y.map(t);
        html! {
            <g class="tick">
                <line class="grid" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={py.to_string()} y2={py.to_string()} stroke="#edf0f6" />
                <text x={(LEFT - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ format::percent(t) }</text>
            </g>
        }
    });
    let markers = [("P10", stat.p10), ("P50", stat.p50), ("P90", stat.p90)].into_iter().map(|(name, v)| {
        let px = centre(v);
        html! {
            <g class={classes!("marker", (name == "P50").then_some("median"))}>
                <line x1={px.to_string()} x2={px.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()}
                      stroke="#d9730d" stroke-width="1.5" stroke-dasharray={if name == "P50" { "" } else { "4 3" }} />
                <text x={px.to_string()} y={(TOP - 8.0).to_string()} text-anchor="middle" fill="#8a4a05">{ name }</text>
            </g>
        }
    });
    let target_line = target.map(|t| {
        let px = centre(t).clamp(LEFT, WIDTH - RIGHT);
        html! {
            <g class="target">
                <line x1={px.to_string()} x2={px.to_string()} y1={(TOP - 4.0).to_string()} y2={(HEIGHT - BOTTOM).to_string()}
                      stroke="#101828" stroke-width="2.5" />
                <text x={(px + 6.0).to_string()} y={(TOP + 12.0).to_string()} fill="#101828">{ format!("Target {}", fmt.emit(t)) }</text>
            </g>
        }
    });
    let name = match props.measure {
        Measure::Won => "Won deals target",
        Measure::Revenue => "Revenue target",
    };
    let summary_text = format!(
        "Histogram of {noun}: P10 {}, P50 {}, P90 {}.{}",
        fmt.emit(stat.p10),
        fmt.emit(stat.p50),
        fmt.emit(stat.p90),
        match (target, chance) {
            (Some(t), Some(p)) => format!(
                " {} chance of at least {}.",
                format::percent(p),
                fmt.emit(t)
            ),
            _ => String::new(),
        }
    );
    html! {
        <div class="histogram-wrap">
            <p class="chance" aria-live="polite">
                if let (Some(t), Some(p)) = (target, chance) {
                    <strong class="chance-value">{ format::percent(p) }</strong>
                    { format!(" chance of at least {}", fmt.emit(t)) }
                    if drag.is_some() { <span class="dragging">{ " (release to set the target)" }</span> }
                } else {
                    { "Drag across the chart to set a target and read its chance." }
                }
            </p>
            <svg ref={svg_ref} class="chart histogram" viewBox={format!("0 0 {WIDTH} {HEIGHT}")}
                 role="img" aria-label={summary_text}
                 onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up}>
                { for y_axis }
                { for bars }
                <line class="axis" x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()}
                      y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM).to_string()} stroke="#98a2b3" />
                { for x_axis }
                { for markers }
                { target_line }
                <text class="axis-title" x={((LEFT + WIDTH - RIGHT) / 2.0).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">
                    { match props.measure { Measure::Won => "Deals won per trial", Measure::Revenue => "Revenue per trial" } }
                </text>
                <text class="axis-title" transform={format!("translate(12 {}) rotate(-90)", (TOP + HEIGHT - BOTTOM) / 2.0)} text-anchor="middle">{ "Share of trials" }</text>
            </svg>
            <div class="target-slider" role="slider" tabindex="0" aria-label={name}
                 aria-valuemin={first.low.to_string()} aria-valuemax={last.high.to_string()}
                 aria-valuenow={target.unwrap_or(stat.p50).to_string()}
                 aria-valuetext={fmt.emit(target.unwrap_or(stat.p50))}
                 onkeydown={on_key}>
                { format!("{name}: {} — use the arrow keys to move it", target.map(|t| fmt.emit(t)).unwrap_or_else(|| "not set".to_owned())) }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dragged_targets_round_to_typed_values() {
        assert_eq!(round_target(24.6, Measure::Won), 25.0);
        assert_eq!(round_target(-3.0, Measure::Won), 0.0);
        assert_eq!(round_target(251_234.0, Measure::Revenue), 250_000.0);
        assert_eq!(round_target(12_345.0, Measure::Revenue), 12_000.0);
    }
}
