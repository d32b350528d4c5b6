//! Downloading a chart as SVG or PNG, exactly as it is drawn.
//!
//! The page styles charts with its stylesheet; a downloaded file has no
//! stylesheet, so the computed presentation of every element is copied onto
//! the clone as attributes before it is serialised.

use crate::download::download_text;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlImageElement};

const PROPS: [&str; 9] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "font-size",
    "font-weight",
    "font-family",
    "opacity",
];

/// The chart as standalone SVG text.
fn standalone_svg(svg: &Element) -> Option<String> {
    let window = web_sys::window()?;
    let clone: Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let originals = svg.query_selector_all("*").ok()?;
    let copies = clone.query_selector_all("*").ok()?;
    for i in 0..originals.length().min(copies.length()) {
        let (Some(orig), Some(copy)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(orig), Ok(copy)) = (orig.dyn_into::<Element>(), copy.dyn_into::<Element>()) else {
            continue;
        };
        let Ok(Some(style)) = window.get_computed_style(&orig) else {
            continue;
        };
        for prop in PROPS {
            if let Ok(value) = style.get_property_value(prop) {
                if !value.is_empty() {
                    let _ = copy.set_attribute(prop, &value);
                }
            }
        }
    }
    let _ = clone.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    let rect = svg.get_bounding_client_rect();
    let _ = clone.set_attribute("width", &rect.width().round().to_string());
    let _ = clone.set_attribute("height", &rect.height().round().to_string());
    Some(clone.outer_html())
}

/// Downloads the chart as `name.svg`.
pub fn download_svg(svg: &Element, name: &str) -> bool {
    standalone_svg(svg)
        .is_some_and(|text| download_text(&format!("{name}.svg"), "image/svg+xml", &text))
}

/// Downloads the chart as `name.png` at twice its drawn size.
pub fn download_png(svg: &Element, name: &str) -> bool {
    try_png(svg, name).is_some()
}

fn try_png(svg: &Element, name: &str) -> Option<()> {
    let text = standalone_svg(svg)?;
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (
        (rect.width() * 2.0).round() as u32,
        (rect.height() * 2.0).round() as u32,
    );
    let document = web_sys::window()?.document()?;
    let image = HtmlImageElement::new().ok()?;
    let name = name.to_owned();
    let img = image.clone();
    let onload = Closure::once_into_js(move || {
        let draw = || -> Option<()> {
            let canvas: HtmlCanvasElement =
                document.create_element("canvas").ok()?.dyn_into().ok()?;
            canvas.set_width(w);
            canvas.set_height(h);
            let ctx: web_sys::CanvasRenderingContext2d =
                canvas.get_context("2d").ok()??.dyn_into().ok()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, w as f64, h as f64);
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img, 0.0, 0.0, w as f64, h as f64,
            )
            .ok()?;
            let url = canvas.to_data_url_with_type("image/png").ok()?;
            let link: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            link.set_href(&url);
            link.set_download(&format!("{name}.png"));
            link.click();
            Some(())
        };
        let _ = draw();
    });
    image.set_onload(Some(onload.unchecked_ref()));
    let encoded = js_sys::encode_uri_component(&text);
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    Some(())
}
