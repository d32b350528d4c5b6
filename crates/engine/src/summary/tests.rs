//! Histogram bins and probabilities of a summary.

use super::stats::{histogram, nice_bin_width, MAX_BINS};
use super::Probability;
use crate::sketch::CountStats;

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
