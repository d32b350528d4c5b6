//! Lead volume (a one-off cohort or a weekly flow, and how bursty it is),
//! the horizon, and the market swing shared by every stage.

use super::{number_field, NumberFieldProps};
use crate::app::use_app;
use crate::form::LeadMode;
use crate::state::Action;
use engine::Field;
use yew::prelude::*;

#[component]
pub fn LeadsSection() -> Html {
    let app = use_app();
    let state = &app.state;
    let form = &state.form;
    let edit = |field: Field| app.edit(field);
    let error = |field: Field| app.error(field);
    let mode = |m: LeadMode| {
        let state = state.clone();
        Callback::from(move |_: Event| state.dispatch(Action::SetLeadMode(m)))
    };
    let per_week = form.lead_mode == LeadMode::PerWeek;
    html! {
        <fieldset class="section">
            <legend>{ "Leads and horizon" }</legend>
            <div class="segmented" role="radiogroup" aria-label="Lead volume">
                <label>
                    <input type="radio" name="lead-mode" checked={!per_week} onchange={mode(LeadMode::Cohort)} />
                    { "One-off batch" }
                </label>
                <label>
                    <input type="radio" name="lead-mode" checked={per_week} onchange={mode(LeadMode::PerWeek)} />
                    { "Every week" }
                </label>
            </div>
            <div class="two-fields leads-fields">
                { number_field(NumberFieldProps {
                    id: "leads".into(),
                    label: (if per_week { "Leads entering Prospecting per week" } else { "Leads entering Prospecting" }).into(),
                    value: form.leads.clone().into(),
                    error: error(Field::Leads),
                    hint: Some((if per_week { "Average new leads each week" } else { "All at the start" }).into()),
                    inputmode: if per_week { "decimal" } else { "numeric" },
                    on_change: edit(Field::Leads),
                    ..NumberFieldProps::default()
                }) }
                { number_field(NumberFieldProps {
                    id: "horizon".into(),
                    label: "Horizon".into(),
                    value: form.horizon.clone().into(),
                    error: error(Field::Horizon),
                    unit: Some("weeks".into()),
                    hint: Some((if per_week { "Forecast window, e.g. 13 for a quarter" } else { "Empty: every deal runs to its end" }).into()),
                    on_change: edit(Field::Horizon),
                    ..NumberFieldProps::default()
                }) }
            </div>
            <div class="two-fields leads-fields">
                if per_week {
                    { number_field(NumberFieldProps {
                        id: "lead-dispersion".into(),
                        label: "Lead bursts (dispersion)".into(),
                        value: form.lead_dispersion.clone().into(),
                        error: error(Field::LeadDispersion),
                        hint: Some("Empty: weekly leads vary like a Poisson count. Lower numbers: burstier weeks (variance = mean + mean²/dispersion).".into()),
                        inputmode: "decimal",
                        on_change: edit(Field::LeadDispersion),
                        ..NumberFieldProps::default()
                    }) }
                }
                { number_field(NumberFieldProps {
                    id: "market-sd".into(),
                    label: "Market swings (sd)".into(),
                    value: form.market_sd.clone().into(),
                    error: error(Field::MarketSd),
                    hint: Some("How much a good or bad quarter moves every stage at once, on the log-odds scale: 0.15 means that one quarter in six every stage converts about 4 points worse.".into()),
                    inputmode: "decimal",
                    on_change: edit(Field::MarketSd),
                    ..NumberFieldProps::default()
                }) }
            </div>
        </fieldset>
    }
}
