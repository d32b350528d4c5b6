//! The Calibration section: "How good is this forecast?" — the backtest on
//! the imported history (run from the Scenarios panel, on the helper worker
//! by `app::workers::use_check`), with its progress and Stop, then the
//! headline, the ranges over time, the coverage against the promise, the PIT
//! histogram and the single-number scores, for won deals or revenue. The one
//! component of the section; its charts and tables are plain functions.

mod plots;
mod tables;

use super::ChartCard;
use crate::app::use_app;
use crate::calibration_text::{bias, headline, rows, scores, SCORES_NOTE};
use crate::money::{money, money_compact};
use crate::state::{Action, CheckStatus};
use charts::format;
use engine::backtest::Backtest;
use engine::Measure;
use plots::{bands_chart, coverage_chart, pit_chart};
use tables::{coverage_table, origins_table, pit_table};
use yew::prelude::*;

#[component]
pub fn CalibrationPanel() -> Html {
    let app = use_app();
    let state = &app.state;
    let measure = use_state(|| Measure::Won);
    let stop = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::StopCheck))
    };
    let on_file = state.history.as_ref().map(|h| {
        html! {
            <p class="section-note">{ format!(
                "On {}: at origins 13 weeks apart the history is fitted as it stood that day, the next 13 weeks \
                 are forecast (10,000 trials, seed 42), and the forecast is compared with what happened.",
                h.file
            ) }</p>
        }
    });
    let body = match &state.check {
        CheckStatus::Idle => html! {
            <p class="chart-note">{ "Import your CRM history (Import history… in the Scenarios panel), then press How good \
              is this forecast?: Funnelcast goes back to past dates, forecasts from what was known then, and counts how \
              often its ranges contained what actually happened." }</p>
        },
        CheckStatus::Waiting => html! {
            <p class="chart-note">{ "Choose your CRM export and press Use these numbers: the check then runs on it." }</p>
        },
        CheckStatus::Running { progress, .. } => html! {
            <div class="history-progress">
                <progress max="1" value={format!("{progress:.3}")} aria-label="Checking the forecast" />
                <button type="button" class="button small" onclick={stop}>{ "Stop" }</button>
            </div>
        },
        CheckStatus::Stopped => html! {
            <p class="chart-note">{ "Stopped. Press How good is this forecast? to run the check again." }</p>
        },
        CheckStatus::Failed(message) => {
            html! { <p role="alert" class="history-error">{ message }</p> }
        }
        CheckStatus::Done(backtest) => results(backtest, &measure, &state.currency),
    };
    html! {
        <section class="panel calibration" aria-labelledby="calibration-title">
            <h2 id="calibration-title">{ "How good is this forecast?" }</h2>
            { on_file }
            { body }
        </section>
    }
}

/// The check's result for the chosen measure.
fn results(backtest: &Backtest, measure: &UseStateHandle<Measure>, currency: &str) -> Html {
    let shown = if backtest.revenue.is_some() {
        **measure
    } else {
        Measure::Won
    };
    let rows = rows(backtest, shown);
    let Some(scores) = scores(backtest, shown).filter(|_| !rows.is_empty()) else {
        return html! { <p class="chart-note">{ "No origin could be scored." }</p> };
    };
    let revenue = shown == Measure::Revenue;
    let (value, axis) = if revenue {
        let (c, d) = (currency.to_owned(), currency.to_owned());
        (
            Callback::from(move |v: f64| money(v, &c)),
            Callback::from(move |v: f64| money_compact(v, &d)),
        )
    } else {
        (
            Callback::from(format::count),
            Callback::from(format::compact),
        )
    };
    let toggle = backtest.revenue.is_some().then(|| {
        let pick = |m: Measure, label: &'static str| {
            let measure = measure.clone();
            html! {
                <label>
                    <input type="radio" name="check-measure" checked={shown == m}
                           onchange={Callback::from(move |_: Event| measure.set(m))} />
                    { label }
                </label>
            }
        };
        html! {
            <div class="segmented" role="radiogroup" aria-label="Measure checked">
                { pick(Measure::Won, "Won deals") }
                { pick(Measure::Revenue, "Revenue") }
            </div>
        }
    });
    let unit = if revenue { "" } else { " deals" };
    html! {
        <div class="check-results">
            { toggle }
            <p class="check-headline" data-testid="check-headline">{ headline(backtest.settings.horizon_weeks, &rows) }</p>
            <p class="check-scores" data-testid="check-scores">
                { format!(
                    "CRPS {}{unit} · HubSpot-style accuracy {} · {}",
                    if revenue { value.emit(scores.crps) } else { format!("{:.2}", scores.crps) },
                    format::percent(scores.hubspot_accuracy),
                    bias(scores.mean_pit, scores.origins)
                ) }
            </p>
            <p class="section-note">{ SCORES_NOTE }</p>
            <ChartCard title="Forecast ranges and what happened" file="forecast-check-ranges"
                note="Each origin's P10–P90 range (band) and median (line); the dot is what happened, hollow when it fell outside."
                table={origins_table(&rows, &value)}>
                { bands_chart(&rows, &axis) }
            </ChartCard>
            <ChartCard title="Coverage against the promise" file="forecast-check-coverage"
                note="The dot: how often each range held the actual result. The line: its promise. The band: where a kept promise lands 9 times in 10 with this many origins."
                table={coverage_table(&rows)}>
                { coverage_chart(&rows) }
            </ChartCard>
            <ChartCard title="PIT histogram" file="forecast-check-pit"
                note="Where each actual fell within its forecast. An honest forecast spreads them evenly (dashed line); a pile on the left means forecasts too high, on both ends ranges too narrow."
                table={pit_table(&rows)}>
                { pit_chart(&rows) }
            </ChartCard>
        </div>
    }
}
