//! The game's file and reset controls: Export game (a `.json` file),
//! Import game… (the current game stays untouched unless the file is a good
//! game), Reset game (back to set-up, the same seed) and New game (a new
//! seed); both resets ask once more before they clear anything.

use crate::app::use_game;
use crate::download::download_text;
use crate::game::GameAction;
use crate::storage::{export_game, import_game, MAX_GAME_FILE_BYTES};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// What the controls last said.
#[derive(Clone, PartialEq)]
enum Said {
    Nothing,
    Done(String),
    Problem(String),
}

/// A reset waiting for its confirmation.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    Reset,
    New,
}

/// A seed for a new game: the same seed would replay the same quarters.
fn new_seed() -> u64 {
    (js_sys::Math::random() * 4_294_967_296.0) as u64
}

#[component]
pub fn GameFiles() -> Html {
    let store = use_game();
    let said = use_state(|| Said::Nothing);
    let pending = use_state(|| None::<Pending>);

    let export = {
        let (store, said) = (store.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let game = store.game();
            let name = format!("funnelcast-game-{}.json", game.seed);
            said.set(match export_game(&game) {
                Ok(text) if download_text(&name, "application/json", &text) => {
                    Said::Done(format!("Saved “{name}”."))
                }
                Ok(_) => Said::Problem("The browser refused the download.".to_owned()),
                Err(e) => Said::Problem(format!("The game could not be exported: {e}.")),
            });
        })
    };
    let import = {
        let (store, said) = (store.clone(), said.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // The same file picked again is a new pick.
            input.set_value("");
            let name = file.name();
            if file.size() > MAX_GAME_FILE_BYTES as f64 {
                said.set(Said::Problem(format!(
                    "“{name}” was not imported: it is larger than the {} KB allowed.",
                    MAX_GAME_FILE_BYTES / 1024
                )));
                return;
            }
            let (store, said) = (store.clone(), said.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|t| t.as_string());
                said.set(match text.map(|t| import_game(&t)) {
                    Some(Ok(game)) => {
                        store.replace(game);
                        Said::Done(format!("Imported “{name}”."))
                    }
                    Some(Err(e)) => Said::Problem(format!("“{name}” was not imported: {e}.")),
                    None => Said::Problem(format!("“{name}” could not be read.")),
                });
            });
        })
    };
    let ask = |which: Pending| {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| {
            pending.set(Some(which));
            super::focus_later("game-confirm-yes".to_owned());
        })
    };
    let confirm = {
        let (store, pending, said) = (store.clone(), pending.clone(), said.clone());
        Callback::from(move |_: MouseEvent| {
            let seed = match *pending {
                Some(Pending::Reset) => None,
                Some(Pending::New) => Some(new_seed()),
                None => return,
            };
            if store.apply(GameAction::Reset(seed)).is_ok() {
                said.set(Said::Done(match seed {
                    Some(s) => format!("A new game with seed {s}: set up the teams and rounds."),
                    None => "The game is back at set-up, with the same seed.".to_owned(),
                }));
            }
            pending.set(None);
        })
    };
    let cancel = {
        let pending = pending.clone();
        Callback::from(move |_: MouseEvent| pending.set(None))
    };
    let question = (*pending).map(|p| match p {
        Pending::Reset => ("Reset the game? Every round's ranges and results are cleared; teams and seed stay.", "Yes, reset the game"),
        Pending::New => ("Start a new game? Every round's ranges and results are cleared and the mystery quarters change.", "Yes, start a new game"),
    });
    html! {
        <div class="game-files" role="group" aria-label="Game file">
            <button type="button" class="cl-button" onclick={export}>{ "Export game" }</button>
            <label class="cl-button file-pick">{ "Import game…" }
                <input type="file" accept=".json,application/json" class="visually-hidden"
                       aria-label="Import game" onchange={import} /></label>
            <button type="button" class="cl-button" onclick={ask(Pending::Reset)}>{ "Reset game" }</button>
            <button type="button" class="cl-button" onclick={ask(Pending::New)}>{ "New game" }</button>
            { super::slot(match question {
                Some((text, yes)) => html! {
                    <div class="game-confirm" role="group" aria-label="Confirm">
                        <p>{ text }</p>
                        <button type="button" id="game-confirm-yes" class="cl-button primary" onclick={confirm}>{ yes }</button>
                        <button type="button" class="cl-button" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                },
                None => html! {},
            }) }
            { super::slot(match &*said {
                Said::Nothing => html! {},
                Said::Done(t) => html! { <p class="game-said" role="status">{ t.clone() }</p> },
                Said::Problem(t) => html! { <p class="game-problem" role="alert">{ t.clone() }</p> },
            }) }
        </div>
    }
}
