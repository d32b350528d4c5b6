//! The library slice: the saved scenarios (`library`), which one the form is
//! linked to (`current`, `shared`) and the last deleted one (`deleted`).
//! Opening a scenario loads it into the form; opening or saving settles any
//! conflict notice.

use super::{form, notices, AppState, Step};
use crate::storage::library::Entry;
use engine::ScenarioInput;
use std::rc::Rc;

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

pub(super) fn loaded(s: &mut AppState, entries: Vec<EntryMeta>) -> Step {
    if s.library == entries {
        return Step::Same;
    }
    s.library = entries;
    Step::Changed
}

pub(super) fn open(
    s: &mut AppState,
    scenario: &ScenarioInput,
    from: Option<Current>,
    shared: bool,
) -> Step {
    form::load(s, scenario);
    s.current = from;
    s.shared = shared;
    // Whatever opens, the user is past the welcome.
    s.welcome = false;
    notices::drop_conflicts(s);
    Step::Changed
}

/// Keeps the form as it is (its results too: no edit, no re-run).
pub(super) fn leave_welcome(s: &mut AppState) -> Step {
    if !std::mem::replace(&mut s.welcome, false) {
        return Step::Same;
    }
    Step::Changed
}

pub(super) fn saved(s: &mut AppState, meta: EntryMeta) -> Step {
    s.current = Some(Current {
        id: meta.id.clone(),
        revision: meta.revision,
    });
    s.shared = false;
    to_top(s, meta);
    notices::drop_conflicts(s);
    Step::Changed
}

pub(super) fn listed(s: &mut AppState, meta: EntryMeta) -> Step {
    to_top(s, meta);
    Step::Changed
}

pub(super) fn deleted(s: &mut AppState, entry: Rc<Entry>) -> Step {
    s.library.retain(|e| e.id != entry.id);
    if s.current.as_ref().is_some_and(|c| c.id == entry.id) {
        s.current = None;
    }
    s.deleted = Some(entry);
    Step::Changed
}

pub(super) fn clear_undo(s: &mut AppState) -> Step {
    if s.deleted.take().is_none() {
        return Step::Same;
    }
    Step::Changed
}

/// The list is newest first: a changed entry moves to the top.
fn to_top(s: &mut AppState, meta: EntryMeta) {
    s.library.retain(|e| e.id != meta.id);
    s.library.insert(0, meta);
}
