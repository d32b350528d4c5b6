//! The scores against hand-computed cases, and the O(n) CRPS against its
//! O(n²) definition.

use super::score::{covered, crps, hubspot_accuracy, mid_pit, quantile};
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

const TEN: [f64; 10] = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];

#[test]
fn quantiles_are_the_inverse_empirical_cdf() {
    // ⌈10·p⌉-th value: P5 → 1st, P10 → 1st, P25 → 3rd, P50 → 5th, P75 → 8th,
    // P90 → 9th, P95 → 10th.
    let got: Vec<f64> = [5, 10, 25, 50, 75, 90, 95]
        .iter()
        .map(|&p| quantile(&TEN, p))
        .collect();
    assert_eq!(got, [1.0, 1.0, 3.0, 5.0, 8.0, 9.0, 10.0]);
    assert_eq!(quantile(&[7.0], 5), 7.0);
    assert_eq!(quantile(&[], 50), 0.0);
    assert_eq!(quantile(&TEN, 0), 1.0);
    assert_eq!(quantile(&TEN, 100), 10.0);
}

#[test]
fn the_mid_pit_counts_ties_half() {
    let sorted = [1.0, 2.0, 2.0, 2.0, 5.0];
    // Below 2: one trial; at 2: three → (1 + 1.5) / 5.
    assert_eq!(mid_pit(&sorted, 2.0), 0.5);
    assert_eq!(mid_pit(&sorted, 0.0), 0.0);
    assert_eq!(mid_pit(&sorted, 9.0), 1.0);
    assert_eq!(mid_pit(&sorted, 3.0), 0.8);
    assert_eq!(mid_pit(&sorted, 5.0), 0.9);
}

#[test]
fn coverage_includes_the_bounds() {
    // P10 = 1, P90 = 9; P25 = 3, P75 = 8.
    assert!(covered(&TEN, 1.0, 10, 90));
    assert!(covered(&TEN, 9.0, 10, 90));
    assert!(!covered(&TEN, 9.5, 10, 90));
    assert!(!covered(&TEN, 0.0, 10, 90));
    assert!(covered(&TEN, 3.0, 25, 75));
    assert!(!covered(&TEN, 2.0, 25, 75));
}

#[test]
fn crps_matches_hand_computed_cases() {
    // One trial: |x − a|.
    assert_eq!(crps(&[3.0], 5.0), 2.0);
    assert_eq!(crps(&[5.0], 5.0), 0.0);
    // {0, 1} against 0: E|X − a| = 0.5; E|X − X′| = (0 + 1 + 1 + 0)/4 = 0.5.
    assert_eq!(crps(&[0.0, 1.0], 0.0), 0.25);
    // {0, 2, 4} against 1: E|X − a| = (1 + 1 + 3)/3 = 5/3; Σ|xᵢ − xⱼ| =
    // 2·(2 + 4 + 2) = 16 → E|X − X′| = 16/9; CRPS = 5/3 − 8/9 = 7/9.
    assert!((crps(&[0.0, 2.0, 4.0], 1.0) - 7.0 / 9.0).abs() < 1e-15);
}

#[test]
fn crps_equals_its_quadratic_definition_on_random_samples() {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(15);
    for round in 0..20 {
        let n = 1 + round * 37;
        let mut xs: Vec<f64> = (0..n)
            .map(|_| {
                // Ties (whole numbers) in half the rounds, like won counts.
                let x = rng.random_range(0.0..50.0);
                if round % 2 == 0 {
                    libm::floor(x)
                } else {
                    x
                }
            })
            .collect();
        xs.sort_by(f64::total_cmp);
        let actual = rng.random_range(-5.0..55.0);
        let nf = n as f64;
        let to_actual: f64 = xs.iter().map(|x| (x - actual).abs()).sum::<f64>() / nf;
        let pairs: f64 = xs
            .iter()
            .flat_map(|a| xs.iter().map(move |b| (a - b).abs()))
            .sum::<f64>()
            / (nf * nf);
        let direct = to_actual - 0.5 * pairs;
        let fast = crps(&xs, actual);
        assert!(
            (fast - direct).abs() <= 1e-9 * direct.abs().max(1.0),
            "n = {n}: {fast} vs {direct}"
        );
    }
}

#[test]
fn hubspot_accuracy_follows_its_formula_and_the_zero_rule() {
    assert_eq!(hubspot_accuracy(10.0, 8.0), 0.8);
    assert_eq!(hubspot_accuracy(10.0, 12.0), 0.8);
    assert_eq!(hubspot_accuracy(10.0, 25.0), 0.0);
    assert_eq!(hubspot_accuracy(10.0, 10.0), 1.0);
    assert_eq!(hubspot_accuracy(0.0, 0.0), 1.0);
    assert_eq!(hubspot_accuracy(0.0, 3.0), 0.0);
}
