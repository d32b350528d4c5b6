//! The forecast check's three charts as SVG markup: each origin's P10–P90
//! band with its median and the actual, coverage against the promise, and
//! the PIT histogram. Plain functions; the geometry is `charts::calibration`.

use crate::calibration_text::{inside, Row, PROMISES};
use charts::calibration::{
    binomial_range, coverage_row, label_every, pit_bars, pit_bins, pit_counts, Bands, Origin,
};
use charts::Frame;
use yew::prelude::*;

const BANDS: Frame = Frame {
    width: 640.0,
    height: 260.0,
    left: 64.0,
    right: 16.0,
    top: 16.0,
    bottom: 40.0,
};

/// Each origin's P10–P90 band, its median and the actual as a dot (filled
/// inside the band, hollow outside).
pub fn bands_chart(rows: &[Row], format_axis: &Callback<f64, String>) -> Html {
    let origins: Vec<Origin> = rows
        .iter()
        .map(|r| Origin {
            p10: r.forecast.p10,
            p50: r.forecast.p50,
            p90: r.forecast.p90,
            actual: r.actual,
        })
        .collect();
    let layout = Bands::new(BANDS, &origins);
    let (left, right, baseline) = (BANDS.left, BANDS.plot_right(), BANDS.baseline());
    let every = label_every(rows.len(), 8);
    let y_axis = layout.y_ticks().into_iter().map(|t| {
        let py = layout.y(t);
        html! {
            <g class="tick">
                <line class="grid" x1={left.to_string()} x2={right.to_string()} y1={py.to_string()} y2={py.to_string()} />
                <text x={(left - 8.0).to_string()} y={(py + 4.0).to_string()} text-anchor="end">{ format_axis.emit(t) }</text>
            </g>
        }
    });
    let marks = layout.marks(&origins).into_iter().zip(rows).enumerate().map(|(i, (m, r))| {
        let label = (i % every == 0 || i + 1 == rows.len()).then(|| html! {
            <text class="tick-label" x={m.x.to_string()} y={(baseline + 16.0).to_string()} text-anchor="middle">{ r.as_of.to_string() }</text>
        });
        let half = m.band.width / 2.0 + 4.0;
        html! {
            <g class="origin">
                <rect class="band" x={m.band.x.to_string()} y={m.band.y.to_string()} width={m.band.width.to_string()} height={m.band.height.to_string()} rx="3" />
                <line class="median" x1={(m.x - half).to_string()} x2={(m.x + half).to_string()} y1={m.p50_y.to_string()} y2={m.p50_y.to_string()} stroke-width="2.5" />
                <circle class={classes!("actual", (!m.inside).then_some("outside"))} cx={m.x.to_string()} cy={m.actual_y.to_string()} r="5" stroke-width="2" />
                { label }
            </g>
        }
    });
    let hits = inside(rows, 80);
    let description = format!(
        "Forecast ranges at {} origins, oldest first: the actual result lay inside the P10–P90 band {hits} times.",
        rows.len()
    );
    html! {
        <svg class="chart check-bands" viewBox={BANDS.view_box()} role="img" aria-label={description}>
            { for y_axis }
            <line class="axis" x1={left.to_string()} x2={right.to_string()} y1={baseline.to_string()} y2={baseline.to_string()} />
            { for marks }
            <text class="axis-title" x={BANDS.mid_x().to_string()} y={(BANDS.height - 4.0).to_string()} text-anchor="middle">{ "Forecast made at the end of" }</text>
        </svg>
    }
}

const COVERAGE: Frame = Frame {
    width: 640.0,
    height: 170.0,
    left: 110.0,
    right: 24.0,
    top: 12.0,
    bottom: 30.0,
};

/// Level of the binomial range drawn around each promise.
pub const RANGE_LEVEL: f64 = 0.9;

/// Per range (50, 80, 90 %): the share observed (a dot), the promise (a
/// tick) and the shares a kept promise still gives 90 % of the time over
/// this many origins (a band).
pub fn coverage_chart(rows: &[Row]) -> Html {
    let n = rows.len();
    let row_height = (COVERAGE.baseline() - COVERAGE.top) / PROMISES.len() as f64;
    let lines = PROMISES.iter().enumerate().map(|(i, &(percent, promise))| {
        let k = inside(rows, percent);
        let observed = k as f64 / n.max(1) as f64;
        let row = coverage_row(COVERAGE, promise, observed, binomial_range(n, promise, RANGE_LEVEL));
        let y = COVERAGE.top + row_height * (i as f64 + 0.5);
        html! {
            <g class="coverage-row">
                <text class="row-label" x={(COVERAGE.left - 10.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end">{ format!("{percent} % range") }</text>
                <line class="track" x1={COVERAGE.left.to_string()} x2={COVERAGE.plot_right().to_string()} y1={y.to_string()} y2={y.to_string()} />
                <rect class="kept-range" x={row.range.0.to_string()} y={(y - 9.0).to_string()} width={(row.range.1 - row.range.0).max(2.0).to_string()} height="18" rx="4" />
                <line class="promise" x1={row.promise_x.to_string()} x2={row.promise_x.to_string()} y1={(y - 13.0).to_string()} y2={(y + 13.0).to_string()} stroke-width="2" />
                <circle class="observed" cx={row.observed_x.to_string()} cy={y.to_string()} r="6" />
            </g>
        }
    });
    let ticks = [0.0, 0.25, 0.5, 0.75, 1.0].map(|share| {
        let x = COVERAGE.left + share * (COVERAGE.plot_right() - COVERAGE.left);
        html! {
            <text class="tick-label" x={x.to_string()} y={(COVERAGE.baseline() + 18.0).to_string()} text-anchor="middle">{ format!("{} %", (share * 100.0) as u32) }</text>
        }
    });
    let description = PROMISES
        .iter()
        .map(|&(percent, _)| format!("{percent} % range: {} of {n}", inside(rows, percent)))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <svg class="chart check-coverage" viewBox={COVERAGE.view_box()} role="img"
             aria-label={format!("Origins inside each range: {description}.")}>
            { for lines }
            { for ticks }
        </svg>
    }
}

const PIT: Frame = Frame {
    width: 640.0,
    height: 200.0,
    left: 40.0,
    right: 16.0,
    top: 12.0,
    bottom: 36.0,
};

/// The PITs' histogram with the level an honest forecast gives on average.
pub fn pit_chart(rows: &[Row]) -> Html {
    let pits: Vec<f64> = rows.iter().map(|r| r.forecast.pit).collect();
    let counts = pit_counts(&pits, pit_bins(rows.len()));
    let (bars, even_y) = pit_bars(PIT, &counts);
    let bins = counts.len();
    let columns = bars.iter().zip(&counts).enumerate().map(|(i, (b, c))| {
        let from = i as f64 / bins as f64;
        html! {
            <g>
                <rect class="bar" x={b.x.to_string()} y={b.y.to_string()} width={b.width.to_string()} height={b.height.to_string()} />
                <text class="bar-label" x={(b.x + b.width / 2.0).to_string()} y={(b.y - 4.0).to_string()} text-anchor="middle">{ c.to_string() }</text>
                <text class="tick-label" x={b.x.to_string()} y={(PIT.baseline() + 16.0).to_string()} text-anchor="start">{ format!("{from:.1}") }</text>
            </g>
        }
    });
    let description = format!(
        "PIT histogram over {} origins in {bins} bins: {}.",
        rows.len(),
        counts
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    html! {
        <svg class="chart check-pit" viewBox={PIT.view_box()} role="img" aria-label={description}>
            { for columns }
            <line class="even" x1={PIT.left.to_string()} x2={PIT.plot_right().to_string()} y1={even_y.to_string()} y2={even_y.to_string()} stroke-dasharray="6 4" stroke-width="1.5" />
            <line class="axis" x1={PIT.left.to_string()} x2={PIT.plot_right().to_string()} y1={PIT.baseline().to_string()} y2={PIT.baseline().to_string()} />
            <text class="tick-label" x={PIT.plot_right().to_string()} y={(PIT.baseline() + 16.0).to_string()} text-anchor="end">{ "1.0" }</text>
            <text class="axis-title" x={PIT.mid_x().to_string()} y={(PIT.height - 2.0).to_string()} text-anchor="middle">{ "PIT: where the actual fell in its forecast (0 below every trial, 1 above)" }</text>
        </svg>
    }
}
