//! Two to four saved scenarios side by side, run on common random numbers:
//! who beats whom in how many trials, a table of differences, overlaid
//! distributions and the funnels next to each other.

use crate::app::use_app;
use crate::library_ops;
use crate::money::{money, money_compact};
use crate::storage::library;
use crate::worker::readers::{self, Read};
use crate::worker::use_job_slot;
use charts::{format, nice_ticks, overlay::overlay, LinearScale};
use engine::{ComparisonSummary, JobSpec, Measure, Summary};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Colour-blind-safe series colours (blue, orange, teal, purple).
const COLOURS: [&str; 4] = ["#2f5bea", "#d9730d", "#0e9384", "#7a5af8"];
/// Trials of a comparison.
const TRIALS: u64 = 10_000;

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Running,
    Done,
    Failed(String),
}

#[component]
pub fn CompareView() -> Html {
    let app = use_app();
    let state = &app.state;
    let selected = use_state(Vec::<String>::new);
    let names = use_state(Vec::<String>::new);
    let result = use_state(|| None::<Rc<ComparisonSummary>>);
    let status = use_state(|| Status::Idle);
    let comparer = use_job_slot();
    // Forget selections of scenarios that are gone.
    let available: Vec<(String, String)> = state
        .library
        .iter()
        .map(|e| (e.id.clone(), e.name.clone()))
        .collect();
    let chosen: Vec<String> = selected
        .iter()
        .filter(|id| available.iter().any(|(a, _)| a == *id))
        .cloned()
        .collect();

    let boxes = available.iter().map(|(id, name)| {
        let checked = chosen.contains(id);
        let toggle = {
            let (selected, id) = (selected.clone(), id.clone());
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let mut next: Vec<String> = (*selected).clone();
                next.retain(|x| *x != id);
                if input.checked() {
                    next.push(id.clone());
                }
                selected.set(next);
            })
        };
        html! {
            <label class="check compare-pick">
                <input type="checkbox" checked={checked} disabled={!checked && chosen.len() >= 4}
                    aria-label={format!("Compare {name}")} onchange={toggle} />
                { name.clone() }
            </label>
        }
    });
    let start = {
        let (chosen, names, result, status, comparer) = (
            chosen.clone(),
            names.clone(),
            result.clone(),
            status.clone(),
            comparer.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let entries: Vec<library::Entry> = chosen
                .iter()
                .filter_map(|id| library_ops::read_entry(id))
                .collect();
            if entries.len() < 2 {
                status.set(Status::Failed(
                    "Pick two to four saved scenarios.".to_owned(),
                ));
                return;
            }
            let seed = entries[0].scenario.seed;
            names.set(entries.iter().map(|e| e.name.clone()).collect());
            result.set(None);
            status.set(Status::Running);
            let spec = JobSpec::Compare {
                scenarios: entries.into_iter().map(|e| e.scenario).collect(),
                seed,
                first: 0,
                end: TRIALS,
            };
            let (result, status) = (result.clone(), status.clone());
            let on_read = Callback::from(move |read| match read {
                Read::Result(summary, done) => {
                    result.set(Some(summary));
                    if done {
                        status.set(Status::Done);
                    }
                }
                Read::Failed(message) => status.set(Status::Failed(message)),
                Read::Progress(_) => {}
            });
            comparer.start(spec, readers::comparison(TRIALS, on_read));
        })
    };
    let currency = state.currency.clone();
    html! {
        <section class="panel compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ "Compare scenarios" }</h2>
            if available.len() < 2 {
                <p class="hint-text">{ "Save two or more scenarios to compare them side by side." }</p>
            } else {
                <div class="compare-picks" role="group" aria-label="Scenarios to compare">{ for boxes }</div>
                <button type="button" class="button primary" disabled={!(2..=4).contains(&chosen.len())} onclick={start}>
                    { "Compare" }
                </button>
                <span class="hint-text">{ format!(" {} trials each, on the same random numbers (the first one's seed).", format::count(TRIALS as f64)) }</span>
                if let Status::Failed(message) = &*status {
                    <p class="error" role="alert">{ message.clone() }</p>
                }
                if let Some(r) = &*result {
                    <CompareResults summary={r.clone()} names={(*names).clone()} currency={currency}
                        running={*status == Status::Running} />
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CompareResultsProps {
    summary: Rc<ComparisonSummary>,
    names: Vec<String>,
    currency: String,
    running: bool,
}

#[component]
fn CompareResults(props: &CompareResultsProps) -> Html {
    let s = &props.summary;
    let names = &props.names;
    let by_revenue = s.metric == Measure::Revenue;
    let value = |x: f64| {
        if by_revenue {
            money(x, &props.currency)
        } else {
            format::count(x)
        }
    };
    let what = if by_revenue { "revenue" } else { "deals won" };
    let mut sentences = Vec::new();
    for i in 0..s.summaries.len() {
        for j in i + 1..s.summaries.len() {
            let (a, b) = (s.beats[i][j], s.beats[j][i]);
            let (winner, loser, p, q) = if b >= a { (j, i, b, a) } else { (i, j, a, b) };
            let name = |k: usize| {
                names
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| format!("Scenario {}", k + 1))
            };
            sentences.push(format!(
                "“{}” beats “{}” in {} of trials on {what} ({} the other way, the rest tie).",
                name(winner),
                name(loser),
                format::percent(p),
                format::percent(q)
            ));
        }
    }
    let main = |sum: &Summary| {
        if by_revenue {
            sum.revenue.clone().unwrap_or_default()
        } else {
            sum.won.clone()
        }
    };
    let chance = |sum: &Summary| {
        sum.target.as_ref().and_then(|t| {
            if by_revenue {
                t.p_revenue.clone()
            } else {
                t.p_won.clone()
            }
        })
    };
    let first = s.summaries.first().map(main).unwrap_or_default();
    let delta = |x: f64, base: f64, k: usize| {
        if k == 0 {
            String::new()
        } else {
            let d = x - base;
            let sign = if d >= 0.0 { "+" } else { "−" };
            format!(" ({sign}{})", value(d.abs()))
        }
    };
    let header = names.iter().enumerate().map(|(k, n)| html! {
        <th scope="col"><span class={classes!("swatch", format!("swatch-{}", k % 4))}></span>{ n.clone() }</th>
    });
    let row = |label: &str, cells: Vec<String>| {
        html! {
            <tr><th scope="row">{ label.to_owned() }</th>{ for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
        }
    };
    let stat_row = |label: &str, pick: fn(&engine::Stat) -> f64| {
        let base = pick(&first);
        row(
            label,
            s.summaries
                .iter()
                .enumerate()
                .map(|(k, sum)| {
                    let v = pick(&main(sum));
                    format!("{}{}", value(v), delta(v, base, k))
                })
                .collect(),
        )
    };
    // Overlaid distributions on common bins: revenue (when every scenario
    // has deal values) and deals won.
    let overlay_chart = |revenue: bool| -> Html {
        let dists: Vec<&[(f64, u64)]> = s
            .summaries
            .iter()
            .map(|sum| {
                if revenue {
                    sum.revenue_distribution.0.as_slice()
                } else {
                    sum.won_distribution.0.as_slice()
                }
            })
            .collect();
        let (edges, shares) = overlay(&dists, 30);
        if edges.len() < 2 {
            return html! {};
        }
        let (w, h, left, bottom, top) = (640.0, 200.0, 20.0, 34.0, 10.0);
        let max = shares
            .iter()
            .flatten()
            .copied()
            .fold(0.0, f64::max)
            .max(1e-9);
        let x = LinearScale::new((edges[0], edges[edges.len() - 1]), (left, w - 12.0));
        let y = LinearScale::new((0.0, max * 1.1), (h - bottom, top));
        let lines = shares.iter().enumerate().map(|(k, sh)| {
            let mut d = format!("M{:.1} {:.1}", x.map(edges[0]), y.map(0.0));
            for (i, v) in sh.iter().enumerate() {
                d.push_str(&format!(
                    " L{:.1} {:.1} L{:.1} {:.1}",
                    x.map(edges[i]),
                    y.map(*v),
                    x.map(edges[i + 1]),
                    y.map(*v)
                ));
            }
            d.push_str(&format!(
                " L{:.1} {:.1}",
                x.map(edges[edges.len() - 1]),
                y.map(0.0)
            ));
            html! { <path d={d} fill="none" stroke={COLOURS[k % 4]} stroke-width="2.5" /> }
        });
        let ticks = nice_ticks(edges[0], edges[edges.len() - 1], 6).into_iter().map(|t| html! {
            <text x={x.map(t).to_string()} y={(h - bottom + 16.0).to_string()} text-anchor="middle" class="tick-label">
                { if revenue { money_compact(t, &props.currency) } else { format::compact(t) } }
            </text>
        });
        let label = if revenue { "Revenue" } else { "Deals won" };
        html! {
            <figure class="overlay-figure">
                <figcaption>{ label }</figcaption>
                <svg class="chart overlay" viewBox={format!("0 0 {w} {h}")} role="img"
                     aria-label={format!("Overlaid distributions of {}, one line per scenario.", label.to_lowercase())}>
                    <line x1={left.to_string()} x2={(w - 12.0).to_string()} y1={(h - bottom).to_string()} y2={(h - bottom).to_string()} stroke="#98a2b3" />
                    { for lines }
                    { for ticks }
                </svg>
            </figure>
        }
    };
    let legend = names.iter().enumerate().map(|(k, n)| html! {
        <span class="legend-item"><span class={classes!("swatch", format!("swatch-{}", k % 4))}></span>{ n.clone() }</span>
    });
    let stage_rows = s.summaries.first().map(|f| f.stages.len()).unwrap_or(0);
    let top_reached = s
        .summaries
        .iter()
        .filter_map(|sum| sum.stages.first())
        .map(|st| st.reached.mean)
        .fold(1.0, f64::max);
    html! {
        <div class="compare-results" aria-busy={props.running.to_string()}>
            <ul class="beats">
                { for sentences.into_iter().map(|t| html! { <li>{ t }</li> }) }
            </ul>
            <div class="legend">{ for legend }</div>
            <div class="overlays">
                if by_revenue { { overlay_chart(true) } }
                { overlay_chart(false) }
            </div>
            <table class="data-table" aria-label="Differences">
                <caption>{ format!("Differences ({} trials; in brackets, the difference from the first)", format::count(s.trials_done as f64)) }</caption>
                <thead><tr><th scope="col">{ "Measure" }</th>{ for header }</tr></thead>
                <tbody>
                    { stat_row("Commit (P10)", |st| st.p10) }
                    { stat_row("Most likely (P50)", |st| st.p50) }
                    { stat_row("Best case (P90)", |st| st.p90) }
                    { stat_row("Mean", |st| st.mean) }
                    { row("Chance of target", s.summaries.iter().map(|sum| chance(sum).map(|p| format::percent(p.p)).unwrap_or_else(|| "–".to_owned())).collect()) }
                    { row("Deals won (mean)", s.summaries.iter().map(|sum| format::mean(sum.won.mean)).collect()) }
                </tbody>
            </table>
            <table class="data-table funnels" aria-label="Funnels side by side">
                <caption>{ "Funnels side by side: mean deals reaching each stage" }</caption>
                <thead><tr><th scope="col">{ "Stage" }</th>
                    { for names.iter().map(|n| html! { <th scope="col">{ n.clone() }</th> }) }</tr></thead>
                <tbody>
                    { for (0..stage_rows).map(|k| html! {
                        <tr>
                            <th scope="row">{ s.summaries[0].stages[k].name.clone() }</th>
                            { for s.summaries.iter().enumerate().map(|(i, sum)| {
                                let m = sum.stages.get(k).map_or(0.0, |st| st.reached.mean);
                                html! {
                                    <td class="bar-cell">
                                        <svg class="mini-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                                            <rect width={format!("{:.1}", 100.0 * m / top_reached)} height="8" rx="1.5" fill={COLOURS[i % 4]} />
                                        </svg>
                                        <span>{ format::mean(m) }</span>
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
