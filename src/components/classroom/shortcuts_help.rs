//! The help overlay listing the keyboard shortcuts.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::shortcuts::SHORTCUTS;
use crate::components::Dialog;
use yew::prelude::*;

/// The overlay; `on_close` closes it.
pub fn shortcuts_help(on_close: Callback<()>) -> Html {
    let shortcuts = SHORTCUTS.iter().map(
        |(key, what)| html! { <tr><th scope="row"><kbd>{ *key }</kbd></th><td>{ *what }</td></tr> },
    );
    html! {
        <Dialog title="Keyboard shortcuts" on_close={on_close}>
            <table class="shortcuts" aria-label="Keyboard shortcuts">
                <tbody>{ for shortcuts }</tbody>
            </table>
        </Dialog>
    }
}
