//! The scenario: what the user describes, and its validated form.
//!
//! [`ScenarioInput`] (in `input`) mirrors the JSON scenario format and holds
//! whatever the user typed or a file said. [`Scenario::new`] (in `validate`)
//! is the one door to a [`Scenario`] the simulation accepts; it reports every
//! problem at once as a [`ScenarioError`] (in `error`), each naming its field
//! in words a user can read.

mod error;
mod input;
mod numbers;
#[cfg(test)]
mod tests;
mod validate;
#[cfg(test)]
mod version_tests;
mod wire;

pub use error::{Field, FieldError, ScenarioError};
pub use input::{
    DealValueInput, FollowUpInput, LeadsInput, MarketInput, ScenarioInput, StageInput, TargetInput,
};

use serde::{Deserialize, Serialize};

/// Number of stages in the sales process.
pub const STAGE_COUNT: usize = 7;
/// Stages before the sale (those with open pipeline): all but Follow-up.
pub const SALES_STAGES: usize = STAGE_COUNT - 1;

/// The scenario format version this engine writes. It reads every version
/// from 1 up to this one; a version 1 file means what it always meant.
pub const FORMAT_VERSION: u32 = 2;

/// Trials of a version 2 scenario that does not say.
pub const DEFAULT_TRIALS: f64 = 10_000.0;
/// Seed of a version 2 scenario that does not say.
pub const DEFAULT_SEED: u64 = 42;

/// Default stage names, in process order.
pub const DEFAULT_STAGE_NAMES: [&str; STAGE_COUNT] = [
    "Prospecting",
    "Qualification",
    "Needs assessment",
    "Presentation",
    "Handling objections",
    "Closing",
    "Follow-up",
];

/// Largest lead count or open-pipeline count accepted: far above any real
/// funnel, and small enough that every statistic stays exact in integers.
pub const MAX_COUNT: f64 = 1e12;
/// Largest weekly lead rate.
pub const MAX_PER_WEEK: f64 = 1e9;
/// Longest horizon: ten years.
pub const MAX_HORIZON_WEEKS: f64 = 520.0;
/// Longest mean stage duration: ten years.
pub const MAX_DAYS: f64 = 3650.0;
/// Largest evidence (pseudo-observations behind a rate).
pub const MAX_EVIDENCE: f64 = 1e9;
/// Largest deal value (currency units).
pub const MAX_VALUE: f64 = 1e12;
/// Largest number of Monte Carlo trials in one run.
pub const MAX_TRIALS: f64 = 1e8;
/// Largest repeat-value multiplier and referrals per customer.
pub const MAX_FOLLOW_UP: f64 = 1000.0;
/// Largest lead dispersion: beyond it the weekly counts are Poisson to
/// within any visible difference.
pub const MAX_DISPERSION: f64 = 1e9;
/// Largest market shock (log-odds per standard deviation): at 3, one trial
/// in six already has every stage's odds divided by e³ ≈ 20.
pub const MAX_MARKET_SD: f64 = 3.0;

/// How leads arrive, validated.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Leads {
    /// One cohort at time 0.
    Cohort(u64),
    /// λ new leads a week on average, each week of the horizon, arriving
    /// through the week (Poisson, or negative binomial with
    /// [`Scenario::lead_dispersion`]).
    PerWeek(f64),
}

/// A validated stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub name: String,
    /// Probability in [0, 1] of moving on (mean of the per-trial rate).
    pub rate: f64,
    /// Mean days in the stage (≥ 0).
    pub days: f64,
    /// Pseudo-observations behind `rate`; None: the rate is fixed.
    pub evidence: Option<f64>,
}

/// Lognormal deal values: ln(value) ~ Normal(mu, sigma²).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealValue {
    pub median: f64,
    pub p90: f64,
}

/// 90th percentile of the standard normal distribution.
pub const Z90: f64 = 1.281_551_565_544_600_5;

impl DealValue {
    /// Location parameter: ln(median).
    pub fn mu(&self) -> f64 {
        libm::log(self.median)
    }
    /// Scale parameter: (ln p90 − ln median) / z₀.₉.
    pub fn sigma(&self) -> f64 {
        (libm::log(self.p90) - libm::log(self.median)) / Z90
    }
    /// Mean of one deal's value: exp(mu + sigma²/2).
    pub fn mean(&self) -> f64 {
        let s = self.sigma();
        libm::exp(self.mu() + s * s / 2.0)
    }
}

/// A scenario the simulation can run: every number checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub(crate) name: String,
    pub(crate) leads: Leads,
    pub(crate) lead_dispersion: Option<f64>,
    pub(crate) horizon_weeks: Option<u32>,
    pub(crate) stages: Vec<Stage>,
    pub(crate) pipeline: [u64; SALES_STAGES],
    pub(crate) deal_value: Option<DealValue>,
    pub(crate) repeat_value: f64,
    pub(crate) referrals: f64,
    pub(crate) target_revenue: Option<f64>,
    pub(crate) target_won: Option<u64>,
    pub(crate) market_sd: f64,
    pub(crate) trials: u64,
    pub(crate) seed: u64,
}

impl Scenario {
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn leads(&self) -> Leads {
        self.leads
    }
    /// Negative-binomial dispersion k of the weekly lead counts (variance
    /// λ + λ²/k); None: Poisson. Only with [`Leads::PerWeek`].
    pub fn lead_dispersion(&self) -> Option<f64> {
        self.lead_dispersion
    }
    /// Standard deviation (log-odds) of the shock shared by stages 1–6; 0:
    /// none.
    pub fn market_sd(&self) -> f64 {
        self.market_sd
    }
    /// The forecast window in weeks; None: every deal runs to its end.
    pub fn horizon_weeks(&self) -> Option<u32> {
        self.horizon_weeks
    }
    /// The seven stages, in process order.
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }
    /// Open deals now in stages 1–6.
    pub fn pipeline(&self) -> [u64; SALES_STAGES] {
        self.pipeline
    }
    pub fn deal_value(&self) -> Option<DealValue> {
        self.deal_value
    }
    pub fn repeat_value(&self) -> f64 {
        self.repeat_value
    }
    pub fn referrals(&self) -> f64 {
        self.referrals
    }
    pub fn target_revenue(&self) -> Option<f64> {
        self.target_revenue
    }
    pub fn target_won(&self) -> Option<u64> {
        self.target_won
    }
    /// Number of Monte Carlo trials of a full run.
    pub fn trials(&self) -> u64 {
        self.trials
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// The same scenario with another number of trials (1 ≤ trials ≤ 1e8).
    pub fn with_trials(mut self, trials: u64) -> Self {
        self.trials = trials.clamp(1, MAX_TRIALS as u64);
        self
    }
    /// The same scenario with another seed.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}
