//! One stage of the process: its name, what happens in it, and its rate.

use super::NumberField;
use crate::app::use_app;
use crate::form::FieldKey;
use crate::stage_info::{rate_meaning, STAGE_HELP};
use crate::state::{Action, Input};
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
    let name = state.form.stage_names[i].clone();
    let on_change = {
        let state = state.clone();
        Callback::from(move |text| state.dispatch(Action::Edit(Input::Rate(i), text)))
    };
    let error = state
        .errors
        .get(&FieldKey::Rate(i))
        .cloned()
        .map(AttrValue::from);
    let help_id = format!("stage-{i}-help");
    html! {
        <li class={classes!("stage", (i == 6).then_some("after-sale"))} aria-describedby={help_id.clone()}>
            <span class="stage-number" aria-hidden="true">{ i + 1 }</span>
            <div class="stage-text">
                <span class="stage-name">{ name.clone() }</span>
                <span class="stage-help" id={help_id}>{ STAGE_HELP[i] }</span>
            </div>
            <NumberField
                id={format!("rate-{i}")}
                class="stage-rate"
                label={format!("{name} conversion rate")}
                label_hidden=true
                value={state.form.rates[i].clone()}
                unit="%"
                inputmode="decimal"
                hint={rate_meaning(i).map(AttrValue::Static)}
                {error}
                {on_change}
            />
        </li>
    }
}
