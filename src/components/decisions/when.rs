//! "When will we reach the target?": the weeks by which the last forecast
//! reaches it, the distribution of that week as bars, and its numbers. The
//! heading names the target it follows.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use crate::decisions_text::{reach_by_week, when_question, when_reached};
use crate::money::money;
use charts::format;
use charts::week_bars::{scale_top, week_bars};
use engine::Summary;
use yew::prelude::*;

/// The answer from the last forecast, `summary` (None before the first),
/// amounts in `currency`.
pub fn when(summary: Option<&Summary>, currency: &str) -> Html {
    let answer = summary.and_then(|s| {
        let (revenue, chances) = reach_by_week(s)?;
        let weeks = week_bars(&chances);
        let bars = weeks.iter().enumerate().map(|(i, bar)| {
            html! {
                <div class="week-bar" title={format!("Week {}: {}", i + 1, format::percent(bar.share))}>
                    <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true">
                        <rect y={format!("{:.1}", bar.y)} width="10" height={format!("{:.1}", bar.height)} />
                    </svg>
                    <small>{ i + 1 }</small>
                </div>
            }
        });
        let rows = weeks.iter().zip(&chances).enumerate().map(|(i, (bar, p))| {
            html! {
                <tr>
                    <th scope="row">{ i + 1 }</th>
                    <td>{ format::percent(bar.share) }</td>
                    <td>{ format::percent(*p) }</td>
                </tr>
            }
        });
        // The axes are words for sighted readers; the chart's name and the
        // table below carry the same for everyone else.
        Some(html! {
            <>
                <p class="verdict" data-testid="when">{ when_reached(s, revenue) }</p>
                <div class="week-chart">
                    <span class="week-y-title" aria-hidden="true">{ "Share of trials" }</span>
                    <div class="week-y-axis" aria-hidden="true">
                        <span>{ format::percent(scale_top(&chances)) }</span>
                        <span>{ "0 %" }</span>
                    </div>
                    <div class="week-bars" role="img" aria-label="Distribution of the week in which the target is reached">{ for bars }</div>
                    <span class="week-x-title" aria-hidden="true">{ "Week reached" }</span>
                </div>
                <p class="hint-text">{ format!("{} of trials do not reach it within the horizon.", format::percent(1.0 - chances.last().copied().unwrap_or(0.0))) }</p>
                <details class="chart-data">
                    <summary>{ "Show the numbers" }</summary>
                    <table class="data-table" aria-label="Week the target is reached">
                        <thead><tr><th scope="col">{ "Week" }</th><th scope="col">{ "Reached that week" }</th><th scope="col">{ "Reached by then" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </details>
            </>
        })
    });
    html! {
        <div class="decision-block">
            <h3>{ when_question(summary, &|x| money(x, currency)) }</h3>
            { answer.unwrap_or_else(|| html! { <p class="hint-text">{ "Set a target and a horizon in weeks to see when it is reached." }</p> }) }
        </div>
    }
}
