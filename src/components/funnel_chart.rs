//! The funnel as an SVG bar chart: one bar per stage (mean), a whisker for
//! the P10–P90 band, and the drop-off from the stage above.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::format;
use charts::funnel::{leakiest, Funnel};
use engine::Summary;
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const LABEL_W: f64 = 170.0;
const VALUE_W: f64 = 130.0;

/// The chart of `summary`'s stages.
pub fn funnel_chart(summary: &Summary) -> Html {
    let stages = &summary.stages;
    let highest = stages
        .iter()
        .map(|s| s.reached.p90.max(s.reached.mean))
        .fold(0.0, f64::max);
    let f = Funnel::new(WIDTH, LABEL_W, VALUE_W, highest);
    let height = Funnel::height(stages.len());
    let drops: Vec<Option<f64>> = stages.iter().map(|s| s.drop_off).collect();
    let leakiest = leakiest(&drops);
    let rows = stages.iter().enumerate().map(|(i, stage)| {
        let mid = Funnel::mid(i);
        let r = &stage.reached;
        let bar_w = f.bar_width(r.mean);
        let drop = match (i, stage.drop_off) {
            (0, _) => "leads in".to_owned(),
            (6, Some(d)) => format!("won · −{}", format::percent(d)),
            (_, Some(d)) => format!("−{} from above", format::percent(d)),
            (_, None) => "no deals above".to_owned(),
        };
        let band = format!("P10 {} – P90 {}", format::count(r.p10), format::count(r.p90));
        let leak = leakiest == Some(i);
        html! {
            <g class={classes!("funnel-row", (i == 6).then_some("after-sale"), leak.then_some("leak"))}>
                <title>{ format!("{}: mean {} ({band}); {drop}", stage.name, format::mean(r.mean)) }</title>
                <text class="label" x={(LABEL_W - 10.0).to_string()} y={(mid + 4.0).to_string()} text-anchor="end">{ stage.name.clone() }</text>
                <rect class="bar" x={LABEL_W.to_string()} y={(mid - 10.0).to_string()}
                      width={bar_w.to_string()} height="20" rx="3" />
                if leak {
                    <text class="leak-label" x={f.after_bar(bar_w).to_string()}
                          y={(mid + 4.0).to_string()}>{ "biggest leak" }</text>
                }
                <line class="band" x1={f.x(r.p10).to_string()} x2={f.x(r.p90).to_string()}
                      y1={mid.to_string()} y2={mid.to_string()} stroke-width="2.5" />
                <line class="band-cap" x1={f.x(r.p10).to_string()} x2={f.x(r.p10).to_string()}
                      y1={(mid - 6.0).to_string()} y2={(mid + 6.0).to_string()} stroke-width="2.5" />
                <line class="band-cap" x1={f.x(r.p90).to_string()} x2={f.x(r.p90).to_string()}
                      y1={(mid - 6.0).to_string()} y2={(mid + 6.0).to_string()} stroke-width="2.5" />
                <text class="value" x={f.value_x().to_string()} y={(mid - 1.0).to_string()}>{ format::mean(r.mean) }</text>
                <text class="sub" x={f.value_x().to_string()} y={(mid + 13.0).to_string()}>{ drop }</text>
            </g>
        }
    });
    html! {
        <svg class="chart funnel-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
             aria-label={format!("Funnel chart: mean deals reaching each stage with P10 to P90 bands.{} The numbers are in the funnel table.",
                leakiest.and_then(|k| stages.get(k)).map(|s| format!(" {} loses the largest share of its deals.", s.name)).unwrap_or_default())}>
            { for rows }
        </svg>
    }
}
