//! The samplers the model draws from, with fast paths for the trivial cases
//! that dominate a funnel (empty stages, certain moves).

use crate::rng::TrialRng;
use rand::distr::Distribution;
use rand::{Rng, RngExt};
use rand_distr::{Beta, Binomial, Poisson, StandardNormal};

/// Up to this many trials, a binomial is drawn as that many Bernoulli draws
/// cheaper than setting up rand_distr's sampler (which needs a `powf`), and
/// the cost stays bounded.
const BERNOULLI_LIMIT: u64 = 64;

/// Binomial(n, p) for p in [0, 1] (values outside are clamped).
pub fn binomial(rng: &mut TrialRng, n: u64, p: f64) -> u64 {
    if n == 0 || p <= 0.0 || p.is_nan() {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if n <= BERNOULLI_LIMIT {
        // P(u < ⌊p·2⁶⁴⌋) for a uniform 64-bit u is p to within 2⁻⁶⁴.
        let threshold = (p * 18_446_744_073_709_551_616.0) as u64;
        return (0..n).map(|_| u64::from(rng.next_u64() < threshold)).sum();
    }
    match Binomial::new(n, p) {
        Ok(dist) => dist.sample(rng),
        Err(_) => 0,
    }
}

/// Poisson(λ) as a whole number; λ ≤ 0 gives 0.
pub fn poisson(rng: &mut TrialRng, lambda: f64) -> u64 {
    PoissonSampler::new(lambda).sample(rng)
}

/// A Poisson sampler set up once, for a rate used every week of every trial.
#[derive(Clone, Debug)]
pub struct PoissonSampler(Option<Poisson<f64>>);

impl PoissonSampler {
    /// λ ≤ 0 (or too large to sample) always gives 0.
    pub fn new(lambda: f64) -> Self {
        PoissonSampler((lambda > 0.0).then(|| Poisson::new(lambda).ok()).flatten())
    }

    pub fn sample(&self, rng: &mut TrialRng) -> u64 {
        match &self.0 {
            Some(dist) => {
                let x: f64 = dist.sample(rng);
                x as u64
            }
            None => 0,
        }
    }
}

/// A stage's rate for one trial: Beta(rate·evidence, (1−rate)·evidence), or
/// the rate itself when it is known exactly (or is 0 or 1).
#[derive(Clone, Debug)]
pub struct RateSampler {
    rate: f64,
    beta: Option<Beta<f64>>,
}

impl RateSampler {
    pub fn new(rate: f64, evidence: Option<f64>) -> Self {
        let beta = evidence
            .filter(|_| rate > 0.0 && rate < 1.0)
            .and_then(|e| Beta::new(rate * e, (1.0 - rate) * e).ok());
        RateSampler { rate, beta }
    }

    pub fn sample(&self, rng: &mut TrialRng) -> f64 {
        match &self.beta {
            Some(beta) => beta.sample(rng),
            None => self.rate,
        }
    }
}

/// Above this many deals, a sum of deal values is drawn as one lognormal with
/// the sum's exact mean and variance (Fenton–Wilkinson) instead of deal by deal.
pub const EXACT_SUM_LIMIT: u64 = 12;

/// Sums of independent lognormal deal values.
#[derive(Clone, Copy, Debug)]
pub struct ValueSampler {
    mu: f64,
    sigma: f64,
}

impl ValueSampler {
    pub fn new(mu: f64, sigma: f64) -> Self {
        ValueSampler { mu, sigma }
    }

    /// One deal's value.
    pub fn one(&self, rng: &mut TrialRng) -> f64 {
        if self.sigma == 0.0 {
            return libm::exp(self.mu);
        }
        let z: f64 = StandardNormal.sample(rng);
        libm::exp(self.mu + self.sigma * z)
    }

    /// The total value of `count` deals. Exact (deal by deal) up to
    /// [`EXACT_SUM_LIMIT`]; above, a lognormal matched to the sum's mean
    /// `c·e^(μ+σ²/2)` and variance `c·(e^σ² − 1)·e^(2μ+σ²)`, so mean and
    /// variance stay exact while the cost stays constant.
    pub fn sum(&self, rng: &mut TrialRng, count: u64) -> f64 {
        if count == 0 {
            return 0.0;
        }
        if self.sigma == 0.0 {
            return count as f64 * libm::exp(self.mu);
        }
        if count <= EXACT_SUM_LIMIT {
            return (0..count).map(|_| self.one(rng)).sum();
        }
        let c = count as f64;
        let s2 = self.sigma * self.sigma;
        let mean = c * libm::exp(self.mu + s2 / 2.0);
        let var = c * libm::expm1(s2) * libm::exp(2.0 * self.mu + s2);
        let sum_s2 = libm::log1p(var / (mean * mean));
        let sum_mu = libm::log(mean) - sum_s2 / 2.0;
        let z: f64 = StandardNormal.sample(rng);
        libm::exp(sum_mu + libm::sqrt(sum_s2) * z)
    }
}

/// Gamma(shape, 1) by Marsaglia and Tsang's method, with `libm` for every
/// transcendental function so that a seed gives the same draws on every
/// platform. Shapes below 1 use Gamma(shape + 1) · U^(1/shape).
pub fn standard_gamma(rng: &mut TrialRng, shape: f64) -> f64 {
    if shape < 1.0 {
        let u: f64 = rng.random();
        return standard_gamma(rng, shape + 1.0) * libm::pow(u, 1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / libm::sqrt(9.0 * d);
    loop {
        let x: f64 = StandardNormal.sample(rng);
        let v = 1.0 + c * x;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u: f64 = rng.random();
        if u < 1.0 - 0.0331 * x * x * x * x
            || libm::log(u) < 0.5 * x * x + d * (1.0 - v + libm::log(v))
        {
            return d * v;
        }
    }
}

/// Weekly lead counts: Poisson(mean), or, with a dispersion k, negative
/// binomial with the same mean and variance mean + mean²/k, drawn as the
/// Gamma–Poisson mixture it is (the week's rate ~ Gamma(k, mean/k)).
#[derive(Clone, Debug)]
pub struct LeadCountSampler {
    mean: f64,
    dispersion: Option<f64>,
    poisson: PoissonSampler,
}

impl LeadCountSampler {
    pub fn new(mean: f64, dispersion: Option<f64>) -> Self {
        LeadCountSampler {
            mean,
            dispersion: dispersion.filter(|&k| k > 0.0 && mean > 0.0),
            poisson: PoissonSampler::new(mean),
        }
    }

    pub fn sample(&self, rng: &mut TrialRng) -> u64 {
        match self.dispersion {
            None => self.poisson.sample(rng),
            Some(k) => {
                let rate = standard_gamma(rng, k) * self.mean / k;
                poisson(rng, rate)
            }
        }
    }
}

/// `p` moved by `delta` on the log-odds scale; 0 and 1 stay where they are.
pub fn shift_log_odds(p: f64, delta: f64) -> f64 {
    if delta == 0.0 || p <= 0.0 || p >= 1.0 {
        return p;
    }
    let log_odds = libm::log(p / (1.0 - p)) + delta;
    1.0 / (1.0 + libm::exp(-log_odds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_odds_shifts_keep_certain_rates_and_match_the_logistic() {
        assert_eq!(shift_log_odds(0.0, 2.0), 0.0);
        assert_eq!(shift_log_odds(1.0, -2.0), 1.0);
        assert_eq!(shift_log_odds(0.3, 0.0), 0.3);
        // 50 % one sd = 0.15 worse: 1 / (1 + e^0.15) (the docs' "4 points").
        let bad = shift_log_odds(0.5, -0.15);
        assert!((bad - 1.0 / (1.0 + 0.15f64.exp())).abs() < 1e-15);
        assert!((0.5 - bad - 0.0374).abs() < 1e-4, "{bad}");
    }
}
