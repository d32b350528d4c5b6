//! Reverse planning: the smallest lead volume, stage rate or open pipeline
//! that reaches a goal with a given confidence.

use super::bisect::{PlanRun, Setter};
use crate::scenario::{LeadsInput, Scenario, ScenarioError, ScenarioInput, SALES_STAGES};
use serde::{Deserialize, Serialize};

/// What a plan asks for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Goal {
    Revenue(f64),
    Won(u64),
}

/// The answer of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Whether the goal can be met with the confidence asked within the range searched.
    pub reachable: bool,
    /// The smallest value of the planned input that meets the goal (leads per
    /// week, cohort size, or a stage's rate as a fraction), None if unreachable.
    pub value: Option<f64>,
    pub confidence: f64,
    /// The chance of the goal at that value (or at the top of the range when
    /// unreachable), and its standard error.
    pub achieved: f64,
    pub achieved_se: f64,
    /// The input's largest value searched.
    pub searched_up_to: f64,
}

/// The plan for the lead volume (per week, or the cohort's size), searched
/// up to 100× the scenario's volume (at least 10,000).
pub fn leads_plan_run(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<PlanRun, ScenarioError> {
    Scenario::new(input)?;
    let (current, whole) = match input.leads {
        LeadsInput::Count(n) => (n, true),
        LeadsInput::PerWeek(l) => (l, false),
    };
    let hi = (current * 100.0).max(10_000.0);
    Ok(PlanRun::new(
        input,
        goal,
        confidence,
        trials,
        Setter::Leads,
        (0.0, hi),
        whole,
    ))
}

/// The plan for stage `stage`'s conversion rate.
pub fn stage_rate_plan_run(
    input: &ScenarioInput,
    stage: usize,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<PlanRun, ScenarioError> {
    Scenario::new(input)?;
    Ok(PlanRun::new(
        input,
        goal,
        confidence,
        trials,
        Setter::StageRate(stage),
        (0.0, 1.0),
        false,
    ))
}

/// The plan for the multiple of today's open pipeline (up to 50×).
pub fn pipeline_plan_run(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<PlanRun, ScenarioError> {
    Scenario::new(input)?;
    let base = input
        .pipeline
        .clone()
        .unwrap_or_else(|| vec![0.0; SALES_STAGES]);
    if base.iter().all(|&n| n == 0.0) {
        let plan = Plan {
            reachable: false,
            value: None,
            confidence,
            achieved: 0.0,
            achieved_se: 0.0,
            searched_up_to: 0.0,
        };
        return Ok(PlanRun::done(input, goal, confidence, plan));
    }
    Ok(PlanRun::new(
        input,
        goal,
        confidence,
        trials,
        Setter::Pipeline(base),
        (0.0, 50.0),
        false,
    ))
}

/// The lead volume needed for `goal` with `confidence`.
pub fn plan_leads(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    leads_plan_run(input, goal, confidence, trials).map(PlanRun::finish)
}

/// The conversion rate stage `stage` would need for `goal` with `confidence`.
pub fn plan_stage_rate(
    input: &ScenarioInput,
    stage: usize,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    stage_rate_plan_run(input, stage, goal, confidence, trials).map(PlanRun::finish)
}

/// The multiple of today's open pipeline needed for `goal` with `confidence`.
pub fn plan_pipeline(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    pipeline_plan_run(input, goal, confidence, trials).map(PlanRun::finish)
}
