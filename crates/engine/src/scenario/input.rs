//! The scenario as the user describes it: [`ScenarioInput`] mirrors the JSON
//! scenario format (versions 1 and 2, see `docs/scenario-format.md`), holding
//! whatever was typed or read, not yet checked. Its JSON shape is in `wire`.

use super::{DEFAULT_SEED, DEFAULT_STAGE_NAMES, DEFAULT_TRIALS, FORMAT_VERSION, STAGE_COUNT};
use serde::{Deserialize, Serialize};

/// Default conversion rates, a typical B2B funnel.
const DEFAULT_RATES: [f64; STAGE_COUNT] = [0.50, 0.60, 0.70, 0.60, 0.50, 0.40, 0.25];

/// Writes whole numbers without a decimal point (`1000`, not `1000.0`), so
/// exported files read as people write them; other values stay as they are.
pub(super) fn whole_as_integer<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() <= 9.0e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

pub(super) fn opt_whole_as_integer<S: serde::Serializer>(
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

pub(super) fn opt_whole_vec<S: serde::Serializer>(
    value: &Option<Vec<f64>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => whole_vec(v, s),
        None => s.serialize_none(),
    }
}

/// How many leads enter the funnel (JSON `leads.count` or `leads.per_week`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LeadsInput {
    /// One cohort of this many leads enters Prospecting at time 0 (leads).
    Count(f64),
    /// Each week of the horizon, new leads with this mean enter Prospecting,
    /// spread over the week (leads per week): Poisson, or negative binomial
    /// with [`ScenarioInput::lead_dispersion`].
    PerWeek(f64),
}

/// A shock shared by every stage (JSON `market`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketInput {
    /// Per trial one standard normal z moves every sales stage's conversion
    /// by `sd · z` on the log-odds scale (0: no shared shock).
    pub sd: f64,
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

/// A scenario exactly as stored or typed: not yet validated. Read and
/// written through its JSON shape (`wire`), which puts `lead_dispersion`
/// inside `leads` and fills version 2's optional run settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    try_from = "super::wire::ScenarioJson",
    into = "super::wire::ScenarioJson"
)]
pub struct ScenarioInput {
    /// Scenario format version; see [`FORMAT_VERSION`].
    pub version: u32,
    /// Free-text name of the scenario.
    pub name: String,
    /// Lead volume entering Prospecting.
    pub leads: LeadsInput,
    /// JSON `leads.dispersion` (only with `per_week`): weekly counts are
    /// negative binomial with variance `per_week + per_week² / dispersion`.
    /// Absent: Poisson.
    pub lead_dispersion: Option<f64>,
    /// Forecast window (weeks). Only deals won inside it count. Optional with
    /// `leads.count`; required with `leads.per_week`.
    pub horizon_weeks: Option<f64>,
    /// Exactly [`STAGE_COUNT`] stages, in process order.
    pub stages: Vec<StageInput>,
    /// Open deals now in stages 1–6 (six whole numbers); each starts its
    /// stage at time 0. Absent: no open pipeline.
    pub pipeline: Option<Vec<f64>>,
    /// Value of each won deal; absent: revenue is not reported.
    pub deal_value: Option<DealValueInput>,
    /// Repeat purchases and referrals after a sale.
    pub follow_up: Option<FollowUpInput>,
    /// Targets whose probability is reported.
    pub target: Option<TargetInput>,
    /// A shock shared by every stage; absent: none.
    pub market: Option<MarketInput>,
    /// Number of Monte Carlo trials (whole number, at least 1).
    pub trials: f64,
    /// Seed of the random streams: same seed and scenario, same result.
    pub seed: u64,
}

impl Default for ScenarioInput {
    fn default() -> Self {
        ScenarioInput {
            version: FORMAT_VERSION,
            name: "Untitled forecast".to_owned(),
            leads: LeadsInput::Count(1000.0),
            lead_dispersion: None,
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
            market: None,
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
        }
    }
}
