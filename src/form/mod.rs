//! The scenario form: what the user typed, and turning it into a scenario.
//!
//! Inputs stay as text so a half-typed value is never lost or rewritten; each
//! edit is parsed here (see [`parse`]), then validated by the engine's one
//! constructor. Inputs are named by the engine's own [`Field`], so an edit,
//! its text slot and any problem with it share one identity from the engine
//! to the form's messages.

mod parse;
#[cfg(test)]
mod tests;

use engine::{Field, LeadsInput, ScenarioInput, FORMAT_VERSION, SALES_STAGES, STAGE_COUNT};
use std::collections::BTreeMap;

/// How leads arrive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadMode {
    /// One cohort at the start.
    Cohort,
    /// New leads every week of the horizon.
    PerWeek,
}

/// The form's raw text, one string per input, over the scenario it edits.
#[derive(Clone, Debug, PartialEq)]
pub struct FormValues {
    /// The scenario being edited (its version and anything the form does not show).
    pub base: ScenarioInput,
    pub name: String,
    pub lead_mode: LeadMode,
    pub leads: String,
    /// Negative-binomial dispersion of weekly leads (per week only); empty
    /// means Poisson.
    pub lead_dispersion: String,
    /// The market swing's sd on the log-odds scale; empty means none.
    pub market_sd: String,
    /// Weeks; empty means "no horizon" (cohort only).
    pub horizon: String,
    pub trials: String,
    pub seed: String,
    pub stage_names: [String; STAGE_COUNT],
    /// Conversion rates as percentages, e.g. "60".
    pub rates: [String; STAGE_COUNT],
    /// Mean days in each stage; empty means 0.
    pub days: [String; STAGE_COUNT],
    /// Evidence (deals) behind each rate; empty means the rate is exact.
    pub evidence: [String; STAGE_COUNT],
    /// Open deals now in stages 1–6.
    pub pipeline: [String; SALES_STAGES],
    /// Whether deal values (and so revenue) are part of the scenario.
    pub values_on: bool,
    pub value_median: String,
    pub value_p90: String,
    pub repeat_value: String,
    pub referrals: String,
    /// Empty means no target.
    pub target_revenue: String,
    pub target_won: String,
}

/// Messages keyed by the input they belong to; empty when the form is valid.
///
/// Problems with the scenario as a whole (its format version, its stage
/// list) have no input of their own and are filed under [`Field::Name`].
pub type FieldMessages = BTreeMap<Field, String>;

/// Formats a number without a trailing ".0" and without float noise.
pub fn plain_number(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

fn opt_text(value: Option<f64>) -> String {
    value.map(plain_number).unwrap_or_default()
}

impl FormValues {
    /// The form showing a scenario.
    pub fn from_input(input: &ScenarioInput) -> Self {
        let (lead_mode, leads) = match input.leads {
            LeadsInput::Count(n) => (LeadMode::Cohort, n),
            LeadsInput::PerWeek(n) => (LeadMode::PerWeek, n),
        };
        let stage = |i: usize| input.stages.get(i);
        let value = input.deal_value;
        let follow_up = input.follow_up.unwrap_or_default();
        let target = input.target.unwrap_or_default();
        // An older file means the same in the current format, and the form
        // writes what the app writes: the current version.
        let base = ScenarioInput {
            version: input.version.max(FORMAT_VERSION),
            ..input.clone()
        };
        FormValues {
            base,
            name: input.name.clone(),
            lead_mode,
            leads: plain_number(leads),
            lead_dispersion: opt_text(input.lead_dispersion),
            market_sd: opt_text(input.market.map(|m| m.sd)),
            horizon: opt_text(input.horizon_weeks),
            trials: plain_number(input.trials),
            seed: input.seed.to_string(),
            stage_names: std::array::from_fn(|i| {
                stage(i).map(|s| s.name.clone()).unwrap_or_default()
            }),
            rates: std::array::from_fn(|i| {
                stage(i)
                    .map(|s| plain_number(s.rate * 100.0))
                    .unwrap_or_default()
            }),
            days: std::array::from_fn(|i| opt_text(stage(i).and_then(|s| s.days))),
            evidence: std::array::from_fn(|i| opt_text(stage(i).and_then(|s| s.evidence))),
            pipeline: std::array::from_fn(|i| {
                input
                    .pipeline
                    .as_ref()
                    .and_then(|p| p.get(i).copied())
                    .map(plain_number)
                    .unwrap_or_else(|| "0".to_owned())
            }),
            values_on: value.is_some(),
            value_median: plain_number(value.map_or(10_000.0, |v| v.median)),
            value_p90: plain_number(value.map_or(30_000.0, |v| v.p90)),
            repeat_value: plain_number(follow_up.repeat_value),
            referrals: plain_number(follow_up.referrals),
            target_revenue: opt_text(target.revenue),
            target_won: opt_text(target.won),
        }
    }

    /// The text typed for a field; None for fields the form has no input for
    /// (the format version, the stage list) and for stage indices out of range.
    pub fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::Name => &mut self.name,
            Field::Leads => &mut self.leads,
            Field::LeadDispersion => &mut self.lead_dispersion,
            Field::MarketSd => &mut self.market_sd,
            Field::Horizon => &mut self.horizon,
            Field::Trials => &mut self.trials,
            Field::Seed => &mut self.seed,
            Field::StageName(i) => self.stage_names.get_mut(i)?,
            Field::StageRate(i) => self.rates.get_mut(i)?,
            Field::StageDays(i) => self.days.get_mut(i)?,
            Field::StageEvidence(i) => self.evidence.get_mut(i)?,
            Field::Pipeline(i) => self.pipeline.get_mut(i)?,
            Field::DealValueMedian => &mut self.value_median,
            Field::DealValueP90 => &mut self.value_p90,
            Field::RepeatValue => &mut self.repeat_value,
            Field::Referrals => &mut self.referrals,
            Field::TargetRevenue => &mut self.target_revenue,
            Field::TargetWon => &mut self.target_won,
            Field::Version | Field::Stages => return None,
        })
    }

    /// Sets a stage's rate and evidence from "k won of n" history.
    pub fn apply_history(&mut self, stage: usize, won: u64, of: u64) -> bool {
        if stage >= STAGE_COUNT || of == 0 || won > of {
            return false;
        }
        self.rates[stage] = plain_number((won as f64 / of as f64 * 1e4).round() / 1e2);
        self.evidence[stage] = of.to_string();
        true
    }
}
