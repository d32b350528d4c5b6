//! What to do: the lever worth most (tornado chart), what a target takes
//! (reverse planning), and when the target is reached.

use crate::app::use_app;
use crate::money::money;
use crate::worker::readers::{self, Read};
use crate::worker::use_job_slot;
use charts::{format, LinearScale};
use engine::decisions::{Answer, Goal, Lever, Measure, Plan, Question, SensitivityReport};
use engine::{JobSpec, SALES_STAGES};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Pending {
    None,
    Sensitivity,
    Plan(String),
}

/// "Improving Closing by 1 pt is worth $12,800 at the median — 1.3 × more
/// than any other stage."
fn verdict(r: &SensitivityReport, value: &dyn Fn(f64) -> String) -> Option<String> {
    let best = r
        .effects
        .iter()
        .filter(|e| e.stage().is_some())
        .max_by(|a, b| a.median_change.total_cmp(&b.median_change))?;
    let index = best.stage()?;
    let stage = r.stage_name(index)?;
    let runner_up = r
        .effects
        .iter()
        .filter(|e| e.stage().is_some_and(|s| s != index))
        .map(|e| e.median_change)
        .fold(f64::NEG_INFINITY, f64::max);
    let action = match best.lever {
        Lever::StageRate(_) => format!("Improving {stage} by 1 pt"),
        _ => format!("Cutting a day from {stage}"),
    };
    let ratio = if runner_up > 0.0 {
        format!(
            " — {:.1} × more than any other stage",
            best.median_change / runner_up
        )
    } else {
        String::new()
    };
    Some(format!(
        "{action} is worth {} at the median{ratio}.",
        value(best.median_change)
    ))
}

#[component]
pub fn DecisionsPanel() -> Html {
    let app = use_app();
    let state = &app.state;
    let report = use_state(|| None::<Rc<SensitivityReport>>);
    let plan = use_state(|| None::<(String, Question, Rc<Plan>)>);
    let pending = use_state(|| Pending::None);
    let progress = use_state(|| 0.0f64);
    let error = use_state(|| None::<String>);
    // The label and question in flight, shown with its answer.
    let asked = use_mut_ref(|| (String::new(), Question::Sensitivity));
    let runner = use_job_slot();
    let on_read = {
        let (report, plan, pending, error, asked) = (
            report.clone(),
            plan.clone(),
            pending.clone(),
            error.clone(),
            asked.clone(),
        );
        let progress = progress.clone();
        Callback::from(move |read: Read<Rc<Answer>>| match read {
            Read::Result(answer, _) => {
                match &*answer {
                    Answer::Sensitivity(r) => report.set(Some(Rc::new(r.clone()))),
                    Answer::Plan(p) => {
                        let a = asked.borrow();
                        plan.set(Some((a.0.clone(), a.1.clone(), Rc::new(p.clone()))))
                    }
                }
                pending.set(Pending::None);
            }
            Read::Failed(message) => {
                error.set(Some(message));
                pending.set(Pending::None);
            }
            Read::Progress(p) => progress.set(p),
        })
    };
    let target_kind = use_state(|| {
        if state.form.values_on {
            "revenue"
        } else {
            "won"
        }
        .to_owned()
    });
    let target_text = use_state(String::new);
    let confidence = use_state(|| 0.85f64);
    let stage = use_state(|| 1usize);
    let currency = state.currency.clone();
    let by_revenue = *target_kind == "revenue" && state.form.values_on;
    let default_target = state
        .scenario
        .as_ref()
        .and_then(|s| s.target)
        .and_then(|t| if by_revenue { t.revenue } else { t.won });
    let target_value = target_text
        .trim()
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .or(default_target);

    let ask = |question: Question, label: String, what: Pending| {
        let (runner, pending, error, asked) = (
            runner.clone(),
            pending.clone(),
            error.clone(),
            asked.clone(),
        );
        let (progress, on_read) = (progress.clone(), on_read.clone());
        let scenario = state.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(scenario) = scenario.clone() else {
                error.set(Some("Fix the highlighted fields first.".to_owned()));
                return;
            };
            *asked.borrow_mut() = (label.clone(), question.clone());
            error.set(None);
            progress.set(0.0);
            pending.set(what.clone());
            let spec = JobSpec::Decide {
                scenario: Box::new(scenario),
                question: question.clone(),
            };
            runner.start(spec, readers::answer(on_read.clone()));
        })
    };
    let goal = target_value.map(|t| {
        if by_revenue {
            Goal::Revenue(t)
        } else {
            Goal::Won(t.round().max(0.0) as u64)
        }
    });
    let value_fmt = {
        let c = currency.clone();
        move |v: f64, revenue: bool| {
            if revenue {
                money(v, &c)
            } else {
                format::mean(v)
            }
        }
    };
    let busy = *pending != Pending::None;
    let cancel = {
        let (runner, pending) = (runner.clone(), pending.clone());
        Callback::from(move |_: MouseEvent| {
            runner.cancel();
            pending.set(Pending::None);
        })
    };

    // Sensitivity: sentence and tornado.
    let sensitivity = report.as_ref().map(|r| {
        let revenue = r.measure == Measure::Revenue;
        let vf = value_fmt.clone();
        let sentence = verdict(r, &move |v| vf(v, revenue)).unwrap_or_default();
        let max = r.effects.iter().map(|e| e.median_change.abs() + e.median_change_se).fold(1e-9, f64::max);
        let (w, row) = (640.0, 24.0);
        let h = row * r.effects.len() as f64 + 30.0;
        let x = LinearScale::new((-max, max), (230.0, w - 70.0));
        let bars = r.effects.iter().enumerate().map(|(i, e)| {
            let y = 8.0 + row * i as f64;
            let (x0, x1) = (x.map(0.0), x.map(e.median_change));
            let first = e.stage().is_some() && e.stage() == r.first_to_fix;
            let fill = if e.stage().is_none() { "#98a2b3" } else if first { "#c4320a" } else { "#2f5bea" };
            html! {
                <g>
                    <title>{ format!("{}: {} ± {} at the median", e.label, value_fmt(e.median_change, revenue), value_fmt(e.median_change_se, revenue)) }</title>
                    <text x="222" y={(y + 15.0).to_string()} text-anchor="end" class="tornado-label">{ e.label.clone() }</text>
                    <rect x={x0.min(x1).to_string()} y={(y + 3.0).to_string()} width={(x1 - x0).abs().max(1.0).to_string()} height={(row - 8.0).to_string()} fill={fill} />
                    <line x1={x.map(e.median_change - e.median_change_se).to_string()} x2={x.map(e.median_change + e.median_change_se).to_string()}
                          y1={(y + 11.0).to_string()} y2={(y + 11.0).to_string()} stroke="#101828" stroke-width="1.5" />
                    <text x={(x1.max(x0) + 6.0).to_string()} y={(y + 15.0).to_string()} class="tornado-value">{ value_fmt(e.median_change, revenue) }</text>
                </g>
            }
        });
        let rows = r.effects.iter().map(|e| html! {
            <tr>
                <th scope="row">{ e.label.clone() }</th>
                <td>{ format!("{} ± {}", value_fmt(e.median_change, revenue), value_fmt(e.median_change_se, revenue)) }</td>
                <td>{ e.chance_change.map(|c| format!("{:+.1} pt ± {:.1}", c * 100.0, e.chance_change_se.unwrap_or(0.0) * 100.0)).unwrap_or_else(|| "–".to_owned()) }</td>
            </tr>
        });
        html! {
            <>
                <p class="verdict" data-testid="first-to-fix">{ sentence }</p>
                <svg class="chart tornado" viewBox={format!("0 0 {w} {h}")} role="img"
                     aria-label={format!("Tornado chart of the change in median {} for each lever, largest first. {}",
                        if revenue { "revenue" } else { "won deals" }, r.first_to_fix.and_then(|i| r.stage_name(i)).map(|s| format!("Fix {s} first.")).unwrap_or_default())}>
                    <line x1={x.map(0.0).to_string()} x2={x.map(0.0).to_string()} y1="4" y2={(h - 20.0).to_string()} stroke="#98a2b3" />
                    { for bars }
                </svg>
                <details class="table-view">
                    <summary>{ "Show the numbers" }</summary>
                    <table class="data-table" aria-label="Sensitivity table">
                        <thead><tr><th scope="col">{ "Lever" }</th><th scope="col">{ "Change in median" }</th><th scope="col">{ "Change in chance of target" }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </details>
                <p class="hint-text">{ format!("{} trials, the same random numbers for every lever; ± is the Monte Carlo error.", format::count(r.trials as f64)) }</p>
            </>
        }
    });

    // Reverse planning.
    let plan_view = plan.as_ref().map(|(label, question, p)| {
        let text = if !p.reachable {
            format!("{label}: the target cannot be reached with {} confidence within the range searched (at most {} gives a {} chance).",
                format::percent(p.confidence), format::mean(p.searched_up_to), format::percent(p.achieved))
        } else {
            let v = p.value.unwrap_or_default();
            let amount = match (question, state.scenario.as_ref()) {
                (Question::StageRate { .. }, _) => format::percent(v),
                (Question::Pipeline { goal, .. }, Some(s)) => crate::report::pipeline_coverage(s, v, *goal, &|x| money(x, &currency)),
                (Question::Pipeline { .. }, None) => format!("{v:.1} × today's open pipeline"),
                _ => format::mean(v),
            };
            format!("{label}: {amount}, for a {} ± {} chance.", format::percent(p.achieved), format::percent(p.achieved_se))
        };
        html! { <p class="verdict" data-testid="plan-answer">{ text }</p> }
    });
    let confidence_pick = {
        let confidence = confidence.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            confidence.set(select.value().parse().unwrap_or(0.85));
        })
    };
    let kind_pick = {
        let target_kind = target_kind.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            target_kind.set(select.value());
        })
    };
    let stage_pick = {
        let stage = stage.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            stage.set(select.value().parse().unwrap_or(1));
        })
    };
    let target_input = {
        let target_text = target_text.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            target_text.set(input.value());
        })
    };
    let c = *confidence;
    let stage_name = state
        .form
        .stage_names
        .get(*stage)
        .cloned()
        .unwrap_or_default();
    let per_week = matches!(state.form.lead_mode, crate::form::LeadMode::PerWeek);

    // When: weeks by which the target is reached, and the distribution of that week.
    let when = state.summary.as_ref().and_then(|s| {
        let revenue = s.weekly.iter().any(|w| w.p_revenue_target.is_some());
        let chances: Vec<f64> = s.weekly.iter().filter_map(|w| if revenue { w.p_revenue_target } else { w.p_won_target }).collect();
        if chances.is_empty() {
            return None;
        }
        let at = |conf: f64| s.week_reaching(conf, revenue).map_or("not within the horizon".to_owned(), |w| format!("week {w}"));
        let tallest = chances.iter().copied().fold(0.0, f64::max).max(1e-9);
        // Percent of the bar area, at least a hairline so every week shows.
        let height = |share: f64| (100.0 * share / tallest).max(1.0);
        let bars = chances.iter().enumerate().map(|(i, p)| {
            let share = p - if i == 0 { 0.0 } else { chances[i - 1] };
            html! {
                <div class="week-bar" title={format!("Week {}: {}", i + 1, format::percent(share))}>
                    <svg viewBox="0 0 10 100" preserveAspectRatio="none" aria-hidden="true">
                        <rect y={format!("{:.1}", 100.0 - height(share))} width="10" height={format!("{:.1}", height(share))} />
                    </svg>
                    <small>{ i + 1 }</small>
                </div>
            }
        });
        Some(html! {
            <>
                <p class="verdict" data-testid="when">{ format!("The target is reached by {} with 50 % confidence, by {} with 85 % and by {} with 95 %.", at(0.5), at(0.85), at(0.95)) }</p>
                <div class="week-bars" role="img" aria-label="Distribution of the week in which the target is reached">{ for bars }</div>
                <p class="hint-text">{ format!("{} of trials do not reach it within the horizon.", format::percent(1.0 - chances.last().copied().unwrap_or(0.0))) }</p>
                <details class="chart-data">
                    <summary>{ "Show the numbers" }</summary>
                    <table class="data-table" aria-label="Week the target is reached">
                        <thead><tr><th scope="col">{ "Week" }</th><th scope="col">{ "Reached that week" }</th><th scope="col">{ "Reached by then" }</th></tr></thead>
                        <tbody>
                            { for chances.iter().enumerate().map(|(i, p)| html! {
                                <tr>
                                    <th scope="row">{ i + 1 }</th>
                                    <td>{ format::percent(p - if i == 0 { 0.0 } else { chances[i - 1] }) }</td>
                                    <td>{ format::percent(*p) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </details>
            </>
        })
    });

    html! {
        <section class="panel decisions" aria-labelledby="decisions-title">
            <h2 id="decisions-title">{ "What to do" }</h2>
            <div class="decision-grid">
                <div class="decision-block">
                    <h3>{ "Which stage to fix" }</h3>
                    <button type="button" class="button primary" disabled={busy}
                        onclick={ask(Question::Sensitivity, "Sensitivity".to_owned(), Pending::Sensitivity)}>
                        { if *pending == Pending::Sensitivity { "Computing…" } else { "Find the bottleneck" } }
                    </button>
                    { sensitivity.unwrap_or_default() }
                </div>
                <div class="decision-block">
                    <h3>{ "What would it take?" }</h3>
                    <div class="plan-form">
                        <label>{ "Target" }
                            <select aria-label="Target kind" onchange={kind_pick}>
                                if state.form.values_on { <option value="revenue" selected={by_revenue}>{ "Revenue" }</option> }
                                <option value="won" selected={!by_revenue}>{ "Won deals" }</option>
                            </select>
                        </label>
                        <label>{ "of" }
                            <input type="text" inputmode="decimal" aria-label="Target to reach"
                                placeholder={default_target.map(format::count).unwrap_or_default()}
                                value={(*target_text).clone()} oninput={target_input} />
                        </label>
                        <label>{ "with" }
                            <select aria-label="Confidence" onchange={confidence_pick}>
                                { for [0.5, 0.85, 0.95].into_iter().map(|v| html! { <option value={v.to_string()} selected={(c - v).abs() < 1e-9}>{ format::percent(v) }</option> }) }
                            </select>
                        </label>
                    </div>
                    if let Some(goal) = goal {
                        <div class="plan-actions">
                            <button type="button" class="button small" disabled={busy}
                                onclick={ask(Question::Leads { goal, confidence: c }, if per_week { "Leads needed per week".to_owned() } else { "Leads needed".to_owned() }, Pending::Plan("leads".into()))}>
                                { if per_week { "Leads needed per week" } else { "Leads needed" } }
                            </button>
                            <span class="rate-plan">
                                <button type="button" class="button small" disabled={busy}
                                    onclick={ask(Question::StageRate { stage: *stage, goal, confidence: c }, format!("Rate needed in {stage_name}"), Pending::Plan("rate".into()))}>
                                    { "Rate needed in" }
                                </button>
                                <select aria-label="Stage to plan" onchange={stage_pick}>
                                    { for (0..SALES_STAGES).map(|i| html! { <option value={i.to_string()} selected={i == *stage}>{ state.form.stage_names[i].clone() }</option> }) }
                                </select>
                            </span>
                            <button type="button" class="button small" disabled={busy}
                                onclick={ask(Question::Pipeline { goal, confidence: c }, "Pipeline needed".to_owned(), Pending::Plan("pipeline".into()))}>
                                { "Open pipeline needed" }
                            </button>
                        </div>
                    } else {
                        <p class="hint-text">{ "Enter a target to plan for." }</p>
                    }
                    if matches!(*pending, Pending::Plan(_)) { <p class="hint-text">{ "Searching…" }</p> }
                    { plan_view.unwrap_or_default() }
                </div>
                <div class="decision-block">
                    <h3>{ "When will we reach the target?" }</h3>
                    { when.unwrap_or_else(|| html! { <p class="hint-text">{ "Set a target and a horizon in weeks to see when it is reached." }</p> }) }
                </div>
            </div>
            if busy {
                <div class="decide-progress">
                    <progress aria-label="Decision progress" max="1" value={progress.to_string()} />
                    <button type="button" class="button small" onclick={cancel}>{ "Stop" }</button>
                </div>
            }
            if let Some(e) = &*error { <p class="error" role="alert">{ e.clone() }</p> }
        </section>
    }
}
