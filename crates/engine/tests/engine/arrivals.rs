//! Weekly leads arrive through their week: a lead of week w enters on day
//! 7w + 7U, U uniform. With every rate 1 and only Prospecting taking time
//! (D = 3·d·Beta(2, 4) days), a lead is won inside H weeks when
//! 7w + 7U + D < 7H, so the won count is Poisson (a thinned Poisson) with mean
//!   λ · Σ_w ∫₀¹ F_D(7(H − w) − 7u) du,
//! integrated here by Simpson's rule and compared within 4.5 standard errors
//! (√(mean/trials)); the start-of-week rule (U = 0) is shown to be rejected.

use crate::funnel_distribution::Z;
use engine::timing::duration_cdf;
use engine::{LeadsInput, Scenario, ScenarioInput, Simulation};

fn expected_won(lambda: f64, days: f64, weeks: usize, spread: bool) -> f64 {
    let mut total = 0.0;
    for w in 0..weeks {
        let left = 7.0 * (weeks - w) as f64;
        total += if spread {
            let n = 2000;
            let h = 1.0 / n as f64;
            let f = |u: f64| duration_cdf(days, left - 7.0 * u);
            let mut sum = f(0.0) + f(1.0);
            for i in 1..n {
                sum += if i % 2 == 1 { 4.0 } else { 2.0 } * f(i as f64 * h);
            }
            sum * h / 3.0
        } else {
            duration_cdf(days, left)
        };
    }
    lambda * total
}

#[test]
fn weekly_leads_are_won_as_if_they_arrived_through_the_week() {
    let (lambda, days, weeks, trials) = (40.0, 5.0, 2usize, 20_000u64);
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::PerWeek(lambda);
    input.horizon_weeks = Some(weeks as f64);
    for stage in &mut input.stages {
        stage.rate = 1.0;
    }
    input.stages[0].days = Some(days);
    input.trials = trials as f64;
    input.seed = 17;
    let mut sim = Simulation::new(Scenario::new(&input).expect("valid"));
    sim.step(u64::MAX);
    let mean = sim.summary().won.mean;
    let want = expected_won(lambda, days, weeks, true);
    let se = (want / trials as f64).sqrt();
    assert!(
        (mean - want).abs() <= Z * se,
        "won {mean} vs {want} (se {se})"
    );
    // The check can fail: the start-of-week rule expects clearly more.
    let start_of_week = expected_won(lambda, days, weeks, false);
    assert!(
        (mean - start_of_week).abs() > 3.0 * Z * se,
        "{start_of_week}"
    );
}
