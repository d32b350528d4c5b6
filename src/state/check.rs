//! The forecast-check slice ("How good is this forecast?"): the history kept
//! for the session (`history`: the imported file, by its `blob:` URL, and how
//! it was fitted) and the backtest on it (`check`). Asking without a kept
//! history waits for the next one the user keeps ("Use these numbers").
//! Reports carry their check's id; those of a check that is no longer
//! current change nothing.

use super::{AppState, Step};
use engine::backtest::Backtest;
use engine::history::FitOptions;
use std::rc::Rc;

/// The history the last "Use these numbers" kept for this session.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptHistory {
    /// The file's name, as the user knows it.
    pub file: String,
    /// A `blob:` URL of the file, alive while it is kept (the helper worker
    /// reads it; the file's bytes never cross the message channel).
    pub url: String,
    /// The stage map, date order and window the fit was made with.
    pub options: FitOptions,
}

/// Where the check stands.
#[derive(Clone, Debug, PartialEq)]
pub enum CheckStatus {
    /// Not asked for in this visit.
    Idle,
    /// Asked for with no history kept: runs once one is.
    Waiting,
    /// Running on the helper worker; `progress` from 0 to 1.
    Running {
        id: u32,
        progress: f64,
    },
    Done(Rc<Backtest>),
    /// Stopped by the user.
    Stopped,
    Failed(String),
}

impl CheckStatus {
    /// The id of the check in flight, if any.
    pub fn running_id(&self) -> Option<u32> {
        match self {
            CheckStatus::Running { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// Starts a check on the kept history under a new id.
fn start(s: &mut AppState) {
    s.check_id = s.check_id.wrapping_add(1);
    s.check = CheckStatus::Running {
        id: s.check_id,
        progress: 0.0,
    };
}

/// "How good is this forecast?": runs on the kept history, or waits for one.
pub(super) fn ask(s: &mut AppState) -> Step {
    if s.history.is_some() {
        start(s);
    } else {
        s.check = CheckStatus::Waiting;
    }
    Step::Changed
}

/// "Use these numbers" keeps the history; a check waiting for one starts.
pub(super) fn keep_history(s: &mut AppState, history: KeptHistory) -> Step {
    s.history = Some(Rc::new(history));
    if s.check == CheckStatus::Waiting {
        start(s);
    }
    Step::Changed
}

pub(super) fn progress(s: &mut AppState, id: u32, progress: f64) -> Step {
    if s.check.running_id() != Some(id) {
        return Step::Same;
    }
    s.check = CheckStatus::Running { id, progress };
    Step::Changed
}

pub(super) fn finished(s: &mut AppState, id: u32, outcome: Result<Rc<Backtest>, String>) -> Step {
    if s.check.running_id() != Some(id) {
        return Step::Same;
    }
    s.check = match outcome {
        Ok(backtest) => CheckStatus::Done(backtest),
        Err(message) => CheckStatus::Failed(message),
    };
    Step::Changed
}

/// Stop: the check in flight (or the wait for a history) ends.
pub(super) fn stop(s: &mut AppState) -> Step {
    if !matches!(s.check, CheckStatus::Running { .. } | CheckStatus::Waiting) {
        return Step::Same;
    }
    s.check = CheckStatus::Stopped;
    Step::Changed
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
