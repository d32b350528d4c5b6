//! The ready-made scenarios: each opens as an unsaved copy.

use crate::app::use_app;
use crate::library_ops;
use crate::presets::PRESETS;
use yew::prelude::*;

#[component]
pub fn Presets() -> Html {
    let state = use_app().state;
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
