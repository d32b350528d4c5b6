//! The help overlay listing the keyboard shortcuts.

use super::shortcuts::SHORTCUTS;
use crate::components::Dialog;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShortcutsHelpProps {
    pub on_close: Callback<()>,
}

#[component]
pub fn ShortcutsHelp(props: &ShortcutsHelpProps) -> Html {
    let shortcuts = SHORTCUTS.iter().map(
        |(key, what)| html! { <tr><th scope="row"><kbd>{ *key }</kbd></th><td>{ *what }</td></tr> },
    );
    html! {
        <Dialog title="Keyboard shortcuts" on_close={props.on_close.clone()}>
            <table class="shortcuts" aria-label="Keyboard shortcuts">
                <tbody>{ for shortcuts }</tbody>
            </table>
        </Dialog>
    }
}
