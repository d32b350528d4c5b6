//! The game's set-up: teams (named, added, removed), the number of rounds,
//! the game's seed (the same seed replays the same mystery quarters), and
//! Start game. A refused change is said next to its control.

use super::{field_id, focus_later, slot};
use crate::app::use_game;
use crate::game::{GameAction, MAX_ROUNDS, MAX_TEAMS};
use std::collections::HashMap;
use yew::prelude::*;

/// Where a refusal is shown.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Spot {
    Team(u32),
    Add,
    Rounds,
    Seed,
    Start,
}

fn input_text(e: InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

#[component]
pub fn GameSetup() -> Html {
    let store = use_game();
    let game = store.game();
    // Text being typed that the game refused (shown as typed, with why).
    let drafts = use_state(HashMap::<Spot, String>::new);
    let errors = use_state(HashMap::<Spot, String>::new);

    // Applies `action` for the control at `spot`, keeping `text` as typed.
    let act = {
        let (store, drafts, errors) = (store.clone(), drafts.clone(), errors.clone());
        move |spot: Spot, action: Result<GameAction, String>, text: Option<String>| {
            let (mut d, mut e) = ((*drafts).clone(), (*errors).clone());
            match action.and_then(|a| store.apply(a).map_err(|err| capital(&err.to_string()))) {
                Ok(()) => {
                    d.remove(&spot);
                    e.remove(&spot);
                }
                Err(message) => {
                    if let Some(text) = text {
                        d.insert(spot, text);
                    }
                    e.insert(spot, message);
                }
            }
            drafts.set(d);
            errors.set(e);
        }
    };
    let alert = |spot: Spot, id: String| {
        slot(match errors.get(&spot) {
            Some(m) => html! { <p class="game-problem" role="alert" id={id}>{ m.clone() }</p> },
            None => html! {},
        })
    };
    let teams = game.teams.iter().enumerate().map(|(i, team)| {
        let n = i + 1;
        let id = team.id;
        let rename = {
            let act = act.clone();
            Callback::from(move |e: InputEvent| {
                let name = input_text(e);
                act(Spot::Team(id), Ok(GameAction::RenameTeam { team: id, name: name.clone() }), Some(name));
            })
        };
        let remove = {
            let act = act.clone();
            Callback::from(move |_: MouseEvent| act(Spot::Team(id), Ok(GameAction::RemoveTeam(id)), None))
        };
        let value = drafts.get(&Spot::Team(id)).cloned().unwrap_or_else(|| team.name.clone());
        let problem = format!("team-problem-{id}");
        let invalid = errors.contains_key(&Spot::Team(id));
        html! {
            <li key={id} class="setup-team">
                <span class="setup-team-number" aria-hidden="true">{ n }</span>
                <input type="text" class="game-input wide" id={field_id(id, "name")} aria-label={format!("Team {n} name")}
                       value={value} oninput={rename} maxlength="60" aria-invalid={invalid.then_some("true")}
                       aria-describedby={invalid.then(|| problem.clone())} />
                <button type="button" class="cl-button" onclick={remove} disabled={game.teams.len() == 1}>
                    { format!("Remove Team {n}") }</button>
                { alert(Spot::Team(id), problem) }
            </li>
        }
    });
    let add = {
        let act = act.clone();
        Callback::from(move |_: MouseEvent| act(Spot::Add, Ok(GameAction::AddTeam(None)), None))
    };
    let on_rounds = {
        let act = act.clone();
        Callback::from(move |e: InputEvent| {
            let text = input_text(e);
            let action = text
                .trim()
                .parse::<u32>()
                .map(GameAction::SetRounds)
                .map_err(|_| format!("Rounds must be a whole number from 1 to {MAX_ROUNDS}."));
            act(Spot::Rounds, action, Some(text));
        })
    };
    let on_seed = {
        let act = act.clone();
        Callback::from(move |e: InputEvent| {
            let text = input_text(e);
            let action = text
                .trim()
                .parse::<u64>()
                .map(|seed| GameAction::Reset(Some(seed)))
                .map_err(|_| "The game seed must be a whole number of 0 or more.".to_owned());
            act(Spot::Seed, action, Some(text));
        })
    };
    let start = {
        let (act, store) = (act.clone(), store.clone());
        Callback::from(move |_: MouseEvent| {
            act(Spot::Start, Ok(GameAction::Start), None);
            if let Some(team) = store.game().teams.first() {
                focus_later(field_id(team.id, "low"));
            }
        })
    };
    let rounds = drafts
        .get(&Spot::Rounds)
        .cloned()
        .unwrap_or_else(|| game.rounds.to_string());
    let seed = drafts
        .get(&Spot::Seed)
        .cloned()
        .unwrap_or_else(|| game.seed.to_string());
    let described = |spot: Spot, id: &str| {
        errors
            .contains_key(&spot)
            .then(|| AttrValue::from(id.to_owned()))
    };
    html! {
        <section class="game-setup" aria-labelledby="setup-title">
            <h2 id="setup-title">{ "Set up the game" }</h2>
            <p class="game-hint">{ "Each round the room sees a mystery quarter. Every team gives a range it is 80 % sure holds the deals won; one quarter plays, and the ranges are scored." }</p>
            <ol class="setup-teams" aria-label="Teams">{ for teams }</ol>
            <button type="button" class="cl-button" onclick={add} disabled={game.teams.len() >= MAX_TEAMS}>{ "Add team" }</button>
            { alert(Spot::Add, "add-problem".to_owned()) }
            <div class="setup-numbers">
                <label class="game-label">{ "Rounds" }
                    <input type="number" class="game-input" min="1" max={MAX_ROUNDS.to_string()} step="1" value={rounds}
                           oninput={on_rounds} aria-describedby={described(Spot::Rounds, "rounds-problem")} /></label>
                { alert(Spot::Rounds, "rounds-problem".to_owned()) }
                <label class="game-label">{ "Game seed" }
                    <input type="number" class="game-input wide" min="0" step="1" value={seed}
                           oninput={on_seed} aria-describedby={described(Spot::Seed, "seed-problem")} /></label>
                { alert(Spot::Seed, "seed-problem".to_owned()) }
            </div>
            <p class="game-hint">{ "The same seed plays the same mystery quarters, so a game can be replayed." }</p>
            <button type="button" class="cl-button primary big" onclick={start}>{ "Start game" }</button>
            { alert(Spot::Start, "start-problem".to_owned()) }
        </section>
    }
}

/// A message from the game's rules as a sentence.
pub(crate) fn capital(message: &str) -> String {
    let mut c = message.chars();
    match c.next() {
        Some(first) => format!(
            "{}{}.",
            first.to_uppercase(),
            c.as_str().trim_end_matches('.')
        ),
        None => String::new(),
    }
}
