//! The results column: the forecast, what to do, the comparison and the
//! forecast check (calibration) as sections behind one section bar (the
//! WAI-ARIA tabs pattern), each named in the address (`#forecast`,
//! `#what-to-do`, `#compare`, `#calibration`). A check that starts shows its
//! section.
//!
//! Tabs rather than one long page under a sticky menu: each answer then
//! opens at the top of the column, beside the form that drives it, with the
//! bar saying which answer is on screen, and the column never grows to the
//! sum of all of them. Every panel stays mounted (hidden, not removed), so a
//! question being worked out or a comparison keeps its state and its
//! progress while another section is shown.

mod section;

use super::{CalibrationPanel, CompareView, DecisionsPanel, ResultsPanel};
use crate::app::use_app;
use section::Section;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// The section bar's id (its bottom is where a revealed section starts).
const BAR_ID: &str = "section-bar";

fn tab_id(section: Section) -> String {
    format!("tab-{}", section.fragment())
}

/// Not the fragment itself: the browser would scroll to an element with
/// that id on its own, fighting [`reveal`].
fn panel_id(section: Section) -> String {
    format!("section-{}", section.fragment())
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The section the address names (`#what-to-do`), if any.
fn section_in_address() -> Option<Section> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Section::from_fragment(&hash)
}

/// Names the section in the address, without a history entry. Any other
/// fragment is left alone: a share link stays until it is saved or
/// discarded (`app::clear_share_link`).
fn show_in_address(section: Section) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    if hash.len() > 1 && Section::from_fragment(&hash).is_none() {
        return;
    }
    // The whole address, not just "#…": a relative one would resolve
    // against the page's <base>, which differs from its path under a
    // sub-path.
    let url = format!(
        "{}{}#{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default(),
        section.fragment()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Brings the section's top into view when it is not: on a phone the column
/// sits below the form, and after reading down a long section the next one
/// would start above the screen. Its CSS scroll margin leaves room for the
/// sticky bar.
fn reveal(section: Section) {
    let (Some(panel), Some(bar)) = (element(&panel_id(section)), element(BAR_ID)) else {
        return;
    };
    let top = panel.get_bounding_client_rect().top();
    let below_bar = bar.get_bounding_client_rect().bottom();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY);
    if top < below_bar - 1.0 || top > height * 0.6 {
        panel.scroll_into_view();
    }
}

/// A section's content: every section has exactly one.
fn content(section: Section) -> Html {
    match section {
        Section::Forecast => html! { <ResultsPanel /> },
        Section::WhatToDo => html! { <DecisionsPanel /> },
        Section::Compare => html! { <CompareView /> },
        Section::Calibration => html! { <CalibrationPanel /> },
    }
}

#[component]
pub fn ResultsSections() -> Html {
    let check_id = use_app().state.check_id;
    let shown = use_state(|| section_in_address().unwrap_or(Section::Forecast));
    // The shown section in view once the address names it: after each
    // choice, and on opening with a section in the address (not on a plain
    // opening, which on a phone would jump past the form).
    use_effect_with(*shown, |section| {
        if section_in_address() == Some(*section) {
            reveal(*section);
        }
    });

    let choose = {
        let shown = shown.clone();
        Callback::from(move |section: Section| {
            show_in_address(section);
            shown.set(section);
        })
    };
    // "How good is this forecast?" is pressed in the Scenarios panel: its
    // answer is here, so each check that starts shows its section.
    {
        let choose = choose.clone();
        use_effect_with(check_id, move |id| {
            if *id > 0 {
                choose.emit(Section::Calibration);
            }
        });
    }
    // Arrows, Home and End move and show at once (the panels are already
    // drawn); Enter and Space are the buttons' own click. Only the shown
    // section's tab can have the focus (the others are out of the Tab
    // order), so the keys move from it.
    let onkeydown = {
        let (choose, from) = (choose.clone(), *shown);
        Callback::from(move |e: KeyboardEvent| {
            let Some(next) = from.after_key(&e.key()) else {
                return;
            };
            e.prevent_default();
            choose.emit(next);
            if let Some(t) =
                element(&tab_id(next)).and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = t.focus();
            }
        })
    };
    let tab = |section: Section| {
        let selected = *shown == section;
        let choose = choose.clone();
        html! {
            <button type="button" role="tab" class="section-tab" id={tab_id(section)}
                    aria-selected={selected.to_string()} aria-controls={panel_id(section)}
                    tabindex={if selected { "0" } else { "-1" }}
                    onclick={Callback::from(move |_: MouseEvent| choose.emit(section))}>
                { section.label() }
            </button>
        }
    };
    // No tabindex on the panels: Tab goes from the bar straight to the
    // section's first control, not to a stop around the whole section.
    let panel = |section: Section| {
        html! {
            <div role="tabpanel" class="section-panel" id={panel_id(section)}
                 aria-labelledby={tab_id(section)} hidden={*shown != section}>
                { content(section) }
            </div>
        }
    };
    html! {
        <div class="results-column">
            <div class="section-bar" id={BAR_ID} role="tablist" aria-label="Results sections" {onkeydown}>
                { for Section::ALL.into_iter().map(tab) }
            </div>
            { for Section::ALL.into_iter().map(panel) }
        </div>
    }
}
