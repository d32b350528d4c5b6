//! The chi-square distribution's upper tail, for the tests of variation
//! beyond noise ([`super::variation`]). Hand-written for the same reason as
//! [`super::beta`]: the regularised incomplete gamma function by its series
//! below a + 1 and its continued fraction above (Numerical Recipes §6.2);
//! tested against `statrs`.

/// P(X ≥ x) for X ~ χ²(df), df > 0.
pub fn upper_tail(df: f64, x: f64) -> f64 {
    if x.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if x <= 0.0 {
        return 1.0;
    }
    let (a, x) = (0.5 * df, 0.5 * x);
    if x < a + 1.0 {
        (1.0 - lower_series(a, x)).clamp(0.0, 1.0)
    } else {
        upper_fraction(a, x).clamp(0.0, 1.0)
    }
}

/// e^(−x) x^a / Γ(a), the factor in front of both expansions.
fn front(a: f64, x: f64) -> f64 {
    libm::exp(a * libm::log(x) - x - libm::lgamma(a))
}

/// P(a, x), the regularised lower incomplete gamma, by its series.
fn lower_series(a: f64, x: f64) -> f64 {
    let (mut term, mut sum, mut n) = (1.0 / a, 1.0 / a, a);
    for _ in 0..10_000 {
        n += 1.0;
        term *= x / n;
        sum += term;
        if term.abs() < sum.abs() * 1e-16 {
            break;
        }
    }
    sum * front(a, x)
}

/// Q(a, x), the regularised upper incomplete gamma, by Lentz's continued
/// fraction.
fn upper_fraction(a: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut b = x + 1.0 - a;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut h = d;
    for i in 1..10_000 {
        let i = f64::from(i);
        let an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if d.abs() < TINY {
            d = TINY;
        }
        c = b + an / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < 1e-16 {
            break;
        }
    }
    front(a, x) * h
}

#[cfg(test)]
mod tests {
    use super::upper_tail;
    use statrs::distribution::{ChiSquared, ContinuousCDF};

    #[test]
    fn the_upper_tail_matches_statrs() {
        for df in [1.0, 2.0, 5.0, 11.0, 25.0, 51.0, 103.0, 400.0] {
            let chi = ChiSquared::new(df).expect("valid df");
            for q in [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999] {
                let x = chi.inverse_cdf(q);
                let tail = upper_tail(df, x);
                assert!(
                    (tail - (1.0 - q)).abs() < 1e-9,
                    "df {df}, x {x}: {tail} vs {}",
                    1.0 - q
                );
            }
        }
        assert_eq!(upper_tail(3.0, 0.0), 1.0);
        assert!(upper_tail(3.0, 1e4) < 1e-300);
    }
}
