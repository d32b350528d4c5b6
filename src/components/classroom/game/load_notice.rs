//! The notice for a stored game that could not be read: what is wrong,
//! where the damaged copy was kept, and the damaged text itself.
//! A plain function: each Yew component type costs about half a kilobyte of
//! wasm.

use crate::app::GameStore;
use crate::download::download_text;
use yew::prelude::*;

/// The notice, if loading found a problem and it was not dismissed.
pub fn load_notice(store: &GameStore, on_dismiss: Callback<MouseEvent>) -> Html {
    let Some(problem) = store.load_problem.as_deref() else {
        return html! {};
    };
    let kept = match &problem.kept_as {
        Some(key) => {
            format!("The damaged copy was kept in this browser under “{key}”; nothing was deleted.")
        }
        None if problem.raw.is_empty() => "This browser's storage cannot be read.".to_owned(),
        None => "The stored game was left untouched, so this game is not saved over it.".to_owned(),
    };
    let download = {
        let raw = problem.raw.clone();
        Callback::from(move |_: MouseEvent| {
            download_text("funnelcast-unreadable-game.json", "application/json", &raw);
        })
    };
    html! {
        <div class="notice warning game-notice" role="alert" data-testid="game-load-notice">
            <p><strong>{ "The saved calibration game could not be read" }</strong>
               { format!(": {}. A new game was set up. {kept}", problem.reason) }</p>
            if !problem.raw.is_empty() {
                <details>
                    <summary>{ "Show the damaged data" }</summary>
                    <pre class="game-raw">{ problem.raw.to_string() }</pre>
                </details>
            }
            <div class="notice-actions">
                if !problem.raw.is_empty() {
                    <button class="cl-button" type="button" onclick={download}>{ "Download the damaged data" }</button>
                }
                <button class="cl-button" type="button" onclick={on_dismiss}>{ "Dismiss" }</button>
            </div>
        </div>
    }
}
