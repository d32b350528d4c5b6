//! Play / pause, a week back or forward, the speed, and a restart with a
//! new seed.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use crate::motion::{Motion, MotionAction, SPEEDS};
use yew::prelude::*;

/// The controls of `motion`; `reduced` (the user asked for reduced motion)
/// is said next to them.
pub fn motion_controls(motion: &UseReducerHandle<Motion>, reduced: bool) -> Html {
    let on = |action: fn() -> MotionAction| {
        let dispatcher = motion.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action()))
    };
    let on_speed = {
        let dispatcher = motion.dispatcher();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(speed) = select.value().parse::<f64>() {
                dispatcher.dispatch(MotionAction::SetSpeed(speed));
            }
        })
    };
    let speeds = SPEEDS.iter().map(|&s| {
        let label = match s {
            0.25 => "¼ week per second".to_owned(),
            0.5 => "½ week per second".to_owned(),
            1.0 => "1 week per second".to_owned(),
            _ => format!("{s} weeks per second"),
        };
        html! { <option value={s.to_string()} selected={s == motion.speed}>{ label }</option> }
    });
    html! {
        <div class="motion-controls" role="group" aria-label="Animation controls">
            <button type="button" class="cl-button primary" onclick={on(|| MotionAction::TogglePlay)}
                    aria-keyshortcuts="Space">{ if motion.playing { "Pause" } else { "Play" } }</button>
            <button type="button" class="cl-button" onclick={on(|| MotionAction::Step(-1))}
                    aria-keyshortcuts="ArrowLeft" aria-label="Step back one week">{ "◀ Week" }</button>
            <button type="button" class="cl-button" onclick={on(|| MotionAction::Step(1))}
                    aria-keyshortcuts="ArrowRight" aria-label="Step one week">{ "Week ▶" }</button>
            <label class="speed">{ "Speed" }
                <select onchange={on_speed}>{ for speeds }</select>
            </label>
            <button type="button" class="cl-button" onclick={on(|| MotionAction::Restart)}
                    aria-keyshortcuts="R" aria-label="Restart with a new seed">{ "Restart (new seed)" }</button>
            if reduced {
                <span class="reduced-note">{ "Reduced motion: the quarter moves a week at a time." }</span>
            }
        </div>
    }
}
