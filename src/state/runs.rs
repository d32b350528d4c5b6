//! The runs slice: where the run stands (`run`), its results (`summary`) and
//! whether the form changed since they were computed (`results_outdated`).
//! Reports carry their run's id; those of a run that is no longer current
//! change nothing.

use super::{AppState, Step};
use engine::Summary;
use std::rc::Rc;

/// Where the current run stands.
#[derive(Clone, Debug, PartialEq)]
pub enum RunStatus {
    /// No run yet in this visit.
    Idle,
    Running {
        run_id: u32,
        /// Milliseconds (page clock) when the run started.
        started_ms: f64,
    },
    /// Complete; `elapsed_ms` is the wall time the user waited.
    Finished {
        elapsed_ms: f64,
    },
    /// Stopped by the user; the partial results stay on screen.
    Cancelled,
    Failed(String),
}

impl RunStatus {
    /// The id of the run in flight, if any.
    fn running_id(&self) -> Option<u32> {
        match self {
            RunStatus::Running { run_id, .. } => Some(*run_id),
            _ => None,
        }
    }
}

pub(super) fn started(s: &mut AppState, run_id: u32, now_ms: f64) -> Step {
    s.run = RunStatus::Running {
        run_id,
        started_ms: now_ms,
    };
    s.results_outdated = false;
    Step::Changed
}

pub(super) fn progress(s: &mut AppState, run_id: u32, summary: Summary) -> Step {
    if s.run.running_id() != Some(run_id) {
        return Step::Same;
    }
    s.summary = Some(Rc::new(summary));
    Step::Changed
}

pub(super) fn done(s: &mut AppState, run_id: u32, summary: Summary, now_ms: f64) -> Step {
    let RunStatus::Running {
        run_id: current,
        started_ms,
    } = s.run
    else {
        return Step::Same;
    };
    if current != run_id {
        return Step::Same;
    }
    s.summary = Some(Rc::new(summary));
    s.run = RunStatus::Finished {
        elapsed_ms: now_ms - started_ms,
    };
    Step::Changed
}

pub(super) fn failed(s: &mut AppState, run_id: u32, message: String) -> Step {
    if s.run.running_id() != Some(run_id) {
        return Step::Same;
    }
    s.run = RunStatus::Failed(message);
    Step::Changed
}

pub(super) fn cancel(s: &mut AppState) -> Step {
    if !s.is_running() {
        return Step::Same;
    }
    s.run = RunStatus::Cancelled;
    Step::Changed
}
