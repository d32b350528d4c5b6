//! The deals of one quarter as dots on a canvas, redrawn whenever the
//! simulated day changes. A canvas (not SVG) because a few hundred moving
//! dots at 60 frames per second are cheaper to paint than to diff.

use crate::dots::{place, stride, Layout, Look};
use engine::{Quarter, SALES_STAGES, STAGE_COUNT};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

/// At most about this many dots are drawn (every n-th deal above it).
pub const MAX_DOTS: usize = 600;

#[derive(Properties, PartialEq)]
pub struct DotCanvasProps {
    pub quarter: Rc<Quarter>,
    pub day: f64,
    /// Accessible description of what the picture shows now.
    pub label: AttrValue,
}

/// The theme variable (classroom.css) holding each look's colour; the
/// legend's swatches use the same ones.
fn variable(look: Look) -> &'static str {
    match look {
        Look::NewLead => "--cl-accent",
        Look::Pipeline => "--cl-pipeline",
        Look::Referral => "--cl-violet",
        Look::Lost => "--cl-lost",
        Look::Won => "--cl-won",
        Look::FollowedUp => "--cl-gold",
    }
}

/// The theme's colours as the canvas needs them, read once per drawing: a
/// canvas cannot be styled by classes.
struct Palette(web_sys::CssStyleDeclaration);

impl Palette {
    fn read(canvas: &HtmlCanvasElement) -> Option<Self> {
        web_sys::window()?
            .get_computed_style(canvas)
            .ok()?
            .map(Palette)
    }

    fn get(&self, name: &str) -> String {
        self.0
            .get_property_value(name)
            .unwrap_or_default()
            .trim()
            .to_owned()
    }
}

fn draw(canvas: &HtmlCanvasElement, quarter: &Quarter, day: f64) -> Option<()> {
    let ratio = web_sys::window()?.device_pixel_ratio().max(1.0);
    let (w, h) = (canvas.client_width() as f64, canvas.client_height() as f64);
    if w <= 0.0 || h <= 0.0 {
        return Some(());
    }
    let (pw, ph) = ((w * ratio).round() as u32, (h * ratio).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let palette = Palette::read(canvas)?;
    let colours = [
        Look::NewLead,
        Look::Pipeline,
        Look::Referral,
        Look::Lost,
        Look::Won,
        Look::FollowedUp,
    ]
    .map(|look| (look, palette.get(variable(look))));
    let (column, column_won, column_lost) = (
        palette.get("--cl-column"),
        palette.get("--cl-column-won"),
        palette.get("--cl-column-lost"),
    );
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, w, h);
    let layout = Layout {
        width: w,
        height: h,
    };
    // Columns: stage band, and the lost tray under each sales stage.
    let (top, bottom) = layout.stage_band();
    let (lost_top, lost_bottom) = layout.lost_band();
    for stage in 0..STAGE_COUNT {
        let (left, right) = layout.column_span(stage);
        ctx.set_fill_style_str(if stage == SALES_STAGES {
            &column_won
        } else {
            &column
        });
        ctx.fill_rect(left, top, right - left, bottom - top);
        if stage < SALES_STAGES {
            ctx.set_fill_style_str(&column_lost);
            ctx.fill_rect(left, lost_top, right - left, lost_bottom - lost_top);
        }
    }
    let r = layout.radius();
    let step = stride(quarter.deals.len(), MAX_DOTS);
    let end = quarter.days();
    for (index, deal) in quarter.deals.iter().enumerate().step_by(step) {
        let Some(dot) = place(&layout, deal, index, day, end) else {
            continue;
        };
        ctx.set_global_alpha(dot.alpha);
        if let Some((_, colour)) = colours.iter().find(|(look, _)| *look == dot.look) {
            ctx.set_fill_style_str(colour);
        }
        ctx.begin_path();
        let _ = ctx.arc(dot.x, dot.y, r, 0.0, std::f64::consts::TAU);
        ctx.fill();
    }
    ctx.set_global_alpha(1.0);
    Some(())
}

#[component]
pub fn DotCanvas(props: &DotCanvasProps) -> Html {
    let canvas = use_node_ref();
    // Redraw when the window changes size, even while paused.
    let resized = use_state(|| 0u32);
    {
        let resized = resized.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "resize", move |_| {
                    resized.set(*resized + 1)
                })
            });
            move || drop(listener)
        });
    }
    {
        let canvas = canvas.clone();
        let quarter = props.quarter.clone();
        use_effect_with((props.day, quarter, *resized), move |(day, quarter, _)| {
            if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                draw(&c, quarter, *day);
            }
        });
    }
    html! {
        <canvas ref={canvas} class="dot-canvas" role="img" aria-label={props.label.clone()} />
    }
}
