//! The classroom calibration game's state and its pure reducer: teams,
//! rounds, each team's 80 % range per round, the revealed actuals, and the
//! scoreboard ([`score`] holds the rules). No storage, no clock, no web
//! dependency: the UI applies a [`GameAction`] and saves the result through
//! `storage::save_game`.
//!
//! Teams are added and removed while the game is being set up (no round
//! entered yet); a team's name can change at any time. Each round: ranges
//! are entered and locked (and may be unlocked until the reveal), the actual
//! is revealed once every team has locked, then the next round starts.

mod reducer;
pub mod score;
mod scoreboard;

pub use scoreboard::TeamScore;

use serde::{Deserialize, Serialize};
use std::fmt;

/// Most teams in one game.
pub const MAX_TEAMS: usize = 12;
/// Teams a new game starts with.
pub const DEFAULT_TEAMS: usize = 3;
/// Rounds a new game plays.
pub const DEFAULT_ROUNDS: u32 = 8;
/// Most rounds in one game.
pub const MAX_ROUNDS: u32 = 30;
/// Longest team name (characters).
pub const MAX_TEAM_NAME: usize = 40;

/// A team, known by an id that stays when it is renamed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub id: u32,
    pub name: String,
}

/// A team's 80 % range for one round.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Range {
    /// Deals won: lowest and highest.
    pub low: f64,
    pub high: f64,
    /// Revenue (currency units): lowest and highest, if the team gave one.
    #[serde(default)]
    pub revenue: Option<(f64, f64)>,
}

/// One team's entry in one round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub team: u32,
    pub range: Option<Range>,
    #[serde(default)]
    pub locked: bool,
}

/// What one quarter actually produced.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    /// Deals won.
    pub won: f64,
    /// Revenue (currency units), if the scenario has deal values.
    #[serde(default)]
    pub revenue: Option<f64>,
}

/// One round: every team's entry, and the actual once revealed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub actual: Option<Actual>,
}

/// A whole game.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Game {
    /// Seeds every round's mystery scenario (`engine::mystery::mystery`).
    pub seed: u64,
    /// Rounds the game plays.
    pub rounds: u32,
    pub teams: Vec<Team>,
    /// The rounds started so far, the current one last; empty while the game
    /// is set up.
    #[serde(default)]
    pub played: Vec<Round>,
}

/// Where a game stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Teams and rounds are being chosen.
    Setup,
    /// Round `n` (0-based): ranges are being entered.
    Entering(u32),
    /// Round `n` is revealed; more rounds follow.
    Revealed(u32),
    /// The last round is revealed.
    Finished,
}

/// Everything the UI can do to a game.
#[derive(Clone, Debug, PartialEq)]
pub enum GameAction {
    /// Adds a team; None names it "Team n" (the first n not taken).
    AddTeam(Option<String>),
    RenameTeam {
        team: u32,
        name: String,
    },
    RemoveTeam(u32),
    SetRounds(u32),
    /// Ends the set-up: round 1 starts (entering a range starts it too).
    Start,
    /// A team's range for the current round (replacing any earlier one).
    EnterRange {
        team: u32,
        range: Range,
    },
    Lock(u32),
    Unlock(u32),
    /// The current round's actual; every team must have locked.
    Reveal(Actual),
    NextRound,
    /// Back to set-up with the same teams, rounds and seed (the same game
    /// replays); `Some(seed)` starts a different one.
    Reset(Option<u64>),
}

/// Why an action was refused; the game is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum GameError {
    TooManyTeams,
    /// A game needs at least one team.
    LastTeam,
    NoSuchTeam(u32),
    /// An empty name, or one longer than [`MAX_TEAM_NAME`].
    BadName,
    /// Teams are added and removed only before the first round.
    AlreadyStarted,
    /// Rounds outside 1 to [`MAX_ROUNDS`], or fewer than already started.
    BadRounds(u32),
    /// A range with low above high, a negative or non-finite number.
    BadRange(String),
    /// The team has locked its range; unlock it first.
    Locked(u32),
    /// Lock needs a range entered first.
    NoRange(u32),
    /// Not every team has locked its range.
    NotAllLocked,
    /// The round is already revealed, or not revealed yet, or the game is over.
    WrongPhase,
}

impl fmt::Display for GameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GameError::TooManyTeams => write!(f, "a game has at most {MAX_TEAMS} teams"),
            GameError::LastTeam => f.write_str("a game needs at least one team"),
            GameError::NoSuchTeam(_) => f.write_str("that team is not in the game"),
            GameError::BadName => {
                write!(f, "a team's name needs 1 to {MAX_TEAM_NAME} characters")
            }
            GameError::AlreadyStarted => {
                f.write_str("teams can be added or removed only before the first round")
            }
            GameError::BadRounds(n) => write!(
                f,
                "{n} rounds is not possible (1 to {MAX_ROUNDS}, and not fewer than already played)"
            ),
            GameError::BadRange(why) => f.write_str(why),
            GameError::Locked(_) => f.write_str("that team's range is locked"),
            GameError::NoRange(_) => f.write_str("enter a range before locking it"),
            GameError::NotAllLocked => f.write_str("every team must lock its range first"),
            GameError::WrongPhase => f.write_str("that is not possible at this point of the game"),
        }
    }
}

impl Default for Game {
    fn default() -> Self {
        Game::new(engine::DEFAULT_SEED)
    }
}

/// A team name trimmed and checked.
fn clean_team_name(name: &str) -> Result<String, GameError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_TEAM_NAME {
        return Err(GameError::BadName);
    }
    Ok(name.to_owned())
}

fn check_pair(low: f64, high: f64, what: &str) -> Result<(), GameError> {
    if !low.is_finite() || !high.is_finite() || low < 0.0 {
        return Err(GameError::BadRange(format!(
            "{what}: both ends must be numbers of at least 0"
        )));
    }
    if low > high {
        return Err(GameError::BadRange(format!(
            "{what}: the low end ({low}) is above the high end ({high})"
        )));
    }
    Ok(())
}

impl Range {
    /// Checks both ends (and the revenue's, if given).
    pub fn check(&self) -> Result<(), GameError> {
        check_pair(self.low, self.high, "Deals won")?;
        match self.revenue {
            Some((lo, hi)) => check_pair(lo, hi, "Revenue"),
            None => Ok(()),
        }
    }
}

impl Game {
    /// A new game: teams "Team 1…3", [`DEFAULT_ROUNDS`] rounds.
    pub fn new(seed: u64) -> Game {
        Game {
            seed,
            rounds: DEFAULT_ROUNDS,
            teams: (1..=DEFAULT_TEAMS as u32)
                .map(|id| Team {
                    id,
                    name: format!("Team {id}"),
                })
                .collect(),
            played: Vec::new(),
        }
    }

    /// Where the game stands.
    pub fn phase(&self) -> Phase {
        let Some(current) = self.played.last() else {
            return Phase::Setup;
        };
        let n = self.played.len() as u32 - 1;
        match current.actual {
            None => Phase::Entering(n),
            Some(_) if n + 1 >= self.rounds => Phase::Finished,
            Some(_) => Phase::Revealed(n),
        }
    }

    /// The round being played or just revealed.
    pub fn current(&self) -> Option<&Round> {
        self.played.last()
    }

    /// Checks a game read from storage or a file: every problem, in words.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.teams.is_empty() || self.teams.len() > MAX_TEAMS {
            problems.push(format!("a game has 1 to {MAX_TEAMS} teams"));
        }
        if self.rounds == 0 || self.rounds > MAX_ROUNDS || self.played.len() > self.rounds as usize
        {
            problems.push(format!(
                "{} rounds with {} played is not possible",
                self.rounds,
                self.played.len()
            ));
        }
        let mut ids: Vec<u32> = self.teams.iter().map(|t| t.id).collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() != self.teams.len() {
            problems.push("two teams share an id".to_owned());
        }
        for t in &self.teams {
            if clean_team_name(&t.name).as_deref() != Ok(t.name.as_str()) {
                problems.push(format!("team {}: {}", t.id, GameError::BadName));
            }
        }
        for (i, round) in self.played.iter().enumerate() {
            let mut teams: Vec<u32> = round.entries.iter().map(|e| e.team).collect();
            teams.sort_unstable();
            if teams != ids {
                problems.push(format!(
                    "round {}: its entries do not match the teams",
                    i + 1
                ));
            }
            if i + 1 < self.played.len() && round.actual.is_none() {
                problems.push(format!(
                    "round {}: not revealed, yet a later one started",
                    i + 1
                ));
            }
            for e in &round.entries {
                if let Some(Err(err)) = e.range.map(|r| r.check()) {
                    problems.push(format!("round {}: {err}", i + 1));
                }
                if e.locked && e.range.is_none() {
                    problems.push(format!("round {}: a range is locked but empty", i + 1));
                }
            }
            if let Some(a) = round.actual {
                if !a.won.is_finite() || a.won < 0.0 {
                    problems.push(format!("round {}: the actual is not a count", i + 1));
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests;
