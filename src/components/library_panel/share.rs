//! "Copy share link": the scenario in a link's fragment, copied to the
//! clipboard and shown with a warning about what it contains.

use crate::library_ops;
use crate::state::AppState;
use yew::prelude::*;

/// Copies a link to this page holding the current scenario to the
/// clipboard, and returns it (None outside a browser window, or when no
/// link could be made: the user is told why).
pub fn copy_share_link(state: &UseReducerHandle<AppState>) -> Option<String> {
    let window = web_sys::window()?;
    let base = crate::share_link::page_address()?;
    let link = format!("{base}#{}", library_ops::share_fragment(state)?);
    let _ = window.navigator().clipboard().write_text(&link);
    Some(link)
}

/// The copied link, with what it reveals. Stateless markup, so a plain
/// function: each Yew component costs about half a kilobyte of wasm.
pub fn share_box(link: &str) -> Html {
    html! {
        <div class="share-box" aria-live="polite">
            <p>{ "Link copied. It contains this scenario's numbers, including your open pipeline: share it only with people who may see them." }</p>
            <input type="text" readonly=true aria-label="Share link" value={link.to_owned()} />
        </div>
    }
}
