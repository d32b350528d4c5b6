//! Stage durations and the time a deal takes to cross several stages.
//!
//! **Duration model.** A deal spends `D = 3·d·B` days in a stage with mean
//! `d`, where `B ~ Beta(2, 4)`: mean exactly `d`, right-skewed (mode at 0.75·d,
//! most deals near the typical time, a few slow ones), never negative and never
//! more than three times the mean. The bound makes "a horizon longer than any
//! path" meaningful. `d = 0` means the stage is crossed instantly.
//!
//! **Paths.** The time to cross stages k..m is the sum of independent stage
//! durations. Its distribution is computed once per run by convolving the
//! stages' distributions on a fine grid (cell masses from the exact Beta CDF,
//! placed at cell midpoints, so the grid's mean error is second order in the
//! cell width). Only the probabilities `P(S < 7·(l+1))` at week ends are kept
//! for the simulation: the trial itself never handles individual deals.
//! Weekly and referral leads arrive at a uniform time through their week:
//! their tables from Prospecting add that uniform arrival to the path.

use crate::scenario::{Scenario, STAGE_COUNT};

/// Regularized incomplete beta I_x(2, 4) = Σ_{j=2}^{5} C(5, j) x^j (1−x)^(5−j):
/// the CDF of Beta(2, 4).
pub fn beta24_cdf(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let y = 1.0 - x;
    let x2 = x * x;
    10.0 * x2 * y * y * y + 10.0 * x2 * x * y * y + 5.0 * x2 * x2 * y + x2 * x2 * x
}

/// CDF of a stage duration with mean `days` at `t` days.
pub fn duration_cdf(days: f64, t: f64) -> f64 {
    if days <= 0.0 {
        return if t >= 0.0 { 1.0 } else { 0.0 };
    }
    beta24_cdf(t / (3.0 * days))
}

/// A distribution on a grid of cell width `h`: atom `i` stands for the
/// interval `[(i + shift − ½)·h, (i + shift + ½)·h)` with uniform density.
/// `shift` is half the number of non-instant stages summed (midpoints add up).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct GridDistribution {
    pub h: f64,
    pub shift: f64,
    pub mass: Vec<f64>,
    /// Mass beyond the grid was dropped.
    pub truncated: bool,
}

impl GridDistribution {
    /// Zero duration: all mass at 0 (an atom of zero width).
    fn instant(h: f64) -> Self {
        GridDistribution {
            h,
            shift: 0.0,
            mass: vec![1.0],
            truncated: false,
        }
    }

    /// Adds an independent stage of mean `days`; keeps at most `cells` atoms
    /// (mass beyond is dropped: it lies past every time we ask about).
    fn add_stage(&self, days: f64, cells: usize) -> Self {
        if days <= 0.0 {
            return self.clone();
        }
        self.add(3.0 * days, |t| duration_cdf(days, t), cells)
    }

    /// Adds an independent arrival time uniform over a week, [0, 7) days.
    fn add_arrival_in_week(&self, cells: usize) -> Self {
        self.add(7.0, |t| (t / 7.0).clamp(0.0, 1.0), cells)
    }

    /// Adds an independent time on [0, `extent`] with CDF `cdf`.
    fn add(&self, extent: f64, cdf: impl Fn(f64) -> f64, cells: usize) -> Self {
        let h = self.h;
        let stage_cells = (extent / h).ceil() as usize;
        let stage: Vec<f64> = (0..stage_cells)
            .map(|c| cdf((c + 1) as f64 * h) - cdf(c as f64 * h))
            .collect();
        let full = self.mass.len() + stage.len() - 1;
        let len = full.min(cells);
        let mut out = vec![0.0; len];
        for (i, &a) in self.mass.iter().enumerate() {
            if a == 0.0 || i >= len {
                continue;
            }
            for (j, &b) in stage.iter().enumerate() {
                let k = i + j;
                if k >= len {
                    break;
                }
                out[k] += a * b;
            }
        }
        GridDistribution {
            h,
            shift: self.shift + 0.5,
            mass: out,
            truncated: self.truncated || len < full,
        }
    }

    /// True when the distribution is a point mass at 0.
    fn is_instant(&self) -> bool {
        self.shift == 0.0
    }

    /// Probability that the time is below `x` days.
    pub fn cdf(&self, x: f64) -> f64 {
        if self.is_instant() {
            return if x > 0.0 { 1.0 } else { 0.0 };
        }
        // Past the last atom the answer is exactly 1 (not 1 − rounding), so a
        // horizon longer than every path leaves every draw unchanged.
        if let Some(last) = self.mass.iter().rposition(|&m| m > 0.0) {
            if x >= self.location(last) + self.h / 2.0 && !self.truncated {
                return 1.0;
            }
        }
        let mut total = 0.0;
        for (i, &m) in self.mass.iter().enumerate() {
            let lo = (i as f64 + self.shift - 0.5) * self.h;
            if lo >= x {
                break;
            }
            let hi = lo + self.h;
            total += if hi <= x { m } else { m * (x - lo) / self.h };
        }
        total.min(1.0)
    }

    /// Location (days) of atom `i`'s centre.
    pub fn location(&self, i: usize) -> f64 {
        (i as f64 + self.shift) * self.h
    }

    /// Mean of the distribution (days).
    pub fn mean(&self) -> f64 {
        let total: f64 = self.mass.iter().sum();
        if total == 0.0 {
            return 0.0;
        }
        self.mass
            .iter()
            .enumerate()
            .map(|(i, m)| m * self.location(i))
            .sum::<f64>()
            / total
    }
}

/// Cell width for a grid covering `extent` days with stages summing to
/// `total_days` of mean time: fine (≥ 0.05 day) where that is cheap, coarser
/// when the convolution work would exceed about 5·10⁶ operations.
fn cell_width(extent: f64, total_days: f64) -> f64 {
    let budget = 5.0e6;
    let h = (18.0 * extent * total_days / budget).sqrt();
    h.max(0.05)
}

/// Week-end crossing probabilities for a run with a horizon.
#[derive(Clone, Debug)]
pub struct Timing {
    weeks: usize,
    /// `cdf[k][m − k][l]` = P(deal entering stage k at time 0 has entered
    /// stage m before day 7·(l+1)), for k ≤ m ≤ 7, where "entering stage 6" is
    /// the win and "entering stage 7" is the follow-up event.
    cdf: Vec<Vec<Vec<f64>>>,
    /// `spread[m][l]`: the same as `cdf[0][m][l]` for a lead whose arrival
    /// is uniform over its week (weekly and referral leads).
    spread: Vec<Vec<f64>>,
}

impl Timing {
    /// Probability for start stage `k`, target stage `m` (k ≤ m ≤ 7), lag `l`
    /// weeks (crossed before the end of week `l` after the start).
    pub fn p(&self, k: usize, m: usize, lag: usize) -> f64 {
        self.cdf[k][m - k][lag]
    }

    pub fn weeks(&self) -> usize {
        self.weeks
    }

    /// [`Timing::p`] from Prospecting for a lead arriving at a uniform time
    /// in its week: P(U·7 + S < 7·(lag+1)), U uniform on [0, 1).
    pub fn p_spread(&self, m: usize, lag: usize) -> f64 {
        self.spread[m][lag]
    }

    /// [`Timing::row`] from Prospecting for leads spread over their week.
    pub fn row_spread(&self, m: usize) -> &[f64] {
        &self.spread[m]
    }

    /// `P(S < 7·(l+1))` for l = 0..weeks: start stage `k`, target stage `m`.
    pub fn row(&self, k: usize, m: usize) -> &[f64] {
        &self.cdf[k][m - k]
    }

    /// The same probabilities for a lead drawn uniformly from all weekly
    /// cohorts of new leads, each arriving uniformly over its week (see
    /// [`WeeklyLeads`]).
    pub fn weekly_leads(&self) -> WeeklyLeads {
        let weeks = self.weeks;
        // Σ over entry weeks w of P(path to m fits in the weeks left).
        let fits: Vec<f64> = (0..=STAGE_COUNT)
            .map(|m| (0..weeks).map(|w| self.p_spread(m, weeks - 1 - w)).sum())
            .collect();
        // Cumulative (unnormalised) distribution of the week of the event.
        let by_week = |m: usize| -> Vec<f64> {
            let mut cumulative = Vec::with_capacity(weeks);
            let mut total = 0.0;
            for j in 0..weeks {
                // Events in week j from every entry week w ≤ j.
                for w in 0..=j {
                    let lag = j - w;
                    let before = if lag == 0 {
                        0.0
                    } else {
                        self.p_spread(m, lag - 1)
                    };
                    total += self.p_spread(m, lag) - before;
                }
                cumulative.push(total);
            }
            cumulative
        };
        let won = STAGE_COUNT - 1;
        let entry_share = (0..weeks)
            .map(|w| {
                if fits[won] > 0.0 {
                    self.p_spread(won, weeks - 1 - w) / fits[won]
                } else {
                    0.0
                }
            })
            .collect();
        WeeklyLeads {
            fits,
            win_week: by_week(won),
            follow_up_week: by_week(STAGE_COUNT),
            entry_share,
        }
    }
}

/// Time tables for all new leads of a `per_week` scenario taken together.
///
/// With Poisson arrivals, the leads of all weeks together are a Poisson
/// number of independent leads, each entering in a uniformly chosen week. So
/// one chain of binomial draws with week-averaged probabilities, and one split
/// of the wins over weeks, give exactly the distribution of doing every weekly
/// cohort separately, at the cost of one cohort.
#[derive(Clone, Debug)]
pub struct WeeklyLeads {
    /// `fits[m]`: Σ over entry weeks of P(reaching stage m fits the horizon).
    pub fits: Vec<f64>,
    /// Cumulative, unnormalised distribution of the win week.
    pub win_week: Vec<f64>,
    /// Cumulative, unnormalised distribution of the follow-up week.
    pub follow_up_week: Vec<f64>,
    /// Share of wins from new leads that entered in each week (for days to win).
    pub entry_share: Vec<f64>,
}

/// Everything about time the simulation needs, computed once per run.
#[derive(Clone, Debug)]
pub struct TimeModel {
    /// Week-end probabilities; None without a horizon.
    pub timing: Option<Timing>,
    /// Distribution of days from entering Prospecting to the win.
    pub to_win: GridDistribution,
}

impl TimeModel {
    pub fn new(scenario: &Scenario) -> Self {
        let days: Vec<f64> = scenario.stages().iter().map(|s| s.days).collect();
        let sales_days: f64 = days[..STAGE_COUNT - 1].iter().sum();
        let all_days: f64 = days.iter().sum();
        match scenario.horizon_weeks() {
            None => {
                // The whole path must fit: up to 3× each stage's mean.
                let extent = 3.0 * sales_days;
                let h = cell_width(extent.max(1.0), sales_days);
                let cells = (extent / h).ceil() as usize + STAGE_COUNT;
                let mut dist = GridDistribution::instant(h);
                for &d in &days[..STAGE_COUNT - 1] {
                    dist = dist.add_stage(d, cells);
                }
                TimeModel {
                    timing: None,
                    to_win: dist,
                }
            }
            Some(weeks) => {
                let weeks = weeks as usize;
                let extent = 7.0 * weeks as f64;
                let h = cell_width(extent, all_days);
                let cells = (extent / h).ceil() as usize + 2;
                let mut cdf = Vec::with_capacity(STAGE_COUNT - 1);
                let mut to_win = GridDistribution::instant(h);
                // From Prospecting, arriving at a uniform time in the week.
                let mut dist = GridDistribution::instant(h).add_arrival_in_week(cells);
                let mut spread = vec![week_ends(&dist, weeks)];
                for &d in &days {
                    dist = dist.add_stage(d, cells);
                    spread.push(week_ends(&dist, weeks));
                }
                for k in 0..STAGE_COUNT - 1 {
                    let mut dist = GridDistribution::instant(h);
                    let mut rows = vec![week_ends(&dist, weeks)];
                    for (m, &d) in days.iter().enumerate().skip(k) {
                        dist = dist.add_stage(d, cells);
                        rows.push(week_ends(&dist, weeks));
                        if k == 0 && m == STAGE_COUNT - 2 {
                            to_win = dist.clone();
                        }
                    }
                    cdf.push(rows);
                }
                TimeModel {
                    timing: Some(Timing { weeks, cdf, spread }),
                    to_win,
                }
            }
        }
    }
}

fn week_ends(dist: &GridDistribution, weeks: usize) -> Vec<f64> {
    (0..weeks).map(|l| dist.cdf(7.0 * (l + 1) as f64)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beta24_cdf_matches_its_density() {
        // d/dx I_x(2,4) = 20 x (1−x)^3; check by central differences.
        for i in 1..100 {
            let x = i as f64 / 100.0;
            let e = 1e-6;
            let numeric = (beta24_cdf(x + e) - beta24_cdf(x - e)) / (2.0 * e);
            let exact = 20.0 * x * (1.0 - x).powi(3);
            assert!((numeric - exact).abs() < 1e-6, "at {x}");
        }
        assert_eq!((beta24_cdf(0.0), beta24_cdf(1.0)), (0.0, 1.0));
        // Median of Beta(2,4) ≈ 0.3138.
        assert!((beta24_cdf(0.313_810_170_455_7) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn one_stage_on_the_grid_matches_the_exact_cdf_and_mean() {
        let dist = GridDistribution::instant(0.05).add_stage(7.0, 10_000);
        assert!((dist.mean() - 7.0).abs() < 1e-3, "mean {}", dist.mean());
        for t in [1.0, 3.5, 7.0, 10.0, 14.0, 20.9] {
            assert!((dist.cdf(t) - duration_cdf(7.0, t)).abs() < 1e-3, "t = {t}");
        }
        assert_eq!(dist.cdf(21.0), 1.0);
    }

    #[test]
    fn sums_have_the_sum_of_means_and_stay_ordered() {
        let h = 0.05;
        let mut dist = GridDistribution::instant(h);
        let mut prev = dist.clone();
        for d in [5.0, 0.0, 10.0, 7.0] {
            dist = dist.add_stage(d, 100_000);
            for x in [7.0, 14.0, 21.0, 35.0] {
                assert!(dist.cdf(x) <= prev.cdf(x) + 1e-12);
            }
            prev = dist.clone();
        }
        assert!((dist.mean() - 22.0).abs() < 2e-3, "mean {}", dist.mean());
        assert!((dist.mass.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // Nothing takes longer than three times the means.
        assert_eq!(dist.cdf(66.0 + h), 1.0);
    }

    #[test]
    fn convolution_matches_direct_integration() {
        // P(D1 + D2 < x) = ∫ f1(t) F2(x − t) dt, by fine Simpson quadrature.
        let (d1, d2, x): (f64, f64, f64) = (5.0, 8.0, 14.0);
        let n = 20_000;
        let a = 0.0;
        let b = (3.0 * d1).min(x);
        let step = (b - a) / n as f64;
        let f = |t: f64| {
            let pdf = 20.0 * (t / (3.0 * d1)) * (1.0 - t / (3.0 * d1)).powi(3) / (3.0 * d1);
            pdf * duration_cdf(d2, x - t)
        };
        let mut sum = f(a) + f(b);
        for i in 1..n {
            let t = a + i as f64 * step;
            sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(t);
        }
        let exact = sum * step / 3.0;
        let grid = GridDistribution::instant(0.05)
            .add_stage(d1, 10_000)
            .add_stage(d2, 10_000);
        assert!(
            (grid.cdf(x) - exact).abs() < 1e-3,
            "{} vs {exact}",
            grid.cdf(x)
        );
    }

    #[test]
    fn instant_paths_are_crossed_at_once() {
        let d = GridDistribution::instant(0.1);
        assert_eq!(d.cdf(7.0), 1.0);
        assert_eq!(d.mean(), 0.0);
    }
}
