//! A comparison's results: who beats whom, the overlaid distributions, the
//! differences and the funnels side by side.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use super::beats::beats;
use super::differences::differences;
use super::funnels::funnels;
use super::overlay_chart::overlay_chart;
use super::swatch;
use engine::{ComparisonSummary, Measure};
use yew::prelude::*;

/// The results of `s`; `names` are the scenarios' names in the comparison's
/// order, and `running` says more trials are still to come.
pub fn compare_results(
    s: &ComparisonSummary,
    names: &[String],
    currency: &str,
    running: bool,
) -> Html {
    let by_revenue = s.metric == Measure::Revenue;
    let legend = names.iter().enumerate().map(|(k, n)| html! {
        <span class="legend-item"><span class={classes!("swatch", swatch(k))}></span>{ n.clone() }</span>
    });
    html! {
        <div class="compare-results" aria-busy={running.to_string()}>
            { beats(s, names) }
            <div class="legend">{ for legend }</div>
            <div class="overlays">
                // Revenue only when every scenario has deal values.
                if by_revenue {
                    { overlay_chart(s, true, currency) }
                }
                { overlay_chart(s, false, currency) }
            </div>
            { differences(s, names, currency) }
            { funnels(s, names) }
        </div>
    }
}
