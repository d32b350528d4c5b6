//! The JSON shape of a [`ScenarioInput`]: `leads` as one object holding its
//! volume and `dispersion`, and version 2's optional run settings.
//!
//! Kept apart from [`ScenarioInput`] because two rules of the format span
//! several fields, which serde's derive cannot say: `leads.dispersion` sits
//! beside `count` / `per_week` (the Rust side keeps it out of the volume, so
//! a lever that scales the leads keeps it), and `trials` and `seed` are
//! required in version 1 but default to 10,000 and 42 in version 2.
//! Written fields come out in the order and form version 1 wrote them.

use super::input::{opt_whole_as_integer, opt_whole_vec};
use super::{
    DealValueInput, FollowUpInput, LeadsInput, MarketInput, ScenarioInput, StageInput, TargetInput,
    DEFAULT_SEED, DEFAULT_TRIALS,
};
use serde::{Deserialize, Serialize};

/// `leads`: exactly one of `count` and `per_week`, and `dispersion`.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LeadsJson {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    count: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    per_week: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    dispersion: Option<f64>,
}

/// The scenario object as it appears in a file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ScenarioJson {
    version: u32,
    #[serde(default)]
    name: String,
    leads: LeadsJson,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_as_integer"
    )]
    horizon_weeks: Option<f64>,
    stages: Vec<StageInput>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "opt_whole_vec"
    )]
    pipeline: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    deal_value: Option<DealValueInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    follow_up: Option<FollowUpInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    target: Option<TargetInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    market: Option<MarketInput>,
    /// Always written; may be left out from version 2 on.
    #[serde(default, serialize_with = "opt_whole_as_integer")]
    trials: Option<f64>,
    /// Always written; may be left out from version 2 on.
    #[serde(default)]
    seed: Option<u64>,
}

impl TryFrom<ScenarioJson> for ScenarioInput {
    type Error = String;

    fn try_from(j: ScenarioJson) -> Result<Self, String> {
        let leads = match (j.leads.count, j.leads.per_week) {
            (Some(n), None) => LeadsInput::Count(n),
            (None, Some(l)) => LeadsInput::PerWeek(l),
            (Some(_), Some(_)) => {
                return Err("leads: give either `count` or `per_week`, not both".to_owned())
            }
            (None, None) => return Err("leads: give `count` (one cohort) or `per_week`".to_owned()),
        };
        // Version 1 required the run settings; later versions default them.
        let (trials, seed) = if j.version <= 1 {
            let trials = j.trials.ok_or("missing field `trials`")?;
            (trials, j.seed.ok_or("missing field `seed`")?)
        } else {
            (
                j.trials.unwrap_or(DEFAULT_TRIALS),
                j.seed.unwrap_or(DEFAULT_SEED),
            )
        };
        Ok(ScenarioInput {
            version: j.version,
            name: j.name,
            leads,
            lead_dispersion: j.leads.dispersion,
            horizon_weeks: j.horizon_weeks,
            stages: j.stages,
            pipeline: j.pipeline,
            deal_value: j.deal_value,
            follow_up: j.follow_up,
            target: j.target,
            market: j.market,
            trials,
            seed,
        })
    }
}

impl From<ScenarioInput> for ScenarioJson {
    fn from(s: ScenarioInput) -> Self {
        let (count, per_week) = match s.leads {
            LeadsInput::Count(n) => (Some(n), None),
            LeadsInput::PerWeek(l) => (None, Some(l)),
        };
        ScenarioJson {
            version: s.version,
            name: s.name,
            leads: LeadsJson {
                count,
                per_week,
                dispersion: s.lead_dispersion,
            },
            horizon_weeks: s.horizon_weeks,
            stages: s.stages,
            pipeline: s.pipeline,
            deal_value: s.deal_value,
            follow_up: s.follow_up,
            target: s.target,
            market: s.market,
            trials: Some(s.trials),
            seed: Some(s.seed),
        }
    }
}
