//! Who beats whom: one sentence per pair of scenarios, the winner first.
//! A plain function, not a component: each Yew component type costs about
//! half a kilobyte of wasm.

use charts::format;
use engine::{ComparisonSummary, Measure};
use yew::prelude::*;

/// A pair of scenarios with the one that wins more trials first.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pair {
    winner: usize,
    loser: usize,
    /// Share of trials the winner does better.
    wins: f64,
    /// Share of trials the loser does better.
    losses: f64,
}

/// Every pair from `beats[i][j]` (the share of trials in which i did
/// strictly better than j), in order; an even pair names the later first.
fn pairs(beats: &[Vec<f64>]) -> Vec<Pair> {
    let n = beats.len();
    let at = |i: usize, j: usize| beats[i].get(j).copied().unwrap_or(0.0);
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .map(|(i, j)| {
            let (a, b) = (at(i, j), at(j, i));
            if b >= a {
                Pair {
                    winner: j,
                    loser: i,
                    wins: b,
                    losses: a,
                }
            } else {
                Pair {
                    winner: i,
                    loser: j,
                    wins: a,
                    losses: b,
                }
            }
        })
        .collect()
}

/// The sentences for `s`, naming the scenarios by `names`.
pub fn beats(s: &ComparisonSummary, names: &[String]) -> Html {
    let what = if s.metric == Measure::Revenue {
        "revenue"
    } else {
        "deals won"
    };
    let name = |k: usize| {
        names
            .get(k)
            .cloned()
            .unwrap_or_else(|| format!("Scenario {}", k + 1))
    };
    let n = s.summaries.len().min(s.beats.len());
    let sentences = pairs(&s.beats[..n]).into_iter().map(|p| {
        format!(
            "“{}” beats “{}” in {} of trials on {what} ({} the other way, the rest tie).",
            name(p.winner),
            name(p.loser),
            format::percent(p.wins),
            format::percent(p.losses)
        )
    });
    html! {
        <ul class="beats">
            { for sentences.map(|t| html! { <li>{ t }</li> }) }
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_once_with_the_winner_first() {
        let beats = vec![
            vec![0.0, 0.7, 0.2],
            vec![0.1, 0.0, 0.4],
            vec![0.6, 0.5, 0.0],
        ];
        let pairs = pairs(&beats);
        let order: Vec<(usize, usize)> = pairs.iter().map(|p| (p.winner, p.loser)).collect();
        assert_eq!(order, vec![(0, 1), (2, 0), (2, 1)]);
        assert_eq!((pairs[0].wins, pairs[0].losses), (0.7, 0.1));
        assert_eq!((pairs[1].wins, pairs[1].losses), (0.6, 0.2));
    }

    #[test]
    fn an_even_pair_names_the_later_scenario_first() {
        let beats = vec![vec![0.0, 0.3], vec![0.3, 0.0]];
        assert_eq!(
            pairs(&beats),
            vec![Pair {
                winner: 1,
                loser: 0,
                wins: 0.3,
                losses: 0.3
            }]
        );
    }
}
