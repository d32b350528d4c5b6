//! The tornado chart: each lever's change in the mean with its Monte Carlo
//! error, largest first, the stage to fix first highlighted. Geometry from `charts::tornado`; colours
//! from the theme (results.css), by class.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use crate::decisions_text::{mean_and_error, tornado_label};
use crate::money::money;
use charts::tornado::{tornado, LABEL_X};
use engine::decisions::{Measure, SensitivityReport};
use yew::prelude::*;

/// The chart of report `r`, amounts in `currency`.
pub fn tornado_chart(r: &SensitivityReport, currency: &str) -> Html {
    let revenue = r.measure == Measure::Revenue;
    let in_money = |x: f64| money(x, currency);
    let unit = if revenue { "of revenue" } else { "deals won" };
    let pairs: Vec<_> = r
        .effects
        .iter()
        .map(|e| (e.mean_change, e.mean_change_se))
        .collect();
    let t = tornado(&pairs);
    let bars = r.effects.iter().zip(&t.rows).map(|(e, row)| {
        // Levers outside the stages are muted; the stage to fix first stands out.
        let class = match e.stage() {
            None => "bar-muted",
            // Stages tied with the first stand out with it.
            Some(i) if Some(i) == r.first_to_fix || r.tied_with.contains(&i) => "bar-first",
            Some(_) => "bar",
        };
        let (v, err) = mean_and_error(e.mean_change, e.mean_change_se, revenue, &in_money);
        html! {
            <g>
                <title>{ format!("{}: {v} ± {err} {unit} on average", e.label) }</title>
                <text x={LABEL_X.to_string()} y={row.text_y.to_string()} text-anchor="end" class="tornado-label">{ e.label.clone() }</text>
                <rect {class} x={row.bar_x.to_string()} y={row.bar_y.to_string()}
                      width={row.bar_width.to_string()} height={row.bar_height.to_string()} />
                <line class="error-bar" x1={row.error_x1.to_string()} x2={row.error_x2.to_string()}
                      y1={row.error_y.to_string()} y2={row.error_y.to_string()} stroke-width="1.5" />
                <text x={row.value_x.to_string()} y={row.text_y.to_string()} class="tornado-value">{ v }</text>
            </g>
        }
    });
    html! {
        <svg class="chart tornado" viewBox={format!("0 0 {} {}", t.width, t.height)} role="img"
             aria-label={tornado_label(r)}>
            <line class="axis" x1={t.zero_x.to_string()} x2={t.zero_x.to_string()}
                  y1={t.axis_y1.to_string()} y2={t.axis_y2.to_string()} />
            { for bars }
        </svg>
    }
}
