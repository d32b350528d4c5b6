//! The facilitator sheet: the 45-minute session plan (`crate::facilitator`)
//! as a printable page, one to two A4 pages with no app chrome. A plain
//! function: each Yew component type costs about half a kilobyte of wasm.

use crate::facilitator::{BEFORE, PLAN, SESSION_MINUTES};
use yew::prelude::*;

/// The sheet, with Print and a way back (neither printed).
pub fn facilitator_sheet(on_close: &Callback<()>, heading: NodeRef) -> Html {
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let mut start = 0;
    let blocks = PLAN.iter().map(|block| {
        let (from, to) = (start, start + block.minutes);
        start = to;
        html! {
            <section class="sheet-block" aria-label={block.heading()}>
                <h2>
                    <span class="sheet-time" data-minutes={block.minutes.to_string()}>
                        { format!("{from}–{to} min") }</span>
                    { block.heading() }
                    <span class="sheet-length">{ format!(" · {} min", block.minutes) }</span>
                </h2>
                <p><strong>{ "Run: " }</strong>{ block.run }</p>
                <p><strong>{ "Ask the room: " }</strong>
                    { for block.ask.iter().map(|q| html! { <q>{ *q }</q> }) }</p>
                <p><strong>{ "Look for: " }</strong>{ block.look_for }</p>
            </section>
        }
    });
    html! {
        <main class="sheet" aria-labelledby="sheet-title">
            <div class="sheet-actions">
                <button type="button" class="button primary" onclick={print}>{ "Print" }</button>
                <button type="button" class="button" onclick={on_close.reform(|_: MouseEvent| ())}>
                    { "Back to classroom" }</button>
            </div>
            <h1 id="sheet-title" ref={heading} tabindex="-1">
                { format!("Funnelcast: a {SESSION_MINUTES}-minute forecasting session") }</h1>
            <p class="sheet-before"><strong>{ "Before the session: " }</strong>{ BEFORE }</p>
            { for blocks }
        </main>
    }
}
