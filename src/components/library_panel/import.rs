//! Importing a picked or dropped file: too large is refused with a notice,
//! else its text goes to [`library_ops::import`].

use crate::library_ops;
use crate::state::{Action, AppState, Notice};
use crate::storage::files::MAX_FILE_BYTES;
use crate::storage::library::clean_name;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;
use yew::prelude::*;

/// Reads a picked or dropped file and imports it.
pub fn import_file(state: UseReducerHandle<AppState>, file: File) {
    const MAX: f64 = MAX_FILE_BYTES as f64;
    let name = file.name();
    if file.size() > MAX {
        state.dispatch(Action::Notify(Notice::Message(format!(
            "“{}” was not imported: it is larger than the {} KB allowed.",
            clean_name(&name),
            MAX as usize / 1024
        ))));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.text()).await {
            Ok(text) => library_ops::import(&state, &text.as_string().unwrap_or_default(), &name),
            Err(_) => state.dispatch(Action::Notify(Notice::Message(format!(
                "“{}” could not be read.",
                clean_name(&name)
            )))),
        }
    });
}
