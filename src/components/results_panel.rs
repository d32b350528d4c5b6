//! The right panel: the headline, Commit / Most likely / Best case, the
//! funnel, the distributions with a draggable target, the weeks, the
//! tables and the exports. The headline figures and the empty state have
//! their own files beside this one.

mod empty;
mod kpis;

use super::{
    fan_chart, funnel_chart, funnel_table, mystery_veil, stat_table, weekly_table, ChartCard,
    FanChartProps, HistogramChart, Measure, StatTableProps,
};
use crate::app::use_app;
use crate::download::download_text;
use crate::form::plain_number;
use crate::money::{money, money_compact};
use crate::report::{headline, summary_csv, weekly_csv};
use crate::state::{Action, RunStatus};
use charts::format;
use empty::empty_results;
use engine::Field;
use kpis::kpis;
use yew::prelude::*;

#[component]
pub fn ResultsPanel() -> Html {
    let app = use_app();
    let state = &app.state;
    let Some(summary) = state.summary.clone() else {
        return empty_results();
    };
    if state.mystery.hides() {
        return html! {
            <section class="panel results" aria-labelledby="results-title">
                <h2 id="results-title">{ "Forecast" }</h2>
                { mystery_veil(state, "the forecast", "button") }
            </section>
        };
    }
    let currency = state.currency.clone();
    let money_fmt = {
        let c = currency.clone();
        Callback::from(move |v: f64| money(v, &c))
    };
    let money_axis = {
        let c = currency.clone();
        Callback::from(move |v: f64| money_compact(v, &c))
    };
    let count_fmt = Callback::from(format::count);
    let mean_fmt = Callback::from(format::mean);
    let count_axis = Callback::from(format::compact);
    let set_target = |field: Field| {
        let state = state.clone();
        Callback::from(move |v: f64| state.dispatch(Action::Edit(field, plain_number(v))))
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
    let sentence = headline(&summary, &|v| money(v, &currency));
    let has_revenue = summary.revenue.is_some();
    let (main, main_fmt, main_axis, measure) = match &summary.revenue {
        Some(r) => (
            r.clone(),
            money_fmt.clone(),
            money_axis.clone(),
            Measure::Revenue,
        ),
        None => (
            summary.won.clone(),
            count_fmt.clone(),
            count_axis.clone(),
            Measure::Won,
        ),
    };
    // Targets as they are in the form now (a drag sets them before the
    // re-run that reports on them is back).
    let form_target = state.scenario.as_ref().and_then(|s| s.target);
    let target_revenue = form_target.map_or_else(
        || summary.target.as_ref().and_then(|t| t.revenue),
        |t| t.revenue,
    );
    let target_won = form_target.map_or_else(
        || {
            summary
                .target
                .as_ref()
                .and_then(|t| t.won.map(|w| w as f64))
        },
        |t| t.won,
    );
    let main_target = if has_revenue {
        target_revenue
    } else {
        target_won
    };
    let chance = summary.target.as_ref().and_then(|t| {
        if has_revenue {
            t.p_revenue.clone()
        } else {
            t.p_won.clone()
        }
        .or(t.p_won.clone())
    });
    let what = if has_revenue { "Revenue" } else { "Deals won" };
    let export = |weekly: bool| {
        let summary = summary.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, text) = if weekly {
                ("funnelcast-weekly.csv", weekly_csv(&summary))
            } else {
                ("funnelcast-summary.csv", summary_csv(&summary))
            };
            download_text(name, "text/csv", &text);
        })
    };
    html! {
        <section class="panel results" aria-labelledby="results-title" aria-busy={state.is_running().to_string()}>
            <div class="results-head">
                <h2 id="results-title">{ "Forecast" }</h2>
                <span class={classes!("badge", partial.then_some("partial"))}>{ caption }</span>
            </div>
            <p class="print-only">{ format!(
                "Scenario: {} · {} trials, seed {}",
                state.form.name, format::count(summary.trials_done as f64), state.form.seed
            ) }</p>
            <p class="headline" data-testid="headline">{ sentence }</p>
            if state.results_outdated && !state.is_running() {
                <p class="outdated">{ "Inputs changed since this run. Press Run to update." }</p>
            }
            if matches!(state.run, RunStatus::Cancelled) {
                <p class="outdated">{ "Run cancelled: these results cover only the trials completed." }</p>
            }
            if summary.capped_trials > 0 {
                <p class="outdated">{ format!("{} trials hit the cap of 10¹³ leads: the referral loop runs away in them.", format::count(summary.capped_trials as f64)) }</p>
            }
            { kpis(&main, measure, what, &main_fmt, chance.as_ref()) }
            <ChartCard title="Funnel" file="funnelcast-funnel"
                note="Deals reaching each stage: mean, with the P10–P90 band, and the drop-off from the stage above. The biggest leak is marked."
                table={funnel_table(&summary)}>
                { funnel_chart(&summary) }
            </ChartCard>
            if has_revenue {
                <ChartCard title="Revenue" file="funnelcast-revenue"
                    note="How often each revenue came up. Drag the target (or focus it and use the arrow keys)."
                    table={stat_table(&StatTableProps { label: "Revenue statistics", caption: "Revenue per trial", stat: &main, format: &money_fmt })}>
                    <HistogramChart summary={summary.clone()} measure={Measure::Revenue} target={target_revenue}
                        format={money_fmt.clone()} format_axis={money_axis.clone()} on_target={set_target(Field::TargetRevenue)} />
                </ChartCard>
            }
            <ChartCard title="Deals won" file="funnelcast-won"
                note="How often each number of won deals came up. Drag the target to read its chance."
                table={stat_table(&StatTableProps { label: "Deals won statistics", caption: "Deals won per trial", stat: &summary.won, format: &mean_fmt })}>
                <HistogramChart summary={summary.clone()} measure={Measure::Won} target={target_won}
                    format={count_fmt.clone()} format_axis={count_axis.clone()} on_target={set_target(Field::TargetWon)} />
            </ChartCard>
            if !summary.weekly.is_empty() {
                <ChartCard title="Week by week" file="funnelcast-weeks"
                    note={format!("Cumulative {} with the P10–P90 band, median line and target.", what.to_lowercase())}
                    table={weekly_table(&summary, &money_fmt)}>
                    { fan_chart(&FanChartProps { summary: &summary, measure, target: main_target,
                        format: &main_fmt, format_axis: &main_axis }) }
                </ChartCard>
            }
            <div class="tables">
                { funnel_table(&summary) }
                { stat_table(&StatTableProps { label: "Deals won statistics table", caption: "Deals won per trial", stat: &summary.won, format: &mean_fmt }) }
            </div>
            <div class="exports">
                <button type="button" class="button small" onclick={export(false)}>{ "Download summary (CSV)" }</button>
                if !summary.weekly.is_empty() {
                    <button type="button" class="button small" onclick={export(true)}>{ "Download weekly table (CSV)" }</button>
                }
                if let Some(d) = &summary.days_to_win {
                    <span class="days">{ format!("Lead to win: {:.0} days on average (P50 {:.0}, P90 {:.0}).", d.mean, d.p50, d.p90) }</span>
                }
            </div>
        </section>
    }
}
