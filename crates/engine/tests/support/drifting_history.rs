//! Histories whose rates drift and whose leads come in bursts, deal by deal
//! (issue 15's "known drift and bursty leads"): the stationary generator's
//! deal walk (`history_export::generate_with`) under drifting rates and
//! bursty arrivals, written with its CSV writers.
//!
//! Every `period_weeks` weeks the market draws one standard normal z that
//! moves every stage's conversion by `market_sd · z` on the log-odds scale
//! (a deal's move from a stage uses the period in which it leaves the
//! stage). Weekly lead counts are negative binomial with mean
//! `leads_per_week` and variance `λ + λ² / dispersion` (a Gamma–Poisson
//! mixture: the week's intensity is Gamma(dispersion, λ / dispersion)).
//! Leads arrive at uniform times through their week; stays are exponential.

#![allow(dead_code)]

use crate::history_export::{generate_with, GenDeal, Truth};
use rand::SeedableRng;
use rand_distr::{Distribution, Gamma, Normal, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

/// How the world moves beyond the stationary truth.
#[derive(Clone, Copy, Debug)]
pub struct Drift {
    /// Log-odds sd of the market's shared shock per period (0: none).
    pub market_sd: f64,
    /// Negative binomial dispersion of weekly leads (None: Poisson).
    pub dispersion: Option<f64>,
    /// Weeks per market period.
    pub period_weeks: u32,
}

impl Default for Drift {
    fn default() -> Self {
        Drift {
            market_sd: 0.3,
            dispersion: Some(8.0),
            period_weeks: 13,
        }
    }
}

fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Every deal created in the truth's weeks, oldest first, under `drift`.
pub fn generate_drifting(truth: &Truth, drift: &Drift, seed: u64) -> Vec<GenDeal> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let normal = Normal::new(0.0, 1.0).expect("valid normal");
    // Enough periods for every event: deals decided long after the last
    // creation week use the last period's shock.
    let periods = (truth.weeks / drift.period_weeks.max(1) + 40) as usize;
    let shocks: Vec<f64> = (0..periods)
        .map(|_| drift.market_sd * normal.sample(&mut rng))
        .collect();
    let period_seconds = 7 * 86_400 * i64::from(drift.period_weeks.max(1));
    let start = truth.first_day * 86_400;
    let rate_at = |k: usize, t: i64| {
        let period = usize::try_from((t - start).div_euclid(period_seconds)).unwrap_or(0);
        logistic(logit(truth.rates[k]) + shocks[period.min(periods - 1)])
    };
    let leads_in_week = |rng: &mut Xoshiro256PlusPlus| {
        let mean = match drift.dispersion {
            Some(r) => Gamma::new(r, truth.leads_per_week / r)
                .expect("valid gamma")
                .sample(rng),
            None => truth.leads_per_week,
        };
        if mean > 0.0 {
            Poisson::new(mean).expect("valid Poisson mean").sample(rng) as u64
        } else {
            0
        }
    };
    generate_with(truth, &mut rng, leads_in_week, rate_at)
}
