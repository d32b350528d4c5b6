//! Persistent messages about saved data, with what the user can do.

use crate::app::use_app;
use crate::download::download_text;
use crate::library_ops::{self, SaveMode};
use crate::state::{Action, Current, Notice};
use yew::prelude::*;

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    let state = &app.state;
    let shared_banner = state.shared.then(|| {
        let save = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| {
                library_ops::save(&state, SaveMode::AsNew);
                crate::app::clear_share_link();
            })
        };
        let discard = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| {
                crate::app::clear_share_link();
                let draft = match library_ops::load_draft() {
                    crate::storage::DraftLoad::Loaded(s) => s,
                    _ => crate::presets::default_draft(),
                };
                library_ops::open_unsaved(&state, draft, false);
            })
        };
        html! {
            <div class="notice share" role="region" aria-label="Shared scenario">
                <p><strong>{ "Shared scenario — save a copy?" }</strong>
                   { " You are looking at a scenario from a link. Nothing in this browser changes until you save it." }</p>
                <div class="notice-actions">
                    <button class="button small primary" type="button" onclick={save}>{ "Save a copy" }</button>
                    <button class="button small ghost" type="button" onclick={discard}>{ "Discard" }</button>
                </div>
            </div>
        }
    });
    if state.notices.is_empty() && shared_banner.is_none() {
        return html! {};
    }
    let items = state.notices.iter().enumerate().map(|(index, notice)| {
        let dismiss = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::Dismiss(index)))
        };
        match notice {
            Notice::UnusableEntry { key, reason, raw } => {
                let download = {
                    let raw = raw.clone();
                    Callback::from(move |_: MouseEvent| {
                        download_text("funnelcast-unreadable-scenario.json", "application/json", &raw);
                    })
                };
                html! {
                    <div class="notice warning" role="alert">
                        <p><strong>{ "A saved scenario could not be opened" }</strong>{ format!(": {reason}. ") }
                           { format!("It is kept in this browser under “{key}”; the other scenarios are fine.") }</p>
                        <div class="notice-actions">
                            <button class="button small" type="button" onclick={download}>{ "Download it" }</button>
                            <button class="button small ghost" type="button" onclick={dismiss}>{ "Dismiss" }</button>
                        </div>
                    </div>
                }
            }
            Notice::Conflict(theirs) => {
                let load = {
                    let state = state.clone();
                    let theirs = theirs.clone();
                    Callback::from(move |_: MouseEvent| {
                        state.dispatch(Action::Open {
                            scenario: Box::new(theirs.scenario.clone()),
                            from: Some(Current { id: theirs.id.clone(), revision: theirs.revision }),
                            shared: false,
                        });
                    })
                };
                let copy = {
                    let state = state.clone();
                    Callback::from(move |_: MouseEvent| library_ops::save(&state, SaveMode::AsNew))
                };
                let overwrite = {
                    let state = state.clone();
                    let stored_revision = theirs.revision;
                    Callback::from(move |_: MouseEvent| library_ops::save(&state, SaveMode::Overwrite { stored_revision }))
                };
                html! {
                    <div class="notice warning" role="alert">
                        <p><strong>{ format!("“{}” was saved in another tab", theirs.name) }</strong>
                           { " after this tab opened it. Nothing was overwritten. What should happen?" }</p>
                        <div class="notice-actions">
                            <button class="button small" type="button" onclick={load}>{ "Load the saved version" }</button>
                            <button class="button small" type="button" onclick={copy}>{ "Save mine as a copy" }</button>
                            <button class="button small ghost" type="button" onclick={overwrite}>{ "Overwrite with mine" }</button>
                        </div>
                    </div>
                }
            }
            Notice::Message(text) => html! {
                <div class="notice info" aria-live="polite">
                    <p>{ text.clone() }</p>
                    <div class="notice-actions">
                        <button class="button small ghost" type="button" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                </div>
            },
            Notice::UpdateReady => html! {
                <div class="notice info" role="status">
                    <p><strong>{ "A new version of Funnelcast is ready." }</strong>
                       { " Your scenarios stay as they are." }</p>
                    <div class="notice-actions">
                        <button class="button small primary" type="button"
                                onclick={Callback::from(|_: MouseEvent| crate::offline::apply_update())}>{ "Reload to update" }</button>
                        <button class="button small ghost" type="button" onclick={dismiss}>{ "Later" }</button>
                    </div>
                </div>
            },
            Notice::WorkerRestarted => html! {
                <div class="notice warning" role="alert">
                    <p><strong>{ "A simulation worker stopped and was restarted." }</strong>
                       { " Its work started again in a new worker; the results are unaffected." }</p>
                    <div class="notice-actions">
                        <button class="button small ghost" type="button" onclick={dismiss}>{ "Dismiss" }</button>
                    </div>
                </div>
            },
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
                    let state = state.clone();
                    Callback::from(move |_: MouseEvent| library_ops::export_backup(&state))
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
    html! { <div class="notices">{ shared_banner }{ for items }</div> }
}
