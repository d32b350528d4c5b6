//! The app state and its pure reducer, split by slice.
//!
//! One [`Action`] enum names everything that can happen; [`AppState::reduce`]
//! hands each action to the reducer of the slice it belongs to:
//! [`form`] (the typed scenario and the currency), [`library`] (saved
//! scenarios and which one is open), [`runs`] (the run and its results) and
//! [`notices`] (messages that wait for the user) and [`check`] (the history
//! kept for the session and the backtest on it). Side effects (talking to
//! the worker, saving) live in hooks and effects in [`crate::app`]; the
//! reducers only compute the next state.

mod check;
mod form;
mod library;
mod mystery;
mod notices;
mod runs;
#[cfg(test)]
mod tests;

pub use check::{CheckStatus, KeptHistory};
pub use library::{Current, EntryMeta};
pub use mystery::Mystery;
pub use notices::Notice;
pub use runs::RunStatus;

use crate::form::{FieldMessages, FormValues, LeadMode};
use crate::storage::library::Entry;
use engine::{Field, ScenarioInput, Summary};
use std::rc::Rc;
use yew::Reducible;

/// Everything the UI shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    // The form slice.
    pub form: FormValues,
    /// Problems with the form; Run is disabled while any exist.
    pub errors: FieldMessages,
    /// The form as a valid scenario, when it is valid.
    pub scenario: Option<ScenarioInput>,
    /// ISO 4217 code of the currency money is shown in.
    pub currency: String,
    // The runs slice.
    pub run: RunStatus,
    /// Latest results, partial while a run streams in.
    pub summary: Option<Rc<Summary>>,
    /// The form changed since the results on screen were computed.
    pub results_outdated: bool,
    // The notices slice.
    pub notices: Vec<Notice>,
    /// False while an unreadable draft could not be copied aside.
    pub autosave: bool,
    // The library slice.
    /// Saved scenarios, newest first.
    pub library: Vec<EntryMeta>,
    /// The saved scenario being edited, if any.
    pub current: Option<Current>,
    /// The last deleted scenario, for Undo.
    pub deleted: Option<Rc<Entry>>,
    /// The form holds a shared link's scenario: nothing is saved until the
    /// user saves a copy.
    pub shared: bool,
    /// A first visit (no draft, no saved scenario, no share link): the
    /// welcome shows instead of the workspace until a way in is chosen.
    pub welcome: bool,
    // The check slice.
    /// The history the last "Use these numbers" kept for this session.
    pub history: Option<Rc<KeptHistory>>,
    /// "How good is this forecast?": the backtest on `history`.
    pub check: CheckStatus,
    /// The id of the latest check started (reports of others are dropped).
    pub check_id: u32,
    // The mystery slice.
    /// Mystery mode: the forecast hidden until Reveal (not saved).
    pub mystery: Mystery,
}

impl AppState {
    /// The state showing `input` in the form.
    pub fn new(input: &ScenarioInput) -> Self {
        let form = FormValues::from_input(input);
        let (scenario, errors) = match form.parse() {
            Ok(s) => (Some(s), FieldMessages::new()),
            Err(e) => (None, e),
        };
        AppState {
            form,
            errors,
            scenario,
            currency: "USD".to_owned(),
            run: RunStatus::Idle,
            summary: None,
            results_outdated: false,
            notices: Vec::new(),
            autosave: true,
            library: Vec::new(),
            current: None,
            deleted: None,
            shared: false,
            welcome: false,
            history: None,
            check: CheckStatus::Idle,
            check_id: 0,
            mystery: Mystery::Off,
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.run, RunStatus::Running { .. })
    }

    /// Run restarts any run in flight, so it only needs a valid scenario.
    pub fn can_run(&self) -> bool {
        self.scenario.is_some()
    }
}

/// Everything that can happen, grouped by the slice that handles it.
#[derive(Clone, Debug)]
pub enum Action {
    // The form.
    /// New text typed into the form's input for this field.
    Edit(Field, String),
    SetLeadMode(LeadMode),
    /// Deal values (and revenue) on or off.
    SetValuesOn(bool),
    /// "k won of n" history for a stage: sets its rate and evidence.
    ApplyHistory {
        stage: usize,
        won: u64,
        of: u64,
    },
    /// The currency money is shown in (ISO 4217 code).
    SetCurrency(String),
    // The library.
    /// The saved scenarios as read from storage.
    LibraryLoaded(Vec<EntryMeta>),
    /// Replace the form with a scenario; `from` links it to a saved entry.
    Open {
        scenario: Box<ScenarioInput>,
        from: Option<Current>,
        shared: bool,
    },
    /// "Start blank" on the welcome: the draft shown is the one to edit.
    LeaveWelcome,
    /// A save went through.
    Saved(EntryMeta),
    /// A saved scenario changed (renamed) without touching the form's link.
    Listed(EntryMeta),
    /// A saved scenario was deleted (kept for Undo).
    Deleted(Rc<Entry>),
    /// Undo was used or dismissed.
    ClearUndo,
    // Runs.
    /// A run with this id was sent to the worker.
    RunStarted {
        run_id: u32,
        now_ms: f64,
    },
    Progress {
        run_id: u32,
        summary: Summary,
    },
    Done {
        run_id: u32,
        summary: Summary,
        now_ms: f64,
    },
    Failed {
        run_id: u32,
        message: String,
    },
    Cancel,
    // Notices.
    Notify(Notice),
    Dismiss(usize),
    /// Autosave may overwrite the stored draft again (user acknowledged).
    ResumeAutosave,
    // The check.
    /// "Use these numbers": keep the imported history for the session.
    KeepHistory(KeptHistory),
    /// "How good is this forecast?".
    CheckForecast,
    CheckProgress {
        id: u32,
        progress: f64,
    },
    CheckFinished {
        id: u32,
        outcome: Result<Rc<engine::backtest::Backtest>, String>,
    },
    /// Stop the check (or stop waiting for a history).
    StopCheck,
    // Mystery mode.
    /// Mystery mode on (the forecast hidden until Reveal) or off.
    SetMystery(bool),
    /// Show the hidden forecast.
    Reveal,
}

/// What a slice reducer did. `Same` hands back the previous state itself, so
/// nothing re-renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Changed,
    Same,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let step = match action {
            Action::Edit(field, text) => form::edit(&mut s, field, text),
            Action::SetLeadMode(mode) => form::set_lead_mode(&mut s, mode),
            Action::SetValuesOn(on) => form::set_values_on(&mut s, on),
            Action::ApplyHistory { stage, won, of } => form::apply_history(&mut s, stage, won, of),
            Action::SetCurrency(code) => form::set_currency(&mut s, code),
            Action::LibraryLoaded(entries) => library::loaded(&mut s, entries),
            Action::Open {
                scenario,
                from,
                shared,
            } => library::open(&mut s, &scenario, from, shared),
            Action::LeaveWelcome => library::leave_welcome(&mut s),
            Action::Saved(meta) => library::saved(&mut s, meta),
            Action::Listed(meta) => library::listed(&mut s, meta),
            Action::Deleted(entry) => library::deleted(&mut s, entry),
            Action::ClearUndo => library::clear_undo(&mut s),
            Action::RunStarted { run_id, now_ms } => runs::started(&mut s, run_id, now_ms),
            Action::Progress { run_id, summary } => runs::progress(&mut s, run_id, summary),
            Action::Done {
                run_id,
                summary,
                now_ms,
            } => runs::done(&mut s, run_id, summary, now_ms),
            Action::Failed { run_id, message } => runs::failed(&mut s, run_id, message),
            Action::Cancel => runs::cancel(&mut s),
            Action::Notify(notice) => notices::notify(&mut s, notice),
            Action::Dismiss(index) => notices::dismiss(&mut s, index),
            Action::ResumeAutosave => notices::resume_autosave(&mut s),
            Action::KeepHistory(history) => check::keep_history(&mut s, history),
            Action::CheckForecast => check::ask(&mut s),
            Action::CheckProgress { id, progress } => check::progress(&mut s, id, progress),
            Action::CheckFinished { id, outcome } => check::finished(&mut s, id, outcome),
            Action::StopCheck => check::stop(&mut s),
            Action::SetMystery(on) => mystery::set(&mut s, on),
            Action::Reveal => mystery::reveal(&mut s),
        };
        mystery::follow(&self, &mut s);
        match step {
            Step::Changed => Rc::new(s),
            Step::Same => self,
        }
    }
}
