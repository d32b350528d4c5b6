//! Persistent messages about saved data, with what the user can do.

use crate::app::use_app;
use crate::download::download_text;
use crate::state::{Action, Notice};
use yew::prelude::*;

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    let state = &app.state;
    if state.notices.is_empty() {
        return html! {};
    }
    let items = state.notices.iter().enumerate().map(|(index, notice)| {
        let dismiss = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Dismiss(index)))
        };
        match notice {
            Notice::UnreadableDraft { reason, raw, kept_as } => {
                let download = {
                    let raw = raw.clone();
                    Callback::from(move |_: MouseEvent| {
                        download_text("funnelcast-unreadable-draft.json", "application/json", &raw);
                    })
                };
                let where_kept = match kept_as {
                    Some(key) => format!("The original was kept in this browser under “{key}”; nothing was deleted."),
                    None => "Autosave is paused so the stored original is not overwritten.".to_owned(),
                };
                let resume = {
                    let state = state.clone();
                    Callback::from(move |_: MouseEvent| state.dispatch(Action::ResumeAutosave))
                };
                html! {
                    <div class="notice warning" role="alert">
                        <p><strong>{ "Your saved scenario could not be read" }</strong>{ format!(": {reason}. ") }
                           { "The app started from the default scenario. " }{ where_kept }</p>
                        <div class="notice-actions">
                            <button class="button small" type="button" onclick={download}>{ "Download the unreadable data" }</button>
                            if kept_as.is_none() {
                                <button class="button small" type="button" onclick={resume}>{ "Resume autosave (replaces it)" }</button>
                            } else {
                                <button class="button small ghost" type="button" onclick={dismiss}>{ "Dismiss" }</button>
                            }
                        </div>
                    </div>
                }
            }
            Notice::SaveFailed(reason) => {
                let backup = {
                    let scenario = state.scenario.clone();
                    Callback::from(move |_: MouseEvent| {
                        if let Some(s) = &scenario {
                            let json = serde_json::to_string_pretty(s).unwrap_or_default();
                            download_text("funnelcast-scenario.json", "application/json", &json);
                        }
                    })
                };
                html! {
                    <div class="notice error" role="alert">
                        <p><strong>{ "Changes are not being saved" }</strong>{ format!(": {reason}. ") }
                           { "Your edits stay in this tab until you close it." }</p>
                        <div class="notice-actions">
                            <button class="button small" type="button" onclick={backup}>{ "Export a backup" }</button>
                            <button class="button small ghost" type="button" onclick={dismiss}>{ "Dismiss" }</button>
                        </div>
                    </div>
                }
            }
        }
    });
    html! { <div class="notices">{ for items }</div> }
}
