//! The histogram's target as a keyboard slider: the arrow keys (and Page
//! Up / Page Down, ten steps) move it; screen readers hear its value.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::histogram::{key_step, round_target};
use yew::prelude::*;

pub struct TargetSliderProps<'a> {
    /// Accessible name ("Revenue target").
    pub name: &'static str,
    /// The outcomes the chart's bars cover.
    pub low: f64,
    pub high: f64,
    pub target: Option<f64>,
    /// Where the keys start from when no target is set (the median).
    pub fallback: f64,
    /// Deals (whole numbers) rather than money.
    pub whole_numbers: bool,
    pub format: &'a Callback<f64, String>,
    pub on_target: &'a Callback<f64>,
}

/// The slider.
pub fn target_slider(props: &TargetSliderProps) -> Html {
    let current = props.target.unwrap_or(props.fallback);
    let on_key = {
        let on_target = props.on_target.clone();
        let step = key_step(props.low, props.high, props.whole_numbers);
        let whole = props.whole_numbers;
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => current + step,
                "ArrowLeft" | "ArrowDown" => current - step,
                "PageUp" => current + 10.0 * step,
                "PageDown" => current - 10.0 * step,
                _ => return,
            };
            e.prevent_default();
            // Not clamped to the bars: they cover only the outcomes seen so far.
            on_target.emit(round_target(next.max(0.0), whole));
        })
    };
    let shown = props
        .target
        .map(|t| props.format.emit(t))
        .unwrap_or_else(|| "not set".to_owned());
    html! {
        <div class="target-slider" role="slider" tabindex="0" aria-label={props.name}
             aria-valuemin={props.low.to_string()} aria-valuemax={props.high.to_string()}
             aria-valuenow={current.to_string()}
             aria-valuetext={props.format.emit(current)}
             onkeydown={on_key}>
            { format!("{}: {shown} — use the arrow keys to move it", props.name) }
        </div>
    }
}
