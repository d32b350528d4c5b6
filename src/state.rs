//! The app state and its one pure reducer.
//!
//! Side effects (talking to the worker, saving) live in hooks and effects in
//! [`crate::app`]; `reduce` only computes the next state.

use crate::form::{FieldMessages, FormValues, LeadMode};
use crate::storage::library::Entry;
use engine::{ScenarioInput, Summary, SALES_STAGES, STAGE_COUNT};
use std::rc::Rc;
use yew::Reducible;

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

/// A message for the user that stays until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The stored draft could not be read. `kept_as` is where a copy was put;
    /// None means autosave is paused so the stored value is not overwritten.
    UnreadableDraft {
        reason: String,
        raw: Rc<str>,
        kept_as: Option<String>,
    },
    /// Saving failed; edits are kept in this tab only.
    SaveFailed(String),
    /// A saved scenario could not be used; `key` is where it is kept.
    UnusableEntry {
        key: String,
        reason: String,
        raw: Rc<str>,
    },
    /// The open scenario was saved in another tab (or a save found a newer
    /// one there); the user chooses what happens.
    Conflict(Rc<Entry>),
    /// Something the user did went wrong or needs a word (import results…).
    Message(String),
    /// A new build of the app is installed and waits to take over.
    UpdateReady,
    /// A simulation worker stopped answering and was replaced.
    WorkerRestarted,
}

/// What the library list shows of a saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryMeta {
    pub id: String,
    pub name: String,
    /// Milliseconds since the Unix epoch.
    pub modified: f64,
    pub revision: u64,
}

impl From<&Entry> for EntryMeta {
    fn from(e: &Entry) -> Self {
        EntryMeta {
            id: e.id.clone(),
            name: e.name.clone(),
            modified: e.modified,
            revision: e.revision,
        }
    }
}

/// The saved scenario the form is linked to.
#[derive(Clone, Debug, PartialEq)]
pub struct Current {
    pub id: String,
    /// The stored revision the form was loaded from or last saved as.
    pub revision: u64,
}

/// Everything the UI shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub form: FormValues,
    /// Problems with the form; Run is disabled while any exist.
    pub errors: FieldMessages,
    /// The form as a valid scenario, when it is valid.
    pub scenario: Option<ScenarioInput>,
    pub run: RunStatus,
    /// Latest results, partial while a run streams in.
    pub summary: Option<Rc<Summary>>,
    /// The form changed since the results on screen were computed.
    pub results_outdated: bool,
    pub notices: Vec<Notice>,
    /// False while an unreadable draft could not be copied aside.
    pub autosave: bool,
    /// ISO 4217 code of the currency money is shown in.
    pub currency: String,
    /// Saved scenarios, newest first.
    pub library: Vec<EntryMeta>,
    /// The saved scenario being edited, if any.
    pub current: Option<Current>,
    /// The last deleted scenario, for Undo.
    pub deleted: Option<Rc<Entry>>,
    /// The form holds a shared link's scenario: nothing is saved until the
    /// user saves a copy.
    pub shared: bool,
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
            run: RunStatus::Idle,
            summary: None,
            results_outdated: false,
            notices: Vec::new(),
            autosave: true,
            currency: "USD".to_owned(),
            library: Vec::new(),
            current: None,
            deleted: None,
            shared: false,
        }
    }

    /// Re-reads the form after a change.
    fn reparse(&mut self) {
        match self.form.parse() {
            Ok(scenario) => {
                self.errors.clear();
                self.results_outdated |= self.scenario.as_ref() != Some(&scenario);
                self.scenario = Some(scenario);
            }
            Err(errors) => {
                self.errors = errors;
                self.scenario = None;
                self.results_outdated = true;
            }
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.run, RunStatus::Running { .. })
    }

    /// Run restarts any run in flight, so it only needs a valid scenario.
    pub fn can_run(&self) -> bool {
        self.scenario.is_some()
    }

    fn running_id(&self) -> Option<u32> {
        match self.run {
            RunStatus::Running { run_id, .. } => Some(run_id),
            _ => None,
        }
    }
}

/// Which form input an edit is for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    Name,
    Leads,
    Horizon,
    Trials,
    Seed,
    Rate(usize),
    Days(usize),
    Evidence(usize),
    Pipeline(usize),
    ValueMedian,
    ValueP90,
    RepeatValue,
    Referrals,
    TargetRevenue,
    TargetWon,
}

/// Everything that can happen.
#[derive(Clone, Debug)]
pub enum Action {
    Edit(Input, String),
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
    /// The saved scenarios as read from storage.
    LibraryLoaded(Vec<EntryMeta>),
    /// Replace the form with a scenario; `from` links it to a saved entry.
    Open {
        scenario: Box<ScenarioInput>,
        from: Option<Current>,
        shared: bool,
    },
    /// A save went through.
    Saved(EntryMeta),
    /// A saved scenario changed (renamed) without touching the form's link.
    Listed(EntryMeta),
    /// A saved scenario was deleted (kept for Undo).
    Deleted(Rc<Entry>),
    /// Undo was used or dismissed.
    ClearUndo,
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
    Notify(Notice),
    Dismiss(usize),
    /// Autosave may overwrite the stored draft again (user acknowledged).
    ResumeAutosave,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(input, text) => {
                let f = &mut s.form;
                let slot = match input {
                    Input::Name => &mut f.name,
                    Input::Leads => &mut f.leads,
                    Input::Horizon => &mut f.horizon,
                    Input::Trials => &mut f.trials,
                    Input::Seed => &mut f.seed,
                    Input::Rate(i) if i < STAGE_COUNT => &mut f.rates[i],
                    Input::Days(i) if i < STAGE_COUNT => &mut f.days[i],
                    Input::Evidence(i) if i < STAGE_COUNT => &mut f.evidence[i],
                    Input::Pipeline(i) if i < SALES_STAGES => &mut f.pipeline[i],
                    Input::ValueMedian => &mut f.value_median,
                    Input::ValueP90 => &mut f.value_p90,
                    Input::RepeatValue => &mut f.repeat_value,
                    Input::Referrals => &mut f.referrals,
                    Input::TargetRevenue => &mut f.target_revenue,
                    Input::TargetWon => &mut f.target_won,
                    Input::Rate(_) | Input::Days(_) | Input::Evidence(_) | Input::Pipeline(_) => {
                        return self
                    }
                };
                *slot = text;
                s.reparse();
            }
            Action::SetLeadMode(mode) => {
                s.form.lead_mode = mode;
                s.reparse();
            }
            Action::SetValuesOn(on) => {
                s.form.values_on = on;
                s.reparse();
            }
            Action::ApplyHistory { stage, won, of } => {
                if !s.form.apply_history(stage, won, of) {
                    return self;
                }
                s.reparse();
            }
            Action::LibraryLoaded(entries) => {
                if s.library == entries {
                    return self;
                }
                s.library = entries;
            }
            Action::Open {
                scenario,
                from,
                shared,
            } => {
                s.form = FormValues::from_input(&scenario);
                s.scenario = None;
                s.reparse();
                s.current = from;
                s.shared = shared;
                s.notices.retain(|n| !matches!(n, Notice::Conflict(_)));
            }
            Action::Saved(meta) => {
                s.current = Some(Current {
                    id: meta.id.clone(),
                    revision: meta.revision,
                });
                s.shared = false;
                s.library.retain(|e| e.id != meta.id);
                s.library.insert(0, meta);
                s.notices.retain(|n| !matches!(n, Notice::Conflict(_)));
            }
            Action::Listed(meta) => {
                s.library.retain(|e| e.id != meta.id);
                s.library.insert(0, meta);
            }
            Action::Deleted(entry) => {
                s.library.retain(|e| e.id != entry.id);
                if s.current.as_ref().is_some_and(|c| c.id == entry.id) {
                    s.current = None;
                }
                s.deleted = Some(entry);
            }
            Action::ClearUndo => {
                if s.deleted.is_none() {
                    return self;
                }
                s.deleted = None;
            }
            Action::SetCurrency(code) => {
                if s.currency == code {
                    return self;
                }
                s.currency = code;
            }
            Action::RunStarted { run_id, now_ms } => {
                s.run = RunStatus::Running {
                    run_id,
                    started_ms: now_ms,
                };
                s.results_outdated = false;
            }
            Action::Progress { run_id, summary } => {
                if s.running_id() != Some(run_id) {
                    return self;
                }
                s.summary = Some(Rc::new(summary));
            }
            Action::Done {
                run_id,
                summary,
                now_ms,
            } => {
                let RunStatus::Running { started_ms, .. } = s.run else {
                    return self;
                };
                if s.running_id() != Some(run_id) {
                    return self;
                }
                s.summary = Some(Rc::new(summary));
                s.run = RunStatus::Finished {
                    elapsed_ms: now_ms - started_ms,
                };
            }
            Action::Failed { run_id, message } => {
                if s.running_id() != Some(run_id) {
                    return self;
                }
                s.run = RunStatus::Failed(message);
            }
            Action::Cancel => {
                if !s.is_running() {
                    return self;
                }
                s.run = RunStatus::Cancelled;
            }
            Action::Notify(notice) => {
                if s.notices.contains(&notice) {
                    return self;
                }
                if let Notice::UnreadableDraft { kept_as: None, .. } = notice {
                    s.autosave = false;
                }
                // A newer save failure replaces the older one.
                if matches!(notice, Notice::SaveFailed(_)) {
                    s.notices.retain(|n| !matches!(n, Notice::SaveFailed(_)));
                }
                s.notices.push(notice);
            }
            Action::Dismiss(index) => {
                if index < s.notices.len() {
                    s.notices.remove(index);
                }
            }
            Action::ResumeAutosave => {
                s.autosave = true;
                s.notices
                    .retain(|n| !matches!(n, Notice::UnreadableDraft { kept_as: None, .. }));
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FieldKey;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(&ScenarioInput::default()))
    }

    #[test]
    fn a_bad_edit_disables_run_and_a_fix_enables_it() {
        let s = state().reduce(Action::Edit(Input::Rate(1), "150".into()));
        assert!(!s.can_run());
        assert!(s.errors.contains_key(&FieldKey::Rate(1)));
        assert_eq!(s.form.rates[1], "150", "the typed text is kept");
        let s = s.reduce(Action::Edit(Input::Rate(1), "30".into()));
        assert!(s.can_run());
        assert_eq!(s.scenario.as_ref().map(|x| x.stages[1].rate), Some(0.3));
    }

    #[test]
    fn stale_run_messages_are_ignored_after_cancel() {
        let s = state().reduce(Action::RunStarted {
            run_id: 1,
            now_ms: 0.0,
        });
        assert!(s.is_running());
        let s = s.reduce(Action::Cancel);
        assert_eq!(s.run, RunStatus::Cancelled);
        let summary = {
            let mut sim = engine::Simulation::new(
                engine::Scenario::new(&ScenarioInput::default()).expect("valid"),
            );
            sim.step(10);
            sim.summary()
        };
        let after = s.clone().reduce(Action::Progress { run_id: 1, summary });
        assert!(Rc::ptr_eq(&after, &s));
    }

    #[test]
    fn unreadable_draft_without_a_copy_pauses_autosave() {
        let s = state().reduce(Action::Notify(Notice::UnreadableDraft {
            reason: "x".into(),
            raw: "x".into(),
            kept_as: None,
        }));
        assert!(!s.autosave);
        let s = s.reduce(Action::ResumeAutosave);
        assert!(s.autosave && s.notices.is_empty());
    }
}
