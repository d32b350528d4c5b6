//! Days from a lead entering Prospecting to its win, pooled over the entry
//! weeks of the wins.

use super::SummaryContext;
use crate::simulation::Accumulator;
use crate::timing::GridDistribution;
use serde::{Deserialize, Serialize};

/// Days from a lead entering Prospecting to its win, over all such wins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DaysToWin {
    pub mean: f64,
    pub p50: f64,
    pub p90: f64,
}

/// Points of the midpoint rule over a lead's arrival within its week.
const ARRIVAL_POINTS: usize = 28;

/// Days to win pooled over all wins from new leads: a mixture of the
/// path-time distribution truncated at each entry's time left. Leads that
/// arrive through their week (`spread(week)`: weekly and referral leads)
/// have 7·(h − week) − 7·U days left, U uniform, by a midpoint rule.
pub(super) fn days_to_win(
    path: &GridDistribution,
    weights: &[f64],
    horizon: Option<u32>,
    spread: impl Fn(usize) -> bool,
) -> Option<DaysToWin> {
    let mut mass = vec![0.0; path.mass.len()];
    for (week, &weight) in weights.iter().enumerate() {
        if weight <= 0.0 {
            continue;
        }
        let points = if horizon.is_some() && spread(week) {
            ARRIVAL_POINTS
        } else {
            1
        };
        for point in 0..points {
            let arrival = if points == 1 {
                0.0
            } else {
                7.0 * (point as f64 + 0.5) / points as f64
            };
            let limit = horizon.map(|h| 7.0 * (h as f64 - week as f64) - arrival);
            add_truncated(path, limit, weight / points as f64, &mut mass);
        }
    }
    summarise(path, &mass)
}

/// Adds the path distribution truncated below `limit` days (none: whole),
/// renormalised to `weight`, to `mass`.
fn add_truncated(path: &GridDistribution, limit: Option<f64>, weight: f64, mass: &mut [f64]) {
    {
        let fits = limit.map_or(1.0, |x| path.cdf(x));
        if fits <= 0.0 {
            return;
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
}

fn summarise(path: &GridDistribution, mass: &[f64]) -> Option<DaysToWin> {
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
pub(super) fn entry_week_weights(ctx: &SummaryContext, acc: &Accumulator) -> Vec<f64> {
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
