//! The targets whose chance the forecast reports.

use super::{number_field, NumberFieldProps};
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
                    { number_field(NumberFieldProps {
                        id: "target-revenue".into(),
                        label: "Revenue target".into(),
                        value: form.target_revenue.clone().into(),
                        error: error(Field::TargetRevenue),
                        unit: Some(state.currency.clone().into()),
                        hint: Some("Empty: no revenue target".into()),
                        inputmode: "decimal",
                        on_change: edit(Field::TargetRevenue),
                        ..NumberFieldProps::default()
                    }) }
                }
                { number_field(NumberFieldProps {
                    id: "target-won".into(),
                    label: "Won deals target".into(),
                    value: form.target_won.clone().into(),
                    error: error(Field::TargetWon),
                    unit: Some("deals".into()),
                    hint: Some("Empty: no target".into()),
                    on_change: edit(Field::TargetWon),
                    ..NumberFieldProps::default()
                }) }
            </div>
        </fieldset>
    }
}
