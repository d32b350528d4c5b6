//! Quantiles of the Beta distribution, for a rate's interval. Hand-written
//! (regularised incomplete beta by continued fraction, inverted by bisection)
//! because the crates that have it would bring a linear-algebra stack into
//! the worker; tested against `statrs`.

/// The `p` quantile of Beta(a, b), a, b > 0.
pub fn quantile(a: f64, b: f64, p: f64) -> f64 {
    if p.is_nan() || p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    // The CDF is increasing on [0, 1]: bisection always converges, and 64
    // halvings take the bracket below the spacing of doubles near the answer.
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..64 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if cdf(a, b, mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// The regularised incomplete beta function I_x(a, b): Beta(a, b)'s CDF at x.
pub fn cdf(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let ln_front = libm::lgamma(a + b) - libm::lgamma(a) - libm::lgamma(b)
        + a * libm::log(x)
        + b * libm::log1p(-x);
    let front = libm::exp(ln_front);
    // The continued fraction converges fast for x < (a + 1) / (a + b + 2);
    // above that, the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) brings it there.
    if x < (a + 1.0) / (a + b + 2.0) {
        front * continued_fraction(a, b, x) / a
    } else {
        1.0 - front * continued_fraction(b, a, 1.0 - x) / b
    }
}

/// The continued fraction of I_x(a, b) by the modified Lentz method
/// (Numerical Recipes, `betacf`).
fn continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    const EPS: f64 = 1e-16;
    // Terms needed grow like sqrt(max(a, b)); this covers a billion deals.
    const MAX_TERMS: u32 = 200_000;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..=MAX_TERMS {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        // Even step.
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        h *= d * c;
        // Odd step.
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use statrs::distribution::{Beta, ContinuousCDF};

    #[test]
    fn the_cdf_and_quantiles_match_statrs() {
        let cases = [
            (1.0, 1.0),
            (2.0, 5.0),
            (0.5, 0.5),
            (31.0, 12.0),
            (1.0, 400.0),
            (250.0, 3.0),
            (4_001.0, 6_002.0),
            (90_001.0, 10_001.0),
        ];
        for (a, b) in cases {
            let reference = Beta::new(a, b).expect("valid beta");
            for x in [0.001, 0.05, 0.3, 0.5, 0.7, 0.9, 0.999] {
                let (ours, theirs) = (cdf(a, b, x), reference.cdf(x));
                assert!(
                    (ours - theirs).abs() < 1e-9,
                    "I_{x}({a}, {b}): {ours} vs {theirs}"
                );
            }
            for p in [0.05, 0.5, 0.95] {
                let ours = quantile(a, b, p);
                let theirs = reference.inverse_cdf(p);
                // Checked through the CDF too: statrs' own inversion has a tolerance.
                assert!(
                    (ours - theirs).abs() < 1e-7,
                    "q{p}({a}, {b}): {ours} vs {theirs}"
                );
                assert!(
                    (reference.cdf(ours) - p).abs() < 1e-9,
                    "cdf(q{p}({a}, {b}))"
                );
            }
        }
    }

    #[test]
    fn the_uniform_prior_s_quantiles_are_exact() {
        // Beta(1, 1) is uniform: the p quantile is p.
        for p in [0.05, 0.5, 0.95] {
            assert!((quantile(1.0, 1.0, p) - p).abs() < 1e-15);
        }
        // Beta(k + 1, 1): CDF x^(k+1), so the quantile is p^(1/(k+1)).
        let q = quantile(10.0, 1.0, 0.05);
        assert!((q - 0.05_f64.powf(0.1)).abs() < 1e-14, "{q}");
        assert_eq!(quantile(3.0, 4.0, 0.0), 0.0);
        assert_eq!(quantile(3.0, 4.0, 1.0), 1.0);
    }
}
