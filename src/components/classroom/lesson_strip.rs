//! The ready-made lessons: pick one to load its scenario, read what to ask
//! the room, try the change, and say what to notice.

use crate::lessons::{Lesson, LESSONS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonStripProps {
    /// Identifier of the lesson loaded, and whether its change is applied.
    pub active: Option<(&'static str, bool)>,
    /// Loads a lesson: before (false) or after (true) its change.
    pub on_load: Callback<(&'static Lesson, bool)>,
    /// Show the active lesson's card (true) or the list of lessons (false).
    #[prop_or_default]
    pub card: bool,
}

#[component]
pub fn LessonStrip(props: &LessonStripProps) -> Html {
    let buttons = LESSONS.iter().map(|lesson| {
        let pressed = props.active.is_some_and(|(id, _)| id == lesson.id);
        let load = props.on_load.reform(move |_: MouseEvent| (lesson, false));
        html! {
            <li>
                <button type="button" class={classes!("lesson-button", pressed.then_some("active"))}
                        aria-pressed={pressed.to_string()} onclick={load}>{ lesson.title }</button>
            </li>
        }
    });
    let card = props.active.and_then(|(id, changed)| {
        let lesson = crate::lessons::by_id(id)?;
        let toggle = props.on_load.reform(move |_: MouseEvent| (lesson, !changed));
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
                <button type="button" class="cl-button" onclick={toggle}>
                    { if changed { "Back to the starting scenario" } else { "Apply the change" } }
                </button>
            </article>
        })
    });
    if props.card {
        return html! { <>{ for card }</> };
    }
    html! {
        <nav class="lessons" aria-label="Lessons">
            <ul class="lesson-list" aria-label="Lessons">{ for buttons }</ul>
        </nav>
    }
}
