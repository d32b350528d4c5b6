//! A round's mystery quarter as the room sees it, in large type: what a
//! manager knows (leads, each stage's rate, days and open deals, the deal
//! value, the horizon), never the forecast. The figures are
//! [`crate::game_text::presenter`]'s. A plain function: each Yew component
//! type costs about half a kilobyte of wasm.

use crate::game_text::presenter;
use crate::money::money;
use engine::ScenarioInput;
use yew::prelude::*;

/// The scenario's inputs, money in `currency`.
pub fn presenter_view(input: &ScenarioInput, currency: &str) -> Html {
    let p = presenter(input);
    let value = |v: Option<f64>| {
        v.map(|v| money(v, currency))
            .unwrap_or_else(|| "–".to_owned())
    };
    let stages = p.stages.iter().map(|s| {
        html! {
            <tr>
                <th scope="row">{ s.name.clone() }</th>
                <td>{ s.rate.clone() }</td>
                <td>{ s.days.clone() }</td>
                <td>{ s.open.clone() }</td>
            </tr>
        }
    });
    html! {
        <section class="game-presenter" aria-label="This quarter's numbers">
            <dl class="game-figures">
                <div><dt>{ "Leads per week" }</dt><dd>{ p.leads.clone() }</dd></div>
                <div><dt>{ "Deal value, median" }</dt><dd>{ value(p.value_median) }</dd></div>
                <div><dt>{ "Deal value, 9 in 10 below" }</dt><dd>{ value(p.value_p90) }</dd></div>
                <div><dt>{ "Horizon" }</dt><dd>{ p.horizon.clone() }</dd></div>
            </dl>
            <table class="game-stages">
                <caption class="visually-hidden">{ "Stages: conversion rate, average days, open deals now" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Stage" }</th>
                        <th scope="col">{ "Rate" }</th>
                        <th scope="col">{ "Days" }</th>
                        <th scope="col">{ "Open deals" }</th>
                    </tr>
                </thead>
                <tbody>{ for stages }</tbody>
            </table>
            { for p.notes.iter().map(|n| html! { <p class="game-note">{ *n }</p> }) }
        </section>
    }
}
