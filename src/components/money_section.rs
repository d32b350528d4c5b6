//! Deal values in the user's currency, and what happens after a sale.

use super::{number_field, NumberFieldProps};
use crate::app::use_app;
use crate::money::CURRENCIES;
use crate::state::Action;
use engine::Field;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[component]
pub fn MoneySection() -> Html {
    let app = use_app();
    let state = &app.state;
    let form = &state.form;
    let edit = |field: Field| app.edit(field);
    let error = |field: Field| app.error(field);
    let toggle = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::SetValuesOn(input.checked()));
        })
    };
    let currency = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            state.dispatch(Action::SetCurrency(select.value()));
        })
    };
    html! {
        <fieldset class="section">
            <legend>{ "Deal value and follow-up" }</legend>
            <label class="check">
                <input type="checkbox" checked={form.values_on} onchange={toggle} />
                { "Forecast revenue" }
            </label>
            if form.values_on {
                <div class="field currency-field">
                    <label for="currency">{ "Currency" }</label>
                    <select id="currency" onchange={currency}>
                        { for CURRENCIES.iter().map(|(code, name)| html! {
                            <option value={*code} selected={state.currency == *code}>{ format!("{code} — {name}") }</option>
                        }) }
                    </select>
                </div>
                <div class="two-fields">
                    { number_field(NumberFieldProps {
                        id: "value-median".into(),
                        label: "Median deal value".into(),
                        value: form.value_median.clone().into(),
                        error: error(Field::DealValueMedian),
                        unit: Some(state.currency.clone().into()),
                        hint: Some("Half of won deals are worth less".into()),
                        inputmode: "decimal",
                        on_change: edit(Field::DealValueMedian),
                        ..NumberFieldProps::default()
                    }) }
                    { number_field(NumberFieldProps {
                        id: "value-p90".into(),
                        label: "90th percentile deal value".into(),
                        value: form.value_p90.clone().into(),
                        error: error(Field::DealValueP90),
                        unit: Some(state.currency.clone().into()),
                        hint: Some("One won deal in ten is worth more".into()),
                        inputmode: "decimal",
                        on_change: edit(Field::DealValueP90),
                        ..NumberFieldProps::default()
                    }) }
                </div>
            }
            <div class="two-fields">
                { number_field(NumberFieldProps {
                    id: "repeat-value".into(),
                    label: "Repeat purchase value".into(),
                    value: form.repeat_value.clone().into(),
                    error: error(Field::RepeatValue),
                    unit: Some("× deal".into()),
                    hint: Some("A repeat purchase is worth this × a deal".into()),
                    inputmode: "decimal",
                    on_change: edit(Field::RepeatValue),
                    ..NumberFieldProps::default()
                }) }
                { number_field(NumberFieldProps {
                    id: "referrals".into(),
                    label: "Referrals per customer".into(),
                    value: form.referrals.clone().into(),
                    error: error(Field::Referrals),
                    unit: Some("leads".into()),
                    hint: Some("New leads each won customer brings".into()),
                    inputmode: "decimal",
                    on_change: edit(Field::Referrals),
                    ..NumberFieldProps::default()
                }) }
            </div>
        </fieldset>
    }
}
