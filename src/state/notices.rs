//! The notices slice: messages that stay until the user dismisses them
//! (`notices`), and whether autosave may write (`autosave`), which an
//! unreadable draft that could not be copied aside pauses.

use super::{AppState, Step};
use crate::storage::library::Entry;
use std::rc::Rc;

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

pub(super) fn notify(s: &mut AppState, notice: Notice) -> Step {
    if s.notices.contains(&notice) {
        return Step::Same;
    }
    if let Notice::UnreadableDraft { kept_as: None, .. } = notice {
        s.autosave = false;
    }
    // A newer save failure replaces the older one.
    if matches!(notice, Notice::SaveFailed(_)) {
        s.notices.retain(|n| !matches!(n, Notice::SaveFailed(_)));
    }
    s.notices.push(notice);
    Step::Changed
}

pub(super) fn dismiss(s: &mut AppState, index: usize) -> Step {
    if index < s.notices.len() {
        s.notices.remove(index);
    }
    Step::Changed
}

pub(super) fn resume_autosave(s: &mut AppState) -> Step {
    s.autosave = true;
    s.notices
        .retain(|n| !matches!(n, Notice::UnreadableDraft { kept_as: None, .. }));
    Step::Changed
}

/// A conflict is settled once the user opened or saved a scenario.
pub(super) fn drop_conflicts(s: &mut AppState) {
    s.notices.retain(|n| !matches!(n, Notice::Conflict(_)));
}
