//! Lead volume, trials and seed, with Run, Cancel and the progress bar.

use super::NumberField;
use crate::app::use_app;
use crate::form::FieldKey;
use crate::state::{Action, Input, RunStatus};
use charts::format;
use yew::prelude::*;

#[component]
pub fn RunControls() -> Html {
    let app = use_app();
    let state = &app.state;
    let edit = |input: Input| {
        let state = state.clone();
        Callback::from(move |text| state.dispatch(Action::Edit(input, text)))
    };
    let error = |key: FieldKey| state.errors.get(&key).cloned().map(AttrValue::from);
    let on_run = app.run.reform(|_: MouseEvent| ());
    let on_cancel = app.cancel.reform(|_: MouseEvent| ());
    let (done, planned) = state
        .summary
        .as_ref()
        .map(|s| (s.trials_done, s.trials_planned))
        .unwrap_or((0, 0));
    let status = match &state.run {
        RunStatus::Idle => String::new(),
        RunStatus::Running { .. } => format!(
            "Running… {} of {} trials",
            format::count(done as f64),
            format::count(planned.max(done) as f64)
        ),
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
    html! {
        <div class="run-controls">
            <div class="volume-fields">
                <NumberField id="leads" label="Leads entering Prospecting" value={state.form.leads.clone()}
                    error={error(FieldKey::Leads)} on_change={edit(Input::Leads)}
                    hint="New leads at the top of the funnel" />
                <NumberField id="trials" label="Trials" value={state.form.trials.clone()}
                    error={error(FieldKey::Trials)} on_change={edit(Input::Trials)}
                    hint="Simulated outcomes; more is smoother" />
                <NumberField id="seed" label="Seed" value={state.form.seed.clone()}
                    error={error(FieldKey::Seed)} on_change={edit(Input::Seed)}
                    hint="Same seed, same result" />
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
            if state.is_running() {
                <progress class="progress" aria-label="Simulation progress"
                    max={planned.max(1).to_string()} value={done.to_string()} />
            }
            <p class="run-status" role="status" aria-live="polite">{ status }</p>
        </div>
    }
}
