//! A chart with its title, what it shows, its numbers as a table, and
//! downloads as SVG and PNG.

use crate::chart_export::{download_png, download_svg};
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCardProps {
    pub title: AttrValue,
    pub note: AttrValue,
    /// File name for downloads, without extension.
    pub file: AttrValue,
    pub children: Html,
    /// The chart's numbers as a table (shown on request).
    #[prop_or_default]
    pub table: Html,
}

#[component]
pub fn ChartCard(props: &ChartCardProps) -> Html {
    let body = use_node_ref();
    let download = |png: bool| {
        let body = body.clone();
        let file = props.file.to_string();
        Callback::from(move |_: MouseEvent| {
            let svg = body
                .cast::<Element>()
                .and_then(|b| b.query_selector("svg").ok().flatten());
            if let Some(svg) = svg {
                if png {
                    download_png(&svg, &file);
                } else {
                    download_svg(&svg, &file);
                }
            }
        })
    };
    html! {
        <figure class="chart-card">
            <figcaption>
                <div class="chart-head">
                    <h3>{ props.title.clone() }</h3>
                    <div class="chart-actions">
                        <button type="button" class="button tiny ghost" onclick={download(false)}
                            aria-label={format!("Download {} as SVG", props.title)}>{ "SVG" }</button>
                        <button type="button" class="button tiny ghost" onclick={download(true)}
                            aria-label={format!("Download {} as PNG", props.title)}>{ "PNG" }</button>
                    </div>
                </div>
                <p>{ props.note.clone() }</p>
            </figcaption>
            <div ref={body} class="chart-body">{ props.children.clone() }</div>
            if props.table != Html::default() {
                <details class="table-view">
                    <summary>{ "Show the numbers" }</summary>
                    { props.table.clone() }
                </details>
            }
        </figure>
    }
}
