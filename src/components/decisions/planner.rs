//! "What would it take?": the target to plan for, the three questions (leads,
//! a stage's rate, open pipeline) and the last answer. The target starts as
//! the scenario's own (revenue when it has one and values are on, else won
//! deals) and follows it until the user picks a kind or types a value.

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
    // The user's own choices; None follows the scenario.
    let kind_choice = use_state(|| None::<String>);
    let typed = use_state(|| None::<String>);
    let confidence = use_state(|| 0.85f64);
    let stage = use_state(|| 1usize);
    let values_on = state.form.values_on;
    let target = state.scenario.as_ref().and_then(|s| s.target);
    let scenario_kind = match target {
        Some(t) if values_on && t.revenue.is_some() => "revenue",
        Some(t) if t.won.is_some() => "won",
        _ if values_on => "revenue",
        _ => "won",
    };
    let by_revenue = kind_choice.as_deref().unwrap_or(scenario_kind) == "revenue" && values_on;
    let default_target = target.and_then(|t| if by_revenue { t.revenue } else { t.won });
    // The box shows the scenario's target until the user types their own.
    let target_text = (*typed)
        .clone()
        .unwrap_or_else(|| default_target.map(format::count).unwrap_or_default());
    let goal = target_text
        .trim()
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .map(|t| {
            if by_revenue {
                Goal::Revenue(t)
            } else {
                Goal::Won(t.round().max(0.0) as u64)
            }
        });
    let c = *confidence;
    let kind_pick = {
        let kind_choice = kind_choice.clone();
        Callback::from(move |e: Event| kind_choice.set(Some(picked(e))))
    };
    let target_input = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()))
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
                        if values_on { <option value="revenue" selected={by_revenue}>{ "Revenue" }</option> }
                        <option value="won" selected={!by_revenue}>{ "Won deals" }</option>
                    </select>
                </label>
                <label>{ "of" }
                    <input type="text" inputmode="decimal" aria-label="Target to reach"
                        value={target_text} oninput={target_input} />
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
