//! The targets whose chance the forecast reports.

use super::NumberField;
use crate::app::use_app;
use crate::form::FieldKey;
use crate::state::Input;
use yew::prelude::*;

#[component]
pub fn TargetsSection() -> Html {
    let app = use_app();
    let state = &app.state;
    let form = &state.form;
    let edit = |input: Input| app.edit(input);
    let error = |key: FieldKey| app.error(key);
    html! {
        <fieldset class="section">
            <legend>{ "Targets" }</legend>
            <div class="two-fields">
                if form.values_on {
                    <NumberField id="target-revenue" label="Revenue target" value={form.target_revenue.clone()}
                        unit={state.currency.clone()} inputmode="decimal" hint="Empty: no revenue target"
                        error={error(FieldKey::TargetRevenue)} on_change={edit(Input::TargetRevenue)} />
                }
                <NumberField id="target-won" label="Won deals target" value={form.target_won.clone()}
                    unit="deals" hint="Empty: no target"
                    error={error(FieldKey::TargetWon)} on_change={edit(Input::TargetWon)} />
            </div>
        </fieldset>
    }
}
