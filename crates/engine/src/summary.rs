//! What a run reports: per-stage and won-deal statistics, percentiles and a
//! histogram, computed from the streaming accumulators.

use crate::scenario::{Scenario, STAGE_COUNT};
use crate::simulation::Accumulator;
use crate::sketch::CountStats;
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

/// One stage's row of the funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageSummary {
    pub name: String,
    /// Deals that reached this stage, per trial.
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

/// Everything a run reports so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Trials included in these statistics.
    pub trials_done: u64,
    /// Trials the run will have when complete.
    pub trials_planned: u64,
    pub seed: u64,
    /// The seven stages, in process order; the last one's `reached` is the
    /// number of deals won (customers entering Follow-up).
    pub stages: Vec<StageSummary>,
    /// Deals won per trial.
    pub won: Stat,
    /// Histogram of deals won per trial.
    pub won_histogram: Vec<HistogramBin>,
    /// Won customers who buy again in Follow-up, per trial.
    pub repeat: Stat,
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
            if span.div_ceil(w) <= MAX_BINS {
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
    let width = nice_bin_width(s.max() - s.min() + 1);
    let start = s.min() / width * width;
    let bins = (s.max() - start) / width + 1;
    let mut out: Vec<HistogramBin> = (0..bins)
        .map(|i| HistogramBin {
            low: (start + i * width) as f64,
            high: (start + (i + 1) * width) as f64,
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

impl Summary {
    pub(crate) fn from_accumulator(
        scenario: &Scenario,
        acc: &Accumulator,
        trials_planned: u64,
    ) -> Summary {
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
        Summary {
            trials_done: acc.reached[0].len(),
            trials_planned,
            seed: scenario.seed(),
            stages,
            won: Stat::from_counts(won),
            won_histogram: histogram(won),
            repeat: Stat::from_counts(&acc.repeat),
        }
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
}
