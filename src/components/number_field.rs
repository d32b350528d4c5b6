//! A labelled text input for a number, with its hint and error message.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A field's contents; the optional parts default to none, with a
/// whole-number keyboard (`..NumberFieldProps::default()`).
pub struct NumberFieldProps {
    /// Unique id; the error and hint ids derive from it.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub error: Option<AttrValue>,
    /// Unit shown after the input, e.g. "%".
    pub unit: Option<AttrValue>,
    pub hint: Option<AttrValue>,
    /// "numeric" for whole numbers, "decimal" otherwise.
    pub inputmode: &'static str,
    pub class: Classes,
    /// Hides the label visually (it stays for screen readers).
    pub label_hidden: bool,
    pub on_change: Callback<String>,
}

impl Default for NumberFieldProps {
    fn default() -> Self {
        Self {
            id: AttrValue::default(),
            label: AttrValue::default(),
            value: AttrValue::default(),
            error: None,
            unit: None,
            hint: None,
            inputmode: "numeric",
            class: Classes::new(),
            label_hidden: false,
            on_change: Callback::noop(),
        }
    }
}

/// The field: label, input, unit, hint and error.
pub fn number_field(props: NumberFieldProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_change.emit(input.value());
        })
    };
    let error_id = format!("{}-error", props.id);
    let hint_id = format!("{}-hint", props.id);
    let described_by = [
        props.error.as_ref().map(|_| error_id.clone()),
        props.hint.as_ref().map(|_| hint_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let invalid = props.error.is_some();
    html! {
        <div class={classes!("field", invalid.then_some("invalid"), props.class)}>
            <label for={props.id.clone()} class={classes!(props.label_hidden.then_some("visually-hidden"))}>
                { props.label.clone() }
            </label>
            <div class={classes!("input-wrap", props.unit.is_some().then_some("has-unit"))}>
                <input
                    id={props.id.clone()}
                    type="text"
                    inputmode={props.inputmode}
                    autocomplete="off"
                    spellcheck="false"
                    value={props.value}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                    {oninput}
                />
                if let Some(unit) = &props.unit {
                    <span class="unit" aria-hidden="true">{ unit.clone() }</span>
                }
            </div>
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="hint">{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p id={error_id} class="error" role="alert">{ error.clone() }</p>
            }
        </div>
    }
}
