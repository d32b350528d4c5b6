//! "What would it take?": the target to plan for, the three questions (leads,
//! a stage's rate, open pipeline) and the last answer.

use crate::app::use_app;
use crate::decisions_text::plan_answer;
use crate::form::LeadMode;
use crate::money::money;
use charts::format;
use engine::decisions::{Goal, Plan, Question};
use engine::SALES_STAGES;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// A plan with the question it answers and the words it was asked with.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub label: String,
    pub question: Question,
    pub plan: Plan,
}

#[derive(Properties, PartialEq)]
pub struct PlannerProps {
    /// The last plan answered, if any.
    pub answer: Option<Rc<Asked>>,
    /// A question is in flight (the buttons wait).
    pub busy: bool,
    /// The question in flight is a plan.
    pub searching: bool,
    /// Asks a question, with the label its answer is shown under.
    pub on_ask: Callback<(Question, String)>,
}

/// A select's new value, from its change event.
fn picked(e: Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
pub fn Planner(props: &PlannerProps) -> Html {
    let app = use_app();
    let state = &app.state;
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
    let by_revenue = *target_kind == "revenue" && state.form.values_on;
    let default_target = state
        .scenario
        .as_ref()
        .and_then(|s| s.target)
        .and_then(|t| if by_revenue { t.revenue } else { t.won });
    let goal = target_text
        .trim()
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .or(default_target)
        .map(|t| {
            if by_revenue {
                Goal::Revenue(t)
            } else {
                Goal::Won(t.round().max(0.0) as u64)
            }
        });
    let c = *confidence;
    let kind_pick = {
        let target_kind = target_kind.clone();
        Callback::from(move |e: Event| target_kind.set(picked(e)))
    };
    let target_input = {
        let target_text = target_text.clone();
        Callback::from(move |e: InputEvent| {
            target_text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let confidence_pick = {
        let confidence = confidence.clone();
        Callback::from(move |e: Event| confidence.set(picked(e).parse().unwrap_or(0.85)))
    };
    let stage_pick = {
        let stage = stage.clone();
        Callback::from(move |e: Event| stage.set(picked(e).parse().unwrap_or(1)))
    };
    let ask = |question: Question, label: String| {
        props
            .on_ask
            .reform(move |_: MouseEvent| (question.clone(), label.clone()))
    };
    let per_week = matches!(state.form.lead_mode, LeadMode::PerWeek);
    let leads_label = if per_week {
        "Leads needed per week"
    } else {
        "Leads needed"
    };
    let stage_name = state
        .form
        .stage_names
        .get(*stage)
        .cloned()
        .unwrap_or_default();
    let answer = props.answer.as_ref().map(|a| {
        let currency = &state.currency;
        let text = plan_answer(
            &a.label,
            &a.question,
            &a.plan,
            state.scenario.as_ref(),
            &|x| money(x, currency),
        );
        html! { <p class="verdict" data-testid="plan-answer">{ text }</p> }
    });
    let busy = props.busy;

    html! {
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
                        onclick={ask(Question::Leads { goal, confidence: c }, leads_label.to_owned())}>
                        { leads_label }
                    </button>
                    <span class="rate-plan">
                        <button type="button" class="button small" disabled={busy}
                            onclick={ask(Question::StageRate { stage: *stage, goal, confidence: c }, format!("Rate needed in {stage_name}"))}>
                            { "Rate needed in" }
                        </button>
                        <select aria-label="Stage to plan" onchange={stage_pick}>
                            { for (0..SALES_STAGES).map(|i| html! { <option value={i.to_string()} selected={i == *stage}>{ state.form.stage_names[i].clone() }</option> }) }
                        </select>
                    </span>
                    <button type="button" class="button small" disabled={busy}
                        onclick={ask(Question::Pipeline { goal, confidence: c }, "Pipeline needed".to_owned())}>
                        { "Open pipeline needed" }
                    </button>
                </div>
            } else {
                <p class="hint-text">{ "Enter a target to plan for." }</p>
            }
            if props.searching { <p class="hint-text">{ "Searching…" }</p> }
            { answer.unwrap_or_default() }
        </div>
    }
}
