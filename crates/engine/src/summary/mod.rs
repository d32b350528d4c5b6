//! What a run reports: the funnel, won deals, revenue, days to win, the
//! week-by-week picture and target probabilities, each with its Monte Carlo
//! standard error, computed from the streaming accumulators.
//!
//! The statistics themselves are in `stats`, days to win in `days`.

mod days;
mod stats;
#[cfg(test)]
mod tests;

pub use days::DaysToWin;
pub use stats::{Band, Distribution, HistogramBin, Probability, Stat};

use crate::model::Model;
use crate::scenario::{Leads, Scenario, STAGE_COUNT};
use crate::simulation::Accumulator;
use crate::timing::GridDistribution;
use days::{days_to_win, entry_week_weights};
use serde::{Deserialize, Serialize};
use stats::histogram;

/// One stage's row of the funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageSummary {
    pub name: String,
    /// Deals that reached this stage (within the horizon), per trial.
    pub reached: Stat,
    /// Share of the stage above's deals (by mean) lost before this one; none
    /// for the first stage or when the stage above had no deals.
    pub drop_off: Option<f64>,
}

/// Cumulative results by the end of one week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekSummary {
    /// Week number, 1 for the first week.
    pub week: u32,
    pub won: Band,
    /// None without deal values.
    pub revenue: Option<Band>,
    /// Chance that the won deals so far reach the won target.
    pub p_won_target: Option<f64>,
    /// Chance that the revenue so far reaches the revenue target.
    pub p_revenue_target: Option<f64>,
}

/// What a summary needs besides the accumulated trials: computed once per
/// run by whoever built the [`Model`] (a worker), so that merging shares
/// and summarising on the page costs no simulation work there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SummaryContext {
    pub scenario: Scenario,
    /// Days from entering Prospecting to the win.
    pub to_win: GridDistribution,
    /// Share of `per_week` leads' wins by entry week.
    pub entry_share: Option<Vec<f64>>,
}

impl SummaryContext {
    pub fn new(model: &Model) -> Self {
        SummaryContext {
            scenario: model.scenario().clone(),
            to_win: model.time().to_win.clone(),
            entry_share: model.weekly_leads().map(|w| w.entry_share.clone()),
        }
    }
}

/// The chance of reaching the scenario's targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetSummary {
    pub won: Option<u64>,
    pub revenue: Option<f64>,
    /// P(won deals ≥ target).
    pub p_won: Option<Probability>,
    /// P(revenue ≥ target).
    pub p_revenue: Option<Probability>,
}

/// Everything a run reports so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Trials included in these statistics.
    pub trials_done: u64,
    /// Trials the run will have when complete.
    pub trials_planned: u64,
    pub seed: u64,
    pub horizon_weeks: Option<u32>,
    /// The seven stages, in process order; the last one's `reached` is the
    /// number of deals won (customers entering Follow-up).
    pub stages: Vec<StageSummary>,
    /// Deals won per trial.
    pub won: Stat,
    pub won_histogram: Vec<HistogramBin>,
    /// Deals won, as a kept distribution.
    pub won_distribution: Distribution,
    /// Revenue per trial (currency units, won deals plus repeat purchases);
    /// None without deal values.
    pub revenue: Option<Stat>,
    pub revenue_histogram: Vec<HistogramBin>,
    /// Revenue, as a kept distribution (empty without deal values).
    pub revenue_distribution: Distribution,
    /// Repeat purchases per trial.
    pub repeat: Stat,
    /// Leads from referrals per trial.
    pub referral_leads: Stat,
    /// None when no deal from a new lead was won.
    pub days_to_win: Option<DaysToWin>,
    /// Week by week (empty without a horizon).
    pub weekly: Vec<WeekSummary>,
    pub target: Option<TargetSummary>,
    /// Trials stopped at the lead cap (a runaway referral loop).
    pub capped_trials: u64,
}

impl Summary {
    /// The summary of `acc`'s trials for `model`'s scenario.
    pub fn new(ctx: &SummaryContext, acc: &Accumulator, trials_planned: u64) -> Summary {
        let scenario = &ctx.scenario;
        let trials = acc.trials();
        let stages = scenario
            .stages()
            .iter()
            .enumerate()
            .map(|(k, stage)| {
                let reached = Stat::from_counts(&acc.reached[k]);
                let drop_off = (k > 0)
                    .then(|| acc.reached[k - 1].mean())
                    .filter(|&above| above > 0.0)
                    .map(|above| 1.0 - reached.mean / above);
                StageSummary {
                    name: stage.name.clone(),
                    reached,
                    drop_off,
                }
            })
            .collect();
        let won = &acc.reached[STAGE_COUNT - 1];
        let has_values = scenario.deal_value().is_some();
        let weekly = acc
            .weekly_won
            .iter()
            .zip(&acc.weekly_revenue)
            .enumerate()
            .map(|(i, (w, r))| WeekSummary {
                week: i as u32 + 1,
                won: Band::from_counts(w),
                revenue: has_values.then(|| Band::from_counts(r)),
                p_won_target: scenario.target_won().map(|t| w.share_at_least(t as f64)),
                p_revenue_target: scenario.target_revenue().map(|t| r.share_at_least(t)),
            })
            .collect();
        let target =
            (scenario.target_won().is_some() || scenario.target_revenue().is_some()).then(|| {
                TargetSummary {
                    won: scenario.target_won(),
                    revenue: scenario.target_revenue(),
                    p_won: scenario
                        .target_won()
                        .map(|_| Probability::new(acc.hit_won, trials)),
                    p_revenue: scenario
                        .target_revenue()
                        .map(|_| Probability::new(acc.hit_revenue, trials)),
                }
            });
        Summary {
            trials_done: trials,
            trials_planned,
            seed: scenario.seed(),
            horizon_weeks: scenario.horizon_weeks(),
            stages,
            won: Stat::from_counts(won),
            won_histogram: histogram(won),
            won_distribution: Distribution::from_counts(won),
            revenue: has_values.then(|| Stat::from_counts(&acc.revenue)),
            revenue_histogram: if has_values {
                histogram(&acc.revenue)
            } else {
                Vec::new()
            },
            revenue_distribution: if has_values {
                Distribution::from_counts(&acc.revenue)
            } else {
                Distribution::default()
            },
            repeat: Stat::from_counts(&acc.repeat),
            referral_leads: Stat::from_counts(&acc.referral_leads),
            days_to_win: days_to_win(
                &ctx.to_win,
                &entry_week_weights(ctx, acc),
                scenario.horizon_weeks(),
                // A cohort enters on day 0; weekly and referral leads
                // (referrals of a cohort come in week 1 or later, in all but
                // near-instant funnels) arrive through their week.
                |week| matches!(scenario.leads(), Leads::PerWeek(_)) || week > 0,
            ),
            weekly,
            target,
            capped_trials: acc.capped,
        }
    }

    /// The first week by whose end the target (revenue if `revenue`, else won
    /// deals) is reached with at least `confidence` probability.
    pub fn week_reaching(&self, confidence: f64, revenue: bool) -> Option<u32> {
        self.weekly
            .iter()
            .find(|w| {
                let p = if revenue {
                    w.p_revenue_target
                } else {
                    w.p_won_target
                };
                p.is_some_and(|p| p >= confidence)
            })
            .map(|w| w.week)
    }
}
