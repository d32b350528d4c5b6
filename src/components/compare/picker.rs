//! The saved scenarios to compare, as checkboxes; at most `max` at once.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct ComparePickerProps {
    /// Saved scenarios as `(id, name)`.
    pub available: Vec<(String, String)>,
    /// Ids picked, in the order they were picked.
    pub chosen: Vec<String>,
    pub max: usize,
    /// A scenario's id and whether it is now picked.
    pub on_toggle: Callback<(String, bool)>,
}

pub fn compare_picker(props: &ComparePickerProps) -> Html {
    let full = props.chosen.len() >= props.max;
    let boxes = props.available.iter().map(|(id, name)| {
        let checked = props.chosen.contains(id);
        let toggle = {
            let (on_toggle, id) = (props.on_toggle.clone(), id.clone());
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_toggle.emit((id.clone(), input.checked()));
            })
        };
        html! {
            <label class="check compare-pick">
                <input type="checkbox" checked={checked} disabled={!checked && full}
                    aria-label={format!("Compare {name}")} onchange={toggle} />
                { name.clone() }
            </label>
        }
    });
    html! {
        <div class="compare-picks" role="group" aria-label="Scenarios to compare">{ for boxes }</div>
    }
}
