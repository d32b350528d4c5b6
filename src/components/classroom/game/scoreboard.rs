//! The scoreboard: each team's hits against the 80 % promise, the verdict,
//! and the mean interval score (lower is better), with the one line that
//! explains it. A plain function: each Yew component type costs about half a
//! kilobyte of wasm.

use crate::game::Game;
use crate::game_text::INTERVAL_SCORE_LINE;
use charts::format;
use yew::prelude::*;

/// The scoreboard over the revealed rounds.
pub fn scoreboard(game: &Game) -> Html {
    let scores = game.scoreboard();
    let revenue = scores.iter().any(|s| s.revenue_rounds > 0);
    let lines = scores.iter().map(|s| html! { <li>{ s.line() }</li> });
    let rows = scores.iter().map(|s| {
        let mean = s
            .winkler_mean()
            .map(format::mean)
            .unwrap_or_else(|| "–".to_owned());
        html! {
            <tr>
                <th scope="row">{ s.name.clone() }</th>
                <td>{ format!("{} of {}", s.hits, s.rounds) }</td>
                <td>{ s.verdict().word() }</td>
                <td>{ mean }</td>
                if revenue {
                    <td>{ if s.revenue_rounds == 0 { "–".to_owned() } else { format!("{} of {}", s.revenue_hits, s.revenue_rounds) } }</td>
                }
            </tr>
        }
    });
    html! {
        <section class="game-scoreboard" aria-labelledby="scoreboard-title">
            <h2 id="scoreboard-title">{ "Scoreboard" }</h2>
            <ul class="score-lines" aria-label="Scoreboard lines" data-testid="score-lines">{ for lines }</ul>
            <table class="game-table">
                <caption class="visually-hidden">{ "Scoreboard" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Team" }</th>
                        <th scope="col">{ "Hits" }</th>
                        <th scope="col">{ "Verdict" }</th>
                        <th scope="col">{ "Mean interval score" }</th>
                        if revenue {
                            <th scope="col">{ "Revenue hits" }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="game-hint">{ INTERVAL_SCORE_LINE }</p>
        </section>
    }
}
