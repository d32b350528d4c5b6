//! What a recorded trial keeps: every cohort's own counts, so that
//! [`crate::deals`] can give each deal a story that adds up to them.

use super::TrialOutcome;
use crate::scenario::STAGE_COUNT;

/// Where a cohort's deals come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Source {
    /// New leads from outside, into Prospecting.
    NewLead,
    /// Leads referred by won customers at their follow-up.
    Referral,
    /// Deals already open in a stage at the start.
    Pipeline,
}

/// What one cohort of a trial did, as counts: the model's own draws, kept so
/// that [`crate::deals`] can give each deal a story that adds up to them.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortRecord {
    pub source: Source,
    /// Stage the cohort's deals enter.
    pub start: usize,
    /// Week they enter (at its start); None for `per_week` leads, which
    /// enter in uniformly random weeks.
    pub week: Option<usize>,
    /// Deals of the cohort that reached each stage inside the horizon
    /// (0 before `start`; `reached[6]` were won).
    pub reached: [u64; STAGE_COUNT],
    /// Wins by week of the horizon.
    pub won_weeks: Vec<u64>,
    /// Follow-ups (repeat purchase and referrals) by week of the horizon.
    pub follow_up_weeks: Vec<u64>,
}

/// A trial's outcome with its sampled rates and cohorts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrialRecord {
    pub outcome: TrialOutcome,
    /// The stage rates drawn for the trial.
    pub rates: [f64; STAGE_COUNT],
    pub cohorts: Vec<CohortRecord>,
}
