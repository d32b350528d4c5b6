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
        html! {
            <g class={classes!("funnel-row", (i == 6).then_some("after-sale"))}>
                <title>{ format!("{}: mean {} ({band}); {drop}", stage.name, format::mean(r.mean)) }</title>
                <text class="label" x={(LABEL_W - 10.0).to_string()} y={(mid + 4.0).to_string()} text-anchor="end">{ stage.name.clone() }</text>
                <rect class="bar" x={LABEL_W.to_string()} y={(mid - 10.0).to_string()}
                      width={bar_w.to_string()} height="20" rx="3" />
                <line class="band" x1={x.map(r.p10).to_string()} x2={x.map(r.p90).to_string()}
                      y1={mid.to_string()} y2={mid.to_string()} />
                <line class="band-cap" x1={x.map(r.p10).to_string()} x2={x.map(r.p10).to_string()}
                      y1={(mid - 6.0).to_string()} y2={(mid + 6.0).to_string()} />
                <line class="band-cap" x1={x.map(r.p90).to_string()} x2={x.map(r.p90).to_string()}
                      y1={(mid - 6.0).to_string()} y2={(mid + 6.0).to_string()} />
                <text class="value" x={(WIDTH - VALUE_W + 10.0).to_string()} y={(mid - 1.0).to_string()}>{ format::mean(r.mean) }</text>
                <text class="sub" x={(WIDTH - VALUE_W + 10.0).to_string()} y={(mid + 13.0).to_string()}>{ drop }</text>
            </g>
        }
    });
    html! {
        <svg class="chart funnel-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
             aria-label="Funnel chart: mean deals reaching each stage with P10 to P90 bands. The same numbers are in the funnel table below.">
            { for rows }
        </svg>
    }
}
