//! Quantiles of the Beta distribution, for a rate's interval. Hand-written
//! (regularised incomplete beta by continued fraction, inverted by bisection)
//! because the crates that have it would bring a linear-algebra stack into
//! the worker; tested against `statrs`.

/// The `p` quantile of Beta(a, b), a, b > 0.
pub fn quantile(a: f64, b: f64, p: f64) -> f64 {
    todo!("E2")
}
