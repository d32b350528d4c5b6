//! The scenario library: save, open, rename, duplicate, delete (with undo),
//! presets, files in and out, share links, and the history import (a CSV
//! picked or dropped here goes to [`HistoryImport`]). One row per saved scenario is
//! [`entry::library_entry`]; the presets, the share box and file imports have
//! their own files beside this one.

mod entry;
mod import;
mod presets;
mod share;

use super::HistoryImport;
use crate::app::use_app;
use crate::library_ops::{self, SaveMode};
use entry::{library_entry, LibraryEntryProps};
use import::import_file;
use presets::presets;
use share::{copy_share_link, share_box};
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

#[component]
pub fn LibraryPanel() -> Html {
    let app = use_app();
    let state = app.state.clone();
    let renaming = use_state(|| None::<(String, String)>);
    let share = use_state(|| None::<String>);
    let drop_active = use_state(|| false);
    let dropped_csv = use_state(|| None::<File>);

    let on = |act: fn(&UseReducerHandle<crate::state::AppState>)| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| act(&state))
    };
    let on_pick = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import_file(state.clone(), file);
            }
            input.set_value("");
        })
    };
    let on_drop = {
        let (state, drop_active, dropped_csv) =
            (state.clone(), drop_active.clone(), dropped_csv.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drop_active.set(false);
            let files = e.data_transfer().and_then(|d| d.files());
            if let Some(files) = files {
                for i in 0..files.length() {
                    match files.get(i) {
                        Some(file) if is_csv(&file) => dropped_csv.set(Some(file)),
                        Some(file) => import_file(state.clone(), file),
                        None => {}
                    }
                }
            }
        })
    };
    let on_drag_over = {
        let drop_active = drop_active.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drop_active.set(true);
        })
    };
    let on_drag_leave = {
        let drop_active = drop_active.clone();
        Callback::from(move |_: DragEvent| drop_active.set(false))
    };
    let on_share = {
        let (state, share) = (state.clone(), share.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(link) = copy_share_link(&state) {
                share.set(Some(link));
            }
        })
    };
    let current_name = state
        .current
        .as_ref()
        .and_then(|c| state.library.iter().find(|e| e.id == c.id))
        .map(|e| format!("Editing “{}”", e.name))
        .unwrap_or_else(|| "Unsaved draft".to_owned());

    let rows = state.library.iter().map(|entry| {
        let id = entry.id.clone();
        let editing = renaming
            .as_ref()
            .filter(|(rid, _)| *rid == id)
            .map(|(_, text)| text.as_str());
        let on_rename = {
            let (renaming, id) = (renaming.clone(), id.clone());
            Callback::from(move |text: Option<String>| renaming.set(text.map(|t| (id.clone(), t))))
        };
        library_entry(&LibraryEntryProps {
            state: &state,
            id: &id,
            name: &entry.name,
            modified: entry.modified,
            current: state.current.as_ref().is_some_and(|c| c.id == id),
            renaming: editing,
            on_rename,
        })
    });
    html! {
        <section class={classes!("panel", "library", (*drop_active).then_some("drop-active"))} aria-labelledby="library-title"
                 ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <div class="library-head">
                <h2 id="library-title">{ "Scenarios" }</h2>
                <span class="current-name">{ current_name }</span>
            </div>
            <div class="library-actions">
                <button type="button" class="button small primary" onclick={on(|s| library_ops::save(s, SaveMode::Update))}>{ "Save" }</button>
                <button type="button" class="button small" onclick={on(|s| library_ops::save(s, SaveMode::AsNew))}>{ "Save as new" }</button>
                <button type="button" class="button small" onclick={on_share}>{ "Copy share link" }</button>
                <button type="button" class="button small ghost" onclick={on(library_ops::export_current)}>{ "Export scenario" }</button>
                <button type="button" class="button small ghost" onclick={on(library_ops::export_library)}>{ "Export library" }</button>
                <HistoryImport dropped={(*dropped_csv).clone()} />
                <label class="button small ghost file-pick">
                    { "Import file…" }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_pick} />
                </label>
            </div>
            if let Some(link) = &*share {
                { share_box(link) }
            }
            if let Some(deleted) = &state.deleted {
                <div class="undo" aria-live="polite">
                    { format!("Deleted “{}”. ", deleted.name) }
                    <button type="button" class="button tiny" onclick={on(library_ops::undo_delete)}>{ "Undo" }</button>
                </div>
            }
            <details class="saved" open={!state.library.is_empty()}>
                <summary>{ format!("Saved scenarios ({})", state.library.len()) }</summary>
                if state.library.is_empty() {
                    <p class="hint-text">{ "Nothing saved yet. Save the scenario above, import a file (or drop it here), or start from a preset." }</p>
                } else {
                    <ul class="entries" aria-label="Saved scenarios">{ for rows }</ul>
                }
            </details>
            { presets(&state) }
        </section>
    }
}

/// A dropped CSV is a CRM export for the history import; anything else is a
/// scenario file.
fn is_csv(file: &File) -> bool {
    file.type_() == "text/csv" || file.name().to_lowercase().ends_with(".csv")
}
