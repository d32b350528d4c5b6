//! Week by week: cumulative revenue (or won deals) with the P10–P90 band, the
//! median line and the target, and the weeks by which the target is reached
//! with 50 % and 85 % confidence.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::histogram_chart::Measure;
use charts::fan::{Fan, Week};
use charts::Frame;
use engine::{Band, Summary};
use yew::prelude::*;

pub struct FanChartProps<'a> {
    pub summary: &'a Summary,
    pub measure: Measure,
    pub target: Option<f64>,
    /// Full values ("$12,000", "25").
    pub format: &'a Callback<f64, String>,
    /// Axis ticks ("$12K").
    pub format_axis: &'a Callback<f64, String>,
}

const FRAME: Frame = Frame {
    width: 640.0,
    height: 260.0,
    left: 56.0,
    right: 16.0,
    top: 16.0,
    bottom: 40.0,
};

/// The chart, or a note when there are no weeks to show.
pub fn fan_chart(props: &FanChartProps) -> Html {
    let s = props.summary;
    let revenue = props.measure == Measure::Revenue;
    let bands: Vec<(f64, Band)> = s
        .weekly
        .iter()
        .filter_map(|w| {
            let band = if revenue {
                w.revenue.clone()?
            } else {
                w.won.clone()
            };
            Some((w.week as f64, band))
        })
        .collect();
    if bands.is_empty() {
        return html! {
            <p class="chart-note">{ "Set a horizon in weeks to see how the quarter unfolds week by week." }</p>
        };
    }
    let weeks = bands.len() as f64;
    let highest = bands
        .iter()
        .map(|(_, b)| b.p90)
        .fold(props.target.unwrap_or(0.0), f64::max);
    let fan = Fan::new(FRAME, bands.len(), highest);
    let points: Vec<Week> = bands
        .iter()
        .map(|(week, b)| Week {
            week: *week,
            p10: b.p10,
            p50: b.p50,
            p90: b.p90,
        })
        .collect();
    let (band_d, median_d) = fan.paths(&points);
    let (left, right, top, baseline) =
        (FRAME.left, FRAME.plot_right(), FRAME.top, FRAME.baseline());
    let fmt = props.format;
    let y_axis = fan.y_ticks().into_iter().map(|t| {
        let py = fan.y(t);
        html! {
            <g class="tick">
                <line class="grid" x1={left.to_string()} x2={right.to_string()} y1={py.to_string()} y2={py.to_string()} />
                <text x={(left - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ props.format_axis.emit(t) }</text>
            </g>
        }
    });
    let x_axis = fan.x_ticks().into_iter().map(|t| {
        let px = fan.x(t);
        html! {
            <g class="tick">
                <line class="tick-mark" x1={px.to_string()} x2={px.to_string()} y1={baseline.to_string()} y2={(baseline + 5.0).to_string()} />
                <text x={px.to_string()} y={(baseline + 18.0).to_string()} text-anchor="middle">{ format!("{t}") }</text>
            </g>
        }
    });
    let reached = |confidence: f64| s.week_reaching(confidence, revenue);
    let target_line = props.target.map(|t| {
        let py = fan.y(t);
        html! {
            <g class="target">
                <line x1={left.to_string()} x2={right.to_string()} y1={py.to_string()} y2={py.to_string()}
                      stroke-width="2" stroke-dasharray="6 4" />
                <text x={(left + 6.0).to_string()} y={(py - 6.0).to_string()}>{ format!("Target {}", fmt.emit(t)) }</text>
            </g>
        }
    });
    let week_marks = [(0.5, "50 %"), (0.85, "85 %")].into_iter().filter_map(|(c, label)| {
        let week = reached(c)? as f64;
        let px = fan.x(week);
        Some(html! {
            <g class="reach">
                <line x1={px.to_string()} x2={px.to_string()} y1={top.to_string()} y2={baseline.to_string()} stroke-width="1.5" />
                <text x={(px - 4.0).to_string()} y={(top + 10.0).to_string()} text-anchor="end">{ format!("{label} by week {week}") }</text>
            </g>
        })
    });
    let last = bands.last().map(|(_, b)| b.clone()).unwrap_or_default();
    let description = format!(
        "Cumulative {} by week: by week {}, P10 {}, median {}, P90 {}.{}",
        if revenue { "revenue" } else { "deals won" },
        weeks,
        fmt.emit(last.p10),
        fmt.emit(last.p50),
        fmt.emit(last.p90),
        match (props.target, reached(0.5), reached(0.85)) {
            (Some(_), Some(a), Some(b)) => format!(" The target is reached with 50 % confidence by week {a} and with 85 % by week {b}."),
            (Some(_), Some(a), None) => format!(" The target is reached with 50 % confidence by week {a}; 85 % is not reached within the horizon."),
            (Some(_), None, _) => " The target is not reached with 50 % confidence within the horizon.".to_owned(),
            _ => String::new(),
        }
    );
    html! {
        <svg class="chart fan" viewBox={FRAME.view_box()} role="img" aria-label={description}>
            { for y_axis }
            <path class="band" d={band_d} fill-opacity="0.18" />
            <path class="median" d={median_d} fill="none" stroke-width="2.5" />
            <line class="axis" x1={left.to_string()} x2={right.to_string()} y1={baseline.to_string()} y2={baseline.to_string()} />
            { for x_axis }
            { target_line }
            { for week_marks }
            <text class="axis-title" x={FRAME.mid_x().to_string()} y={(FRAME.height - 4.0).to_string()} text-anchor="middle">{ "Week" }</text>
        </svg>
    }
}
