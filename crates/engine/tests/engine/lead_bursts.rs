//! Bursty weekly leads (`leads.dispersion`): each week's count is negative
//! binomial with mean λ and variance λ + λ²/k, independently from week to
//! week, so H weeks together are negative binomial with mean Hλ and
//! dispersion Hk. Checked against that distribution's mean, variance and pmf.

use crate::funnel_distribution::Z;
use engine::{LeadsInput, Model, Scenario, ScenarioInput, TrialOutcome};
use statrs::distribution::{ChiSquared, ContinuousCDF};

/// Leads entering within `weeks` weeks; every stage is instant and certain,
/// so every lead counts, whatever its arrival time.
fn weekly_leads(lambda: f64, dispersion: Option<f64>, weeks: f64, seed: u64) -> Scenario {
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::PerWeek(lambda);
    input.lead_dispersion = dispersion;
    input.horizon_weeks = Some(weeks);
    input.seed = seed;
    Scenario::new(&input).expect("valid")
}

/// The leads of each of `trials` trials.
fn leads_per_trial(scenario: &Scenario, trials: u64) -> Vec<u64> {
    let model = Model::new(scenario.clone());
    let mut out = TrialOutcome::default();
    (0..trials)
        .map(|t| {
            model.run_trial(t, &mut out);
            out.reached[0]
        })
        .collect()
}

/// Sample mean, variance (n − 1) and the standard error of that variance,
/// √((m₄ − s⁴)/n) from the sample's fourth central moment (the delta
/// method's large-sample error of s²).
pub fn moments(xs: &[f64]) -> (f64, f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    let m4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n;
    (mean, var, ((m4 - var * var) / n).max(0.0).sqrt())
}

/// Negative-binomial pmf with mean `mu` and dispersion `k`, for 0..len:
/// p(0) = (k/(k+μ))^k, p(x+1) = p(x)·(x+k)/(x+1)·μ/(k+μ).
fn nb_pmf(mu: f64, k: f64, len: usize) -> Vec<f64> {
    let mut p = vec![(k / (k + mu)).powf(k)];
    for x in 0..len - 1 {
        let last = p[x];
        p.push(last * (x as f64 + k) / (x as f64 + 1.0) * mu / (k + mu));
    }
    p
}

fn poisson_pmf(mu: f64, len: usize) -> Vec<f64> {
    let mut p = vec![(-mu).exp()];
    for x in 0..len - 1 {
        let last = p[x];
        p.push(last * mu / (x as f64 + 1.0));
    }
    p
}

/// Pearson's chi-square p-value of counts against a pmf, cells pooled from
/// both ends until each expects at least 5.
fn chi_square_p(sample: &[u64], pmf: &[f64]) -> f64 {
    let n = sample.len() as f64;
    let mut observed = vec![0.0; pmf.len()];
    for &x in sample {
        observed[(x as usize).min(pmf.len() - 1)] += 1.0;
    }
    // The last cell takes the whole upper tail.
    let mut expected: Vec<f64> = pmf.iter().map(|p| p * n).collect();
    let tail = n - expected[..pmf.len() - 1].iter().sum::<f64>();
    *expected.last_mut().expect("cells") = tail;
    let mut cells: Vec<(f64, f64)> = Vec::new();
    let (mut o, mut e) = (0.0, 0.0);
    for (oi, ei) in observed.iter().zip(&expected) {
        o += oi;
        e += ei;
        if e >= 5.0 {
            cells.push((o, e));
            (o, e) = (0.0, 0.0);
        }
    }
    if let Some(last) = cells.last_mut() {
        last.0 += o;
        last.1 += e;
    }
    let stat: f64 = cells.iter().map(|(o, e)| (o - e).powi(2) / e).sum();
    let df = (cells.len() - 1) as f64;
    1.0 - ChiSquared::new(df).expect("df > 0").cdf(stat)
}

#[test]
fn one_week_of_bursty_leads_has_the_negative_binomial_mean_and_variance() {
    let (lambda, k, trials) = (10.0, 2.0, 100_000);
    let leads = leads_per_trial(&weekly_leads(lambda, Some(k), 1.0, 11), trials);
    let xs: Vec<f64> = leads.iter().map(|&x| x as f64).collect();
    let (mean, var, se_var) = moments(&xs);
    let want_var = lambda + lambda * lambda / k;
    let se_mean = (want_var / trials as f64).sqrt();
    assert!(
        (mean - lambda).abs() <= Z * se_mean,
        "mean {mean} (se {se_mean})"
    );
    assert!(
        (var - want_var).abs() <= Z * se_var,
        "variance {var} vs {want_var} (se {se_var})"
    );
}

#[test]
fn weeks_of_bursty_leads_add_up_to_the_negative_binomial_pmf() {
    // Independent weeks: 4 weeks of NB(λ, k) are NB(4λ, 4k).
    let (lambda, k, weeks, trials) = (6.0, 1.5, 4.0, 60_000);
    let leads = leads_per_trial(&weekly_leads(lambda, Some(k), weeks, 12), trials);
    let pmf = nb_pmf(lambda * weeks, k * weeks, 120);
    let p = chi_square_p(&leads, &pmf);
    assert!(p > 0.001, "chi-square p = {p}");
    // The check can fail: the same sample is far from Poisson(4λ).
    let p_poisson = chi_square_p(&leads, &poisson_pmf(lambda * weeks, 120));
    assert!(p_poisson < 1e-9, "Poisson p = {p_poisson}");
}

#[test]
fn without_dispersion_weekly_leads_stay_poisson() {
    let (lambda, trials) = (6.0, 40_000);
    let leads = leads_per_trial(&weekly_leads(lambda, None, 4.0, 13), trials);
    assert!(chi_square_p(&leads, &poisson_pmf(4.0 * lambda, 120)) > 0.001);
}
