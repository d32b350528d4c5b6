//! What the library's buttons do: storage calls followed by the actions
//! that report them to the state. Kept out of the reducer (side effects) and
//! out of the components (so they stay markup).

use crate::download::download_text;
use crate::state::{Action, AppState, Current, EntryMeta, Notice};
use crate::storage::files::{self, LibraryItem};
use crate::storage::library::{self, Entry};
use crate::storage::{self, SaveError};
use engine::ScenarioInput;
use std::rc::Rc;
use yew::{UseReducerDispatcher, UseReducerHandle};

type State = UseReducerHandle<AppState>;

/// How a save treats the stored entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SaveMode {
    /// Update the entry the form is linked to (or create one).
    Update,
    /// Always create a new entry.
    AsNew,
    /// Replace the stored entry even though it moved on (the user chose to).
    Overwrite { stored_revision: u64 },
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn taken_names(state: &AppState, except: Option<&str>) -> Vec<String> {
    state
        .library
        .iter()
        .filter(|e| Some(e.id.as_str()) != except)
        .map(|e| e.name.clone())
        .collect()
}

/// Reads the library from storage and reports what could not be used.
pub fn reload(dispatcher: &UseReducerDispatcher<AppState>) {
    let load = storage::load_library();
    for u in &load.unusable {
        dispatcher.dispatch(Action::Notify(Notice::UnusableEntry {
            key: u.key.clone(),
            reason: u.reason.to_string(),
            raw: u.raw.clone().into(),
        }));
    }
    if let Some(e) = load.error {
        dispatcher.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
    }
    dispatcher.dispatch(Action::LibraryLoaded(
        load.entries.iter().map(EntryMeta::from).collect(),
    ));
}

/// Saves the form's scenario.
pub fn save(state: &State, mode: SaveMode) {
    let Some(scenario) = state.scenario.clone() else {
        state.dispatch(Action::Notify(Notice::Message(
            "Fix the highlighted fields before saving.".to_owned(),
        )));
        return;
    };
    let linked = state.current.clone().filter(|_| mode != SaveMode::AsNew);
    let (id, based_on, revision) = match (&linked, mode) {
        (Some(c), SaveMode::Overwrite { stored_revision }) => {
            (c.id.clone(), Some(stored_revision), stored_revision + 1)
        }
        (Some(c), _) => (c.id.clone(), Some(c.revision), c.revision + 1),
        (None, _) => (storage::new_id(), None, 1),
    };
    let name = if linked.is_some() {
        library::clean_name(&scenario.name)
    } else {
        let taken = taken_names(state, None);
        library::unique_name(
            &scenario.name,
            &taken.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    };
    let entry = Entry {
        id,
        name: name.clone(),
        modified: now(),
        revision,
        scenario: ScenarioInput { name, ..scenario },
    };
    match storage::save_entry(&entry, based_on) {
        Ok(()) => {
            if entry.scenario.name != state.form.name {
                // The form shows the name the entry was saved under.
                state.dispatch(Action::Edit(
                    engine::Field::Name,
                    entry.scenario.name.clone(),
                ));
            }
            state.dispatch(Action::Saved(EntryMeta::from(&entry)));
        }
        Err(SaveError::Conflict(theirs)) => {
            state.dispatch(Action::Notify(Notice::Conflict(Rc::new(*theirs))))
        }
        Err(SaveError::Storage(e)) => {
            state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())))
        }
    }
}

fn read_entry(id: &str) -> Option<Entry> {
    storage::read(&library::entry_key(id))
        .ok()
        .flatten()
        .and_then(|raw| library::decode_entry(&raw).ok())
}

/// Opens a saved scenario in the form.
pub fn open(state: &State, id: &str) {
    match read_entry(id) {
        Some(entry) => state.dispatch(Action::Open {
            from: Some(Current {
                id: entry.id.clone(),
                revision: entry.revision,
            }),
            scenario: Box::new(entry.scenario),
            shared: false,
        }),
        None => {
            state.dispatch(Action::Notify(Notice::Message(
                "That scenario is no longer in this browser's storage (deleted in another tab?)."
                    .to_owned(),
            )));
            reload(&state.dispatcher());
        }
    }
}

/// Opens a scenario that is not saved (a preset, a shared link).
pub fn open_unsaved(state: &State, scenario: ScenarioInput, shared: bool) {
    state.dispatch(Action::Open {
        scenario: Box::new(scenario),
        from: None,
        shared,
    });
}

/// Renames a saved scenario.
pub fn rename(state: &State, id: &str, new_name: &str) {
    let Some(mut entry) = read_entry(id) else {
        return;
    };
    let taken = taken_names(state, Some(id));
    entry.name = library::unique_name(
        new_name,
        &taken.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    entry.scenario.name = entry.name.clone();
    entry.modified = now();
    let based_on = entry.revision;
    entry.revision += 1;
    match storage::save_entry(&entry, Some(based_on)) {
        Ok(()) => {
            if state.current.as_ref().is_some_and(|c| c.id == id) {
                state.dispatch(Action::Edit(engine::Field::Name, entry.name.clone()));
                state.dispatch(Action::Saved(EntryMeta::from(&entry)));
            } else {
                state.dispatch(Action::Listed(EntryMeta::from(&entry)));
            }
        }
        Err(SaveError::Conflict(theirs)) => {
            state.dispatch(Action::Notify(Notice::Conflict(Rc::new(*theirs))))
        }
        Err(SaveError::Storage(e)) => {
            state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())))
        }
    }
}

/// Saves a copy of a saved scenario under a new name.
pub fn duplicate(state: &State, id: &str) {
    let Some(entry) = read_entry(id) else { return };
    let taken = taken_names(state, None);
    let name = library::unique_name(
        &format!("{} copy", entry.name),
        &taken.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let copy = Entry {
        id: storage::new_id(),
        name: name.clone(),
        modified: now(),
        revision: 1,
        scenario: ScenarioInput {
            name,
            ..entry.scenario
        },
    };
    match storage::save_entry(&copy, None) {
        Ok(()) => reload(&state.dispatcher()),
        Err(SaveError::Conflict(_)) => {}
        Err(SaveError::Storage(e)) => {
            state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())))
        }
    }
}

/// Deletes a saved scenario (Undo puts it back).
pub fn delete(state: &State, id: &str) {
    let Some(entry) = read_entry(id) else { return };
    match storage::delete_entry(id) {
        Ok(()) => state.dispatch(Action::Deleted(Rc::new(entry))),
        Err(e) => state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string()))),
    }
}

/// Puts the last deleted scenario back.
pub fn undo_delete(state: &State) {
    let Some(entry) = state.deleted.clone() else {
        return;
    };
    match storage::write(
        &library::entry_key(&entry.id),
        &library::encode_entry(&entry),
    ) {
        Ok(()) => {
            state.dispatch(Action::ClearUndo);
            reload(&state.dispatcher());
        }
        Err(e) => state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string()))),
    }
}

/// Adds the scenarios of an imported file to the library, never replacing
/// one: a clashing name gets a number ("Plan (2)").
pub fn import(state: &State, text: &str, file_name: &str) {
    match files::import_file(text, file_name) {
        Err(e) => state.dispatch(Action::Notify(Notice::Message(format!(
            "“{}” was not imported: {e}.",
            library::clean_name(file_name)
        )))),
        Ok(items) => {
            let mut taken = taken_names(state, None);
            let mut renamed = 0;
            for item in &items {
                let name = library::unique_name(
                    &item.name,
                    &taken.iter().map(String::as_str).collect::<Vec<_>>(),
                );
                renamed += usize::from(name != item.name);
                let entry = Entry {
                    id: storage::new_id(),
                    name: name.clone(),
                    modified: now(),
                    revision: 1,
                    scenario: ScenarioInput {
                        name: name.clone(),
                        ..item.scenario.clone()
                    },
                };
                if let Err(SaveError::Storage(e)) = storage::save_entry(&entry, None) {
                    state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
                    break;
                }
                taken.push(name);
            }
            let clash = if renamed > 0 {
                format!(" {renamed} had a name already in use and were kept as numbered copies; nothing was replaced.")
            } else {
                String::new()
            };
            state.dispatch(Action::Notify(Notice::Message(format!(
                "Imported {} scenario{} from “{}”.{clash}",
                items.len(),
                if items.len() == 1 { "" } else { "s" },
                library::clean_name(file_name)
            ))));
            reload(&state.dispatcher());
        }
    }
}

fn file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{}.json", safe.trim_matches('-').to_lowercase())
}

/// Downloads the form's scenario in the engine's format.
pub fn export_current(state: &AppState) {
    if let Some(s) = &state.scenario {
        download_text(
            &file_name(&s.name),
            "application/json",
            &files::export_scenario(s),
        );
    }
}

/// Downloads every saved scenario as a library file.
pub fn export_library() {
    let load = storage::load_library();
    let items = load
        .entries
        .into_iter()
        .map(|e| LibraryItem {
            name: e.name,
            modified: e.modified,
            scenario: e.scenario,
        })
        .collect();
    download_text(
        "funnelcast-library.json",
        "application/json",
        &files::export_library(items),
    );
}
