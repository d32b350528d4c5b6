//! The ready-made lessons: pick one to load its scenario, read what to ask
//! the room, try the change, and say what to notice.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use crate::lessons::{Lesson, LESSONS};
use yew::prelude::*;

/// The list of lessons. `active` is the identifier of the lesson loaded and
/// whether its change is applied; `on_load` loads a lesson, before (false)
/// or after (true) its change.
pub fn lesson_strip(
    active: Option<(&'static str, bool)>,
    on_load: &Callback<(&'static Lesson, bool)>,
) -> Html {
    let buttons = LESSONS.iter().map(|lesson| {
        let pressed = active.is_some_and(|(id, _)| id == lesson.id);
        let load = on_load.reform(move |_: MouseEvent| (lesson, false));
        html! {
            <li>
                <button type="button" class={classes!("lesson-button", pressed.then_some("active"))}
                        aria-pressed={pressed.to_string()} onclick={load}>{ lesson.title }</button>
            </li>
        }
    });
    html! {
        <nav class="lessons" aria-label="Lessons">
            <ul class="lesson-list" aria-label="Lessons">{ for buttons }</ul>
        </nav>
    }
}

/// The active lesson's card (nothing when none is active), with the same
/// arguments as [`lesson_strip`]; `on_share` opens the QR code of the
/// lesson's scenario as loaded (the header's "Share to phones" dialog).
pub fn lesson_card(
    active: Option<(&'static str, bool)>,
    on_load: &Callback<(&'static Lesson, bool)>,
    on_share: &Callback<()>,
) -> Html {
    let card = active.and_then(|(id, changed)| {
        let lesson = crate::lessons::by_id(id)?;
        let toggle = on_load.reform(move |_: MouseEvent| (lesson, !changed));
        let share = on_share.reform(|_: MouseEvent| ());
        Some(html! {
            <article class="lesson-card" aria-labelledby="lesson-title">
                <h2 id="lesson-title">{ lesson.title }</h2>
                if changed {
                    <p><strong>{ "Change applied: " }</strong>{ lesson.change }</p>
                    <p class="lesson-notice"><strong>{ "What the class should notice: " }</strong>{ lesson.notice }</p>
                } else {
                    <p>{ lesson.story }</p>
                    <p class="lesson-step"><strong>{ "Then try: " }</strong>{ lesson.change }</p>
                }
                <div class="lesson-actions">
                    <button type="button" class="cl-button" onclick={toggle}>
                        { if changed { "Back to the starting scenario" } else { "Apply the change" } }
                    </button>
                    <button type="button" class="cl-button" onclick={share}>{ "Share this lesson to phones" }</button>
                </div>
            </article>
        })
    });
    html! { <>{ for card }</> }
}
