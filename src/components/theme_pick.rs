//! The colour theme: follow the system (the default), light or dark. Kept
//! with the settings; applied as `data-theme` on the page's root element.

use crate::library_ops;
use yew::prelude::*;

const THEMES: [(&str, &str); 3] = [("auto", "System"), ("light", "Light"), ("dark", "Dark")];

/// Shows `theme` ("auto" removes the override, so the system decides).
fn apply(theme: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme {
        "light" | "dark" => root.set_attribute("data-theme", theme),
        _ => root.remove_attribute("data-theme"),
    };
}

#[component]
pub fn ThemePick() -> Html {
    let theme = use_state(|| library_ops::load_settings().theme);
    use_effect_with((*theme).clone(), |theme| apply(theme));
    let on_change = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            // A preference: if storage refuses it, the choice still holds
            // for this visit.
            let _ = library_ops::save_theme(&value);
            theme.set(value);
        })
    };
    let options = THEMES.iter().map(|(value, label)| {
        html! { <option value={*value} selected={*theme == *value}>{ *label }</option> }
    });
    html! {
        <label class="theme-pick">{ "Theme" }
            <select onchange={on_change} aria-label="Colour theme">{ for options }</select>
        </label>
    }
}
