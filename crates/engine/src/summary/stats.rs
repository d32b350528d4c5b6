//! The statistics a summary is made of: one quantity's spread, its
//! percentile band, histogram and kept distribution, and a probability with
//! its standard error.

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
    pub(super) fn from_counts(s: &CountStats) -> Stat {
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
    pub(super) fn from_counts(s: &CountStats) -> Band {
        Band {
            mean: s.mean(),
            p10: s.quantile(10, 100),
            p50: s.quantile(50, 100),
            p90: s.quantile(90, 100),
        }
    }
}

/// One bar of a histogram: trials whose value lies in `[low, high)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistogramBin {
    pub low: f64,
    pub high: f64,
    pub trials: u64,
}

/// A kept distribution: (value, trials) in increasing order of value, so a
/// threshold's probability can be read without a re-run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution(pub Vec<(f64, u64)>);

impl Distribution {
    pub(super) fn from_counts(s: &CountStats) -> Self {
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

/// A probability estimated from the trials, with its standard error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probability {
    pub p: f64,
    /// √(p(1−p)/trials).
    pub se: f64,
}

impl Probability {
    pub(super) fn new(hits: u64, trials: u64) -> Probability {
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

/// At most this many histogram bars.
pub(super) const MAX_BINS: u64 = 40;

/// Smallest width from 1, 2, 5 × 10^k (whole numbers) giving at most
/// [`MAX_BINS`] bars over `span` values.
pub(super) fn nice_bin_width(span: u64) -> u64 {
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
pub(super) fn histogram(s: &CountStats) -> Vec<HistogramBin> {
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
