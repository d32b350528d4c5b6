//! The scenario library: save, open, rename, duplicate, delete (with undo),
//! presets, files in and out, and share links.

use crate::app::use_app;
use crate::library_ops::{self, SaveMode};
use crate::presets::PRESETS;
use crate::state::{Action, Notice};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

/// "5 min ago", "yesterday", or a date, from a time in ms since the epoch.
fn when(modified: f64) -> String {
    let seconds = ((js_sys::Date::now() - modified) / 1000.0).max(0.0);
    if seconds < 60.0 {
        "just now".to_owned()
    } else if seconds < 3600.0 {
        format!("{} min ago", (seconds / 60.0).floor())
    } else if seconds < 86_400.0 {
        format!("{} h ago", (seconds / 3600.0).floor())
    } else {
        let date = js_sys::Date::new(&modified.into());
        date.to_locale_date_string("default", &js_sys::Object::new())
            .into()
    }
}

/// Reads a picked or dropped file and imports it.
fn import_file(state: UseReducerHandle<crate::state::AppState>, file: File) {
    const MAX: f64 = crate::storage::files::MAX_FILE_BYTES as f64;
    let name = file.name();
    if file.size() > MAX {
        state.dispatch(Action::Notify(Notice::Message(format!(
            "“{}” was not imported: it is larger than the {} KB allowed.",
            crate::storage::library::clean_name(&name),
            MAX as usize / 1024
        ))));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.text()).await {
            Ok(text) => library_ops::import(&state, &text.as_string().unwrap_or_default(), &name),
            Err(_) => state.dispatch(Action::Notify(Notice::Message(format!(
                "“{}” could not be read.",
                crate::storage::library::clean_name(&name)
            )))),
        }
    });
}

#[component]
pub fn LibraryPanel() -> Html {
    let app = use_app();
    let state = app.state.clone();
    let renaming = use_state(|| None::<(String, String)>);
    let share = use_state(|| None::<String>);
    let drop_active = use_state(|| false);

    let on_save = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| library_ops::save(&state, SaveMode::Update))
    };
    let on_save_new = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| library_ops::save(&state, SaveMode::AsNew))
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| library_ops::export_current(&state))
    };
    let on_export_all = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| library_ops::export_library(&state))
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
        let state = state.clone();
        let drop_active = drop_active.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            drop_active.set(false);
            let files = e.data_transfer().and_then(|d| d.files());
            if let Some(files) = files {
                for i in 0..files.length() {
                    if let Some(file) = files.get(i) {
                        import_file(state.clone(), file);
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
        let state = state.clone();
        let share = share.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(window) = web_sys::window() else {
                return;
            };
            let location = window.location();
            let base = format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            );
            let Some(fragment) = library_ops::share_fragment(&state) else {
                return;
            };
            let link = format!("{base}#{fragment}");
            let clipboard = window.navigator().clipboard();
            let _ = clipboard.write_text(&link);
            share.set(Some(link));
        })
    };
    let undo = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| library_ops::undo_delete(&state))
    };
    let current_name = state
        .current
        .as_ref()
        .and_then(|c| state.library.iter().find(|e| e.id == c.id))
        .map(|e| format!("Editing “{}”", e.name))
        .unwrap_or_else(|| "Unsaved draft".to_owned());

    let rows = state.library.iter().map(|entry| {
        let id = entry.id.clone();
        let name = entry.name.clone();
        let is_current = state.current.as_ref().is_some_and(|c| c.id == id);
        let open = {
            let (state, id) = (state.clone(), id.clone());
            Callback::from(move |_: MouseEvent| library_ops::open(&state, &id))
        };
        let duplicate = {
            let (state, id) = (state.clone(), id.clone());
            Callback::from(move |_: MouseEvent| library_ops::duplicate(&state, &id))
        };
        let delete = {
            let (state, id) = (state.clone(), id.clone());
            Callback::from(move |_: MouseEvent| library_ops::delete(&state, &id))
        };
        let start_rename = {
            let (renaming, id, name) = (renaming.clone(), id.clone(), name.clone());
            Callback::from(move |_: MouseEvent| renaming.set(Some((id.clone(), name.clone()))))
        };
        let editing = renaming.as_ref().filter(|(rid, _)| *rid == id).map(|(_, text)| text.clone());
        let body = match editing {
            Some(text) => {
                let on_input = {
                    let (renaming, id) = (renaming.clone(), id.clone());
                    Callback::from(move |e: InputEvent| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        renaming.set(Some((id.clone(), input.value())));
                    })
                };
                let confirm = {
                    let (state, renaming, id, text) = (state.clone(), renaming.clone(), id.clone(), text.clone());
                    Callback::from(move |_: MouseEvent| {
                        library_ops::rename(&state, &id, &text);
                        renaming.set(None);
                    })
                };
                let cancel = {
                    let renaming = renaming.clone();
                    Callback::from(move |_: MouseEvent| renaming.set(None))
                };
                html! {
                    <div class="rename">
                        <input type="text" maxlength="200" aria-label={format!("New name for {name}")} value={text} oninput={on_input} />
                        <button type="button" class="button small primary" onclick={confirm}>{ "Save name" }</button>
                        <button type="button" class="button small ghost" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                }
            }
            None => html! {
                <>
                    <button type="button" class="entry-name" onclick={open} aria-label={format!("Open {name}")}>
                        { name.clone() }
                    </button>
                    <span class="modified">{ when(entry.modified) }</span>
                    <span class="entry-actions">
                        <button type="button" class="button tiny ghost" onclick={start_rename} aria-label={format!("Rename {name}")}>{ "Rename" }</button>
                        <button type="button" class="button tiny ghost" onclick={duplicate} aria-label={format!("Duplicate {name}")}>{ "Duplicate" }</button>
                        <button type="button" class="button tiny ghost danger" onclick={delete} aria-label={format!("Delete {name}")}>{ "Delete" }</button>
                    </span>
                </>
            },
        };
        html! { <li key={id.clone()} class={classes!("entry", is_current.then_some("current"))}>{ body }</li> }
    });
    let presets = PRESETS.iter().map(|p| {
        let state = state.clone();
        let make = p.scenario;
        let open = Callback::from(move |_: MouseEvent| library_ops::open_unsaved(&state, make(), false));
        html! {
            <li class="preset">
                <div><strong>{ p.name }</strong><span>{ p.sentence }</span></div>
                <button type="button" class="button tiny" onclick={open} aria-label={format!("Open a copy of {}", p.name)}>{ "Open a copy" }</button>
            </li>
        }
    });
    html! {
        <section class={classes!("panel", "library", (*drop_active).then_some("drop-active"))} aria-labelledby="library-title"
                 ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <div class="library-head">
                <h2 id="library-title">{ "Scenarios" }</h2>
                <span class="current-name">{ current_name }</span>
            </div>
            <div class="library-actions">
                <button type="button" class="button small primary" onclick={on_save}>{ "Save" }</button>
                <button type="button" class="button small" onclick={on_save_new}>{ "Save as new" }</button>
                <button type="button" class="button small" onclick={on_share}>{ "Copy share link" }</button>
                <button type="button" class="button small ghost" onclick={on_export}>{ "Export scenario" }</button>
                <button type="button" class="button small ghost" onclick={on_export_all}>{ "Export library" }</button>
                <label class="button small ghost file-pick">
                    { "Import file…" }
                    <input type="file" accept=".json,application/json" class="visually-hidden" onchange={on_pick} />
                </label>
            </div>
            if let Some(link) = &*share {
                <div class="share-box" aria-live="polite">
                    <p>{ "Link copied. It contains this scenario's numbers, including your open pipeline: share it only with people who may see them." }</p>
                    <input type="text" readonly=true aria-label="Share link" value={link.clone()} />
                </div>
            }
            if let Some(deleted) = &state.deleted {
                <div class="undo" aria-live="polite">
                    { format!("Deleted “{}”. ", deleted.name) }
                    <button type="button" class="button tiny" onclick={undo}>{ "Undo" }</button>
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
            <details class="presets">
                <summary>{ "Start from a preset" }</summary>
                <ul aria-label="Presets">{ for presets }</ul>
            </details>
        </section>
    }
}
