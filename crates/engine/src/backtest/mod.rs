//! The rolling-origin backtest: how often the forecast's ranges contained
//! what the user's own history says happened (rules in `docs/backtest.md`).
//!
//! At each origin date `o` ([`origins`]) the history is fitted exactly as
//! `fit --as-of o` would (nothing after `o` is known), the fitted scenario
//! is simulated over the next H weeks, and its trials are scored against the
//! deals won in (o, o + 7·H days] and the sum of their amounts ([`score`]).
//! The file is read and assembled once ([`crate::history::Deals`]), then
//! fitted per origin. [`BacktestJob`] does it in steps for a worker.

mod job;
mod origin;
mod score;
#[cfg(test)]
mod score_tests;
mod summary;
#[cfg(test)]
mod tests;

pub use job::{backtest, BacktestJob};
pub use origin::{origin_scenario, origins};
pub use score::{covered, crps, hubspot_accuracy, mid_pit, quantile};
pub use summary::{Forecast, Scores};

use crate::history::{Day, HistoryError, DEFAULT_HORIZON_WEEKS};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Weeks of history before the first origin when none is given.
pub const DEFAULT_WARMUP_WEEKS: u32 = 26;
/// Weeks between origins when none is given.
pub const DEFAULT_EVERY_WEEKS: u32 = 13;
/// Trials per origin when none is given.
pub const DEFAULT_TRIALS: u64 = 10_000;
/// Seed when none is given.
pub const DEFAULT_SEED: u64 = 42;
/// Most trials per origin: each origin keeps its trials' values to score them.
pub const MAX_TRIALS: u64 = 1_000_000;
/// Longest horizon, warm-up or spacing (weeks): ten years.
pub const MAX_WEEKS: u32 = 520;

/// How the backtest runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BacktestSettings {
    /// Weeks each origin forecasts (H).
    pub horizon_weeks: u32,
    /// Weeks between origins (E).
    pub every_weeks: u32,
    /// Weeks of history before the first origin (W).
    pub warmup_weeks: u32,
    /// Trials per origin (N).
    pub trials: u64,
    /// The seed of every origin's run (S).
    pub seed: u64,
    /// Whether the fitted `leads.dispersion` and `market.sd` are used; off
    /// (the command line's `--no-variation`) drops both, for comparison.
    #[serde(default = "variation_on")]
    pub variation: bool,
}

fn variation_on() -> bool {
    true
}

impl Default for BacktestSettings {
    fn default() -> Self {
        BacktestSettings {
            horizon_weeks: DEFAULT_HORIZON_WEEKS,
            every_weeks: DEFAULT_EVERY_WEEKS,
            warmup_weeks: DEFAULT_WARMUP_WEEKS,
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
            variation: true,
        }
    }
}

impl BacktestSettings {
    /// Every setting in range, or the message naming the first that is not.
    pub fn check(&self) -> Result<(), BacktestError> {
        let weeks = [
            ("horizon", self.horizon_weeks, 1),
            ("spacing of origins", self.every_weeks, 1),
            ("warm-up", self.warmup_weeks, 1),
        ];
        for (name, value, least) in weeks {
            if !(least..=MAX_WEEKS).contains(&value) {
                return Err(BacktestError::Settings(format!(
                    "The {name} must be between {least} and {MAX_WEEKS} weeks (got {value})."
                )));
            }
        }
        if !(1..=MAX_TRIALS).contains(&self.trials) {
            return Err(BacktestError::Settings(format!(
                "The trials per origin must be between 1 and {MAX_TRIALS} (got {}).",
                self.trials
            )));
        }
        Ok(())
    }
}

/// What the file says happened after an origin.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    /// Deals won in (o, o + 7·H days].
    pub won: u64,
    /// The sum of their amounts; None when no row of the file has an amount.
    pub revenue: Option<f64>,
}

/// One origin's forecast and what happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OriginResult {
    /// The origin: the world as seen at the end of this day.
    pub as_of: Day,
    pub actual: Actual,
    pub won: Forecast,
    /// None when the fit at this origin has no deal value (no won deal with
    /// an amount yet) or the file has no amounts.
    pub revenue: Option<Forecast>,
}

/// The whole backtest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backtest {
    pub settings: BacktestSettings,
    /// Oldest first.
    pub origins: Vec<OriginResult>,
    /// Over every origin.
    pub won: Scores,
    /// Over the origins with a revenue forecast; None when none has one.
    pub revenue: Option<Scores>,
}

/// Why a backtest cannot be run: one message for the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum BacktestError {
    /// The file cannot be read or fitted at all.
    History(HistoryError),
    /// A setting out of range.
    Settings(String),
    /// No origin fits between the first creation plus the warm-up and the
    /// latest date minus the horizon.
    TooShort {
        first: Day,
        latest: Day,
        warmup_weeks: u32,
        horizon_weeks: u32,
    },
    /// The fit at an origin cannot be simulated.
    Origin { as_of: Day, message: String },
}

impl fmt::Display for BacktestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BacktestError::History(e) => e.fmt(f),
            BacktestError::Settings(message) => f.write_str(message),
            BacktestError::TooShort {
                first,
                latest,
                warmup_weeks,
                horizon_weeks,
            } => write!(
                f,
                "The history runs from {first} to {latest}; a backtest needs at least \
                 {warmup_weeks} weeks of warm-up plus a {horizon_weeks}-week horizon. \
                 Shorten the warm-up or the horizon."
            ),
            BacktestError::Origin { as_of, message } => {
                write!(f, "The fit as of {as_of} cannot be simulated: {message}")
            }
        }
    }
}
