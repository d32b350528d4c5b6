//! The market shock (`market.sd`): per trial one z ~ N(0, 1) moves every
//! sales stage's log-odds by sd·z. Given z, a cohort of N leads reaches stage
//! m as Binomial(N, P_m(z)), P_m(z) = Π_{i<m} logistic(logit p_i + sd·z); so
//! by the law of total variance
//!   E = N·E[P_m],  Var = N·E[P_m] + N(N − 1)·E[P_m²] − N²·E[P_m]²,
//! with E over z computed by Simpson's rule. Comparisons and levers keep
//! common random numbers: every variant meets the same market in a trial.

use crate::funnel_distribution::Z;
use crate::lead_bursts::moments;
use engine::decisions::sensitivity;
use engine::{
    Comparison, LeadsInput, MarketInput, Model, Scenario, ScenarioInput, Simulation, TrialOutcome,
};

const RATES: [f64; 7] = [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.25];

fn with_market(mut input: ScenarioInput, sd: f64) -> ScenarioInput {
    input.market = Some(MarketInput { sd });
    input
}

fn cohort_input(leads: f64, trials: f64, seed: u64) -> ScenarioInput {
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::Count(leads);
    for (stage, rate) in input.stages.iter_mut().zip(RATES) {
        stage.rate = rate;
    }
    input.trials = trials;
    input.seed = seed;
    input
}

/// (E[P_m], E[P_m²]) over z ~ N(0, 1), Simpson's rule on [−10, 10].
fn mixture_moments(m: usize, sd: f64) -> (f64, f64) {
    let reach = |z: f64| -> f64 {
        RATES[..m]
            .iter()
            .map(|&p| 1.0 / (1.0 + (-((p / (1.0 - p)).ln() + sd * z)).exp()))
            .product()
    };
    let (a, b, n) = (-10.0, 10.0, 4000);
    let h = (b - a) / n as f64;
    let (mut e1, mut e2) = (0.0, 0.0);
    for i in 0..=n {
        let z = a + i as f64 * h;
        let w = if i == 0 || i == n {
            1.0
        } else if i % 2 == 1 {
            4.0
        } else {
            2.0
        };
        let phi = (-z * z / 2.0).exp() / (2.0 * std::f64::consts::PI).sqrt();
        let p = reach(z);
        e1 += w * phi * p;
        e2 += w * phi * p * p;
    }
    (e1 * h / 3.0, e2 * h / 3.0)
}

#[test]
fn every_stage_and_the_won_count_have_the_mixture_variance() {
    let (leads, sd, trials) = (300u64, 0.4, 40_000u64);
    let scenario =
        Scenario::new(&with_market(cohort_input(leads as f64, 1.0, 77), sd)).expect("valid");
    let model = Model::new(scenario);
    let mut out = TrialOutcome::default();
    let mut reached: Vec<Vec<f64>> = vec![Vec::new(); 7];
    for t in 0..trials {
        model.run_trial(t, &mut out);
        for (m, r) in reached.iter_mut().enumerate() {
            r.push(out.reached[m] as f64);
        }
    }
    let n = leads as f64;
    for (m, sample) in reached.iter().enumerate().skip(1) {
        let (e1, e2) = mixture_moments(m, sd);
        let want_mean = n * e1;
        let want_var = n * e1 + n * (n - 1.0) * e2 - n * n * e1 * e1;
        let (mean, var, se_var) = moments(sample);
        let se_mean = (want_var / trials as f64).sqrt();
        assert!(
            (mean - want_mean).abs() <= Z * se_mean,
            "stage {m}: mean {mean} vs {want_mean} (se {se_mean})"
        );
        assert!(
            (var - want_var).abs() <= Z * se_var,
            "stage {m}: variance {var} vs {want_var} (se {se_var})"
        );
        // The check can fail: a binomial with the same mean is far narrower.
        let binomial_var = n * e1 * (1.0 - e1);
        assert!(
            (var - binomial_var).abs() > 3.0 * Z * se_var,
            "stage {m}: {var} should be far from the binomial {binomial_var}"
        );
    }
}

#[test]
fn a_zero_shock_changes_nothing() {
    let base = cohort_input(500.0, 2000.0, 5);
    let run = |input: &ScenarioInput| {
        let mut sim = Simulation::new(Scenario::new(input).expect("valid"));
        sim.step(u64::MAX);
        sim.summary()
    };
    assert_eq!(run(&base), run(&with_market(base.clone(), 0.0)));
}

#[test]
fn compared_scenarios_meet_the_same_market_in_each_trial() {
    let trials = 4000;
    let a = with_market(cohort_input(20_000.0, trials as f64, 3), 1.0);
    let mut b = a.clone();
    b.stages[1].rate = 0.75;
    let (a, b) = (
        Scenario::new(&a).expect("valid"),
        Scenario::new(&b).expect("valid"),
    );
    // Identical scenarios tie in every trial, shock and all.
    let mut same = Comparison::new(vec![a.clone(), a.clone()], 3, 0..trials);
    same.step(u64::MAX);
    let s = same.summary(trials);
    assert_eq!((s.beats[0][1], s.beats[1][0]), (0.0, 0.0));
    // With 20,000 leads the binomial noise is small beside the market's, so
    // won counts move together when z is shared (correlation near 1) and
    // would be unrelated if each scenario drew its own z.
    let won = |s: &Scenario| -> Vec<f64> {
        let model = Model::new(s.clone());
        let mut out = TrialOutcome::default();
        (0..trials)
            .map(|t| {
                model.run_trial(t, &mut out);
                out.won() as f64
            })
            .collect()
    };
    let (x, y) = (won(&a), won(&b));
    let (mx, vx, _) = moments(&x);
    let (my, vy, _) = moments(&y);
    let cov = x
        .iter()
        .zip(&y)
        .map(|(a, b)| (a - mx) * (b - my))
        .sum::<f64>()
        / (trials - 1) as f64;
    let corr = cov / (vx * vy).sqrt();
    assert!(corr > 0.95, "correlation {corr}");
    // B beats A in nearly every trial: the same market, a better stage (not
    // all: in the worst markets both win a handful of deals, or none).
    let mut c = Comparison::new(vec![a, b], 3, 0..trials);
    c.step(u64::MAX);
    let beats = c.summary(trials).beats[1][0];
    assert!(beats > 0.9, "B beats A in {beats} of trials");
}

#[test]
fn levers_are_measured_on_the_same_market() {
    let input = with_market(cohort_input(20_000.0, 2000.0, 8), 1.0);
    let report = sensitivity(&input).expect("valid");
    let mut sim = Simulation::new(Scenario::new(&input).expect("valid"));
    sim.step(u64::MAX);
    let sd = sim.summary().won.sd;
    // Unpaired, a mean change would have the error √(2/n)·sd; paired on the
    // same z it is a small fraction of that.
    let unpaired = (2.0 / 2000.0f64).sqrt() * sd;
    for effect in &report.effects {
        assert!(
            effect.mean_change_se < 0.2 * unpaired,
            "{}: se {} vs unpaired {unpaired}",
            effect.label,
            effect.mean_change_se
        );
    }
}
