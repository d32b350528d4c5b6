//! One stage of the process: its name, what happens in it, its rate (typed
//! or with a slider), and under "more" its duration, certainty, history and
//! open deals.

use super::{number_field, NumberFieldProps};
use crate::app::use_app;
use crate::history_text::k_of_n;
use crate::stage_info::{rate_meaning, STAGE_HELP};
use crate::state::Action;
use engine::{Field, SALES_STAGES};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StageRowProps {
    /// Position in the process, 0-based.
    pub index: usize,
}

#[component]
pub fn StageRow(props: &StageRowProps) -> Html {
    let app = use_app();
    let i = props.index;
    let state = &app.state;
    let form = &state.form;
    let name = form.stage_names[i].clone();
    let edit = |field: Field| app.edit(field);
    let error = |field: Field| app.error(field);
    let on_slide = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::Edit(Field::StageRate(i), input.value()));
        })
    };
    let history_won = use_state(String::new);
    let history_of = use_state(String::new);
    let history = (
        history_won.trim().parse::<u64>(),
        history_of.trim().parse::<u64>(),
    );
    let history_ok = matches!(history, (Ok(k), Ok(n)) if n > 0 && k <= n);
    let apply_history = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Ok(won), Ok(of)) = history {
                state.dispatch(Action::ApplyHistory { stage: i, won, of });
            }
        })
    };
    let text_input = |value: &UseStateHandle<String>| {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    let more_errors = [
        Field::StageDays(i),
        Field::StageEvidence(i),
        Field::Pipeline(i),
    ]
    .iter()
    .any(|k| state.errors.contains_key(k));
    let slider_value = form.rates[i]
        .trim()
        .parse::<f64>()
        .unwrap_or(0.0)
        .clamp(0.0, 100.0);
    let days = if form.days[i].trim().is_empty() {
        "0".to_owned()
    } else {
        form.days[i].clone()
    };
    let certainty = if form.evidence[i].trim().is_empty() {
        "exact rate".to_owned()
    } else {
        k_of_n(i, &form.rates[i], &form.evidence[i])
            .unwrap_or_else(|| format!("from {} deals", form.evidence[i]))
    };
    let open_deals = form.pipeline.get(i).map(|p| p.trim()).unwrap_or("");
    let open = if open_deals.is_empty() || open_deals == "0" {
        String::new()
    } else {
        format!(" · {open_deals} open")
    };
    let help_id = format!("stage-{i}-help");
    html! {
        <li class={classes!("stage", (i == 6).then_some("after-sale"))} aria-describedby={help_id.clone()}>
            <span class="stage-number" aria-hidden="true">{ i + 1 }</span>
            <div class="stage-text">
                <span class="stage-name">{ name.clone() }</span>
                <span class="stage-help" id={help_id}>{ STAGE_HELP[i] }</span>
            </div>
            { number_field(NumberFieldProps {
                id: format!("rate-{i}").into(),
                label: format!("{name} conversion rate").into(),
                value: form.rates[i].clone().into(),
                error: error(Field::StageRate(i)),
                unit: Some("%".into()),
                hint: rate_meaning(i).map(AttrValue::Static),
                inputmode: "decimal",
                class: classes!("stage-rate"),
                label_hidden: true,
                on_change: edit(Field::StageRate(i)),
            }) }
            <input class="rate-slider" type="range" min="0" max="100" step="0.5"
                aria-label={format!("{name} rate slider")}
                value={slider_value.to_string()} oninput={on_slide} />
            <details class="stage-more" open={more_errors}>
                <summary>{ format!("{days} days · {certainty}{open}") }</summary>
                <div class="more-grid">
                    { number_field(NumberFieldProps {
                        id: format!("days-{i}").into(),
                        label: format!("{name} days in stage").into(),
                        value: form.days[i].clone().into(),
                        error: error(Field::StageDays(i)),
                        unit: Some("days".into()),
                        hint: Some((if i == 6 { "Mean days from the win to the repeat purchase" } else { "Mean time a deal spends here" }).into()),
                        inputmode: "decimal",
                        on_change: edit(Field::StageDays(i)),
                        ..NumberFieldProps::default()
                    }) }
                    { number_field(NumberFieldProps {
                        id: format!("evidence-{i}").into(),
                        label: format!("{name} evidence").into(),
                        value: form.evidence[i].clone().into(),
                        error: error(Field::StageEvidence(i)),
                        unit: Some("deals".into()),
                        hint: Some("How many past deals back the rate; empty = exact".into()),
                        inputmode: "decimal",
                        on_change: edit(Field::StageEvidence(i)),
                        ..NumberFieldProps::default()
                    }) }
                    if i < SALES_STAGES {
                        { number_field(NumberFieldProps {
                            id: format!("pipeline-{i}").into(),
                            label: format!("{name} open deals").into(),
                            value: form.pipeline[i].clone().into(),
                            error: error(Field::Pipeline(i)),
                            unit: Some("deals".into()),
                            hint: Some("Deals in this stage today".into()),
                            on_change: edit(Field::Pipeline(i)),
                            ..NumberFieldProps::default()
                        }) }
                    }
                    <div class="history">
                        <span class="history-label">{ "From history" }</span>
                        <input type="text" inputmode="numeric" aria-label={format!("{name} history: deals won")}
                            placeholder="won" value={(*history_won).clone()} oninput={text_input(&history_won)} />
                        <span>{ "of" }</span>
                        <input type="text" inputmode="numeric" aria-label={format!("{name} history: out of")}
                            placeholder="deals" value={(*history_of).clone()} oninput={text_input(&history_of)} />
                        <button type="button" class="button small" disabled={!history_ok} onclick={apply_history}>
                            { "Use" }
                        </button>
                    </div>
                </div>
            </details>
        </li>
    }
}
