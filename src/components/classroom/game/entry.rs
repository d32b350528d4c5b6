//! A round's entry: the mystery quarter's numbers, then one row per team
//! (low, high, optional revenue, Lock). Enter in any field locks the row
//! and moves to the next team still typing; ranges stay hidden until every
//! team has locked, then Reveal appears and takes the focus. A row that
//! reads as a range is stored (unlocked) as it is typed, so a reload keeps it.

use super::entry_row::{entry_row, RowView};
use super::presenter::presenter_view;
use super::setup::capital;
use super::{field_id, focus_later, slot};
use crate::app::{use_app, use_game, GameStore};
use crate::game::GameAction;
use crate::game_text::{RowField, RowProblem, RowText};
use engine::mystery::mystery;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The rows being typed and each row's problem, if locking was refused.
#[derive(Default, PartialEq)]
struct Rows {
    texts: HashMap<u32, RowText>,
    problems: HashMap<u32, RowProblem>,
}

enum RowsAction {
    Edit(u32, RowField, String),
    Problem(u32, Option<RowProblem>),
}

impl Reducible for Rows {
    type Action = RowsAction;
    fn reduce(self: Rc<Self>, action: RowsAction) -> Rc<Self> {
        let mut rows = Rows {
            texts: self.texts.clone(),
            problems: self.problems.clone(),
        };
        match action {
            RowsAction::Edit(team, field, text) => {
                let row = rows.texts.get(&team).cloned().unwrap_or_default();
                rows.texts.insert(team, row.with(field, text));
            }
            RowsAction::Problem(team, Some(p)) => {
                rows.problems.insert(team, p);
            }
            RowsAction::Problem(team, None) => {
                rows.problems.remove(&team);
            }
        }
        Rc::new(rows)
    }
}

#[derive(Properties, PartialEq)]
pub struct RoundEntryProps {
    /// The round (0-based).
    pub round: u32,
    /// The quarter for the reveal is being computed.
    pub busy: bool,
    /// Why the reveal failed, if it did.
    pub error: Option<AttrValue>,
    pub on_reveal: Callback<()>,
}

/// The text of `team`'s row: as typed, else its entered range.
fn row_text(rows: &Rows, store: &GameStore, team: u32) -> RowText {
    rows.texts.get(&team).cloned().unwrap_or_else(|| {
        store
            .game()
            .current()
            .and_then(|r| r.entries.iter().find(|e| e.team == team))
            .and_then(|e| e.range.as_ref().map(RowText::of))
            .unwrap_or_default()
    })
}

/// Locks `team`'s row if it reads; then the focus moves on to the next team
/// still typing, or to Reveal.
fn lock(store: &GameStore, rows: &UseReducerHandle<Rows>, team: u32) {
    let text = row_text(rows, store, team);
    let result = text.parse().and_then(|range| {
        store
            .apply(GameAction::EnterRange { team, range })
            .and_then(|()| store.apply(GameAction::Lock(team)))
            .map_err(|e| RowProblem {
                field: RowField::Low,
                message: capital(&e.to_string()),
            })
    });
    match result {
        Err(problem) => {
            focus_later(field_id(team, field_name(problem.field)));
            rows.dispatch(RowsAction::Problem(team, Some(problem)));
        }
        Ok(()) => {
            rows.dispatch(RowsAction::Problem(team, None));
            let game = store.game();
            let entries = game
                .current()
                .map(|r| r.entries.clone())
                .unwrap_or_default();
            let at = entries.iter().position(|e| e.team == team).unwrap_or(0);
            let next = entries
                .iter()
                .cycle()
                .skip(at + 1)
                .take(entries.len())
                .find(|e| !e.locked);
            focus_later(match next {
                Some(e) => field_id(e.team, "low"),
                None => "game-reveal".to_owned(),
            });
        }
    }
}

/// The id suffix of a row's field.
pub fn field_name(field: RowField) -> &'static str {
    match field {
        RowField::Low => "low",
        RowField::High => "high",
        RowField::RevenueLow => "rev-low",
        RowField::RevenueHigh => "rev-high",
    }
}

#[component]
pub fn RoundEntry(props: &RoundEntryProps) -> Html {
    let store = use_game();
    let app = use_app();
    let rows = use_reducer(Rows::default);
    let game = store.game();
    let scenario = use_memo((game.seed, props.round), |&(seed, round)| {
        mystery(seed, round)
    });
    let Some(round) = game.current() else {
        return html! {};
    };
    let all_locked = round.entries.iter().all(|e| e.locked);
    let team_rows = game.teams.iter().filter_map(|team| {
        let entry = round.entries.iter().find(|e| e.team == team.id)?;
        let id = team.id;
        let on_edit = {
            let (store, rows) = (store.clone(), rows.clone());
            Callback::from(move |(field, text): (RowField, String)| {
                // A row that reads as a range is kept as the team's
                // (unlocked) entry, so a reload mid-round loses no typing.
                if let Ok(range) = row_text(&rows, &store, id)
                    .with(field, text.clone())
                    .parse()
                {
                    let _ = store.apply(GameAction::EnterRange { team: id, range });
                }
                rows.dispatch(RowsAction::Edit(id, field, text))
            })
        };
        let on_lock = {
            let (store, rows) = (store.clone(), rows.clone());
            Callback::from(move |()| lock(&store, &rows, id))
        };
        let on_unlock = {
            let store = store.clone();
            Callback::from(move |()| {
                if store.apply(GameAction::Unlock(id)).is_ok() {
                    focus_later(field_id(id, "low"));
                }
            })
        };
        Some(entry_row(&RowView {
            team: id,
            name: &team.name,
            text: row_text(&rows, &store, id),
            range: entry.range,
            locked: entry.locked,
            shown: all_locked,
            problem: rows.problems.get(&id),
            currency: &app.state.currency,
            on_edit,
            on_lock,
            on_unlock,
        }))
    });
    let locked = round.entries.iter().filter(|e| e.locked).count();
    let reveal = props.on_reveal.reform(|_: MouseEvent| ());
    html! {
        <section class="game-round" aria-labelledby="round-title">
            <h2 id="round-title">{ format!("Round {} of {}", props.round + 1, game.rounds) }</h2>
            { presenter_view(&scenario, &app.state.currency) }
            <h3 class="game-ask">{ "Each team: a range you are 80 % sure holds the deals won this quarter" }</h3>
            <ul class="game-rows" aria-label="Teams' ranges">{ for team_rows }</ul>
            <p class="game-status" role="status">
                { if all_locked { "Every team has locked its range.".to_owned() }
                  else { format!("{locked} of {} teams locked; ranges stay hidden until all have.", round.entries.len()) } }
            </p>
            { slot(if all_locked {
                html! { <button type="button" id="game-reveal" class="cl-button primary big" onclick={reveal} disabled={props.busy}>
                    { "Reveal" }</button> }
            } else { html! {} }) }
            { slot(if props.busy && all_locked {
                html! { <p class="game-status" role="status">{ "Playing the quarter…" }</p> }
            } else { html! {} }) }
            { slot(match &props.error {
                Some(e) => html! { <p class="game-problem" role="alert">{ format!("The quarter could not be played: {e}") }</p> },
                None => html! {},
            }) }
        </section>
    }
}
