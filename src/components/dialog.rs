//! A modal dialog: takes focus when it opens, keeps Tab inside, closes on
//! Escape, and gives focus back to where it was.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub title: AttrValue,
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

const FOCUSABLE: &str = "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])";

fn focusables(root: &web_sys::Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

#[component]
pub fn Dialog(props: &DialogProps) -> Html {
    let panel = use_node_ref();
    // Focus the first control on open; give focus back on close.
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            let before = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(first) = panel
                .cast::<web_sys::Element>()
                .and_then(|p| focusables(&p).into_iter().next())
            {
                let _ = first.focus();
            }
            move || {
                if let Some(before) = before {
                    let _ = before.focus();
                }
            }
        });
    }
    let on_key = {
        let (panel, on_close) = (panel.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(());
                return;
            }
            if e.key() != "Tab" {
                return;
            }
            let Some(root) = panel.cast::<web_sys::Element>() else {
                return;
            };
            let items = focusables(&root);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                return;
            };
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let at = |el: &HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
            };
            if e.shift_key() && at(first) {
                e.prevent_default();
                let _ = last.focus();
            } else if !e.shift_key() && at(last) {
                e.prevent_default();
                let _ = first.focus();
            }
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="dialog-backdrop">
            <div ref={panel} class="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" onkeydown={on_key}>
                <div class="dialog-head">
                    <h2 id="dialog-title">{ props.title.clone() }</h2>
                    <button type="button" class="cl-button" onclick={close}>{ "Close" }</button>
                </div>
                { props.children.clone() }
            </div>
        </div>
    }
}
