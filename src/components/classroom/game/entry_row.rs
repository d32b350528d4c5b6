//! One team's row in a round: while typing, the four fields and Lock;
//! once locked, a tick, "Locked" and the range hidden (•••) until every
//! team has locked, with Unlock until the reveal. A plain function: each
//! Yew component type costs about half a kilobyte of wasm.

use super::entry::field_name;
use super::{field_id, slot};
use crate::game::Range;
use crate::game_text::{range_text, RowField, RowProblem, RowText};
use crate::money::money;
use yew::prelude::*;

/// What one row shows.
pub struct RowView<'a> {
    pub team: u32,
    pub name: &'a str,
    pub text: RowText,
    pub range: Option<Range>,
    pub locked: bool,
    /// Every team has locked: the ranges are shown.
    pub shown: bool,
    pub problem: Option<&'a RowProblem>,
    pub currency: &'a str,
    pub on_edit: Callback<(RowField, String)>,
    pub on_lock: Callback<()>,
    pub on_unlock: Callback<()>,
}

const FIELDS: [(RowField, &str, &str); 4] = [
    (RowField::Low, "low", "Low"),
    (RowField::High, "high", "High"),
    (
        RowField::RevenueLow,
        "revenue low",
        "Revenue low (optional)",
    ),
    (
        RowField::RevenueHigh,
        "revenue high",
        "Revenue high (optional)",
    ),
];

/// The row of `v.team`.
pub fn entry_row(v: &RowView) -> Html {
    let name = v.name;
    let problem_id = format!("game-{}-problem", v.team);
    let body = if v.locked {
        let range = match (v.shown, v.range) {
            (true, Some(r)) => {
                let revenue = r.revenue.map(|(lo, hi)| {
                    format!(
                        " · revenue {}–{}",
                        money(lo, v.currency),
                        money(hi, v.currency)
                    )
                });
                html! { <span class="game-range">{ range_text(r.low, r.high) }{ " deals" }{ revenue.unwrap_or_default() }</span> }
            }
            _ => html! {
                <span class="game-range">
                    <span aria-hidden="true">{ "•••" }</span>
                    <span class="visually-hidden">{ "range hidden until every team has locked" }</span>
                </span>
            },
        };
        let unlock = v.on_unlock.reform(|_: MouseEvent| ());
        html! {
            <>
                <span class="game-locked"><span aria-hidden="true">{ "✓ " }</span>{ "Locked" }</span>
                { range }
                <button type="button" class="cl-button" onclick={unlock}>{ format!("Unlock {name}") }</button>
            </>
        }
    } else {
        let fields = FIELDS.iter().map(|&(field, suffix, visible)| {
            let on_input = {
                let on_edit = v.on_edit.clone();
                Callback::from(move |e: InputEvent| {
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    on_edit.emit((field, input.value()));
                })
            };
            let on_key = {
                let on_lock = v.on_lock.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" {
                        e.prevent_default();
                        on_lock.emit(());
                    }
                })
            };
            let faulty = v.problem.is_some_and(|p| p.field == field);
            let class = classes!("game-input", matches!(field, RowField::RevenueLow | RowField::RevenueHigh).then_some("revenue"));
            html! {
                <label class="game-field">
                    <span class="game-field-name" aria-hidden="true">{ visible }</span>
                    <input type="text" inputmode="decimal" autocomplete="off" class={class}
                           id={field_id(v.team, field_name(field))} aria-label={format!("{name} {suffix}")}
                           value={v.text.get(field).to_owned()} oninput={on_input} onkeydown={on_key}
                           aria-invalid={faulty.then_some("true")}
                           aria-describedby={faulty.then(|| problem_id.clone())} />
                </label>
            }
        });
        let lock = v.on_lock.reform(|_: MouseEvent| ());
        html! {
            <>
                { for fields }
                <button type="button" class="cl-button primary" onclick={lock}>{ format!("Lock {name}") }</button>
            </>
        }
    };
    html! {
        <li key={v.team} class={classes!("game-row", v.locked.then_some("locked"))}>
            <span class="game-team">{ name.to_owned() }</span>
            { body }
            { slot(match v.problem {
                Some(p) => html! { <p class="game-problem" role="alert" id={problem_id.clone()}>{ p.message.clone() }</p> },
                None => html! {},
            }) }
        </li>
    }
}
