//! The build-up's histogram: quarters by deals won, with the spreadsheet's
//! point estimate, the room's guess and the animated quarter marked. The
//! geometry is [`charts::outcome`]'s; this only writes the markup.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::outcome::OutcomeLayout;
use charts::{format, Frame};
use yew::prelude::*;

pub struct OutcomeHistogramProps<'a> {
    /// (deals won, quarters) pairs.
    pub distribution: &'a [(f64, u64)],
    pub spreadsheet: f64,
    pub guess: Option<f64>,
    /// Deals won in the animated quarter.
    pub watched: Option<f64>,
}

const FRAME: Frame = Frame {
    width: 900.0,
    height: 300.0,
    left: 64.0,
    right: 24.0,
    top: 84.0,
    bottom: 56.0,
};

/// The histogram with its marks.
pub fn outcome_histogram(props: &OutcomeHistogramProps) -> Html {
    let marks: Vec<f64> = [Some(props.spreadsheet), props.guess, props.watched]
        .into_iter()
        .flatten()
        .collect();
    let Some(layout) = OutcomeLayout::new(FRAME, props.distribution, &marks) else {
        return html! {};
    };
    let baseline = FRAME.baseline();
    let rects = layout.bars().into_iter().map(|r| {
        html! { <rect class="bar" x={format!("{:.1}", r.x)} y={format!("{:.1}", r.y)}
        width={format!("{:.1}", r.width)} height={format!("{:.1}", r.height)} /> }
    });
    let ticks = layout.ticks().into_iter().map(|(t, px)| {
        html! { <text class="tick" x={format!("{px:.1}")} y={format!("{}", baseline + 30.0)} text-anchor="middle">{ format::count(t) }</text> }
    });
    let mark = |value: Option<f64>, class: &'static str, label: String, row: f64| {
        value.map(|v| {
            let (px, anchor) = layout.mark(v);
            html! {
                <g class={classes!("mark", class)}>
                    <line x1={format!("{px:.1}")} x2={format!("{px:.1}")} y1={format!("{}", FRAME.top - 4.0)} y2={format!("{baseline}")} />
                    <text x={format!("{px:.1}")} y={format!("{}", FRAME.top - 12.0 - row)} text-anchor={anchor.as_str()}>{ label }</text>
                </g>
            }
        })
    };
    let spreadsheet = format!("Spreadsheet {}", format::mean(props.spreadsheet));
    let guess = props.guess.map(|g| format!("Guess {}", format::count(g)));
    html! {
        <svg class="outcome-histogram" viewBox={FRAME.view_box()} role="img"
             aria-label="Histogram of deals won per simulated quarter">
            <line class="axis" x1={FRAME.left.to_string()} x2={FRAME.plot_right().to_string()} y1={baseline.to_string()} y2={baseline.to_string()} />
            { for rects }
            { for ticks }
            <text class="axis-title" x={format!("{}", FRAME.mid_x())} y={format!("{}", FRAME.height - 6.0)} text-anchor="middle">{ "Deals won in the quarter" }</text>
            { for mark(Some(props.spreadsheet), "spreadsheet", spreadsheet, 0.0) }
            { for mark(props.guess, "guess", guess.unwrap_or_default(), 22.0) }
            { for mark(props.watched, "watched", "Quarter above".to_owned(), 44.0) }
        </svg>
    }
}
