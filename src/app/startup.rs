//! The state the app opens with: the saved draft (or why it could not be
//! read), a share link in the address, the saved currency, and whether this
//! is a first visit that opens on the welcome.

use crate::library_ops;
use crate::presets::default_draft;
use crate::state::{AppState, Notice};
use crate::storage::files::decode_link;
use crate::storage::DraftLoad;
use engine::ScenarioInput;

/// The share link in the page's address, if any: Some(Ok) to show it,
/// Some(Err) to say why it cannot be shown.
fn shared_scenario() -> Option<Result<ScenarioInput, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.trim_start_matches('#');
    if !fragment.starts_with('s') || fragment.is_empty() {
        return None;
    }
    Some(decode_link(fragment).map_err(|e| format!("This share link could not be opened: {e}.")))
}

/// Removes the share link from the address (after saving or discarding it).
pub fn clear_share_link() {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let clean = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&clean));
        }
    }
}

/// Loads the saved draft once, before the first render.
fn initial_state() -> (AppState, Option<Notice>) {
    match library_ops::load_draft() {
        DraftLoad::Loaded(input) => {
            let mut state = AppState::new(&input);
            state.current = library_ops::load_open_link()
                .map(|(id, revision)| crate::state::Current { id, revision });
            (state, None)
        }
        DraftLoad::Empty => {
            let mut state = AppState::new(&default_draft());
            // Nothing typed yet and nothing saved: a first visit (a share
            // link, checked after, turns it off).
            state.welcome = !library_ops::has_saved_scenarios();
            (state, None)
        }
        DraftLoad::Unreadable {
            reason,
            raw,
            kept_as,
        } => (
            AppState::new(&default_draft()),
            Some(Notice::UnreadableDraft {
                reason: reason.to_string(),
                raw: raw.into(),
                kept_as,
            }),
        ),
        DraftLoad::Unavailable(e) => (
            AppState::new(&default_draft()),
            Some(Notice::SaveFailed(e.to_string())),
        ),
    }
}

/// The opening state, and a notice to show once, if loading found a problem.
pub fn opening_state() -> (AppState, Option<Notice>) {
    let (mut state, mut notice) = initial_state();
    match shared_scenario() {
        Some(Ok(shared)) => {
            // Shown, not saved: the draft stays as it was.
            let mut s = AppState::new(&shared);
            s.shared = true;
            s.notices = state.notices.clone();
            state = s;
        }
        Some(Err(message)) => {
            // The message is about the workspace's link: show it there.
            state.welcome = false;
            notice = Some(Notice::Message(message));
        }
        None => {}
    }
    let settings = library_ops::load_settings();
    if crate::money::is_known(&settings.currency) {
        state.currency = settings.currency;
    }
    (state, notice)
}
