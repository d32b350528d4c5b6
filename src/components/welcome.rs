//! The first screen of a first visit: what Funnelcast answers and three ways
//! into a forecast. Returning users never see it (see `app::startup`).
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::HISTORY_PICKER_ID;
use crate::library_ops;
use crate::presets::{default_draft_sentence, PRESETS};
use crate::state::{Action, AppState, Notice};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The welcome, leaving it through `state`. Choosing a way in is the user's
/// first choice, so it saves the draft: a reload then opens the workspace.
pub fn welcome(state: &UseReducerHandle<AppState>) -> Html {
    let presets = PRESETS.iter().enumerate().map(|(i, p)| {
        let state = state.clone();
        let make = p.scenario;
        // Opening changes the form, so the autosave keeps it.
        let open =
            Callback::from(move |_: MouseEvent| library_ops::open_unsaved(&state, make(), false));
        let about = format!("welcome-preset-{i}");
        html! {
            <li>
                <button type="button" class="welcome-choice" onclick={open}
                        aria-label={p.name} aria-describedby={about.clone()}>
                    <strong>{ p.name }</strong>
                    <span id={about}>{ p.sentence }</span>
                </button>
            </li>
        }
    });
    let currency = state.currency.clone();
    let about_blank = default_draft_sentence(&|v| crate::money::money_compact(v, &currency));
    // Leaving for the workspace keeps the draft on screen (and its results):
    // it did not change, so the autosave would not save it by itself.
    let leave = {
        let state = state.clone();
        move || {
            if let Some(draft) = &state.scenario {
                if let Err(e) = library_ops::save_draft(draft) {
                    state.dispatch(Action::Notify(Notice::SaveFailed(e.to_string())));
                }
            }
            state.dispatch(Action::LeaveWelcome);
        }
    };
    let blank = {
        let leave = leave.clone();
        Callback::from(move |_: MouseEvent| leave())
    };
    // The file picker is the library panel's: open it once the workspace is
    // drawn (still within the click's user activation).
    let from_crm = Callback::from(move |_: MouseEvent| {
        leave();
        Timeout::new(0, || {
            let picker = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(HISTORY_PICKER_ID))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(picker) = picker {
                picker.click();
            }
        })
        .forget();
    });
    html! {
        <main class="welcome" aria-labelledby="welcome-title">
            <svg class="brand-mark welcome-mark" viewBox="0 0 32 32" aria-hidden="true">
                <path d="M3 5h26l-9 11v9l-8 4V16z" />
            </svg>
            <h1 id="welcome-title">{ "Welcome to Funnelcast" }</h1>
            <p class="welcome-lead">
                { "What are the chances of hitting this quarter's target? Funnelcast plays your sales \
                   funnel out ten thousand times and shows what is likely, what could go wrong and \
                   which stage to fix first." }
            </p>
            <p class="welcome-note">
                { "Everything runs in your browser; nothing is stored until you choose a way in, and \
                   every number can be changed afterwards." }
            </p>
            <div class="welcome-ways">
                <section class="welcome-way" aria-labelledby="way-crm">
                    <h2 id="way-crm">{ "From your data" }</h2>
                    <p>{ "Your CRM's deals export gives the rates and durations of your own stages." }</p>
                    <button type="button" class="button primary" onclick={from_crm}>{ "Start from your CRM export" }</button>
                </section>
                <section class="welcome-way" aria-labelledby="way-presets">
                    <h2 id="way-presets">{ "Start from a preset" }</h2>
                    <ul class="welcome-presets">{ for presets }</ul>
                </section>
                <section class="welcome-way" aria-labelledby="way-blank">
                    <h2 id="way-blank">{ "Your own numbers" }</h2>
                    <p id="way-blank-about">{ about_blank }</p>
                    <button type="button" class="button primary" onclick={blank}
                            aria-describedby="way-blank-about">{ "Start blank" }</button>
                </section>
            </div>
        </main>
    }
}
