//! The funnel as an SVG bar chart: one bar per stage (mean), a whisker for
//! the P10–P90 band, and the drop-off from the stage above.

use charts::{format, LinearScale};
use engine::Summary;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FunnelChartProps {
    pub summary: Rc<Summary>,
}

const WIDTH: f64 = 640.0;
const ROW: f64 = 44.0;
const LABEL_W: f64 = 170.0;
const VALUE_W: f64 = 130.0;

#[component]
pub fn FunnelChart(props: &FunnelChartProps) -> Html {
    let stages = &props.summary.stages;
    let max = stages
        .iter()
        .map(|s| s.reached.p90.max(s.reached.mean))
        .fold(0.0, f64::max)
        .max(1.0);
    let x = LinearScale::new((0.0, max), (LABEL_W, WIDTH - VALUE_W));
    let height = ROW * stages.len() as f64 + 8.0;
    // The stage that loses the largest share of its deals: the drop-off
    // shown on row k is the loss in stage k − 1.
    let leakiest = stages
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(k, s)| s.drop_off.map(|d| (k - 1, d)))
        .filter(|(_, d)| *d > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k);
    let rows = stages.iter().enumerate().map(|(i, stage)| {
        let y = 4.0 + ROW * i as f64;
        let mid = y + ROW / 2.0 - 4.0;
        let r = &stage.reached;
        let bar_w = (x.map(r.mean) - LABEL_W).max(1.5);
        let drop = match (i, stage.drop_off) {
            (0, _) => "leads in".to_owned(),
            (6, Some(d)) => format!("won · −{}", format::percent(d)),
            (_, Some(d)) => format!("−{} from above", format::percent(d)),
            (_, None) => "no deals above".to_owned(),
        };
        let band = format!("P10 {} – P90 {}", format::count(r.p10), format::count(r.p90));
        let leak = leakiest == Some(i);
        let fill = if leak { "#c4320a" } else if i == 6 { "#7d9af0" } else { "#2f5bea" };
        html! {
            <g class={classes!("funnel-row", (i == 6).then_some("after-sale"), leak.then_some("leak"))}>
                <title>{ format!("{}: mean {} ({band}); {drop}", stage.name, format::mean(r.mean)) }</title>
                <text class="label" x={(LABEL_W - 10.0).to_string()} y={(mid + 4.0).to_string()} text-anchor="end">{ stage.name.clone() }</text>
                <rect class="bar" x={LABEL_W.to_string()} y={(mid - 10.0).to_string()}
                      width={bar_w.to_string()} height="20" rx="3" fill={fill} />
                if leak {
                    <text class="leak-label" x={(LABEL_W + bar_w + 14.0).min(WIDTH - VALUE_W - 70.0).to_string()}
                          y={(mid + 4.0).to_string()} fill="#c4320a">{ "biggest leak" }</text>
                }
                <line class="band" x1={x.map(r.p10).to_string()} x2={x.map(r.p90).to_string()}
                      y1={mid.to_string()} y2={mid.to_string()} stroke="#d9730d" stroke-width="2.5" />
                <line class="band-cap" x1={x.map(r.p10).to_string()} x2={x.map(r.p10).to_string()}
                      y1={(mid - 6.0).to_string()} y2={(mid + 6.0).to_string()} stroke="#d9730d" stroke-width="2.5" />
                <line class="band-cap" x1={x.map(r.p90).to_string()} x2={x.map(r.p90).to_string()}
                      y1={(mid - 6.0).to_string()} y2={(mid + 6.0).to_string()} stroke="#d9730d" stroke-width="2.5" />
                <text class="value" x={(WIDTH - VALUE_W + 10.0).to_string()} y={(mid - 1.0).to_string()}>{ format::mean(r.mean) }</text>
                <text class="sub" x={(WIDTH - VALUE_W + 10.0).to_string()} y={(mid + 13.0).to_string()}>{ drop }</text>
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
