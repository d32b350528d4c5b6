//! A revealed round: the actual in large type, each team's range with Hit
//! or Miss, then the round's 10,000-quarter distribution (a forecast job on
//! the helper worker) with every range over it, and Next round.

use super::distribution::{distribution_chart, DistributionView};
use crate::app::use_game;
use crate::game::score;
use crate::game_text::{hit_word, range_text};
use crate::money::money;
use crate::worker::readers::{self, Read};
use crate::worker::use_job_slot;
use charts::format;
use engine::mystery::mystery;
use engine::{JobSpec, Summary};
use std::rc::Rc;
use yew::prelude::*;

/// Quarters in the round's distribution.
const QUARTERS: u64 = 10_000;

#[derive(Properties, PartialEq)]
pub struct RevealViewProps {
    /// The round (0-based).
    pub round: u32,
    /// The last round: the button leads to the debrief.
    pub last: bool,
    pub currency: AttrValue,
    /// Just revealed without the animation: the quarter had too many deals.
    pub unanimated: bool,
    pub on_next: Callback<()>,
}

/// The distribution: running, done, or failed.
#[derive(Clone)]
enum Dist {
    Running,
    Done(Rc<Summary>),
    Failed(String),
}

#[component]
pub fn RevealView(props: &RevealViewProps) -> Html {
    let store = use_game();
    let game = store.game();
    let dist = use_state(|| Dist::Running);
    let jobs = use_job_slot();
    {
        let dist = dist.clone();
        use_effect_with((game.seed, props.round), move |&(seed, round)| {
            let mut scenario = mystery(seed, round);
            scenario.trials = QUARTERS as f64;
            let spec = JobSpec::Forecast {
                scenario: Box::new(scenario),
                first: 0,
                end: QUARTERS,
            };
            let on_read = Callback::from(move |read| match read {
                Read::Result(summary, true) => dist.set(Dist::Done(summary)),
                Read::Failed(message) => dist.set(Dist::Failed(message)),
                _ => {}
            });
            jobs.start(spec, readers::forecast(QUARTERS, on_read));
        });
    }
    let Some(round) = game.played.get(props.round as usize) else {
        return html! {};
    };
    let Some(actual) = round.actual else {
        return html! {};
    };
    let ranges: Vec<(String, crate::game::Range)> = game
        .teams
        .iter()
        .filter_map(|t| {
            let e = round.entries.iter().find(|e| e.team == t.id)?;
            Some((t.name.clone(), e.range?))
        })
        .collect();
    let rows = ranges.iter().map(|(name, r)| {
        let hit = score::hit(r.low, r.high, actual.won);
        let revenue = match (r.revenue, actual.revenue) {
            (Some((lo, hi)), Some(x)) => Some(format!(
                " · revenue {}–{}: {}",
                money(lo, &props.currency),
                money(hi, &props.currency),
                hit_word(lo, hi, x)
            )),
            _ => None,
        };
        html! {
            <li class={classes!("game-result", if hit { "hit" } else { "miss" })} data-team={name.clone()}>
                <span class="game-team">{ name.clone() }</span>
                <span class="game-range">{ range_text(r.low, r.high) }</span>
                <strong class="game-verdict">
                    <span aria-hidden="true">{ if hit { "✓ " } else { "✗ " } }</span>{ hit_word(r.low, r.high, actual.won) }</strong>
                { revenue.unwrap_or_default() }
            </li>
        }
    });
    let chart = match &*dist {
        Dist::Running => {
            html! { <p class="game-status" role="status">{ "Running 10,000 quarters of this scenario…" }</p> }
        }
        Dist::Failed(e) => {
            html! { <p class="game-problem" role="alert">{ format!("The distribution could not be run: {e}") }</p> }
        }
        Dist::Done(s) => html! {
            <>
                <p class="game-model" data-testid="game-model">{ format!(
                    "The model's own 80 % range: {} to {} deals (10 % of quarters won fewer, 10 % more).",
                    format::count(s.won.p10), format::count(s.won.p90)) }</p>
                { distribution_chart(&DistributionView {
                    distribution: &s.won_distribution.0,
                    ranges: &ranges,
                    actual: actual.won,
                    model: (s.won.p10, s.won.p90),
                }) }
            </>
        },
    };
    let next = props.on_next.reform(|_: MouseEvent| ());
    html! {
        <section class="game-reveal" aria-labelledby="reveal-title">
            <h2 id="reveal-title">{ format!("Round {} of {}: the result", props.round + 1, game.rounds) }</h2>
            <p class="game-actual" data-testid="game-actual">{ format!("Actual: {} deals won", format::count(actual.won)) }</p>
            { super::slot(match actual.revenue {
                Some(revenue) => html! { <p class="game-actual-revenue">{ format!("Revenue: {}", money(revenue, &props.currency)) }</p> },
                None => html! {},
            }) }
            { super::slot(if props.unanimated {
                html! { <p class="game-hint">{ "This quarter has too many deals to play as dots; its result is counted directly." }</p> }
            } else { html! {} }) }
            <ul class="game-results" aria-label="Ranges this round">{ for rows }</ul>
            { super::slot(chart) }
            <button type="button" id="game-next" class="cl-button primary big" onclick={next}>
                { if props.last { "See the debrief" } else { "Next round" } }</button>
        </section>
    }
}
