//! One saved scenario in the library list: open, rename (in place),
//! duplicate, delete.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use crate::library_ops;
use crate::state::AppState;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct LibraryEntryProps<'a> {
    /// The app state the buttons act on.
    pub state: &'a UseReducerHandle<AppState>,
    /// The entry's id, also the row's key in the list.
    pub id: &'a str,
    pub name: &'a str,
    /// Last change, in ms since the epoch.
    pub modified: f64,
    /// The scenario open in the editor.
    pub current: bool,
    /// The new name being typed, while this entry is being renamed.
    pub renaming: Option<&'a str>,
    /// Starts (Some: the text so far) or ends (None) renaming this entry.
    pub on_rename: Callback<Option<String>>,
}

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

/// The entry's row, keyed by its id.
pub fn library_entry(props: &LibraryEntryProps) -> Html {
    let state = props.state;
    let id = props.id.to_owned();
    let name = props.name;
    let on_id = |act: fn(&UseReducerHandle<AppState>, &str)| {
        let (state, id) = (state.clone(), id.clone());
        Callback::from(move |_: MouseEvent| act(&state, &id))
    };
    let body = match props.renaming {
        Some(text) => {
            let on_input = props.on_rename.reform(|e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                Some(input.value())
            });
            let confirm = {
                let (state, on_rename, id, text) = (
                    state.clone(),
                    props.on_rename.clone(),
                    id.clone(),
                    text.to_owned(),
                );
                Callback::from(move |_: MouseEvent| {
                    library_ops::rename(&state, &id, &text);
                    on_rename.emit(None);
                })
            };
            let cancel = props.on_rename.reform(|_: MouseEvent| None);
            html! {
                <div class="rename">
                    <input type="text" maxlength="200" aria-label={format!("New name for {name}")} value={text.to_owned()} oninput={on_input} />
                    <button type="button" class="button small primary" onclick={confirm}>{ "Save name" }</button>
                    <button type="button" class="button small ghost" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        }
        None => {
            let start_rename = {
                let name = name.to_string();
                props
                    .on_rename
                    .reform(move |_: MouseEvent| Some(name.clone()))
            };
            html! {
                <>
                    <button type="button" class="entry-name" onclick={on_id(library_ops::open)} aria-label={format!("Open {name}")}>
                        { name.to_owned() }
                    </button>
                    <span class="modified">{ when(props.modified) }</span>
                    <span class="entry-actions">
                        <button type="button" class="button tiny ghost" onclick={start_rename} aria-label={format!("Rename {name}")}>{ "Rename" }</button>
                        <button type="button" class="button tiny ghost" onclick={on_id(library_ops::duplicate)} aria-label={format!("Duplicate {name}")}>{ "Duplicate" }</button>
                        <button type="button" class="button tiny ghost danger" onclick={on_id(library_ops::delete)} aria-label={format!("Delete {name}")}>{ "Delete" }</button>
                    </span>
                </>
            }
        }
    };
    html! { <li key={props.id.to_owned()} class={classes!("entry", props.current.then_some("current"))}>{ body }</li> }
}
