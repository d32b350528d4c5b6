//! Week by week: cumulative revenue (or won deals) with the P10–P90 band, the
//! median line and the target, and the weeks by which the target is reached
//! with 50 % and 85 % confidence.

use super::histogram_chart::Measure;
use charts::{nice_ticks, path, LinearScale};
use engine::{Band, Summary};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FanChartProps {
    pub summary: Rc<Summary>,
    pub measure: Measure,
    pub target: Option<f64>,
    pub format: Callback<f64, String>,
    pub format_axis: Callback<f64, String>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

#[component]
pub fn FanChart(props: &FanChartProps) -> Html {
    let s = &props.summary;
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
    let top = bands
        .iter()
        .map(|(_, b)| b.p90)
        .fold(props.target.unwrap_or(0.0), f64::max)
        .max(1.0)
        * 1.05;
    let x = LinearScale::new((0.0, weeks), (LEFT, WIDTH - RIGHT));
    let y = LinearScale::new((0.0, top), (HEIGHT - BOTTOM, TOP));
    // Start at week 0 with nothing won, so the fan opens from the origin.
    let xs: Vec<f64> = std::iter::once(0.0)
        .chain(bands.iter().map(|(w, _)| *w))
        .collect();
    let column = |f: fn(&Band) -> f64| -> Vec<f64> {
        std::iter::once(0.0)
            .chain(bands.iter().map(|(_, b)| f(b)))
            .collect()
    };
    let (p10, p50, p90) = (column(|b| b.p10), column(|b| b.p50), column(|b| b.p90));
    let band_d = path::band(&xs, &p10, &p90, &x, &y);
    let median: Vec<(f64, f64)> = xs.iter().copied().zip(p50.iter().copied()).collect();
    let median_d = path::line(&median, &x, &y);
    let fmt = &props.format;
    let y_axis = nice_ticks(0.0, top, 5).into_iter().map(|t| {
        let py = y.map(t);
        html! {
            <g class="tick">
                <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={py.to_string()} y2={py.to_string()} stroke="#edf0f6" />
                <text x={(LEFT - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ props.format_axis.emit(t) }</text>
            </g>
        }
    });
    let x_axis = nice_ticks(1.0, weeks, 8.min(weeks as usize).max(1)).into_iter().map(|t| {
        let px = x.map(t);
        html! {
            <g class="tick">
                <line x1={px.to_string()} x2={px.to_string()} y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM + 5.0).to_string()} stroke="#98a2b3" />
                <text x={px.to_string()} y={(HEIGHT - BOTTOM + 18.0).to_string()} text-anchor="middle">{ format!("{t}") }</text>
            </g>
        }
    });
    let reached = |confidence: f64| s.week_reaching(confidence, revenue);
    let target_line = props.target.map(|t| {
        let py = y.map(t);
        html! {
            <g class="target">
                <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={py.to_string()} y2={py.to_string()}
                      stroke="#101828" stroke-width="2" stroke-dasharray="6 4" />
                <text x={(LEFT + 6.0).to_string()} y={(py - 6.0).to_string()} fill="#101828">{ format!("Target {}", fmt.emit(t)) }</text>
            </g>
        }
    });
    let week_marks = [(0.5, "50 %"), (0.85, "85 %")].into_iter().filter_map(|(c, label)| {
        let week = reached(c)? as f64;
        let px = x.map(week);
        Some(html! {
            <g class="reach">
                <line x1={px.to_string()} x2={px.to_string()} y1={TOP.to_string()} y2={(HEIGHT - BOTTOM).to_string()} stroke="#d9730d" stroke-width="1.5" />
                <text x={(px - 4.0).to_string()} y={(TOP + 10.0).to_string()} text-anchor="end" fill="#8a4a05">{ format!("{label} by week {week}") }</text>
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
        <svg class="chart fan" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={description}>
            { for y_axis }
            <path class="band" d={band_d} fill="#2f5bea" fill-opacity="0.18" />
            <path class="median" d={median_d} fill="none" stroke="#2f5bea" stroke-width="2.5" />
            <line x1={LEFT.to_string()} x2={(WIDTH - RIGHT).to_string()} y1={(HEIGHT - BOTTOM).to_string()} y2={(HEIGHT - BOTTOM).to_string()} stroke="#98a2b3" />
            { for x_axis }
            { target_line }
            { for week_marks }
            <text class="axis-title" x={((LEFT + WIDTH - RIGHT) / 2.0).to_string()} y={(HEIGHT - 4.0).to_string()} text-anchor="middle">{ "Week" }</text>
        </svg>
    }
}
