//! What every component reaches through [`use_app`]: the state and the
//! actions that have effects.

use crate::state::{Action, AppState};
use yew::prelude::*;

/// What every component can reach: the state and the actions with effects.
#[derive(Clone)]
pub struct AppContext {
    pub state: UseReducerHandle<AppState>,
    /// Start a run of the current scenario.
    pub run: Callback<()>,
    /// Stop the run in progress.
    pub cancel: Callback<()>,
}

impl AppContext {
    /// A callback that writes a form input's new text.
    pub fn edit(&self, field: engine::Field) -> Callback<String> {
        let state = self.state.clone();
        Callback::from(move |text| state.dispatch(Action::Edit(field, text)))
    }

    /// The message for a form field, if it has a problem.
    pub fn error(&self, field: engine::Field) -> Option<AttrValue> {
        self.state.errors.get(&field).cloned().map(AttrValue::from)
    }
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

/// The shared app context; components call this instead of passing state down.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>()
        .unwrap_or_else(|| wasm_bindgen::throw_str("use_app must be called inside <App>"))
}
