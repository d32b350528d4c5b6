//! The screen the classroom is shown on: the system's reduced-motion
//! setting and full screen, followed as they change.

use yew::prelude::*;

/// What the classroom needs to know about the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    /// The user's system asks for reduced motion.
    pub reduced_motion: bool,
    /// The page is in full screen.
    pub full: bool,
}

pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn reduced_motion_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
}

/// True when the user's system asks for reduced motion.
fn prefers_reduced_motion() -> bool {
    reduced_motion_query().is_some_and(|m| m.matches())
}

/// Full screen for `root`, or back out of it.
pub fn toggle_full_screen(root: &NodeRef) {
    let Some(doc) = document() else { return };
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(el) = root.cast::<web_sys::Element>() {
        let _ = el.request_fullscreen();
    }
}

/// The screen, updated when the reduced-motion setting or full screen
/// changes.
#[hook]
pub fn use_screen() -> Screen {
    let reduced = use_state(prefers_reduced_motion);
    let full = use_state(|| false);
    {
        let (reduced, full) = (reduced.clone(), full.clone());
        use_effect_with((), move |_| {
            let on_media = reduced_motion_query().map(|m| {
                let target = m.clone();
                gloo::events::EventListener::new(&m, "change", move |_| {
                    reduced.set(target.matches())
                })
            });
            let on_full = document().map(|d| {
                gloo::events::EventListener::new(&d, "fullscreenchange", move |_| {
                    full.set(document().and_then(|d| d.fullscreen_element()).is_some())
                })
            });
            move || drop((on_media, on_full))
        });
    }
    Screen {
        reduced_motion: *reduced,
        full: *full,
    }
}
