//! The backtest's charts: each origin's P10–P90 band with its median and
//! the actual over time, the coverage of each range against its promise with
//! the spread a kept promise still shows over that many origins (binomial),
//! and the PIT histogram.

use crate::frame::{Frame, Rect};
use crate::scale::{nice_ticks, LinearScale};

/// One origin's forecast and what happened, in the measure's unit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Origin {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub actual: f64,
}

/// Where one origin goes in the bands chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OriginMarks {
    /// The column's centre.
    pub x: f64,
    /// The P10–P90 band.
    pub band: Rect,
    /// The median's y (a short line across the band).
    pub p50_y: f64,
    /// The actual's y (a dot).
    pub actual_y: f64,
    /// The actual lies within P10–P90 (bounds included).
    pub inside: bool,
}

/// The bands chart's layout: origins evenly spaced, values from 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bands {
    x: LinearScale,
    y: LinearScale,
    top: f64,
    /// A band's width (viewBox units).
    width: f64,
}

impl Bands {
    /// The layout of `origins` in `frame`, with 5 % headroom over the
    /// largest P90 or actual.
    pub fn new(frame: Frame, origins: &[Origin]) -> Bands {
        let n = origins.len().max(1) as f64;
        let highest = origins
            .iter()
            .map(|o| o.p90.max(o.actual))
            .fold(0.0, f64::max);
        let top = highest.max(1.0) * 1.05;
        let column = (frame.plot_right() - frame.left) / n;
        Bands {
            // Column i is centred at i + ½ of n columns.
            x: LinearScale::new((0.0, n), (frame.left, frame.plot_right())),
            y: LinearScale::new((0.0, top), (frame.baseline(), frame.top)),
            top,
            width: (column * 0.5).min(40.0),
        }
    }

    /// The x of origin `i`'s centre.
    pub fn x(&self, i: usize) -> f64 {
        self.x.map(i as f64 + 0.5)
    }

    pub fn y(&self, value: f64) -> f64 {
        self.y.map(value)
    }

    /// Every origin's marks, in order.
    pub fn marks(&self, origins: &[Origin]) -> Vec<OriginMarks> {
        origins
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let (high, low) = (self.y(o.p90), self.y(o.p10));
                OriginMarks {
                    x: self.x(i),
                    band: Rect {
                        x: self.x(i) - self.width / 2.0,
                        y: high,
                        // A band with P10 = P90 still shows as a line.
                        width: self.width,
                        height: (low - high).max(1.5),
                    },
                    p50_y: self.y(o.p50),
                    actual_y: self.y(o.actual),
                    inside: o.p10 <= o.actual && o.actual <= o.p90,
                }
            })
            .collect()
    }

    /// Values for the y axis's ticks.
    pub fn y_ticks(&self) -> Vec<f64> {
        nice_ticks(0.0, self.top, 5)
    }
}

/// Which origins' x labels to write so they do not crowd: every k-th, with
/// at most `most` labels, always the last.
pub fn label_every(origins: usize, most: usize) -> usize {
    origins.div_ceil(most.max(1)).max(1)
}

/// The share range a kept promise still produces: with `n` origins each
/// inside a range with probability `promise`, the count inside is
/// Binomial(n, promise); this is its central `level` interval as shares
/// of n, `(k_lo / n, k_hi / n)`, k_lo the smallest k with P(K ≤ k) ≥
/// (1 − level) / 2 and k_hi the smallest with P(K ≤ k) ≥ (1 + level) / 2.
pub fn binomial_range(n: usize, promise: f64, level: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let p = promise.clamp(0.0, 1.0);
    let nf = n as f64;
    // The pmf up to a constant, from 1 at the mode outwards by the ratio
    // P(k + 1) / P(k) = (n − k) / (k + 1) · p / (1 − p): terms only shrink,
    // so nothing overflows, and far tails underflow harmlessly to 0 (no
    // logarithms: they would cost the page's wasm their code).
    let mode = ((nf + 1.0) * p).floor().min(nf) as usize;
    let mut weights = vec![0.0; n + 1];
    weights[mode] = 1.0;
    for k in mode..n {
        weights[k + 1] = if p < 1.0 {
            weights[k] * (nf - k as f64) / (k as f64 + 1.0) * p / (1.0 - p)
        } else {
            0.0
        };
    }
    for k in (1..=mode).rev() {
        weights[k - 1] = if p > 0.0 {
            weights[k] * k as f64 / (nf - k as f64 + 1.0) * (1.0 - p) / p
        } else {
            0.0
        };
    }
    let total: f64 = weights.iter().sum();
    let (lo_at, hi_at) = ((1.0 - level) / 2.0, (1.0 + level) / 2.0);
    let (mut lo, mut hi) = (None, None);
    let mut cdf = 0.0;
    for (k, w) in weights.iter().enumerate() {
        cdf += w / total;
        // A hair below the level: a CDF summed in floats may fall just short.
        if lo.is_none() && cdf >= lo_at - 1e-12 {
            lo = Some(k);
        }
        if hi.is_none() && cdf >= hi_at - 1e-12 {
            hi = Some(k);
        }
    }
    (lo.unwrap_or(0) as f64 / nf, hi.unwrap_or(n) as f64 / nf)
}

/// How many PITs fall in each of `bins` equal bins of [0, 1] (a PIT of 1
/// in the last).
pub fn pit_counts(pits: &[f64], bins: usize) -> Vec<usize> {
    let bins = bins.max(1);
    let mut counts = vec![0; bins];
    for &pit in pits {
        let at = ((pit.clamp(0.0, 1.0) * bins as f64) as usize).min(bins - 1);
        counts[at] += 1;
    }
    counts
}

/// Bins for a PIT histogram of `n` origins: about four origins a bin,
/// from 4 to 10 bins (5 below 20 origins keeps each bin 20 % wide).
pub fn pit_bins(n: usize) -> usize {
    if n < 20 {
        5
    } else {
        (n / 4).clamp(5, 10)
    }
}

/// The PIT histogram's bars in `frame`, and the y of the level an honest
/// forecast gives on average (n / bins per bin).
pub fn pit_bars(frame: Frame, counts: &[usize]) -> (Vec<Rect>, f64) {
    let bins = counts.len().max(1);
    let n: usize = counts.iter().sum();
    let even = n as f64 / bins as f64;
    let top = (counts.iter().copied().max().unwrap_or(0) as f64)
        .max(even)
        .max(1.0)
        * 1.1;
    let x = LinearScale::new((0.0, bins as f64), (frame.left, frame.plot_right()));
    let y = LinearScale::new((0.0, top), (frame.baseline(), frame.top));
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let (x0, x1) = (x.map(i as f64), x.map(i as f64 + 1.0));
            Rect {
                x: x0 + 1.0,
                y: y.map(c as f64),
                width: (x1 - x0 - 2.0).max(0.0),
                height: frame.baseline() - y.map(c as f64),
            }
        })
        .collect();
    (bars, y.map(even))
}

/// One row of the coverage chart: a range's promise, the share observed and
/// the binomial range around the promise, mapped onto 0–100 % across the
/// plot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CoverageRow {
    pub promise_x: f64,
    pub observed_x: f64,
    /// The binomial range's extent.
    pub range: (f64, f64),
}

/// Maps shares (0–1) across `frame`'s plot area.
pub fn coverage_row(frame: Frame, promise: f64, observed: f64, range: (f64, f64)) -> CoverageRow {
    let x = LinearScale::new((0.0, 1.0), (frame.left, frame.plot_right()));
    CoverageRow {
        promise_x: x.map(promise),
        observed_x: x.map(observed.clamp(0.0, 1.0)),
        range: (x.map(range.0), x.map(range.1)),
    }
}

#[cfg(test)]
#[path = "calibration_tests.rs"]
mod tests;
