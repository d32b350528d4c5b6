//! The debrief after the last round: each team's hit rate against the 80 %
//! promise, with the band a perfectly calibrated team lands in over that
//! many rounds (`score::calibrated_band`), as a chart and as a table of the
//! same numbers. Geometry is [`charts::game::DebriefChart`]'s. A plain
//! function: each Yew component type costs about half a kilobyte of wasm.

use crate::game::score::{calibrated_band, PROMISE};
use crate::game::Game;
use charts::format;
use charts::game::DebriefChart;
use yew::prelude::*;

fn px(v: f64) -> String {
    format!("{v:.1}")
}

/// The debrief of `game`.
pub fn debrief(game: &Game) -> Html {
    let scores = game.scoreboard();
    let rounds = scores.iter().map(|s| s.rounds).max().unwrap_or(0);
    let (lo, hi) = calibrated_band(rounds);
    let share = |k: usize, n: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    let chart = DebriefChart::new(scores.len(), 300.0);
    let frame = chart.frame;
    let (band_x0, band_x1) = (chart.x(share(lo, rounds)), chart.x(share(hi, rounds)));
    let promise_x = chart.x(PROMISE);
    let rows = scores.iter().enumerate().map(|(i, s)| {
        let y = chart.row_y(i);
        let x = chart.x(share(s.hits, s.rounds));
        let inside = (lo..=hi).contains(&s.hits);
        html! {
            <g class={classes!("debrief-row", if inside { "inside" } else { "outside" })}>
                <text class="team" x={px(frame.left - 16.0)} y={px(y + 9.0)} text-anchor="end">{ s.name.clone() }</text>
                <line class="track" x1={px(frame.left)} x2={px(x)} y1={px(y)} y2={px(y)} />
                <circle cx={px(x)} cy={px(y)} r="13" />
                <text class="value" x={px(x)} y={px(y - 20.0)} text-anchor={if s.hits == 0 { "start" } else { "middle" }}>
                    { format!("{} of {}", s.hits, s.rounds) }</text>
            </g>
        }
    });
    let ticks = chart.ticks().into_iter().map(|(t, x)| {
        html! { <text class="tick" x={px(x)} y={px(frame.baseline() + 36.0)} text-anchor="middle">{ format::percent(t) }</text> }
    });
    let label = format!(
        "Calibration: each team's hit rate against the 80 % promise; a perfectly calibrated team lands between {lo} and {hi} hits of {rounds}."
    );
    let table = scores.iter().map(|s| {
        let inside = (lo..=hi).contains(&s.hits);
        html! {
            <tr>
                <th scope="row">{ s.name.clone() }</th>
                <td>{ format!("{} of {}", s.hits, s.rounds) }</td>
                <td>{ format::percent(share(s.hits, s.rounds)) }</td>
                <td>{ if inside { "Inside" } else { "Outside" } }</td>
                <td>{ s.verdict().word() }</td>
            </tr>
        }
    });
    html! {
        <section class="game-debrief" aria-labelledby="debrief-title">
            <h2 id="debrief-title">{ "Debrief: how calibrated was each team?" }</h2>
            <p class="game-hint">{ format!(
                "Every range promised to hold the actual 80 % of the time. Over {rounds} rounds a perfectly calibrated team hits {lo} to {hi} times (9 in 10 such teams land in the shaded band): below it, ranges were too narrow or off-centre.") }</p>
            <svg class="game-debrief-chart" viewBox={frame.view_box()} role="img" aria-label={label}>
                <rect class="band" x={px(band_x0)} y={px(frame.top - 10.0)} width={px((band_x1 - band_x0).max(4.0))}
                      height={px(frame.baseline() - frame.top + 10.0)} />
                <text class="band-label" x={px((band_x0 + band_x1) / 2.0)} y={px(frame.top - 52.0)} text-anchor="middle">
                    { format!("Calibrated: {lo}–{hi} of {rounds}") }</text>
                <line class="promise" x1={px(promise_x)} x2={px(promise_x)} y1={px(frame.top - 10.0)} y2={px(frame.baseline())} />
                <text class="promise-label" x={px(promise_x)} y={px(frame.top - 18.0)} text-anchor="middle">{ "80 % promise" }</text>
                <line class="axis" x1={px(frame.left)} x2={px(frame.plot_right())} y1={px(frame.baseline())} y2={px(frame.baseline())} />
                { for rows }
                { for ticks }
                <text class="axis-title" x={px(frame.mid_x())} y={px(frame.height - 12.0)} text-anchor="middle">{ "Hit rate: rounds whose actual fell in the team's range" }</text>
            </svg>
            <table class="game-table">
                <caption>{ "Hit rates against the 80 % promise" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Team" }</th>
                        <th scope="col">{ "Hits" }</th>
                        <th scope="col">{ "Hit rate" }</th>
                        <th scope="col">{ format!("Calibrated band ({lo}–{hi} of {rounds})") }</th>
                        <th scope="col">{ "Verdict" }</th>
                    </tr>
                </thead>
                <tbody>{ for table }</tbody>
            </table>
        </section>
    }
}
