//! The library and the app's other saved data, as the UI uses them. With
//! the app's hooks, the only code that touches storage.
//!
//! [`decisions`] decides over the storage port (tested natively against a
//! `MemoryStore`); the functions here bind it to the browser's localStorage,
//! clock and randomness; `actions` runs the library's buttons and reports
//! the outcome to the state.

mod actions;
mod decisions;
#[cfg(test)]
mod tests;

pub use actions::{
    delete, duplicate, export_backup, export_current, export_library, import, open, open_unsaved,
    reload, rename, save, share_fragment, undo_delete,
};
pub use decisions::{import_refused, ImportReport, OpError, Ops, SaveMode};

use crate::storage::library::{self, Entry};
use crate::storage::{self, DraftLoad, LocalStore, Settings, StorageError};
use engine::ScenarioInput;

fn browser_id() -> String {
    library::new_id(js_sys::Date::now(), js_sys::Math::random())
}

/// The library's operations on localStorage, now.
pub fn browser() -> Ops<'static> {
    Ops {
        store: &LocalStore,
        now: js_sys::Date::now(),
        new_id: &browser_id,
    }
}

/// The saved scenario `id`, if it is stored and readable.
pub fn read_entry(id: &str) -> Option<Entry> {
    storage::read_entry(&LocalStore, id)
}

/// The draft, read once at start-up (an unreadable one is copied aside).
pub fn load_draft() -> DraftLoad {
    storage::load_draft(&LocalStore, js_sys::Date::now())
}

/// Autosaves the draft.
pub fn save_draft(scenario: &ScenarioInput) -> Result<(), StorageError> {
    storage::save_draft(&LocalStore, scenario, js_sys::Date::now())
}

/// Whether any saved scenario is stored (readable or not): a returning
/// user's browser, which skips the welcome.
pub fn has_saved_scenarios() -> bool {
    use crate::storage::Store;
    LocalStore
        .keys_with_prefix(library::ENTRY_PREFIX)
        .is_ok_and(|keys| !keys.is_empty())
}

/// The saved scenario (id, revision) the draft was opened from, if it still exists.
pub fn load_open_link() -> Option<(String, u64)> {
    storage::load_open_link(&LocalStore)
}

/// Remembers (or forgets) the saved scenario the draft was opened from.
pub fn save_open_link(link: Option<(&str, u64)>) -> Result<(), StorageError> {
    storage::save_open_link(&LocalStore, link)
}

/// The settings kept across visits.
pub fn load_settings() -> Settings {
    storage::load_settings(&LocalStore)
}

/// Keeps the colour theme ("auto", "light" or "dark") for the next visit.
pub fn save_theme(theme: &str) -> Result<(), StorageError> {
    storage::update_settings(&LocalStore, |s| s.theme = theme.to_owned())
}

/// Keeps the currency (ISO 4217 code) for the next visit.
pub fn save_currency(currency: &str) -> Result<(), StorageError> {
    storage::update_settings(&LocalStore, |s| s.currency = currency.to_owned())
}
