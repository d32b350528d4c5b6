//! A comparison's results: who beats whom, the overlaid distributions, the
//! differences and the funnels side by side.

use super::beats::Beats;
use super::differences::Differences;
use super::funnels::Funnels;
use super::overlay_chart::OverlayChart;
use super::swatch;
use engine::{ComparisonSummary, Measure};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareResultsProps {
    pub summary: Rc<ComparisonSummary>,
    /// The scenarios' names, in the comparison's order.
    pub names: Vec<String>,
    pub currency: String,
    /// More trials are still to come.
    pub running: bool,
}

#[component]
pub fn CompareResults(props: &CompareResultsProps) -> Html {
    let s = &props.summary;
    let by_revenue = s.metric == Measure::Revenue;
    let legend = props.names.iter().enumerate().map(|(k, n)| html! {
        <span class="legend-item"><span class={classes!("swatch", swatch(k))}></span>{ n.clone() }</span>
    });
    html! {
        <div class="compare-results" aria-busy={props.running.to_string()}>
            <Beats summary={s.clone()} names={props.names.clone()} />
            <div class="legend">{ for legend }</div>
            <div class="overlays">
                // Revenue only when every scenario has deal values.
                if by_revenue {
                    <OverlayChart summary={s.clone()} revenue={true} currency={props.currency.clone()} />
                }
                <OverlayChart summary={s.clone()} revenue={false} currency={props.currency.clone()} />
            </div>
            <Differences summary={s.clone()} names={props.names.clone()} currency={props.currency.clone()} />
            <Funnels summary={s.clone()} names={props.names.clone()} />
        </div>
    }
}
