//! What the library's buttons do: a decision on localStorage, then the
//! actions that report it to the state. Kept out of the reducer (side
//! effects) and out of the components (so they stay markup).

use super::decisions::{import_refused, OpError, SaveMode};
use crate::download::download_text;
use crate::state::{Action, AppState, Current, EntryMeta, Notice};
use crate::storage::{self, files, LocalStore};
use engine::ScenarioInput;
use std::rc::Rc;
use yew::{UseReducerDispatcher, UseReducerHandle};

type State = UseReducerHandle<AppState>;

fn taken_names(state: &AppState, except: Option<&str>) -> Vec<String> {
    state
        .library
        .iter()
        .filter(|e| Some(e.id.as_str()) != except)
        .map(|e| e.name.clone())
        .collect()
}

fn notify(state: &State, notice: Notice) {
    state.dispatch(Action::Notify(notice));
}

/// Reports a conflict or a storage failure (a vanished entry says nothing).
fn report(state: &State, error: OpError) {
    match error {
        OpError::Gone => {}
        OpError::Conflict(theirs) => notify(state, Notice::Conflict(Rc::new(*theirs))),
        OpError::Storage(e) => notify(state, Notice::SaveFailed(e.to_string())),
    }
}

/// Reads the library from storage and reports what could not be used.
pub fn reload(dispatcher: &UseReducerDispatcher<AppState>) {
    let load = storage::load_library(&LocalStore);
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
        notify(
            state,
            Notice::Message("Fix the highlighted fields before saving.".to_owned()),
        );
        return;
    };
    let linked = state.current.as_ref().map(|c| (c.id.as_str(), c.revision));
    match super::browser().save(scenario, linked, mode, &taken_names(state, None)) {
        Ok(entry) => {
            if entry.scenario.name != state.form.name {
                // The form shows the name the entry was saved under.
                state.dispatch(Action::Edit(
                    engine::Field::Name,
                    entry.scenario.name.clone(),
                ));
            }
            state.dispatch(Action::Saved(EntryMeta::from(&entry)));
        }
        Err(e) => report(state, e),
    }
}

/// Opens a saved scenario in the form.
pub fn open(state: &State, id: &str) {
    match super::read_entry(id) {
        Some(entry) => state.dispatch(Action::Open {
            from: Some(Current {
                id: entry.id.clone(),
                revision: entry.revision,
            }),
            scenario: Box::new(entry.scenario),
            shared: false,
        }),
        None => {
            notify(
                state,
                Notice::Message(
                    "That scenario is no longer in this browser's storage (deleted in another tab?)."
                        .to_owned(),
                ),
            );
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
    match super::browser().rename(id, new_name, &taken_names(state, Some(id))) {
        Ok(entry) => {
            if state.current.as_ref().is_some_and(|c| c.id == id) {
                state.dispatch(Action::Edit(engine::Field::Name, entry.name.clone()));
                state.dispatch(Action::Saved(EntryMeta::from(&entry)));
            } else {
                state.dispatch(Action::Listed(EntryMeta::from(&entry)));
            }
        }
        Err(e) => report(state, e),
    }
}

/// Saves a copy of a saved scenario under a new name.
pub fn duplicate(state: &State, id: &str) {
    match super::browser().duplicate(id, &taken_names(state, None)) {
        Ok(_) => reload(&state.dispatcher()),
        // A fresh id cannot clash with another tab's save: nothing to say.
        Err(OpError::Conflict(_)) => {}
        Err(e) => report(state, e),
    }
}

/// Deletes a saved scenario (Undo puts it back).
pub fn delete(state: &State, id: &str) {
    match super::browser().delete(id) {
        Ok(entry) => state.dispatch(Action::Deleted(Rc::new(entry))),
        Err(e) => report(state, e),
    }
}

/// Puts the last deleted scenario back.
pub fn undo_delete(state: &State) {
    let Some(entry) = state.deleted.clone() else {
        return;
    };
    match super::browser().undo_delete(&entry) {
        Ok(()) => {
            state.dispatch(Action::ClearUndo);
            reload(&state.dispatcher());
        }
        Err(e) => notify(state, Notice::SaveFailed(e.to_string())),
    }
}

/// Adds the scenarios of an imported file to the library, never replacing
/// one: a clashing name gets a number ("Plan (2)").
pub fn import(state: &State, text: &str, file_name: &str) {
    match super::browser().import(text, file_name, &taken_names(state, None)) {
        Err(e) => notify(state, Notice::Message(import_refused(file_name, &e))),
        Ok(report) => {
            if let Some(e) = &report.failed {
                notify(state, Notice::SaveFailed(e.to_string()));
            }
            notify(state, Notice::Message(report.message(file_name)));
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

/// Downloads `json` as `name`, or says why there is nothing to download.
fn download_json(state: &State, name: &str, json: Result<String, storage::EncodeError>) {
    match json {
        Ok(json) => {
            download_text(name, "application/json", &json);
        }
        Err(e) => notify(
            state,
            Notice::Message(format!("Nothing was downloaded: {e}.")),
        ),
    }
}

/// Downloads the form's scenario in the engine's format.
pub fn export_current(state: &State) {
    if let Some(s) = &state.scenario {
        download_json(state, &file_name(&s.name), files::export_scenario(s));
    }
}

/// Downloads the form's scenario as a backup when saving fails.
pub fn export_backup(state: &State) {
    if let Some(s) = &state.scenario {
        download_json(state, "funnelcast-scenario.json", files::export_scenario(s));
    }
}

/// Downloads every saved scenario as a library file.
pub fn export_library(state: &State) {
    download_json(
        state,
        "funnelcast-library.json",
        super::browser().export_library(),
    );
}

/// The share-link fragment of the form's scenario (None if the form is
/// invalid, or the link could not be made: then the user is told).
pub fn share_fragment(state: &State) -> Option<String> {
    let scenario = state.scenario.as_ref()?;
    files::encode_link(scenario)
        .map_err(|e| {
            notify(
                state,
                Notice::Message(format!("No share link was made: {e}.")),
            )
        })
        .ok()
}
