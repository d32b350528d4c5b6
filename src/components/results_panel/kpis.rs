//! The headline figures: Commit (P10), Most likely (P50), Best case (P90)
//! and, with a target, the chance of reaching it.

use charts::format;
use engine::{Probability, Stat};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KpisProps {
    /// Revenue when deals have values, else deals won.
    pub stat: Stat,
    /// "Revenue" or "Deals won".
    pub what: AttrValue,
    pub format: Callback<f64, String>,
    pub chance: Option<Probability>,
}

#[component]
pub fn Kpis(props: &KpisProps) -> Html {
    let (main, f) = (&props.stat, &props.format);
    html! {
        <div class="kpis">
            <div class="kpi">
                <span class="kpi-label">{ "Commit (P10)" }</span>
                <span class="kpi-value" data-testid="commit">{ f.emit(main.p10) }</span>
                <span class="kpi-sub">{ format!("{}: 9 in 10 outcomes reach this", props.what) }</span>
            </div>
            <div class="kpi main">
                <span class="kpi-label">{ "Most likely (P50)" }</span>
                <span class="kpi-value" data-testid="most-likely">{ f.emit(main.p50) }</span>
                <span class="kpi-sub">{ format!("mean {} ± {}", f.emit(main.mean), f.emit(main.se)) }</span>
            </div>
            <div class="kpi">
                <span class="kpi-label">{ "Best case (P90)" }</span>
                <span class="kpi-value" data-testid="best-case">{ f.emit(main.p90) }</span>
                <span class="kpi-sub">{ "1 in 10 outcomes does better" }</span>
            </div>
            if let Some(p) = &props.chance {
                <div class="kpi">
                    <span class="kpi-label">{ "Chance of target" }</span>
                    <span class="kpi-value" data-testid="chance">{ format::percent(p.p) }</span>
                    <span class="kpi-sub">{ format!("± {} (Monte Carlo error)", format::percent(p.se)) }</span>
                </div>
            }
        </div>
    }
}
