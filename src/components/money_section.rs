//! Deal values in the user's currency, and what happens after a sale.

use super::NumberField;
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
                    <NumberField id="value-median" label="Median deal value" value={form.value_median.clone()}
                        unit={state.currency.clone()} inputmode="decimal" hint="Half of won deals are worth less"
                        error={error(Field::DealValueMedian)} on_change={edit(Field::DealValueMedian)} />
                    <NumberField id="value-p90" label="90th percentile deal value" value={form.value_p90.clone()}
                        unit={state.currency.clone()} inputmode="decimal" hint="One won deal in ten is worth more"
                        error={error(Field::DealValueP90)} on_change={edit(Field::DealValueP90)} />
                </div>
            }
            <div class="two-fields">
                <NumberField id="repeat-value" label="Repeat purchase value" value={form.repeat_value.clone()}
                    unit="× deal" inputmode="decimal" hint="A repeat purchase is worth this × a deal"
                    error={error(Field::RepeatValue)} on_change={edit(Field::RepeatValue)} />
                <NumberField id="referrals" label="Referrals per customer" value={form.referrals.clone()}
                    unit="leads" inputmode="decimal" hint="New leads each won customer brings"
                    error={error(Field::Referrals)} on_change={edit(Field::Referrals)} />
            </div>
        </fieldset>
    }
}
