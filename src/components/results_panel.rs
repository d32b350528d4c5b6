//! The right panel: headline figures, funnel, distribution and tables.

use super::{FunnelChart, FunnelTable, WonHistogram, WonTable};
use crate::app::use_app;
use crate::state::RunStatus;
use charts::format;
use yew::prelude::*;

#[component]
pub fn ResultsPanel() -> Html {
    let app = use_app();
    let state = &app.state;
    let Some(summary) = state.summary.clone() else {
        return html! {
            <section class="panel results empty" aria-labelledby="results-title">
                <h2 id="results-title">{ "Forecast" }</h2>
                <div class="empty-state">
                    <svg viewBox="0 0 120 80" aria-hidden="true" class="empty-art">
                        <path d="M10 8h100L74 40v22l-28 12V40z" />
                    </svg>
                    <p>{ "Set your lead volume and stage rates, then press " }<strong>{ "Run" }</strong>
                       { " to simulate thousands of possible quarters." }</p>
                </div>
            </section>
        };
    };
    let partial = summary.trials_done < summary.trials_planned;
    let caption = if partial {
        format!(
            "{} {} of {} trials",
            if state.is_running() {
                "Streaming:"
            } else {
                "Partial:"
            },
            format::count(summary.trials_done as f64),
            format::count(summary.trials_planned as f64)
        )
    } else {
        format!(
            "{} trials · seed {}",
            format::count(summary.trials_done as f64),
            summary.seed
        )
    };
    let leads = summary
        .stages
        .first()
        .map(|s| s.reached.mean)
        .unwrap_or(0.0);
    let win_rate = if leads > 0.0 {
        summary.won.mean / leads
    } else {
        0.0
    };
    let won = &summary.won;
    html! {
        <section class="panel results" aria-labelledby="results-title" aria-busy={state.is_running().to_string()}>
            <div class="results-head">
                <h2 id="results-title">{ "Forecast" }</h2>
                <span class={classes!("badge", partial.then_some("partial"))}>{ caption }</span>
            </div>
            if state.results_outdated && !state.is_running() {
                <p class="outdated">{ "Inputs changed since this run. Press Run to update." }</p>
            }
            if matches!(state.run, RunStatus::Cancelled) {
                <p class="outdated">{ "Run cancelled: these results cover only the trials completed." }</p>
            }
            <div class="kpis">
                <div class="kpi main">
                    <span class="kpi-label">{ "Deals won, most likely (P50)" }</span>
                    <span class="kpi-value" data-testid="won-p50">{ format::count(won.p50) }</span>
                    <span class="kpi-sub">{ format!("mean {}", format::mean(won.mean)) }</span>
                </div>
                <div class="kpi">
                    <span class="kpi-label">{ "Likely range (P10–P90)" }</span>
                    <span class="kpi-value">{ format!("{} – {}", format::count(won.p10), format::count(won.p90)) }</span>
                    <span class="kpi-sub">{ "8 in 10 outcomes fall here" }</span>
                </div>
                <div class="kpi">
                    <span class="kpi-label">{ "Lead-to-win rate" }</span>
                    <span class="kpi-value">{ format::percent(win_rate) }</span>
                    <span class="kpi-sub">{ format!("{} repeat customers (mean)", format::mean(summary.repeat.mean)) }</span>
                </div>
            </div>
            <figure class="chart-card">
                <figcaption>
                    <h3>{ "Funnel" }</h3>
                    <p>{ "Deals reaching each stage: mean, with the P10–P90 band, and the drop-off from the stage above." }</p>
                </figcaption>
                <FunnelChart summary={summary.clone()} />
            </figure>
            <figure class="chart-card">
                <figcaption>
                    <h3>{ "Deals won" }</h3>
                    <p>{ "How often each number of won deals came up across the trials." }</p>
                </figcaption>
                <WonHistogram summary={summary.clone()} />
            </figure>
            <div class="tables">
                <FunnelTable summary={summary.clone()} />
                <WonTable summary={summary} />
            </div>
        </section>
    }
}
