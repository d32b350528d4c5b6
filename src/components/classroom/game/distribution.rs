//! The round's 10,000 quarters as a histogram of deals won, with every
//! team's range drawn above it as a labelled bar, the model's own 80 %
//! range (P10–P90) as one more, and the actual as a line through them all.
//! Geometry is [`charts::game::RangeChart`]'s. A plain function: each Yew
//! component type costs about half a kilobyte of wasm.

use crate::game::{score, Range};
use crate::game_text::{hit_word, range_text};
use charts::format;
use charts::game::RangeChart;
use yew::prelude::*;

/// What the chart shows.
pub struct DistributionView<'a> {
    /// (deals won, quarters) pairs.
    pub distribution: &'a [(f64, u64)],
    /// Each team's name and range.
    pub ranges: &'a [(String, Range)],
    pub actual: f64,
    /// The model's P10 and P90.
    pub model: (f64, f64),
}

const WIDTH: f64 = 1400.0;
const HISTOGRAM_HEIGHT: f64 = 260.0;

fn px(v: f64) -> String {
    format!("{v:.1}")
}

/// The chart, or nothing without quarters.
pub fn distribution_chart(v: &DistributionView) -> Html {
    let mut values: Vec<f64> = v.ranges.iter().flat_map(|(_, r)| [r.low, r.high]).collect();
    values.extend([v.actual, v.model.0, v.model.1]);
    let lanes = v.ranges.len() + 1;
    let Some(chart) = RangeChart::new(WIDTH, HISTOGRAM_HEIGHT, v.distribution, lanes, &values)
    else {
        return html! {};
    };
    let frame = chart.frame;
    let baseline = frame.baseline();
    let bars = chart.layout.bars().into_iter().map(|r| {
        html! { <rect class="bar" x={px(r.x)} y={px(r.y)} width={px(r.width)} height={px(r.height)} /> }
    });
    let ticks = chart.layout.ticks().into_iter().map(|(t, x)| {
        html! { <text class="tick" x={px(x)} y={px(baseline + 34.0)} text-anchor="middle">{ format::count(t) }</text> }
    });
    let lane = |i: usize, class: &'static str, label: String, low: f64, high: f64| {
        let l = chart.lane(i, low, high, label.chars().count());
        // An arrow head where the range runs on past the axis.
        let arrow = |x: f64, dir: f64| {
            let points = format!(
                "{},{} {},{} {},{}",
                px(x),
                px(l.y - 16.0),
                px(x + dir * 18.0),
                px(l.y),
                px(x),
                px(l.y + 16.0)
            );
            html! { <polygon class="arrow" points={points} /> }
        };
        html! {
            <g class={classes!("lane", class)}>
                <rect x={px(l.x0)} y={px(l.y - 15.0)} width={px(l.x1 - l.x0)} height="30" rx="4" />
                if l.open_left { { arrow(l.x0, -1.0) } }
                if l.open_right { { arrow(l.x1, 1.0) } }
                <text class={classes!(l.label_inside.then_some("inside"))} x={px(l.label_x)} y={px(l.y + 9.0)}
                      text-anchor={l.anchor.as_str()}>{ label }</text>
            </g>
        }
    };
    let teams = v.ranges.iter().enumerate().map(|(i, (name, r))| {
        let hit = score::hit(r.low, r.high, v.actual);
        let label = format!(
            "{name}: {} — {}",
            range_text(r.low, r.high),
            hit_word(r.low, r.high, v.actual)
        );
        lane(i, if hit { "hit" } else { "miss" }, label, r.low, r.high)
    });
    let (p10, p90) = v.model;
    let model = lane(
        v.ranges.len(),
        "model",
        format!("Model's 80 %: {}", range_text(p10.round(), p90.round())),
        p10,
        p90,
    );
    let (x, anchor) = chart.layout.mark(v.actual);
    let summary = format!(
        "Deals won in 10,000 simulated quarters, with each team's range, the model's 80 % range ({} to {}) and the actual, {}.",
        format::count(p10),
        format::count(p90),
        format::count(v.actual)
    );
    html! {
        <svg class="game-distribution" viewBox={frame.view_box()} role="img" aria-label={summary}>
            <line class="axis" x1={px(frame.left)} x2={px(frame.plot_right())} y1={px(baseline)} y2={px(baseline)} />
            { for bars }
            { for ticks }
            <text class="axis-title" x={px(frame.mid_x())} y={px(frame.height - 6.0)} text-anchor="middle">{ "Deals won in the quarter (10,000 simulated quarters)" }</text>
            { for teams }
            { model }
            <g class="actual">
                <line x1={px(x)} x2={px(x)} y1="30" y2={px(baseline)} />
                <text x={px(x)} y="22" text-anchor={anchor.as_str()}>{ format!("Actual {}", format::count(v.actual)) }</text>
            </g>
        </svg>
    }
}
