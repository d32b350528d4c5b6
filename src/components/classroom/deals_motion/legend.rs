//! What the dots' colours mean, and how many deals one dot stands for when
//! there are too many to draw each.

use super::super::dot_canvas::MAX_DOTS;
use yew::prelude::*;

/// The legend for a quarter of `deals` deals. Stateless markup, so a plain
/// function: each Yew component costs about half a kilobyte of wasm.
pub fn dot_legend(deals: usize) -> Html {
    html! {
        <ul class="legend" aria-label="Dot colours">
            <li><span class="dot-swatch new-lead"></span>{ "New lead" }</li>
            <li><span class="dot-swatch pipeline"></span>{ "Open pipeline" }</li>
            <li><span class="dot-swatch referral"></span>{ "Referred lead" }</li>
            <li><span class="dot-swatch lost"></span>{ "Lost" }</li>
            <li><span class="dot-swatch won"></span>{ "Won" }</li>
            <li><span class="dot-swatch followed-up"></span>{ "Followed up" }</li>
            if deals > MAX_DOTS {
                <li>{ format!("One dot per {} deals", crate::dots::stride(deals, MAX_DOTS)) }</li>
            }
        </ul>
    }
}
