//! The levers a user could pull: a point of conversion or a day less in a
//! stage, more or fewer leads, larger or smaller deals.

use crate::scenario::{LeadsInput, ScenarioInput};
use serde::{Deserialize, Serialize};

/// Something the user could change.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Lever {
    /// One percentage point more conversion in a stage (0-based).
    StageRate(usize),
    /// One day less in a stage.
    StageDays(usize),
    /// Lead volume × factor.
    Leads(f64),
    /// Deal values × factor.
    DealValue(f64),
}

impl Lever {
    /// The stage (0-based index) the lever belongs to, if any.
    pub fn stage(&self) -> Option<usize> {
        match *self {
            Lever::StageRate(i) | Lever::StageDays(i) => Some(i),
            Lever::Leads(_) | Lever::DealValue(_) => None,
        }
    }

    /// The scenario with this lever pulled; None when it changes nothing
    /// (a stage already at 100 % or taking no time).
    pub fn apply(&self, input: &ScenarioInput) -> Option<ScenarioInput> {
        let mut s = input.clone();
        match *self {
            Lever::StageRate(i) => {
                let stage = s.stages.get_mut(i)?;
                if stage.rate >= 1.0 {
                    return None;
                }
                stage.rate = (stage.rate + 0.01).min(1.0);
            }
            Lever::StageDays(i) => {
                let stage = s.stages.get_mut(i)?;
                let days = stage.days.unwrap_or(0.0);
                if days <= 0.0 {
                    return None;
                }
                stage.days = Some((days - 1.0).max(0.0));
            }
            Lever::Leads(f) => {
                s.leads = match s.leads {
                    LeadsInput::Count(n) => LeadsInput::Count((n * f).round()),
                    LeadsInput::PerWeek(l) => LeadsInput::PerWeek(l * f),
                };
            }
            Lever::DealValue(f) => {
                let v = s.deal_value.as_mut()?;
                v.median *= f;
                v.p90 *= f;
            }
        }
        Some(s)
    }

    /// Words for the lever, e.g. "Qualification +1 pt".
    pub fn label(&self, input: &ScenarioInput) -> String {
        let name = |i: usize| {
            input
                .stages
                .get(i)
                .map_or("Stage".to_owned(), |s| s.name.clone())
        };
        match *self {
            Lever::StageRate(i) => format!("{} +1 pt", name(i)),
            Lever::StageDays(i) => format!("{} −1 day", name(i)),
            Lever::Leads(f) => format!("Lead volume {}", signed_percent(f)),
            Lever::DealValue(f) => format!("Deal value {}", signed_percent(f)),
        }
    }
}

/// `1.1` → "+10 %", `0.9` → "−10 %".
fn signed_percent(factor: f64) -> String {
    let p = ((factor - 1.0) * 100.0).round();
    format!("{}{} %", if p < 0.0 { "−" } else { "+" }, p.abs())
}
