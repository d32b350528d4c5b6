//! The count reaching each stage is Binomial(N, product of the rates above):
//! checked against its analytic mean, variance and pmf.
//!
//! Tolerances come from standard errors: a statistic is accepted within
//! 4.5 standard errors (two-sided chance of a false alarm ≈ 7 in a million per
//! check), and goodness of fit is rejected only below p = 0.001. Seeds are
//! fixed, so each test is deterministic; the tolerances say the fixed seeds are
//! not cherry-picked.

use crate::common::{cohort, run};
use engine::{Model, TrialOutcome};
use statrs::distribution::{ChiSquared, ContinuousCDF, Discrete};

pub const Z: f64 = 4.5;
const RATES: [f64; 7] = [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.25];

/// Probability of reaching stage `k` (0-based): product of the rates above.
fn reach_probability(rates: &[f64], k: usize) -> f64 {
    rates[..k].iter().product()
}

/// Checks a sample mean and variance against Binomial(n, q).
pub fn assert_binomial_moments(what: &str, mean: f64, var: f64, n: u64, q: f64, trials: u64) {
    let n = n as f64;
    let t = trials as f64;
    let mu = n * q;
    let sigma2 = n * q * (1.0 - q);
    let se_mean = (sigma2 / t).sqrt();
    assert!(
        (mean - mu).abs() <= Z * se_mean + 1e-12,
        "{what}: mean {mean} vs {mu} (se {se_mean})"
    );
    // Var(s²) = (μ4 − σ⁴(t−3)/(t−1)) / t, with the binomial's 4th central moment.
    let mu4 = sigma2 * (1.0 + 3.0 * (n - 2.0) * q * (1.0 - q));
    let se_var = ((mu4 - sigma2 * sigma2 * (t - 3.0) / (t - 1.0)) / t)
        .max(0.0)
        .sqrt();
    assert!(
        (var - sigma2).abs() <= Z * se_var + 1e-12,
        "{what}: variance {var} vs {sigma2} (se {se_var})"
    );
}

#[test]
fn every_stage_count_has_binomial_mean_and_variance() {
    let (leads, trials) = (400, 40_000);
    let summary = run(&cohort(leads, RATES, trials, 20_261_129));
    for (k, stage) in summary.stages.iter().enumerate() {
        let q = reach_probability(&RATES, k);
        let sd = stage.reached.sd;
        assert_binomial_moments(&stage.name, stage.reached.mean, sd * sd, leads, q, trials);
    }
    // Won = reached Follow-up; repeat buyers = Binomial(N, Πp · follow-up rate).
    let q_won = reach_probability(&RATES, 6);
    assert_eq!(summary.won, summary.stages[6].reached);
    let r = summary.repeat.sd;
    assert_binomial_moments(
        "repeat",
        summary.repeat.mean,
        r * r,
        leads,
        q_won * RATES[6],
        trials,
    );
}

/// Pearson chi-square of observed counts against Binomial(n, q), pooling
/// values so that every cell expects at least 5 trials; returns the p-value.
pub fn chi_square_p_value(observed: &[u64], n: u64, q: f64, trials: u64) -> f64 {
    let pmf = statrs::distribution::Binomial::new(q, n).expect("valid binomial");
    let t = trials as f64;
    let mut cells: Vec<(f64, f64)> = Vec::new(); // (expected, observed)
    let (mut exp_acc, mut obs_acc) = (0.0, 0.0);
    for k in 0..=n {
        exp_acc += t * pmf.pmf(k);
        obs_acc += observed.get(k as usize).copied().unwrap_or(0) as f64;
        if exp_acc >= 5.0 {
            cells.push((exp_acc, obs_acc));
            exp_acc = 0.0;
            obs_acc = 0.0;
        }
    }
    // Fold what is left in the upper tail into the last cell.
    if let Some(last) = cells.last_mut() {
        last.0 += exp_acc;
        last.1 += obs_acc;
    }
    assert!(cells.len() >= 5, "too few cells for a chi-square test");
    let stat: f64 = cells.iter().map(|(e, o)| (o - e) * (o - e) / e).sum();
    let dof = (cells.len() - 1) as f64;
    ChiSquared::new(dof).expect("dof > 0").sf(stat)
}

#[test]
fn won_deals_fit_the_binomial_distribution() {
    let (leads, trials, seed) = (300u64, 20_000u64, 7);
    let model = Model::new(cohort(leads, RATES, trials, seed));
    let mut won_counts = vec![0u64; leads as usize + 1];
    let mut stage2_counts = vec![0u64; leads as usize + 1];
    let mut outcome = TrialOutcome::default();
    for trial in 0..trials {
        model.run_trial(trial, &mut outcome);
        won_counts[outcome.won() as usize] += 1;
        stage2_counts[outcome.reached[2] as usize] += 1;
    }
    let p_won = chi_square_p_value(&won_counts, leads, reach_probability(&RATES, 6), trials);
    assert!(p_won > 0.001, "won deals: chi-square p = {p_won}");
    let p_needs = chi_square_p_value(&stage2_counts, leads, reach_probability(&RATES, 2), trials);
    assert!(
        p_needs > 0.001,
        "needs assessment: chi-square p = {p_needs}"
    );
}

#[test]
fn the_chi_square_test_can_fail() {
    // Guard against a test that always passes: the same sample against a
    // slightly wrong rate must be rejected.
    let (leads, trials, seed) = (300u64, 20_000u64, 7);
    let model = Model::new(cohort(leads, RATES, trials, seed));
    let mut won_counts = vec![0u64; leads as usize + 1];
    let mut outcome = TrialOutcome::default();
    for trial in 0..trials {
        model.run_trial(trial, &mut outcome);
        won_counts[outcome.won() as usize] += 1;
    }
    let wrong_q = reach_probability(&RATES, 6) * 1.1;
    assert!(chi_square_p_value(&won_counts, leads, wrong_q, trials) < 1e-6);
}

#[test]
fn percentiles_match_the_binomial_quantiles() {
    let (leads, trials) = (1000u64, 40_000u64);
    let summary = run(&cohort(leads, RATES, trials, 99));
    let q = reach_probability(&RATES, 6);
    let dist = statrs::distribution::Binomial::new(q, leads).expect("valid");
    use statrs::distribution::DiscreteCDF;
    for (p, got) in [
        (0.1, summary.won.p10),
        (0.5, summary.won.p50),
        (0.9, summary.won.p90),
    ] {
        // The sample quantile may land on a neighbouring value: accept any
        // value whose CDF interval lies within 4.5 SE of p, SE = √(p(1−p)/T).
        let se = (p * (1.0 - p) / trials as f64).sqrt();
        let (lo, hi) = (p - Z * se, p + Z * se);
        let k = got as u64;
        let below = if k == 0 { 0.0 } else { dist.cdf(k - 1) };
        assert!(below <= hi && dist.cdf(k) >= lo, "P{p}: got {got}");
    }
}

#[test]
fn zero_rate_empties_every_later_stage() {
    let mut rates = RATES;
    rates[2] = 0.0;
    let s = run(&cohort(500, rates, 2000, 1));
    assert!(s.stages[2].reached.mean > 0.0);
    for stage in &s.stages[3..] {
        assert_eq!((stage.reached.mean, stage.reached.max), (0.0, 0.0));
    }
    assert_eq!(s.won.max, 0.0);
    assert_eq!(s.repeat.max, 0.0);
    assert_eq!(s.stages[3].drop_off, Some(1.0));
    assert_eq!(s.stages[4].drop_off, None);
}

#[test]
fn unit_rates_keep_every_lead() {
    let s = run(&cohort(123, [1.0; 7], 500, 1));
    for stage in &s.stages {
        assert_eq!((stage.reached.min, stage.reached.max), (123.0, 123.0));
        assert_eq!(stage.reached.sd, 0.0);
    }
    assert_eq!((s.repeat.min, s.repeat.max), (123.0, 123.0));
    assert_eq!(s.won.p5, 123.0);
}

#[test]
fn no_leads_means_no_deals() {
    let s = run(&cohort(0, RATES, 300, 1));
    assert_eq!(s.trials_done, 300);
    for stage in &s.stages {
        assert_eq!(stage.reached.max, 0.0);
    }
    assert_eq!(s.won_histogram.len(), 1);
    assert_eq!(s.won_histogram[0].trials, 300);
}

#[test]
fn ten_million_leads_give_the_binomial_mean() {
    // Cost per trial does not depend on N; the answer is still right.
    let (leads, trials) = (10_000_000u64, 2000u64);
    let s = run(&cohort(leads, RATES, trials, 5));
    let q = reach_probability(&RATES, 6);
    let sd = s.won.sd;
    assert_binomial_moments("won", s.won.mean, sd * sd, leads, q, trials);
}
