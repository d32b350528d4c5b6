//! The scoreboard: each team's hits, interval scores and verdict over the
//! revealed rounds.

use super::{score, Game, Team};

impl Game {
    /// The scoreboard: one row per team, over the revealed rounds.
    pub fn scoreboard(&self) -> Vec<TeamScore> {
        self.teams.iter().map(|t| self.team_score(t)).collect()
    }

    fn team_score(&self, team: &Team) -> TeamScore {
        let mut s = TeamScore {
            team: team.id,
            name: team.name.clone(),
            rounds: 0,
            hits: 0,
            winkler_total: 0.0,
            revenue_rounds: 0,
            revenue_hits: 0,
            revenue_winkler_total: 0.0,
        };
        for round in &self.played {
            let Some(actual) = round.actual else { continue };
            let Some(range) = round
                .entries
                .iter()
                .find(|e| e.team == team.id)
                .and_then(|e| e.range)
            else {
                continue;
            };
            s.rounds += 1;
            s.hits += usize::from(score::hit(range.low, range.high, actual.won));
            s.winkler_total += score::winkler(range.low, range.high, actual.won);
            if let (Some((lo, hi)), Some(x)) = (range.revenue, actual.revenue) {
                s.revenue_rounds += 1;
                s.revenue_hits += usize::from(score::hit(lo, hi, x));
                s.revenue_winkler_total += score::winkler(lo, hi, x);
            }
        }
        s
    }
}

/// One team's line on the scoreboard.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamScore {
    pub team: u32,
    pub name: String,
    /// Revealed rounds in which the team gave a range.
    pub rounds: usize,
    /// Of those, the rounds whose actual fell in the range.
    pub hits: usize,
    /// Sum of the Winkler scores (deals won); lower is better.
    pub winkler_total: f64,
    /// The same for revenue, over the rounds with a revenue range and actual.
    pub revenue_rounds: usize,
    pub revenue_hits: usize,
    pub revenue_winkler_total: f64,
}

impl TeamScore {
    /// Mean Winkler score per round (None before any).
    pub fn winkler_mean(&self) -> Option<f64> {
        (self.rounds > 0).then(|| self.winkler_total / self.rounds as f64)
    }

    /// The verdict from the calibrated band ([`score::Verdict::of`]).
    pub fn verdict(&self) -> score::Verdict {
        score::Verdict::of(self.hits, self.rounds)
    }

    /// "Team 2: 4 of 8 — about right".
    pub fn line(&self) -> String {
        format!(
            "{}: {} of {} — {}",
            self.name,
            self.hits,
            self.rounds,
            self.verdict().word()
        )
    }
}
