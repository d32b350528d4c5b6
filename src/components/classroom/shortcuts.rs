//! The classroom's keyboard shortcuts (Space, arrows, R, F, ?), listened
//! for on the whole document while no dialog is open and the classroom's own
//! view is shown (not the facilitator sheet, not the calibration game).

use super::screen::{document, toggle_full_screen};
use crate::motion::{Motion, MotionAction};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The shortcuts and what they do, as the help lists them.
pub const SHORTCUTS: [(&str, &str); 6] = [
    ("Space", "Play or pause"),
    ("→", "Step one week"),
    ("←", "Step back one week"),
    ("R", "Restart with a new seed: the next quarter of the run"),
    ("F", "Full screen on or off"),
    ("?", "Show these shortcuts"),
];

/// Keys typed into a field belong to the field, not to the shortcuts.
fn typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Drives `motion` from the keyboard, toggles full screen for `root` and
/// opens the help (`help`); quiet while the help is open or while `away`
/// (another view or dialog covers the animation, whose keys would act
/// unseen or belong to the dialog).
#[hook]
pub fn use_shortcuts(
    motion: UseReducerDispatcher<Motion>,
    help: UseStateHandle<bool>,
    root: NodeRef,
    away: bool,
) {
    use_effect_with((*help, away), move |&(open, away)| {
        let open = open || away;
        let listener = document().map(|d| {
            gloo::events::EventListener::new_with_options(
                &d,
                "keydown",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if open || typing(e) || e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let handled = match e.key().as_str() {
                        " " => Some(MotionAction::TogglePlay),
                        "ArrowRight" => Some(MotionAction::Step(1)),
                        "ArrowLeft" => Some(MotionAction::Step(-1)),
                        "r" | "R" => Some(MotionAction::Restart),
                        "f" | "F" => {
                            toggle_full_screen(&root);
                            None
                        }
                        "?" => {
                            help.set(true);
                            None
                        }
                        _ => return,
                    };
                    e.prevent_default();
                    if let Some(action) = handled {
                        motion.dispatch(action);
                    }
                },
            )
        });
        move || drop(listener)
    });
}
