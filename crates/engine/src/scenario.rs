//! The scenario: what the user describes, and its validated form.
//!
//! [`ScenarioInput`] mirrors the JSON scenario format (version 1, see
//! `docs/scenario-format.md`) field for field and holds whatever the user
//! typed or a file said. [`Scenario::new`] is the one door to a [`Scenario`]
//! the simulation accepts; it reports every problem at once, each naming its
//! field in words a user can read.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Number of stages in the sales process.
pub const STAGE_COUNT: usize = 7;
/// Stages before the sale (those with open pipeline): all but Follow-up.
pub const SALES_STAGES: usize = STAGE_COUNT - 1;

/// The scenario format version this engine reads and writes.
pub const FORMAT_VERSION: u32 = 1;

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

/// Default conversion rates, a typical B2B funnel.
const DEFAULT_RATES: [f64; STAGE_COUNT] = [0.50, 0.60, 0.70, 0.60, 0.50, 0.40, 0.25];

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

/// Writes whole numbers without a decimal point (`1000`, not `1000.0`), so
/// exported files read as people write them; other values stay as they are.
fn whole_as_integer<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() <= 9.0e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

fn opt_whole_as_integer<S: serde::Serializer>(
    value: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => whole_as_integer(v, s),
        None => s.serialize_none(),
    }
}

fn whole_vec<S: serde::Serializer>(values: &[f64], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(values.len()))?;
    for v in values {
        if v.fract() == 0.0 && v.abs() <= 9.0e15 {
            seq.serialize_element(&(*v as i64))?;
        } else {
            seq.serialize_element(v)?;
        }
    }
    seq.end()
}

/// How leads enter the funnel.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum LeadsInput {
    /// One cohort of this many leads enters Prospecting at time 0 (leads).
    #[serde(serialize_with = "whole_as_integer")]
    Count(f64),
    /// Each week of the horizon, a Poisson number of new leads with this mean
    /// enters Prospecting (leads per week).
    #[serde(serialize_with = "whole_as_integer")]
    PerWeek(f64),
}

/// One stage as the user describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageInput {
    /// Display name, e.g. "Qualification".
    pub name: String,
    /// Probability (0–1) that a deal in this stage moves on to the next one.
    /// For Closing it is the win rate; for Follow-up the share of won
    /// customers that buy again.
    pub rate: f64,
    /// Mean days a deal spends in the stage before it moves on or drops out
    /// (for Follow-up: days from the win to the repeat purchase and referrals).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    pub days: Option<f64>,
    /// How sure the user is of `rate`, as a number of past deals: per trial
    /// the rate is drawn from Beta(rate·evidence, (1−rate)·evidence).
    /// Absent: the rate is known exactly.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    pub evidence: Option<f64>,
}

/// Value of each won deal: lognormal with this median and 90th percentile.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DealValueInput {
    /// Median deal value (currency units).
    #[serde(serialize_with = "whole_as_integer")]
    pub median: f64,
    /// 90th percentile of deal value (currency units); equal to the median
    /// for a fixed value.
    #[serde(serialize_with = "whole_as_integer")]
    pub p90: f64,
}

/// What happens after a sale.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpInput {
    /// A repeat purchase is worth this multiple of a fresh deal-value draw.
    #[serde(default)]
    pub repeat_value: f64,
    /// Mean number of new leads each won customer refers (Poisson).
    #[serde(default)]
    pub referrals: f64,
}

/// What the user hopes to reach within the horizon.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetInput {
    /// Revenue target (currency units); needs `deal_value`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    pub revenue: Option<f64>,
    /// Target number of won deals.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    pub won: Option<f64>,
}

/// A scenario exactly as stored or typed: not yet validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    /// Scenario format version; see [`FORMAT_VERSION`].
    pub version: u32,
    /// Free-text name of the scenario.
    #[serde(default)]
    pub name: String,
    /// Lead volume entering Prospecting.
    pub leads: LeadsInput,
    /// Forecast window (weeks). Only deals won inside it count. Optional with
    /// `leads.count`; required with `leads.per_week`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    pub horizon_weeks: Option<f64>,
    /// Exactly [`STAGE_COUNT`] stages, in process order.
    pub stages: Vec<StageInput>,
    /// Open deals now in stages 1–6 (six whole numbers); each starts its
    /// stage at time 0. Absent: no open pipeline.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_vec"
    )]
    pub pipeline: Option<Vec<f64>>,
    /// Value of each won deal; absent: revenue is not reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deal_value: Option<DealValueInput>,
    /// Repeat purchases and referrals after a sale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpInput>,
    /// Targets whose probability is reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetInput>,
    /// Number of Monte Carlo trials (whole number, at least 1).
    #[serde(serialize_with = "whole_as_integer")]
    pub trials: f64,
    /// Seed of the random streams: same seed and scenario, same result.
    pub seed: u64,
}

fn opt_whole_vec<S: serde::Serializer>(value: &Option<Vec<f64>>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => whole_vec(v, s),
        None => s.serialize_none(),
    }
}

impl Default for ScenarioInput {
    fn default() -> Self {
        ScenarioInput {
            version: FORMAT_VERSION,
            name: "Untitled forecast".to_owned(),
            leads: LeadsInput::Count(1000.0),
            horizon_weeks: None,
            stages: DEFAULT_STAGE_NAMES
                .iter()
                .zip(DEFAULT_RATES)
                .map(|(name, rate)| StageInput {
                    name: (*name).to_owned(),
                    rate,
                    days: None,
                    evidence: None,
                })
                .collect(),
            pipeline: None,
            deal_value: None,
            follow_up: None,
            target: None,
            trials: 10_000.0,
            seed: 42,
        }
    }
}

/// Which input a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    Version,
    Name,
    Leads,
    Horizon,
    Stages,
    StageName(usize),
    StageRate(usize),
    StageDays(usize),
    StageEvidence(usize),
    Pipeline(usize),
    DealValueMedian,
    DealValueP90,
    RepeatValue,
    Referrals,
    TargetRevenue,
    TargetWon,
    Trials,
    Seed,
}

impl fmt::Display for Field {
    /// The field's path in the scenario format, e.g. `stages[1].rate`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Version => f.write_str("version"),
            Field::Name => f.write_str("name"),
            Field::Leads => f.write_str("leads"),
            Field::Horizon => f.write_str("horizon_weeks"),
            Field::Stages => f.write_str("stages"),
            Field::StageName(i) => write!(f, "stages[{i}].name"),
            Field::StageRate(i) => write!(f, "stages[{i}].rate"),
            Field::StageDays(i) => write!(f, "stages[{i}].days"),
            Field::StageEvidence(i) => write!(f, "stages[{i}].evidence"),
            Field::Pipeline(i) => write!(f, "pipeline[{i}]"),
            Field::DealValueMedian => f.write_str("deal_value.median"),
            Field::DealValueP90 => f.write_str("deal_value.p90"),
            Field::RepeatValue => f.write_str("follow_up.repeat_value"),
            Field::Referrals => f.write_str("follow_up.referrals"),
            Field::TargetRevenue => f.write_str("target.revenue"),
            Field::TargetWon => f.write_str("target.won"),
            Field::Trials => f.write_str("trials"),
            Field::Seed => f.write_str("seed"),
        }
    }
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field at fault.
    pub field: Field,
    /// What is wrong, in words for the user (without the field path).
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Every problem found in a [`ScenarioInput`]; never empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioError {
    pub errors: Vec<FieldError>,
}

impl ScenarioError {
    /// The message for one field, if that field has a problem.
    pub fn message_for(&self, field: Field) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

/// How leads arrive, validated.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Leads {
    /// One cohort at time 0.
    Cohort(u64),
    /// Poisson(λ) new leads at the start of each week of the horizon.
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
    pub(crate) horizon_weeks: Option<u32>,
    pub(crate) stages: Vec<Stage>,
    pub(crate) pipeline: [u64; SALES_STAGES],
    pub(crate) deal_value: Option<DealValue>,
    pub(crate) repeat_value: f64,
    pub(crate) referrals: f64,
    pub(crate) target_revenue: Option<f64>,
    pub(crate) target_won: Option<u64>,
    pub(crate) trials: u64,
    pub(crate) seed: u64,
}

/// Checks that `value` is a whole number in `[min, max]`.
fn whole_number(value: f64, min: f64, max: f64, what: &str) -> Result<u64, String> {
    let v = number(value, min, max, what)?;
    if v.fract() != 0.0 {
        return Err(format!("{what} must be a whole number (got {v})"));
    }
    // In range and whole, so the conversion is exact.
    Ok(v as u64)
}

/// Checks that `value` is a finite number in `[min, max]`.
fn number(value: f64, min: f64, max: f64, what: &str) -> Result<f64, String> {
    if !value.is_finite() {
        return Err(format!("{what} must be a number"));
    }
    if value < min {
        return Err(format!(
            "{what} must be at least {} (got {value})",
            plain(min)
        ));
    }
    if value > max {
        return Err(format!(
            "{what} must be at most {} (got {value})",
            plain(max)
        ));
    }
    Ok(value)
}

/// `1000000000000` → `1e12`, `5` → `5`: short bounds in messages.
fn plain(v: f64) -> String {
    if v.abs() >= 1e6 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

impl Scenario {
    /// Validates `input`, reporting every problem found.
    pub fn new(input: &ScenarioInput) -> Result<Scenario, ScenarioError> {
        let mut errors = Vec::new();
        let mut fail = |field, message: String| errors.push(FieldError { field, message });

        if input.version != FORMAT_VERSION {
            let message = if input.version > FORMAT_VERSION {
                format!(
                    "format version {} is newer than this version of Funnelcast understands ({FORMAT_VERSION}); update Funnelcast to open it",
                    input.version
                )
            } else {
                format!(
                    "format version {} is not supported (expected {FORMAT_VERSION})",
                    input.version
                )
            };
            fail(Field::Version, message);
        }
        if input.name.chars().count() > 200 {
            fail(
                Field::Name,
                "the name must be at most 200 characters".to_owned(),
            );
        }
        let leads = match input.leads {
            LeadsInput::Count(n) => Leads::Cohort(
                whole_number(n, 0.0, MAX_COUNT, "Leads").unwrap_or_else(|m| {
                    fail(Field::Leads, m);
                    0
                }),
            ),
            LeadsInput::PerWeek(l) => Leads::PerWeek(
                number(l, 0.0, MAX_PER_WEEK, "Leads per week").unwrap_or_else(|m| {
                    fail(Field::Leads, m);
                    0.0
                }),
            ),
        };
        let horizon_weeks = match input.horizon_weeks {
            Some(h) => match whole_number(h, 1.0, MAX_HORIZON_WEEKS, "The horizon") {
                Ok(h) => Some(h as u32),
                Err(m) => {
                    fail(Field::Horizon, format!("{m} weeks"));
                    None
                }
            },
            None => {
                if matches!(input.leads, LeadsInput::PerWeek(_)) {
                    fail(
                        Field::Horizon,
                        "a horizon in weeks is required when leads arrive per week".to_owned(),
                    );
                }
                None
            }
        };
        let trials = whole_number(input.trials, 1.0, MAX_TRIALS, "Trials").unwrap_or_else(|m| {
            fail(Field::Trials, m);
            0
        });
        if input.stages.len() != STAGE_COUNT {
            fail(
                Field::Stages,
                format!(
                    "there must be exactly {STAGE_COUNT} stages (got {})",
                    input.stages.len()
                ),
            );
        }
        let mut stages = Vec::with_capacity(STAGE_COUNT);
        for (i, stage) in input.stages.iter().enumerate().take(STAGE_COUNT) {
            let label = if stage.name.trim().is_empty() {
                DEFAULT_STAGE_NAMES[i]
            } else {
                stage.name.trim()
            };
            if stage.name.chars().count() > 60 {
                fail(
                    Field::StageName(i),
                    "stage name must be at most 60 characters".to_owned(),
                );
            }
            if !stage.rate.is_finite() || !(0.0..=1.0).contains(&stage.rate) {
                fail(
                    Field::StageRate(i),
                    format!(
                        "{label} rate must be between 0 % and 100 % (got {})",
                        format_percent(stage.rate)
                    ),
                );
            }
            let days = stage.days.map_or(Ok(0.0), |d| {
                number(d, 0.0, MAX_DAYS, &format!("{label} days"))
            });
            let days = days.unwrap_or_else(|m| {
                fail(Field::StageDays(i), m);
                0.0
            });
            let evidence = match stage.evidence {
                None => None,
                Some(e) if e.is_finite() && e > 0.0 && e <= MAX_EVIDENCE => Some(e),
                Some(e) => {
                    fail(
                        Field::StageEvidence(i),
                        format!(
                            "{label} evidence must be a number of deals above 0 and at most {} (got {e})",
                            plain(MAX_EVIDENCE)
                        ),
                    );
                    None
                }
            };
            stages.push(Stage {
                name: label.to_owned(),
                rate: stage.rate,
                days,
                evidence,
            });
        }
        let mut pipeline = [0u64; SALES_STAGES];
        if let Some(open) = &input.pipeline {
            if open.len() != SALES_STAGES {
                fail(
                    Field::Pipeline(open.len().min(SALES_STAGES)),
                    format!(
                        "the pipeline needs exactly {SALES_STAGES} numbers, one per stage before Follow-up (got {})",
                        open.len()
                    ),
                );
            }
            for (i, &n) in open.iter().enumerate().take(SALES_STAGES) {
                let label = stages
                    .get(i)
                    .map_or(DEFAULT_STAGE_NAMES[i], |s| s.name.as_str());
                match whole_number(n, 0.0, MAX_COUNT, &format!("Open deals in {label}")) {
                    Ok(n) => pipeline[i] = n,
                    Err(m) => fail(Field::Pipeline(i), m),
                }
            }
        }
        let deal_value = input.deal_value.and_then(|v| {
            let median = number(v.median, 0.0, MAX_VALUE, "The median deal value")
                .and_then(|m| {
                    if m > 0.0 {
                        Ok(m)
                    } else {
                        Err("the median deal value must be above 0".to_owned())
                    }
                })
                .map_err(|m| fail(Field::DealValueMedian, m))
                .ok();
            let p90 = number(v.p90, 0.0, MAX_VALUE, "The 90th-percentile deal value")
                .map_err(|m| fail(Field::DealValueP90, m))
                .ok();
            match (median, p90) {
                (Some(median), Some(p90)) if p90 < median => {
                    fail(
                        Field::DealValueP90,
                        format!(
                            "the 90th-percentile deal value ({p90}) must be at least the median ({median})"
                        ),
                    );
                    None
                }
                (Some(median), Some(p90)) => Some(DealValue { median, p90 }),
                _ => None,
            }
        });
        let follow_up = input.follow_up.unwrap_or_default();
        let repeat_value = number(
            follow_up.repeat_value,
            0.0,
            MAX_FOLLOW_UP,
            "The repeat value",
        )
        .unwrap_or_else(|m| {
            fail(Field::RepeatValue, m);
            0.0
        });
        let referrals = number(
            follow_up.referrals,
            0.0,
            MAX_FOLLOW_UP,
            "Referrals per customer",
        )
        .unwrap_or_else(|m| {
            fail(Field::Referrals, m);
            0.0
        });
        if horizon_weeks.is_none() && input.horizon_weeks.is_none() && referrals > 0.0 {
            let win_share: f64 = stages.iter().take(SALES_STAGES).map(|s| s.rate).product();
            if referrals * win_share >= 1.0 {
                fail(
                    Field::Referrals,
                    format!(
                        "the referral loop would grow without bound: each won customer refers {referrals} leads and {} of leads are won, so each lead brings back {:.2} new leads; lower the referrals or set a horizon",
                        format_percent(win_share),
                        referrals * win_share
                    ),
                );
            }
        }
        let target = input.target.unwrap_or_default();
        let target_revenue =
            target
                .revenue
                .and_then(|r| match number(r, 0.0, f64::MAX, "The revenue target") {
                    Ok(_) if input.deal_value.is_none() => {
                        fail(
                            Field::TargetRevenue,
                            "a revenue target needs deal_value (median and p90) to compute revenue"
                                .to_owned(),
                        );
                        None
                    }
                    Ok(r) => Some(r),
                    Err(m) => {
                        fail(Field::TargetRevenue, m);
                        None
                    }
                });
        let target_won = target.won.and_then(|w| {
            whole_number(w, 0.0, 1e15, "The won-deals target")
                .map_err(|m| fail(Field::TargetWon, m))
                .ok()
        });

        if !errors.is_empty() {
            return Err(ScenarioError { errors });
        }
        Ok(Scenario {
            name: input.name.clone(),
            leads,
            horizon_weeks,
            stages,
            pipeline,
            deal_value,
            repeat_value,
            referrals,
            target_revenue,
            target_won,
            trials,
            seed: input.seed,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn leads(&self) -> Leads {
        self.leads
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

fn format_percent(rate: f64) -> String {
    if rate.is_finite() {
        format!("{} %", (rate * 1e4).round() / 1e2)
    } else {
        "not a number".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_is_valid() {
        let s = Scenario::new(&ScenarioInput::default()).expect("default is valid");
        assert_eq!(s.stages().len(), STAGE_COUNT);
        assert_eq!(s.leads(), Leads::Cohort(1000));
        assert_eq!(s.trials(), 10_000);
        assert_eq!(s.horizon_weeks(), None);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut input = ScenarioInput::default();
        input.leads = LeadsInput::Count(-3.0);
        input.trials = 2.5;
        input.stages[1].rate = 1.2;
        input.stages[4].rate = f64::NAN;
        input.stages[2].days = Some(-1.0);
        input.stages[3].evidence = Some(0.0);
        input.pipeline = Some(vec![0.0, 1.5, 0.0, 0.0, 0.0, 0.0]);
        input.deal_value = Some(DealValueInput {
            median: 100.0,
            p90: 50.0,
        });
        let err = Scenario::new(&input).expect_err("invalid");
        let fields: Vec<Field> = err.errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![
                Field::Leads,
                Field::Trials,
                Field::StageRate(1),
                Field::StageDays(2),
                Field::StageEvidence(3),
                Field::StageRate(4),
                Field::Pipeline(1),
                Field::DealValueP90,
            ]
        );
        let msg = err.to_string();
        assert!(msg.contains("leads: Leads must be at least 0"), "{msg}");
        assert!(
            msg.contains("trials: Trials must be a whole number"),
            "{msg}"
        );
        assert!(
            msg.contains(
                "stages[1].rate: Qualification rate must be between 0 % and 100 % (got 120 %)"
            ),
            "{msg}"
        );
        assert!(
            msg.contains("pipeline[1]: Open deals in Qualification must be a whole number"),
            "{msg}"
        );
    }

    #[test]
    fn per_week_needs_a_horizon_and_newer_versions_are_refused() {
        let mut input = ScenarioInput::default();
        input.leads = LeadsInput::PerWeek(120.0);
        input.version = 2;
        let err = Scenario::new(&input).expect_err("invalid");
        assert!(err
            .message_for(Field::Horizon)
            .is_some_and(|m| m.contains("required")));
        assert!(err
            .message_for(Field::Version)
            .is_some_and(|m| m.contains("newer")));
    }

    #[test]
    fn an_unbounded_referral_loop_is_refused_without_a_horizon() {
        let mut input = ScenarioInput::default();
        for s in &mut input.stages {
            s.rate = 1.0;
        }
        input.follow_up = Some(FollowUpInput {
            repeat_value: 0.0,
            referrals: 1.0,
        });
        let err = Scenario::new(&input).expect_err("unbounded");
        assert!(err
            .message_for(Field::Referrals)
            .is_some_and(|m| m.contains("without bound")));
        input.horizon_weeks = Some(13.0);
        assert!(Scenario::new(&input).is_ok());
    }

    #[test]
    fn revenue_target_needs_deal_value() {
        let mut input = ScenarioInput::default();
        input.target = Some(TargetInput {
            revenue: Some(1000.0),
            won: Some(3.0),
        });
        let err = Scenario::new(&input).expect_err("needs deal value");
        assert_eq!(err.errors.len(), 1);
        assert_eq!(err.errors[0].field, Field::TargetRevenue);
    }

    #[test]
    fn fractional_leads_and_wrong_stage_count_are_refused() {
        let mut input = ScenarioInput::default();
        input.leads = LeadsInput::Count(10.5);
        input.stages.pop();
        let err = Scenario::new(&input).expect_err("invalid");
        assert!(err
            .message_for(Field::Leads)
            .is_some_and(|m| m.contains("whole")));
        assert!(err.message_for(Field::Stages).is_some());
    }

    #[test]
    fn end_points_are_accepted() {
        let mut input = ScenarioInput::default();
        input.leads = LeadsInput::Count(0.0);
        input.stages[0].rate = 0.0;
        input.stages[1].rate = 1.0;
        assert!(Scenario::new(&input).is_ok());
    }

    #[test]
    fn json_round_trip_and_unknown_fields() {
        let mut input = ScenarioInput::default();
        input.pipeline = Some(vec![0.0, 40.0, 25.0, 18.0, 12.0, 6.0]);
        input.stages[0].days = Some(5.0);
        let json = serde_json::to_string(&input).expect("serialises");
        assert!(json.contains(r#""leads":{"count":1000}"#), "{json}");
        assert!(json.contains(r#""pipeline":[0,40,25,18,12,6]"#), "{json}");
        assert!(json.contains(r#""days":5"#), "{json}");
        assert!(
            !json.contains("evidence"),
            "absent options are omitted: {json}"
        );
        let back: ScenarioInput = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, input);
        let bad = json.replace(r#""seed""#, r#""colour":1,"seed""#);
        assert!(serde_json::from_str::<ScenarioInput>(&bad).is_err());
    }

    #[test]
    fn lognormal_parameters() {
        let v = DealValue {
            median: 12_000.0,
            p90: 40_000.0,
        };
        assert!((v.mu() - 12_000f64.ln()).abs() < 1e-12);
        assert!((v.sigma() - (40_000f64 / 12_000.0).ln() / Z90).abs() < 1e-12);
        let fixed = DealValue {
            median: 5.0,
            p90: 5.0,
        };
        assert_eq!(fixed.sigma(), 0.0);
        assert!((fixed.mean() - 5.0).abs() < 1e-12);
    }
}
