//! From a cohort's counts to its deals: entry weeks, days in each stage and
//! fates drawn from the duration model conditioned on what the trial drew.

use super::{Deal, Fate};
use crate::model::{CohortRecord, Source};
use crate::rng::TrialRng;
use crate::scenario::{Leads, Scenario, SALES_STAGES, STAGE_COUNT};
use crate::timing::Timing;
use rand::RngExt;

/// Tries of rejection sampling before a path is rescaled to fit instead.
const MAX_TRIES: usize = 400;

/// Days in a stage of mean `days`: 3·days·B with B ~ Beta(2, 4), drawn as the
/// second smallest of five uniforms (exact, and no transcendental function,
/// so the same bits on every platform).
pub fn stage_days(rng: &mut TrialRng, days: f64) -> f64 {
    if days <= 0.0 {
        return 0.0;
    }
    let mut u: [f64; 5] = std::array::from_fn(|_| rng.random::<f64>());
    u.sort_by(f64::total_cmp);
    3.0 * days * u[1]
}

/// What a cohort's deals are drawn from: the scenario, its time tables and
/// the trial's sampled rates.
pub(super) struct Expand<'a> {
    pub(super) scenario: &'a Scenario,
    pub(super) timing: &'a Timing,
    pub(super) rates: &'a [f64; STAGE_COUNT],
}

impl Expand<'_> {
    fn horizon(&self) -> f64 {
        7.0 * self.timing.weeks() as f64
    }

    /// Whether a cohort's deals arrive through their week (weekly and
    /// referral leads) rather than at its start, as the model moved them.
    fn spread(&self, c: &CohortRecord) -> bool {
        c.start == 0
            && match c.source {
                Source::Referral => true,
                Source::NewLead => matches!(self.scenario.leads(), Leads::PerWeek(_)),
                Source::Pipeline => false,
            }
    }

    /// Chance that a deal entering stage `k` (through the week when
    /// `spread`) reaches stage `m` within `lag` weeks' ends.
    fn p(&self, spread: bool, k: usize, m: usize, lag: usize) -> f64 {
        if spread {
            self.timing.p_spread(m, lag)
        } else {
            self.timing.p(k, m, lag)
        }
    }

    /// Chance that a deal entering stage `k` in week `week` reaches stage `m`
    /// inside the horizon.
    fn fits(&self, spread: bool, k: usize, week: usize, m: usize) -> f64 {
        self.p(spread, k, m, self.timing.weeks() - 1 - week)
    }

    /// Draws an entry week with probabilities proportional to `weight(week)`
    /// (the last week of `weeks` when every weight is zero).
    fn pick_week(rng: &mut TrialRng, weeks: usize, weight: impl Fn(usize) -> f64) -> usize {
        let weights: Vec<f64> = (0..weeks).map(|j| weight(j).max(0.0)).collect();
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return weeks.saturating_sub(1);
        }
        let mut u = rng.random::<f64>() * total;
        for (j, &w) in weights.iter().enumerate() {
            if u < w {
                return j;
            }
            u -= w;
        }
        weeks - 1
    }

    /// The arrival day within the week (uniform on [0, 7) when `spread`,
    /// else 0) and the days spent in stages `from..to`, drawn until arrival
    /// plus days lies in `[lo, hi)`; after [`MAX_TRIES`] misses the last
    /// draw is rescaled into the interval with arrival 0 (rare: the trial's
    /// counts say such a path happened).
    fn path(
        &self,
        rng: &mut TrialRng,
        spread: bool,
        (from, to): (usize, usize),
        lo: f64,
        hi: f64,
    ) -> (f64, Vec<f64>) {
        let means: Vec<f64> = self.scenario.stages()[from..to]
            .iter()
            .map(|s| s.days)
            .collect();
        let mut draw = Vec::new();
        for _ in 0..MAX_TRIES {
            let arrival = if spread {
                7.0 * rng.random::<f64>()
            } else {
                0.0
            };
            draw = means.iter().map(|&d| stage_days(rng, d)).collect();
            let sum: f64 = arrival + draw.iter().sum::<f64>();
            if sum >= lo && sum < hi {
                return (arrival, draw);
            }
        }
        let sum: f64 = draw.iter().sum();
        let goal = lo.max(0.0) + (hi - lo.max(0.0)).min(7.0) * 0.5;
        if sum > 0.0 {
            draw.iter_mut().for_each(|d| *d *= goal / sum);
        } else if let Some(first) = draw.first_mut() {
            *first = goal;
        }
        (0.0, draw)
    }

    pub(super) fn cohort(&self, c: &CohortRecord, rng: &mut TrialRng, deals: &mut Vec<Deal>) {
        let weeks = self.timing.weeks();
        let k = c.start;
        let horizon = self.horizon();
        let spread = self.spread(c);
        let entry_week = |rng: &mut TrialRng, weight: &dyn Fn(usize) -> f64| match c.week {
            Some(w) => w,
            None => Self::pick_week(rng, weeks, weight),
        };
        // Won deals, week by week of their win.
        let first_won = deals.len();
        for (w, &count) in c.won_weeks.iter().enumerate() {
            for _ in 0..count {
                let lag_mass = |j: usize| {
                    if j > w {
                        return 0.0;
                    }
                    let lag = w - j;
                    let before = if lag == 0 {
                        0.0
                    } else {
                        self.p(spread, k, SALES_STAGES, lag - 1)
                    };
                    self.p(spread, k, SALES_STAGES, lag) - before
                };
                let j = entry_week(rng, &lag_mass);
                let week_start = 7.0 * j as f64;
                let (lo, hi) = (
                    7.0 * w as f64 - week_start,
                    7.0 * (w + 1) as f64 - week_start,
                );
                let (arrival, days) = self.path(rng, spread, (k, SALES_STAGES), lo, hi);
                deals.push(Deal {
                    source: c.source,
                    start: k,
                    entered: entries(week_start + arrival, &days),
                    fate: Fate::Won,
                    follow_up: None,
                });
            }
        }
        self.follow_ups(c, rng, &mut deals[first_won..]);
        // Deals that reached stage m but not m + 1.
        for m in k..SALES_STAGES {
            let stayed = c.reached[m] - c.reached[m + 1];
            let rate = self.rates[m];
            for _ in 0..stayed {
                let fits = |j: usize, m: usize| self.fits(spread, k, j, m);
                let weight = |j: usize| fits(j, m) - rate * fits(j, m + 1);
                let j = entry_week(rng, &weight);
                let week_start = 7.0 * j as f64;
                let hi = horizon - week_start;
                let (arrival, days) = self.path(rng, spread, (k, m), f64::NEG_INFINITY, hi);
                let start = week_start + arrival;
                let entered = entries(start, &days);
                let in_m = *entered.last().unwrap_or(&start);
                // Lost, or passed the stage but the next one starts after the
                // horizon: P(lost | did not move on) = (1 − r) / (1 − r·q).
                let q = match fits(j, m) {
                    f if f > 0.0 => (fits(j, m + 1) / f).min(1.0),
                    _ => 0.0,
                };
                let lost = rate < 1.0 && rng.random::<f64>() * (1.0 - rate * q) < 1.0 - rate;
                let fate = if lost {
                    let day = in_m + stage_days(rng, self.scenario.stages()[m].days);
                    if day < horizon {
                        Fate::Lost { stage: m, day }
                    } else {
                        Fate::Open { stage: m }
                    }
                } else {
                    Fate::Open { stage: m }
                };
                deals.push(Deal {
                    source: c.source,
                    start: k,
                    entered,
                    fate,
                    follow_up: None,
                });
            }
        }
    }

    /// Gives the cohort's follow-ups, week by week, to won deals that were
    /// won by then (chosen at random among them).
    fn follow_ups(&self, c: &CohortRecord, rng: &mut TrialRng, won: &mut [Deal]) {
        for (f, &count) in c.follow_up_weeks.iter().enumerate() {
            let (week_start, week_end) = (7.0 * f as f64, 7.0 * (f + 1) as f64);
            for _ in 0..count {
                let waiting = |d: &Deal| d.follow_up.is_none();
                let ready: Vec<usize> = (0..won.len())
                    .filter(|&i| waiting(&won[i]) && won[i].won_on().is_some_and(|w| w < week_end))
                    .collect();
                let pool: Vec<usize> = if ready.is_empty() {
                    (0..won.len()).filter(|&i| waiting(&won[i])).collect()
                } else {
                    ready
                };
                let Some(&i) = pool.get((rng.random::<f64>() * pool.len() as f64) as usize) else {
                    return;
                };
                let win = won[i].won_on().unwrap_or(week_start);
                let from = win.max(week_start);
                won[i].follow_up = Some(from + rng.random::<f64>() * (week_end - from).max(0.0));
            }
        }
    }
}

/// Entry days of successive stages from `start` after spending `days` in each.
fn entries(start: f64, days: &[f64]) -> Vec<f64> {
    let mut entered = Vec::with_capacity(days.len() + 1);
    let mut t = start;
    entered.push(t);
    for d in days {
        t += d;
        entered.push(t);
    }
    entered
}
