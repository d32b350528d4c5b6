//! The headline figures: Commit (P10), Most likely (P50), Best case (P90)
//! and, with a target, the chance of reaching it.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::format;
use engine::{Measure, Probability, Stat};
use yew::prelude::*;

/// The figures of `main` (revenue when deals have values, else deals won),
/// the `measure`, named by `what` ("Revenue" or "Deals won") and written by
/// `f`, and the chance of the target if there is one.
pub fn kpis(
    main: &Stat,
    measure: Measure,
    what: &str,
    f: &Callback<f64, String>,
    chance: Option<&Probability>,
) -> Html {
    // A mean of deals is known to a fraction of a deal: written as whole
    // deals, its error would read "± 0". Money stays in whole units.
    let mean = match measure {
        Measure::Won => format::mean_with_error(main.mean, main.se),
        Measure::Revenue => format!("{} ± {}", f.emit(main.mean), f.emit(main.se)),
    };
    html! {
        <div class="kpis">
            <div class="kpi">
                <span class="kpi-label">{ "Commit (P10)" }</span>
                <span class="kpi-value" data-testid="commit">{ f.emit(main.p10) }</span>
                <span class="kpi-sub">{ format!("{what}: 9 in 10 outcomes reach this") }</span>
            </div>
            <div class="kpi main">
                <span class="kpi-label">{ "Most likely (P50)" }</span>
                <span class="kpi-value" data-testid="most-likely">{ f.emit(main.p50) }</span>
                <span class="kpi-sub">{ format!("mean {mean}") }</span>
            </div>
            <div class="kpi">
                <span class="kpi-label">{ "Best case (P90)" }</span>
                <span class="kpi-value" data-testid="best-case">{ f.emit(main.p90) }</span>
                <span class="kpi-sub">{ "1 in 10 outcomes does better" }</span>
            </div>
            if let Some(p) = chance {
                <div class="kpi">
                    <span class="kpi-label">{ "Chance of target" }</span>
                    <span class="kpi-value" data-testid="chance">{ format::percent(p.p) }</span>
                    <span class="kpi-sub">{ format!("± {} (Monte Carlo error)", format::percent(p.se)) }</span>
                </div>
            }
        </div>
    }
}
