//! What `plan` prints: the lead volume a target needs, as JSON or a sentence.

use charts::format;
use engine::decisions::{Goal, Plan};
use engine::{Leads, Scenario};
use serde::Serialize;

/// The `plan --json` output.
#[derive(Serialize)]
pub struct PlanJson {
    pub reachable: bool,
    /// Leads per week needed (for a one-off cohort: the cohort's size); null when unreachable.
    pub leads_per_week: Option<f64>,
    /// "per_week" or "cohort": what `leads_per_week` counts.
    pub lead_unit: &'static str,
    pub confidence: f64,
    /// The chance of the target at that volume (at the top of the search when unreachable).
    pub achieved_chance: f64,
    pub achieved_chance_se: f64,
    pub target_revenue: Option<f64>,
    pub target_won: Option<u64>,
    pub horizon_weeks: Option<u32>,
    pub searched_up_to: f64,
}

impl PlanJson {
    pub fn new(plan: &Plan, goal: Goal, scenario: &Scenario) -> Self {
        PlanJson {
            reachable: plan.reachable,
            leads_per_week: plan.value,
            lead_unit: match scenario.leads() {
                Leads::PerWeek(_) => "per_week",
                Leads::Cohort(_) => "cohort",
            },
            confidence: plan.confidence,
            achieved_chance: plan.achieved,
            achieved_chance_se: plan.achieved_se,
            target_revenue: match goal {
                Goal::Revenue(r) => Some(r),
                Goal::Won(_) => None,
            },
            target_won: match goal {
                Goal::Won(k) => Some(k),
                Goal::Revenue(_) => None,
            },
            horizon_weeks: scenario.horizon_weeks(),
            searched_up_to: plan.searched_up_to,
        }
    }
}

/// The readable plan.
pub fn plan_text(p: &PlanJson) -> String {
    let target = match (p.target_revenue, p.target_won) {
        (Some(r), _) => format!("revenue of {}", format::count(r)),
        (_, Some(k)) => format!("{k} won deals"),
        _ => "the target".to_owned(),
    };
    let when = p
        .horizon_weeks
        .map_or(String::new(), |h| format!(" by week {h}"));
    match (p.reachable, p.leads_per_week) {
        (true, Some(v)) => format!(
            "To reach {target}{when} with {} confidence you need {} {}; that gives a {} ± {} chance.",
            format::percent(p.confidence),
            format::mean(v),
            if p.lead_unit == "per_week" { "leads per week" } else { "leads" },
            format::percent(p.achieved_chance),
            format::percent(p.achieved_chance_se)
        ),
        _ => format!(
            "{target}{when} cannot be reached with {} confidence: even with {} {} the chance is {}.",
            format::percent(p.confidence),
            format::count(p.searched_up_to),
            if p.lead_unit == "per_week" { "leads per week" } else { "leads" },
            format::percent(p.achieved_chance)
        ),
    }
}
