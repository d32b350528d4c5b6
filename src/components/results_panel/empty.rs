//! The results panel before the first forecast: what to do to get one.
//! Stateless markup, so a plain function: each Yew component costs about
//! half a kilobyte of the app's wasm budget.

use yew::prelude::*;

pub fn empty_results() -> Html {
    html! {
        <section class="panel results empty" aria-labelledby="results-title">
            <h2 id="results-title">{ "Forecast" }</h2>
            <div class="empty-state">
                <svg viewBox="0 0 120 80" aria-hidden="true" class="empty-art">
                    <path d="M10 8h100L74 40v22l-28 12V40z" />
                </svg>
                <p>{ "Set your lead volume and stage rates: the forecast appears as you type. " }
                   { "Press " }<strong>{ "Run" }</strong>{ " to start it again." }</p>
            </div>
        </section>
    }
}
