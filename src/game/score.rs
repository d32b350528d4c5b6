//! Scoring the calibration game: hit or miss, the Winkler interval score,
//! and the band of hits a perfectly calibrated team lands in (rules in
//! `docs/classroom-game.md`). Pure functions of numbers.

/// The promise every range makes: it holds the actual 80 % of the time.
pub const PROMISE: f64 = 0.8;
/// The Winkler score's α for an 80 % range.
pub const ALPHA: f64 = 1.0 - PROMISE;
/// Share of calibrated teams the band holds, at least.
pub const BAND_LEVEL: f64 = 0.9;

/// Whether `actual` lies in `[low, high]` (both bounds count).
pub fn hit(low: f64, high: f64, actual: f64) -> bool {
    low <= actual && actual <= high
}

/// The Winkler interval score of the 80 % range `[low, high]` for `actual`:
/// its width, plus (2/α) times the distance by which the actual falls
/// outside. Lower is better.
pub fn winkler(low: f64, high: f64, actual: f64) -> f64 {
    let width = high - low;
    if actual < low {
        width + 2.0 / ALPHA * (low - actual)
    } else if actual > high {
        width + 2.0 / ALPHA * (actual - high)
    } else {
        width
    }
}

/// The hits a perfectly calibrated team lands in over `rounds` rounds:
/// `(k_lo, k_hi)`, the central ≥ 90 % range of Binomial(rounds, 0.8) (k_lo
/// the smallest k with P(K ≤ k) ≥ 5 %, k_hi the smallest with ≥ 95 %).
pub fn calibrated_band(rounds: usize) -> (usize, usize) {
    if rounds == 0 {
        return (0, 0);
    }
    let (lo, hi) = charts::calibration::binomial_range(rounds, PROMISE, BAND_LEVEL);
    let n = rounds as f64;
    ((lo * n).round() as usize, (hi * n).round() as usize)
}

/// What a team's hits say about its ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// More than one hit short of the promise: ranges too narrow or off-centre.
    Overconfident,
    /// Within one hit of the promise.
    AboutRight,
    /// More than one hit above the promise: ranges wider than needed.
    Underconfident,
}

impl Verdict {
    /// The rule: the hits against the promise, 80 % of the rounds, with one
    /// hit of slack either way ("4 of 8 — overconfident": 6.4 promised). The
    /// debrief's band ([`calibrated_band`]) says how much of that a perfectly
    /// calibrated team could show by chance in a short game.
    pub fn of(hits: usize, rounds: usize) -> Verdict {
        let promised = 0.8 * rounds as f64;
        let hits = hits as f64;
        if hits < promised - 1.0 {
            Verdict::Overconfident
        } else if hits > promised + 1.0 {
            Verdict::Underconfident
        } else {
            Verdict::AboutRight
        }
    }

    /// The word on the scoreboard.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Overconfident => "overconfident",
            Verdict::AboutRight => "about right",
            Verdict::Underconfident => "underconfident",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_count_as_hits() {
        assert!(hit(10.0, 20.0, 10.0));
        assert!(hit(10.0, 20.0, 20.0));
        assert!(hit(10.0, 20.0, 15.0));
        assert!(!hit(10.0, 20.0, 9.0));
        assert!(!hit(10.0, 20.0, 21.0));
        assert!(hit(12.0, 12.0, 12.0), "a point range can hit");
    }

    #[test]
    fn winkler_against_hand_computed_cases() {
        // Inside: the width only.
        assert_eq!(winkler(10.0, 20.0, 15.0), 10.0);
        assert_eq!(winkler(10.0, 20.0, 20.0), 10.0);
        // Below by 3: 10 + (2 / 0.2) × 3 = 40.
        assert!((winkler(10.0, 20.0, 7.0) - 40.0).abs() < 1e-9);
        // Above by 5: 10 + 10 × 5 = 60.
        assert!((winkler(10.0, 20.0, 25.0) - 60.0).abs() < 1e-9);
        // A point range missed by 1: 0 + 10.
        assert!((winkler(12.0, 12.0, 13.0) - 10.0).abs() < 1e-9);
        // A wide range that holds beats nothing; a narrow one that holds beats it.
        assert!(winkler(14.0, 16.0, 15.0) < winkler(0.0, 100.0, 15.0));
    }

    /// P(K = k) for K ~ Binomial(n, p), from the exact product.
    fn pmf(n: usize, k: usize, p: f64) -> f64 {
        let mut c = 1.0;
        for i in 0..k {
            c = c * (n - i) as f64 / (i + 1) as f64;
        }
        c * p.powi(k as i32) * (1.0 - p).powi((n - k) as i32)
    }

    fn cdf(n: usize, k: usize) -> f64 {
        (0..=k).map(|j| pmf(n, j, PROMISE)).sum()
    }

    #[test]
    fn the_calibrated_band_matches_exact_binomial_sums() {
        for n in [1, 3, 5, 8, 12, 20, 50] {
            let (lo, hi) = calibrated_band(n);
            assert!(cdf(n, lo) >= 0.05, "n {n}: k_lo reaches 5 %");
            assert!(
                lo == 0 || cdf(n, lo - 1) < 0.05,
                "n {n}: k_lo is the smallest"
            );
            assert!(cdf(n, hi) >= 0.95, "n {n}: k_hi reaches 95 %");
            assert!(
                hi == 0 || cdf(n, hi - 1) < 0.95,
                "n {n}: k_hi is the smallest"
            );
            let inside: f64 = (lo..=hi).map(|k| pmf(n, k, PROMISE)).sum();
            assert!(inside >= BAND_LEVEL, "n {n}: holds {inside}");
        }
        // By hand: n = 3: P(K ≤ 0) = 0.008, P(K ≤ 1) = 0.104, P(K ≤ 2) = 0.488.
        assert_eq!(calibrated_band(3), (1, 3));
        // n = 8: P(K ≤ 3) = 0.0104, P(K ≤ 4) = 0.0563; P(K ≤ 7) = 1 − 0.8⁸ = 0.832.
        assert_eq!(calibrated_band(8), (4, 8));
        // n = 20: P(K ≤ 12) = 0.0321, P(K ≤ 13) = 0.0867; P(K ≤ 18) = 0.931, P(K ≤ 19) = 0.988.
        assert_eq!(calibrated_band(20), (13, 19));
        assert_eq!(calibrated_band(0), (0, 0));
    }

    #[test]
    fn verdicts_weigh_the_hits_against_the_promise_with_one_hit_of_slack() {
        assert_eq!(Verdict::of(4, 8), Verdict::Overconfident);
        assert_eq!(Verdict::of(5, 8), Verdict::Overconfident);
        assert_eq!(Verdict::of(6, 8), Verdict::AboutRight);
        assert_eq!(Verdict::of(7, 8), Verdict::AboutRight);
        assert_eq!(Verdict::of(8, 8), Verdict::Underconfident);
        assert_eq!(Verdict::of(2, 3), Verdict::AboutRight);
        assert_eq!(Verdict::of(1, 3), Verdict::Overconfident);
        assert_eq!(Verdict::of(14, 20), Verdict::Overconfident);
        assert_eq!(Verdict::of(17, 20), Verdict::AboutRight);
        assert_eq!(Verdict::of(18, 20).word(), "underconfident");
    }
}
