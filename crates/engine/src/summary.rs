//! What a run reports: the funnel, won deals, revenue, days to win, the
//! week-by-week picture and target probabilities, each with its Monte Carlo
//! standard error, computed from the streaming accumulators.

use crate::model::Model;
use crate::scenario::{Scenario, STAGE_COUNT};
use crate::simulation::Accumulator;
use crate::sketch::CountStats;
use crate::timing::GridDistribution;
use serde::{Deserialize, Serialize};

/// Statistics of one quantity across trials.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stat {
    pub mean: f64,
    /// Sample standard deviation across trials.
    pub sd: f64,
    /// Monte Carlo standard error of the mean: sd / √trials.
    pub se: f64,
    pub min: f64,
    pub p5: f64,
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub p95: f64,
    pub max: f64,
}

impl Stat {
    fn from_counts(s: &CountStats) -> Stat {
        let sd = s.variance().sqrt();
        let q = |p| s.quantile(p, 100);
        Stat {
            mean: s.mean(),
            sd,
            se: if s.is_empty() {
                0.0
            } else {
                sd / (s.len() as f64).sqrt()
            },
            min: s.min() as f64,
            p5: q(5),
            p10: q(10),
            p25: q(25),
            p50: q(50),
            p75: q(75),
            p90: q(90),
            p95: q(95),
            max: s.max() as f64,
        }
    }
}

/// Mean and P10/P50/P90 of one quantity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub mean: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

impl Band {
    fn from_counts(s: &CountStats) -> Band {
        Band {
            mean: s.mean(),
            p10: s.quantile(10, 100),
            p50: s.quantile(50, 100),
            p90: s.quantile(90, 100),
        }
    }
}

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

/// One bar of a histogram: trials whose value lies in `[low, high)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistogramBin {
    pub low: f64,
    pub high: f64,
    pub trials: u64,
}

/// Days from a lead entering Prospecting to its win, over all such wins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DaysToWin {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
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

/// A kept distribution: (value, trials) in increasing order of value, so a
/// threshold's probability can be read without a re-run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution(pub Vec<(f64, u64)>);

impl Distribution {
    fn from_counts(s: &CountStats) -> Self {
        Distribution(s.buckets().collect())
    }

    /// Share of trials with a value of at least `threshold`.
    pub fn share_at_least(&self, threshold: f64) -> f64 {
        let total: u64 = self.0.iter().map(|(_, c)| c).sum();
        if total == 0 {
            return 0.0;
        }
        let hits: u64 = self
            .0
            .iter()
            .filter(|(v, _)| *v >= threshold)
            .map(|(_, c)| c)
            .sum();
        hits as f64 / total as f64
    }
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

/// A probability estimated from the trials, with its standard error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probability {
    pub p: f64,
    /// √(p(1−p)/trials).
    pub se: f64,
}

impl Probability {
    fn new(hits: u64, trials: u64) -> Probability {
        if trials == 0 {
            return Probability { p: 0.0, se: 0.0 };
        }
        let p = hits as f64 / trials as f64;
        Probability {
            p,
            se: (p * (1.0 - p) / trials as f64).sqrt(),
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

/// At most this many histogram bars.
const MAX_BINS: u64 = 40;

/// Smallest width from 1, 2, 5 × 10^k (whole numbers) giving at most
/// [`MAX_BINS`] bars over `span` values.
fn nice_bin_width(span: u64) -> u64 {
    let mut width = 1u64;
    loop {
        for m in [1, 2, 5] {
            let w = width.saturating_mul(m);
            if span.div_ceil(w) <= MAX_BINS || w == u64::MAX {
                return w;
            }
        }
        width = width.saturating_mul(10);
    }
}

/// Histogram of an integer quantity with whole-number, round bar widths.
fn histogram(s: &CountStats) -> Vec<HistogramBin> {
    if s.is_empty() {
        return Vec::new();
    }
    let width = nice_bin_width((s.max() - s.min()).saturating_add(1));
    let start = s.min() / width * width;
    let bins = ((s.max() - start) / width)
        .saturating_add(1)
        .min(MAX_BINS + 1);
    // Edges in floating point: near u64::MAX the integer edges would overflow.
    let edge = |i: u64| start as f64 + i as f64 * width as f64;
    let mut out: Vec<HistogramBin> = (0..bins)
        .map(|i| HistogramBin {
            low: edge(i),
            high: edge(i + 1),
            trials: 0,
        })
        .collect();
    let last = out.len() - 1;
    for (value, trials) in s.buckets() {
        let i = ((value - start as f64) / width as f64).floor() as usize;
        if let Some(bin) = out.get_mut(i.min(last)) {
            bin.trials += trials;
        }
    }
    out
}

/// Days to win pooled over all wins from new leads: a mixture of the
/// path-time distribution truncated at each entry week's time left.
fn days_to_win(
    path: &GridDistribution,
    weights: &[f64],
    horizon: Option<u32>,
) -> Option<DaysToWin> {
    let mut mass = vec![0.0; path.mass.len()];
    for (week, &weight) in weights.iter().enumerate() {
        if weight <= 0.0 {
            continue;
        }
        let limit = horizon.map(|h| 7.0 * (h as f64 - week as f64));
        let fits = limit.map_or(1.0, |x| path.cdf(x));
        if fits <= 0.0 {
            continue;
        }
        let scale = weight / fits;
        for (i, &m) in path.mass.iter().enumerate() {
            let lo = path.location(i) - path.h / 2.0;
            let share = match limit {
                Some(x) if path.shift > 0.0 && lo + path.h > x => {
                    ((x - lo) / path.h).clamp(0.0, 1.0)
                }
                _ => 1.0,
            };
            mass[i] += m * share * scale;
        }
    }
    let total: f64 = mass.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let mean = mass
        .iter()
        .enumerate()
        .map(|(i, m)| m * path.location(i))
        .sum::<f64>()
        / total;
    let quantile = |q: f64| {
        if path.shift == 0.0 {
            return 0.0;
        }
        let target = q * total;
        let mut seen = 0.0;
        for (i, &m) in mass.iter().enumerate() {
            if seen + m >= target && m > 0.0 {
                let lo = path.location(i) - path.h / 2.0;
                return (lo + path.h * (target - seen) / m).max(0.0);
            }
            seen += m;
        }
        path.location(mass.len().saturating_sub(1))
    };
    Some(DaysToWin {
        mean,
        p50: quantile(0.5),
        p90: quantile(0.9),
    })
}

/// Wins from new leads by entry week: counted for cohorts and referrals,
/// and in expectation (exactly, given the count) for `per_week` leads.
fn entry_week_weights(ctx: &SummaryContext, acc: &Accumulator) -> Vec<f64> {
    let mut weights: Vec<f64> = acc.won_from_new_leads.iter().map(|&w| w as f64).collect();
    if let Some(entry_share) = &ctx.entry_share {
        if weights.len() < entry_share.len() {
            weights.resize(entry_share.len(), 0.0);
        }
        for (w, share) in weights.iter_mut().zip(entry_share) {
            *w += acc.won_from_weekly_leads as f64 * share;
        }
    }
    weights
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bin_widths_are_round_and_bounded() {
        assert_eq!(nice_bin_width(1), 1);
        assert_eq!(nice_bin_width(40), 1);
        assert_eq!(nice_bin_width(41), 2);
        assert_eq!(nice_bin_width(200), 5);
        assert_eq!(nice_bin_width(201), 10);
        assert_eq!(nice_bin_width(1_000_000), 50_000);
    }

    #[test]
    fn histogram_counts_every_trial_once() {
        let mut s = CountStats::default();
        for v in 0..1000u64 {
            s.push(v * v % 777 + 3);
        }
        let h = histogram(&s);
        assert_eq!(h.iter().map(|b| b.trials).sum::<u64>(), 1000);
        assert!(h.len() as u64 <= MAX_BINS + 1);
        assert!(h[0].low <= 3.0 && h.last().is_some_and(|b| b.high > 779.0));
    }

    #[test]
    fn probabilities_have_binomial_standard_errors() {
        let p = Probability::new(250, 1000);
        assert_eq!(p.p, 0.25);
        assert!((p.se - (0.25f64 * 0.75 / 1000.0).sqrt()).abs() < 1e-15);
    }
}
