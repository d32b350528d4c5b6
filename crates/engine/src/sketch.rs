//! Streaming statistics of a non-negative integer quantity (deals per trial).
//!
//! [`CountStats`] keeps exact moments in integer arithmetic and a log-linear
//! histogram for percentiles, so memory stays bounded whatever the number of
//! trials, and merging two accumulators gives bit-identical results in any
//! order: chunk sizes and worker counts cannot change a summary.

use serde::{Deserialize, Serialize};

/// Values below this are counted exactly, one bucket each.
const EXACT_LIMIT: u64 = 2048;
/// Sub-buckets per power of two above [`EXACT_LIMIT`]: relative bucket width
/// at most 1/1024, i.e. percentiles within 0.1 % of the true sample value.
const SUB_BUCKETS: u64 = 1024;
const SUB_BITS: u32 = 10;
const EXACT_BITS: u32 = 11;

/// Bucket index of a value.
fn bucket_of(value: u64) -> usize {
    if value < EXACT_LIMIT {
        return value as usize;
    }
    let exponent = 63 - value.leading_zeros(); // >= EXACT_BITS
    let shift = exponent - SUB_BITS;
    let sub = (value >> shift) - SUB_BUCKETS;
    (EXACT_LIMIT + u64::from(exponent - EXACT_BITS) * SUB_BUCKETS + sub) as usize
}

/// Smallest value and width of bucket `index`.
fn bucket_bounds(index: usize) -> (u64, u64) {
    let index = index as u64;
    if index < EXACT_LIMIT {
        return (index, 1);
    }
    let above = index - EXACT_LIMIT;
    let exponent = above / SUB_BUCKETS + u64::from(EXACT_BITS);
    let sub = above % SUB_BUCKETS;
    let shift = exponent - u64::from(SUB_BITS);
    ((SUB_BUCKETS + sub) << shift, 1 << shift)
}

/// The value a bucket stands for: exact below [`EXACT_LIMIT`], else its middle.
fn bucket_value(index: usize) -> f64 {
    let (low, width) = bucket_bounds(index);
    low as f64 + (width - 1) as f64 / 2.0
}

/// Streaming statistics of one integer quantity over many trials.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CountStats {
    n: u64,
    sum: u128,
    sum_sq: u128,
    min: u64,
    max: u64,
    /// Index of the first bucket in `counts`.
    offset: usize,
    counts: Vec<u64>,
}

impl CountStats {
    /// Records one trial's value.
    pub fn push(&mut self, value: u64) {
        if self.n == 0 {
            self.min = value;
            self.max = value;
        } else {
            self.min = self.min.min(value);
            self.max = self.max.max(value);
        }
        self.n += 1;
        // Saturating: only absurd inputs (sums beyond 10³⁸) could reach the
        // limit, and they must not panic.
        self.sum = self.sum.saturating_add(u128::from(value));
        self.sum_sq = self
            .sum_sq
            .saturating_add(u128::from(value) * u128::from(value));
        self.add_to_bucket(bucket_of(value), 1);
    }

    fn add_to_bucket(&mut self, index: usize, count: u64) {
        if self.counts.is_empty() {
            self.offset = index;
            self.counts.push(0);
        } else if index < self.offset {
            let grow = self.offset - index;
            self.counts.splice(0..0, std::iter::repeat_n(0, grow));
            self.offset = index;
        } else if index >= self.offset + self.counts.len() {
            self.counts.resize(index - self.offset + 1, 0);
        }
        self.counts[index - self.offset] += count;
    }

    /// Adds everything `other` recorded; the result does not depend on order.
    pub fn merge(&mut self, other: &CountStats) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = other.clone();
            return;
        }
        self.n += other.n;
        self.sum = self.sum.saturating_add(other.sum);
        self.sum_sq = self.sum_sq.saturating_add(other.sum_sq);
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        for (i, &c) in other.counts.iter().enumerate() {
            if c > 0 {
                self.add_to_bucket(other.offset + i, c);
            }
        }
    }

    /// Number of recorded trials.
    pub fn len(&self) -> u64 {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Exact sample mean (0 when empty).
    pub fn mean(&self) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        self.sum as f64 / self.n as f64
    }

    /// Sample variance with the n − 1 denominator (0 for fewer than 2 trials).
    pub fn variance(&self) -> f64 {
        if self.n < 2 {
            return 0.0;
        }
        let n = u128::from(self.n);
        // n·Σx² − (Σx)² is exact and never negative in integers; past u128's
        // range (values near 10¹⁵ over millions of trials) fall back to floats.
        let exact = n
            .checked_mul(self.sum_sq)
            .zip(self.sum.checked_mul(self.sum))
            .map(|(a, b)| a.saturating_sub(b));
        match exact {
            Some(scaled) => scaled as f64 / (n * (n - 1)) as f64,
            None => {
                let (nf, mean) = (self.n as f64, self.mean());
                ((self.sum_sq as f64 / nf - mean * mean) * nf / (nf - 1.0)).max(0.0)
            }
        }
    }

    pub fn min(&self) -> u64 {
        self.min
    }

    pub fn max(&self) -> u64 {
        self.max
    }

    /// The q-quantile, q = `num`/`den`, by the inverse empirical CDF: the
    /// smallest recorded value with at least ⌈q·n⌉ values at or below it.
    /// Exact for values below 2048, within 0.1 % above.
    pub fn quantile(&self, num: u64, den: u64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let n = u128::from(self.n);
        let rank = (u128::from(num) * n).div_ceil(u128::from(den)).max(1);
        let mut seen: u128 = 0;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += u128::from(c);
            if seen >= rank {
                return self.clamp(bucket_value(self.offset + i));
            }
        }
        self.max as f64
    }

    /// Bucket middles can lie outside the observed range; never report that.
    fn clamp(&self, value: f64) -> f64 {
        value.clamp(self.min as f64, self.max as f64)
    }

    /// Share of trials with a value of at least `threshold` (exact below 2048;
    /// above, buckets count by their middle, within 0.1 %).
    pub fn share_at_least(&self, threshold: f64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let hits: u64 = self
            .buckets()
            .filter(|(v, _)| *v >= threshold)
            .map(|(_, c)| c)
            .sum();
        hits as f64 / self.n as f64
    }

    /// (value, trials) pairs in increasing order, one per non-empty bucket.
    pub fn buckets(&self) -> impl Iterator<Item = (f64, u64)> + '_ {
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &c)| c > 0)
            .map(|(i, &c)| (self.clamp(bucket_value(self.offset + i)), c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_cover_values_in_order() {
        let mut prev = 0;
        for v in (0..200_000u64).chain([u64::MAX / 3, u64::MAX - 1, u64::MAX]) {
            let b = bucket_of(v);
            assert!(b >= prev, "buckets not monotone at {v}");
            prev = b;
            let (low, width) = bucket_bounds(b);
            assert!(low <= v && v - low < width, "value {v} outside bucket {b}");
            if v >= EXACT_LIMIT {
                assert!(width as f64 / low as f64 <= 1.0 / 1024.0);
            }
        }
    }

    #[test]
    fn exact_moments_and_quantiles_for_small_values() {
        let mut s = CountStats::default();
        for v in 1..=100u64 {
            s.push(v);
        }
        assert_eq!(s.len(), 100);
        assert_eq!(s.mean(), 50.5);
        // Variance of 1..=100 with n−1: 100·101/12 = 841.666…
        assert!((s.variance() - 841.666_666_666_666_6).abs() < 1e-9);
        assert_eq!(s.quantile(50, 100), 50.0);
        assert_eq!(s.quantile(10, 100), 10.0);
        assert_eq!(s.quantile(90, 100), 90.0);
        assert_eq!(s.quantile(0, 100), 1.0);
        assert_eq!(s.quantile(100, 100), 100.0);
        assert_eq!((s.min(), s.max()), (1, 100));
    }

    #[test]
    fn large_values_are_within_a_tenth_of_a_percent() {
        let mut s = CountStats::default();
        let values: Vec<u64> = (0..1000u64).map(|i| 1_000_000 + i * 997).collect();
        for &v in &values {
            s.push(v);
        }
        let exact_median = values[499] as f64;
        let got = s.quantile(1, 2);
        assert!((got - exact_median).abs() / exact_median < 1e-3);
        assert_eq!(s.mean(), values.iter().sum::<u64>() as f64 / 1000.0);
    }

    #[test]
    fn merge_equals_one_pass_in_any_order() {
        let values: Vec<u64> = (0..5000u64).map(|i| (i * 7919) % 4099 + i / 3).collect();
        let mut whole = CountStats::default();
        values.iter().for_each(|&v| whole.push(v));
        for split in [1, 17, 2500, 4999] {
            let (a, b) = values.split_at(split);
            let (mut left, mut right) = (CountStats::default(), CountStats::default());
            a.iter().for_each(|&v| left.push(v));
            b.iter().for_each(|&v| right.push(v));
            let mut ab = left.clone();
            ab.merge(&right);
            let mut ba = right.clone();
            ba.merge(&left);
            assert_eq!(ab, whole);
            assert_eq!(ba.quantile(1, 2), whole.quantile(1, 2));
            assert_eq!(ba.mean(), whole.mean());
            assert_eq!(ba.variance(), whole.variance());
        }
    }

    #[test]
    fn huge_values_do_not_panic() {
        let mut s = CountStats::default();
        for _ in 0..1000 {
            s.push(u64::MAX);
        }
        s.merge(&s.clone());
        assert!(s.mean() > 1e18 && s.variance().is_finite());
        assert_eq!(s.quantile(1, 2), u64::MAX as f64);
    }

    #[test]
    fn empty_and_single() {
        let mut s = CountStats::default();
        assert_eq!((s.mean(), s.variance(), s.quantile(1, 2)), (0.0, 0.0, 0.0));
        s.push(0);
        assert_eq!((s.mean(), s.variance(), s.quantile(1, 2)), (0.0, 0.0, 0.0));
    }
}
