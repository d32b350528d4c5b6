//! "Share to phones": the classroom's scenario as a share link, drawn as a
//! QR code large enough to scan off a projector from the back of a room,
//! with the link as text and Copy link. The link is the workspace's own
//! (`share_link`); the code is drawn from `share_qr`'s geometry.

use crate::components::Dialog;
use crate::share_qr::{QrPicture, QrProblem, MAX_BYTES};
use charts::format;
use engine::ScenarioInput;
use std::rc::Rc;
use yew::prelude::*;

/// The dialog's title, also its accessible name.
pub const TITLE: &str = "Open this scenario on your phone";

#[derive(Properties, PartialEq)]
pub struct SharePhonesProps {
    /// The scenario the classroom shows.
    pub scenario: Rc<ScenarioInput>,
    pub on_close: Callback<()>,
}

/// What Copy link last did, said beside the button.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Refused,
}

/// The code as SVG: a white square (the quiet zone included) and the dark
/// modules as one path, one unit per module.
fn qr_svg(picture: &QrPicture, name: &str) -> Html {
    let side = picture.side().to_string();
    html! {
        <svg class="share-qr-code" role="img" aria-label={format!("QR code for {name}")}
             viewBox={picture.view_box()} shape-rendering="crispEdges">
            <rect class="qr-light" width={side.clone()} height={side} />
            <path class="qr-dark" d={picture.path()} />
        </svg>
    }
}

/// The link's code and the line saying how to use it; when the link is too
/// long for a code, why there is none and a line about the link alone.
fn code(link: &str, name: &str) -> (Html, &'static str) {
    match QrPicture::encode(link) {
        Ok(picture) => (
            qr_svg(&picture, name),
            "Scan to open this scenario on your phone. Nothing is uploaded: the scenario is in the link.",
        ),
        Err(QrProblem::TooLong { bytes }) => (
            html! {
                <p class="share-qr-too-long" role="status">{ format!(
                    "This scenario's link is too long for a QR code ({} characters; a QR code holds at most {}). \
                     Copy the link below and send it to the room instead.",
                    format::count(bytes as f64), format::count(MAX_BYTES as f64)) }</p>
            },
            "Open the link on your phone. Nothing is uploaded: the scenario is in the link.",
        ),
    }
}

#[component]
pub fn SharePhones(props: &SharePhonesProps) -> Html {
    let copied = use_state(|| Copied::Not);
    // The link and its code, made once per scenario (not again when Copy
    // link re-renders the dialog).
    let shared = use_memo(props.scenario.clone(), |scenario| {
        let page = crate::share_link::page_address().unwrap_or_default();
        crate::share_link::share_url(&page, scenario)
            .map(|link| (code(&link, &scenario.name), link))
            .map_err(|e| e.to_string())
    });
    let body = match &*shared {
        Err(e) => html! { <p role="alert">{ format!("No share link was made: {e}.") }</p> },
        Ok(((code, how), link)) => {
            let on_copy = {
                let (copied, link) = (copied.clone(), link.clone());
                Callback::from(move |_: MouseEvent| {
                    let Some(window) = web_sys::window() else {
                        return;
                    };
                    let promise = window.navigator().clipboard().write_text(&link);
                    let copied = copied.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                        copied.set(if done { Copied::Done } else { Copied::Refused });
                    });
                })
            };
            let said = match *copied {
                Copied::Not => "",
                Copied::Done => "Link copied.",
                Copied::Refused => {
                    "The browser did not allow copying: select the link and copy it."
                }
            };
            html! {
                <div class="share-qr">
                    { code.clone() }
                    <p class="share-qr-name">{ props.scenario.name.clone() }</p>
                    <p class="share-qr-how">{ *how }</p>
                    <p class="share-qr-link" data-testid="share-qr-link">{ link.clone() }</p>
                    <div class="share-qr-copy">
                        <button type="button" class="cl-button" onclick={on_copy}>{ "Copy link" }</button>
                        <span role="status">{ said }</span>
                    </div>
                </div>
            }
        }
    };
    html! { <Dialog title={TITLE} on_close={props.on_close.clone()}>{ body }</Dialog> }
}
