//! The targets whose chance the forecast reports.

use super::NumberField;
use crate::app::use_app;
use engine::Field;
use yew::prelude::*;

#[component]
pub fn TargetsSection() -> Html {
    let app = use_app();
    let state = &app.state;
    let form = &state.form;
    let edit = |field: Field| app.edit(field);
    let error = |field: Field| app.error(field);
    html! {
        <fieldset class="section">
            <legend>{ "Targets" }</legend>
            <div class="two-fields">
                if form.values_on {
                    <NumberField id="target-revenue" label="Revenue target" value={form.target_revenue.clone()}
                        unit={state.currency.clone()} inputmode="decimal" hint="Empty: no revenue target"
                        error={error(Field::TargetRevenue)} on_change={edit(Field::TargetRevenue)} />
                }
                <NumberField id="target-won" label="Won deals target" value={form.target_won.clone()}
                    unit="deals" hint="Empty: no target"
                    error={error(Field::TargetWon)} on_change={edit(Field::TargetWon)} />
            </div>
        </fieldset>
    }
}
