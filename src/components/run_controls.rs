//! Lead volume, trials and seed, with Run, Cancel and the progress bar.

use super::{number_field, NumberFieldProps};
use crate::app::use_app;
use crate::state::{Action, RunStatus};
use crate::worker::clock::now_ms;
use charts::format;
use engine::Field;
use yew::prelude::*;

#[component]
pub fn RunControls() -> Html {
    let app = use_app();
    let state = &app.state;
    let edit = |field: Field| app.edit(field);
    let error = |field: Field| app.error(field);
    let on_run = app.run.reform(|_: MouseEvent| ());
    let on_cancel = app.cancel.reform(|_: MouseEvent| ());
    let (done, planned) = state
        .summary
        .as_ref()
        .map(|s| (s.trials_done, s.trials_planned))
        .unwrap_or((0, 0));
    let status = match &state.run {
        RunStatus::Idle => String::new(),
        RunStatus::Running { started_ms, .. } => {
            let elapsed = now_ms() - started_ms;
            // Time left from the pace so far, once there is a pace to go by.
            let left = (done > 0 && elapsed > 400.0)
                .then(|| elapsed / done as f64 * planned.saturating_sub(done) as f64 / 1000.0)
                .filter(|s| *s >= 1.0)
                .map(|s| format!(", about {} s left", s.ceil()))
                .unwrap_or_default();
            format!(
                "Running… {} of {} trials{left}",
                format::count(done as f64),
                format::count(planned.max(done) as f64)
            )
        }
        RunStatus::Finished { elapsed_ms } => format!(
            "Done: {} trials in {:.1} s",
            format::count(done as f64),
            elapsed_ms / 1000.0
        ),
        RunStatus::Cancelled => format!(
            "Cancelled after {} of {} trials",
            format::count(done as f64),
            format::count(planned as f64)
        ),
        RunStatus::Failed(message) => format!("The run failed: {message}"),
    };
    let blocked = !state.errors.is_empty();
    let on_name = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.dispatch(Action::Edit(Field::Name, input.value()));
        })
    };
    html! {
        <div class="run-controls">
            <div class={classes!("field", "name-field", state.errors.contains_key(&Field::Name).then_some("invalid"))}>
                <label for="scenario-name">{ "Scenario name" }</label>
                <input id="scenario-name" type="text" maxlength="200" autocomplete="off"
                    value={state.form.name.clone()} oninput={on_name} />
            </div>
            <div class="volume-fields">
                { number_field(NumberFieldProps {
                    id: "trials".into(),
                    label: "Trials".into(),
                    value: state.form.trials.clone().into(),
                    error: error(Field::Trials),
                    hint: Some("Simulated outcomes; more is smoother".into()),
                    on_change: edit(Field::Trials),
                    ..NumberFieldProps::default()
                }) }
                { number_field(NumberFieldProps {
                    id: "seed".into(),
                    label: "Seed".into(),
                    value: state.form.seed.clone().into(),
                    error: error(Field::Seed),
                    hint: Some("Same seed, same result".into()),
                    on_change: edit(Field::Seed),
                    ..NumberFieldProps::default()
                }) }
            </div>
            <div class="run-row">
                <button class="button primary" type="button" onclick={on_run} disabled={!state.can_run()}>
                    { "Run" }
                </button>
                <button class="button" type="button" onclick={on_cancel} disabled={!state.is_running()}>
                    { "Cancel" }
                </button>
                if blocked {
                    <p class="run-blocked">{ "Fix the highlighted fields to run." }</p>
                }
            </div>
            if !matches!(state.run, RunStatus::Idle) {
                <progress class={classes!("progress", (!state.is_running()).then_some("settled"))}
                    aria-label="Simulation progress"
                    max={planned.max(1).to_string()} value={done.to_string()} />
            }
            <p class="run-status" role="status" aria-live="polite">{ status }</p>
        </div>
    }
}
