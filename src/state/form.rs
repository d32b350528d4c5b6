//! The form slice: the typed scenario (`form`, `errors`, `scenario`) and the
//! currency money is shown in. Every change re-reads the form; a change to
//! the scenario marks the results on screen as outdated.

use super::{AppState, Step};
use crate::form::{FormValues, LeadMode};
use engine::{Field, ScenarioInput};

/// New text for one input; an input the form does not have changes nothing.
pub(super) fn edit(s: &mut AppState, field: Field, text: String) -> Step {
    let Some(slot) = s.form.text_mut(field) else {
        return Step::Same;
    };
    *slot = text;
    reparse(s)
}

pub(super) fn set_lead_mode(s: &mut AppState, mode: LeadMode) -> Step {
    s.form.lead_mode = mode;
    reparse(s)
}

pub(super) fn set_values_on(s: &mut AppState, on: bool) -> Step {
    s.form.values_on = on;
    reparse(s)
}

pub(super) fn apply_history(s: &mut AppState, stage: usize, won: u64, of: u64) -> Step {
    if !s.form.apply_history(stage, won, of) {
        return Step::Same;
    }
    reparse(s)
}

pub(super) fn set_currency(s: &mut AppState, code: String) -> Step {
    if s.currency == code {
        return Step::Same;
    }
    s.currency = code;
    Step::Changed
}

/// Shows another scenario in the form; results on screen are outdated then.
pub(super) fn load(s: &mut AppState, input: &ScenarioInput) {
    s.form = FormValues::from_input(input);
    s.scenario = None;
    reparse(s);
}

/// Re-reads the form after a change.
fn reparse(s: &mut AppState) -> Step {
    match s.form.parse() {
        Ok(scenario) => {
            s.errors.clear();
            s.results_outdated |= s.scenario.as_ref() != Some(&scenario);
            s.scenario = Some(scenario);
        }
        Err(errors) => {
            s.errors = errors;
            s.scenario = None;
            s.results_outdated = true;
        }
    }
    Step::Changed
}
