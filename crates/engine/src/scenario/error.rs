//! What can be wrong with a scenario: the [`Field`] at fault and a message a
//! user can read, every problem at once.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which input a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    Version,
    Name,
    Leads,
    LeadDispersion,
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
    MarketSd,
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
            Field::LeadDispersion => f.write_str("leads.dispersion"),
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
            Field::MarketSd => f.write_str("market.sd"),
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
