//! The ready-made scenarios: each opens as an unsaved copy.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use crate::library_ops;
use crate::presets::PRESETS;
use crate::state::AppState;
use yew::prelude::*;

/// The presets, each opening a copy into `state`.
pub fn presets(state: &UseReducerHandle<AppState>) -> Html {
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
        <details class="presets">
            <summary>{ "Start from a preset" }</summary>
            <ul aria-label="Presets">{ for presets }</ul>
        </details>
    }
}
