//! Mystery mode's markup: the switch (in Classroom mode, and on the hidden
//! forecast so it can be turned off from the workspace) and what shows in
//! place of a hidden answer. Plain functions: each Yew component type costs
//! about half a kilobyte of wasm.

use crate::state::{Action, AppState};
use yew::prelude::*;

/// The "Mystery mode" switch.
pub fn mystery_switch(state: &UseReducerHandle<AppState>, class: &'static str) -> Html {
    let on = state.mystery.is_on();
    let toggle = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetMystery(!on)))
    };
    html! {
        <button type="button" role="switch" class={classes!(class, "mystery-switch")}
                aria-checked={on.to_string()} onclick={toggle}>
            <span class="mystery-knob" aria-hidden="true"></span>{ "Mystery mode" }
        </button>
    }
}

/// What shows in place of the hidden answer: a line saying what is hidden
/// and the Reveal button. `class` is the buttons' look (workspace or
/// classroom).
pub fn mystery_veil(state: &UseReducerHandle<AppState>, what: &str, class: &'static str) -> Html {
    let reveal = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reveal))
    };
    html! {
        <div class="mystery-veil" data-testid="mystery-veil">
            <p>{ format!("Mystery mode: {what} is hidden. Ask the room for its guess first.") }</p>
            <div class="mystery-actions">
                <button type="button" class={classes!(class, "primary")} onclick={reveal}>{ "Reveal" }</button>
                { mystery_switch(state, class) }
            </div>
        </div>
    }
}
