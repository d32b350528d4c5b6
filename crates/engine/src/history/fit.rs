//! The fitting rules of `docs/history-import.md`, applied to assembled deals
//! as seen at `as_of`.

use super::dates::Day;
use super::RowNote;
use crate::scenario::{ScenarioInput, SALES_STAGES};
use serde::{Deserialize, Serialize};

/// One funnel stage's evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageFit {
    /// The Funnelcast stage name.
    pub name: String,
    /// Deals that reached the stage (= moved_on + lost + open).
    pub entered: u64,
    pub moved_on: u64,
    pub lost: u64,
    /// Still in the stage at `as_of`.
    pub open: u64,
    /// moved_on / (moved_on + lost); None when both are 0.
    pub rate: Option<f64>,
    /// 90 % interval of the rate: Beta(moved_on + 1, lost + 1) quantiles.
    pub rate_p05: f64,
    pub rate_p95: f64,
    /// Mean days from entering to entering the next stage; None when days_n = 0.
    pub days: Option<f64>,
    /// Deals behind `days`.
    pub days_n: u64,
}

/// Lead volume: deals created per complete week of the window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeadsFit {
    /// Mean of `counts`.
    pub per_week: f64,
    /// Complete weeks counted.
    pub weeks: u32,
    /// Deals created in each complete week, oldest first.
    pub counts: Vec<u32>,
    /// The first day of the first week.
    pub first_week: Day,
}

/// Won deals' amounts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealValueFit {
    pub median: f64,
    pub p90: f64,
    /// Won deals with an amount above 0.
    pub won: u64,
}

/// Every input fitted, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    pub as_of: Day,
    pub since: Option<Day>,
    /// Data rows in the file.
    pub rows: usize,
    /// Deals that count: created in the window, on or before `as_of`.
    pub deals: usize,
    /// Rows left out (and rows kept but flagged), by line.
    pub dropped: Vec<RowNote>,
    /// The six stages before the sale.
    pub stages: Vec<StageFit>,
    pub leads: LeadsFit,
    pub deal_value: Option<DealValueFit>,
    /// Open deals in each stage at `as_of`.
    pub pipeline: [u64; SALES_STAGES],
}

impl Fit {
    /// `base` with every fitted input put in: leads per week, each stage's
    /// rate/evidence and days where the history has them, the pipeline and
    /// the deal value. Follow-up, targets, run settings and the name are kept;
    /// a base without a horizon gets 13 weeks.
    pub fn apply(&self, base: &ScenarioInput) -> ScenarioInput {
        todo!("E2")
    }

    /// The command line's scenario: the defaults with follow-up's rate 0,
    /// `horizon_weeks`, 10,000 trials, seed 42, and everything fitted.
    pub fn scenario(&self, horizon_weeks: u32) -> ScenarioInput {
        todo!("E2")
    }
}
