//! The forecasting model against analytic results: uncertain rates, weekly
//! arrivals, durations and the horizon, open pipeline, deal values,
//! referrals and targets. Tolerances: 4.5 standard errors (see
//! `funnel_distribution.rs`).

use crate::funnel_distribution::{assert_binomial_moments, Z};
use engine::{
    DealValueInput, FollowUpInput, LeadsInput, Model, Scenario, ScenarioInput, Simulation, Summary,
    TargetInput, TrialOutcome,
};
use statrs::distribution::{ChiSquared, ContinuousCDF, Discrete, DiscreteCDF};

fn input(rates: [f64; 7], trials: u64, seed: u64) -> ScenarioInput {
    let mut input = ScenarioInput::default();
    for (stage, rate) in input.stages.iter_mut().zip(rates) {
        stage.rate = rate;
    }
    input.trials = trials as f64;
    input.seed = seed;
    input
}

fn run(input: &ScenarioInput) -> Summary {
    let mut sim = Simulation::new(Scenario::new(input).expect("valid test scenario"));
    sim.step(u64::MAX);
    sim.summary()
}

/// Runs every trial and returns the chosen value of each (for moment checks).
fn values(input: &ScenarioInput, pick: impl Fn(&TrialOutcome) -> f64) -> Vec<f64> {
    let scenario = Scenario::new(input).expect("valid test scenario");
    let model = Model::new(scenario.clone());
    let mut out = TrialOutcome::default();
    (0..scenario.trials())
        .map(|t| {
            model.run_trial(t, &mut out);
            pick(&out)
        })
        .collect()
}

/// Sample mean and variance, with the standard errors of both (the
/// variance's from the sample's fourth central moment).
fn moments(xs: &[f64]) -> (f64, f64, f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let m2 = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    let m4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n;
    let var = m2 * n / (n - 1.0);
    let se_mean = (var / n).sqrt();
    let se_var = ((m4 - m2 * m2 * (n - 3.0) / (n - 1.0)) / n).max(0.0).sqrt();
    (mean, var, se_mean, se_var)
}

fn assert_close(what: &str, got: f64, want: f64, se: f64) {
    assert!(
        (got - want).abs() <= Z * se + 1e-9 * want.abs().max(1.0),
        "{what}: {got} vs {want} (se {se})"
    );
}

const RATES: [f64; 7] = [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.25];

fn q(rates: &[f64]) -> f64 {
    rates[..6].iter().product()
}

#[test]
fn uncertain_rates_keep_the_mean_and_give_the_beta_binomial_variance() {
    let mut s = input(RATES, 60_000, 11);
    s.leads = LeadsInput::Count(200.0);
    let evidence = [Some(40.0), Some(10.0), None, Some(25.0), None, Some(8.0)];
    for (stage, e) in s.stages.iter_mut().zip(evidence) {
        stage.evidence = e;
    }
    let won = values(&s, |o| o.won() as f64);
    let (mean, var, se_mean, se_var) = moments(&won);
    // q = Π p_k with independent Beta rates: E[q] = Π p, E[q²] = Π E[p²],
    // E[p²] = p² + p(1−p)/(e+1); Var(won) = N·E[q] − N·E[q²] + N²·Var(q).
    let n = 200.0;
    let eq: f64 = q(&RATES);
    let eq2: f64 = RATES[..6]
        .iter()
        .zip(evidence)
        .map(|(&p, e)| p * p + e.map_or(0.0, |e| p * (1.0 - p) / (e + 1.0)))
        .product();
    let want_var = n * eq - n * eq2 + n * n * (eq2 - eq * eq);
    assert_close("mean", mean, n * eq, se_mean);
    assert_close("variance", var, want_var, se_var);
    // And it is clearly wider than the fixed-rate binomial.
    assert!(var > 1.5 * n * eq * (1.0 - eq));
}

#[test]
fn weekly_arrivals_with_instant_stages_give_poisson_wins() {
    let (lambda, weeks, trials) = (30.0, 13u32, 30_000u64);
    let mut s = input(RATES, trials, 3);
    s.leads = LeadsInput::PerWeek(lambda);
    s.horizon_weeks = Some(weeks as f64);
    let summary = run(&s);
    let mu = lambda * weeks as f64 * q(&RATES);
    // Poisson: mean = variance = μ.
    assert_binomial_like(&summary, mu, mu, trials);
    // Goodness of fit against Poisson(μ).
    let won = values(&s, |o| o.won() as f64);
    let pois = statrs::distribution::Poisson::new(mu).expect("valid");
    let max = won.iter().cloned().fold(0.0, f64::max) as u64;
    let mut observed = vec![0u64; max as usize + 1];
    for w in &won {
        observed[*w as usize] += 1;
    }
    let t = trials as f64;
    let (mut cells, mut e_acc, mut o_acc) = (Vec::new(), 0.0, 0.0);
    for k in 0..=max {
        e_acc += t * pois.pmf(k);
        o_acc += observed[k as usize] as f64;
        if e_acc >= 5.0 {
            cells.push((e_acc, o_acc));
            (e_acc, o_acc) = (0.0, 0.0);
        }
    }
    let last = cells.last_mut().expect("cells");
    last.0 += e_acc + t * (1.0 - pois.cdf(max));
    last.1 += o_acc;
    let stat: f64 = cells.iter().map(|(e, o)| (o - e) * (o - e) / e).sum();
    let p = ChiSquared::new((cells.len() - 1) as f64)
        .expect("dof")
        .sf(stat);
    assert!(p > 0.001, "chi-square p = {p}");
    // Cumulative wins by week j: Poisson(λ·(j+1)·q).
    for (j, week) in summary.weekly.iter().enumerate() {
        let mu_j = lambda * (j + 1) as f64 * q(&RATES);
        assert_close(
            &format!("week {}", j + 1),
            week.won.mean,
            mu_j,
            (mu_j / t).sqrt(),
        );
    }
    assert_eq!(
        summary.weekly.last().map(|w| w.won.mean),
        Some(summary.won.mean)
    );
}

fn assert_binomial_like(s: &Summary, mean: f64, var: f64, trials: u64) {
    let t = trials as f64;
    assert_close("mean", s.won.mean, mean, (var / t).sqrt());
    // For Poisson-like counts Var(s²) ≈ (μ4 − σ⁴)/t with μ4 = μ + 3μ².
    let se_var = ((mean + 3.0 * mean * mean - var * var) / t).sqrt();
    assert_close("variance", s.won.sd * s.won.sd, var, se_var);
}

#[test]
fn mean_days_to_win_is_the_sum_of_stage_days_without_a_horizon() {
    let mut s = input(RATES, 200, 1);
    let days = [5.0, 7.0, 10.0, 7.0, 10.0, 14.0, 60.0];
    for (stage, d) in s.stages.iter_mut().zip(days) {
        stage.days = Some(d);
    }
    let d = run(&s).days_to_win.expect("some deals are won");
    assert!((d.mean - 53.0).abs() < 0.01, "mean days to win {}", d.mean);
    assert!(d.p50 < d.mean + 5.0 && d.p50 > d.mean - 5.0);
    assert!(d.p90 > d.p50 && d.p90 < 3.0 * 53.0);
}

#[test]
fn durations_against_the_horizon_thin_wins_by_the_exact_probability() {
    // Only Closing takes time (14 days on average); a two-week horizon keeps
    // a deal that passes Closing with probability P(D < 14) = I_{1/3}(2, 4).
    let mut s = input(RATES, 40_000, 5);
    s.leads = LeadsInput::Count(400.0);
    s.stages[5].days = Some(14.0);
    s.horizon_weeks = Some(2.0);
    let summary = run(&s);
    let fits = engine::timing::beta24_cdf(1.0 / 3.0);
    let p = q(&RATES) * fits;
    let sd = summary.won.sd;
    assert_binomial_moments(
        "won within horizon",
        summary.won.mean,
        sd * sd,
        400,
        p,
        40_000,
    );
    // Stages before Closing are not delayed: Closing is reached by everyone
    // who would reach it.
    let closing = &summary.stages[5].reached;
    let q5: f64 = RATES[..5].iter().product();
    assert_binomial_moments("closing", closing.mean, closing.sd.powi(2), 400, q5, 40_000);
    // Days to win: Closing's duration given that it fits in 14 days.
    let d = summary.days_to_win.expect("wins");
    assert!(d.mean > 0.0 && d.mean < 14.0 && d.p90 < 14.0, "{d:?}");
}

#[test]
fn a_horizon_longer_than_any_path_changes_nothing() {
    let mut s = input(RATES, 3000, 8);
    s.leads = LeadsInput::Count(900.0);
    s.pipeline = Some(vec![10.0, 40.0, 25.0, 18.0, 12.0, 6.0]);
    for (stage, d) in s
        .stages
        .iter_mut()
        .zip([5.0, 7.0, 10.0, 7.0, 10.0, 14.0, 60.0])
    {
        stage.days = Some(d);
    }
    s.deal_value = Some(DealValueInput {
        median: 10_000.0,
        p90: 30_000.0,
    });
    let open = run(&s);
    // Longest path: 3 × 53 days < 23 weeks.
    s.horizon_weeks = Some(30.0);
    let bounded = run(&s);
    assert_eq!(open.stages, bounded.stages);
    assert_eq!(open.won, bounded.won);
    // Revenue is the same model grouped by week: equal in distribution.
    let (a, b) = (
        open.revenue.expect("values"),
        bounded.revenue.expect("values"),
    );
    assert_close(
        "revenue",
        b.mean,
        a.mean,
        (a.se * a.se + b.se * b.se).sqrt(),
    );
    assert!(
        (open.days_to_win.expect("wins").mean - bounded.days_to_win.expect("wins").mean).abs()
            < 0.05
    );
}

#[test]
fn open_pipeline_moves_from_its_stage() {
    let mut s = input(RATES, 30_000, 9);
    s.leads = LeadsInput::Count(0.0);
    s.pipeline = Some(vec![0.0, 0.0, 0.0, 50.0, 0.0, 20.0]);
    let summary = run(&s);
    // 50 from Presentation win with p4·p5·p6; 20 from Closing with p6.
    let (a, b) = (RATES[3] * RATES[4] * RATES[5], RATES[5]);
    let mean = 50.0 * a + 20.0 * b;
    let var = 50.0 * a * (1.0 - a) + 20.0 * b * (1.0 - b);
    assert_close("won", summary.won.mean, mean, (var / 30_000.0).sqrt());
    assert_eq!(summary.stages[3].reached.min, 50.0);
    assert_eq!(summary.stages[0].reached.max, 0.0);
}

#[test]
fn revenue_mean_is_won_mean_times_the_lognormal_mean() {
    for (leads, seed) in [(300.0, 21), (20_000.0, 22)] {
        // 300 leads: ~8 wins, summed deal by deal; 20,000: ~500, summed with
        // the moment-matched lognormal.
        let mut s = input(RATES, 30_000, seed);
        s.leads = LeadsInput::Count(leads);
        s.deal_value = Some(DealValueInput {
            median: 12_000.0,
            p90: 40_000.0,
        });
        let revenue = values(&s, |o| o.revenue);
        let (mean, var, se_mean, se_var) = moments(&revenue);
        let v = Scenario::new(&s)
            .expect("valid")
            .deal_value()
            .expect("values");
        let (mu, sigma) = (v.mu(), v.sigma());
        let ev = (mu + sigma * sigma / 2.0).exp();
        let var_v = (sigma * sigma).exp_m1() * (2.0 * mu + sigma * sigma).exp();
        let n_q = leads * q(&RATES);
        let var_w = leads * q(&RATES) * (1.0 - q(&RATES));
        assert_close("revenue mean", mean, n_q * ev, se_mean);
        // Var(Σ V) = E[W]·Var(V) + Var(W)·E[V]².
        assert_close(
            "revenue variance",
            var,
            n_q * var_v + var_w * ev * ev,
            se_var,
        );
    }
}

#[test]
fn fixed_deal_values_multiply_exactly() {
    let mut s = input(RATES, 500, 2);
    s.deal_value = Some(DealValueInput {
        median: 1000.0,
        p90: 1000.0,
    });
    let summary = run(&s);
    let revenue = summary.revenue.expect("values");
    assert_eq!(revenue.mean, summary.won.mean * 1000.0);
    // Percentiles above 2048 come from the histogram sketch: within 0.1 %.
    assert!((revenue.p50 / (summary.won.p50 * 1000.0) - 1.0).abs() < 1e-3);
}

#[test]
fn referrals_with_instant_stages_give_the_geometric_sum() {
    let rates = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.0];
    let qq = q(&rates);
    let r = 1.0;
    for horizon in [None, Some(260.0)] {
        let mut s = input(rates, 20_000, 31);
        s.leads = LeadsInput::Count(100.0);
        s.follow_up = Some(FollowUpInput {
            repeat_value: 0.0,
            referrals: r,
        });
        s.horizon_weeks = horizon;
        let won = values(&s, |o| o.won() as f64);
        let (mean, _, se_mean, _) = moments(&won);
        assert_close(
            &format!("won with referrals, horizon {horizon:?}"),
            mean,
            100.0 * qq / (1.0 - r * qq),
            se_mean,
        );
    }
}

#[test]
fn target_probabilities_match_the_binomial_tail() {
    let mut s = input(RATES, 40_000, 12);
    s.leads = LeadsInput::Count(1000.0);
    s.target = Some(TargetInput {
        revenue: None,
        won: Some(28.0),
    });
    let summary = run(&s);
    let p = summary.target.expect("target").p_won.expect("won target");
    let exact = statrs::distribution::Binomial::new(q(&RATES), 1000)
        .expect("valid")
        .sf(27);
    assert_close(
        "P(won ≥ 28)",
        p.p,
        exact,
        (exact * (1.0 - exact) / 40_000.0).sqrt(),
    );
    assert!((p.se - (p.p * (1.0 - p.p) / 40_000.0).sqrt()).abs() < 1e-12);
    // The kept distribution gives the same answer, and any other threshold.
    assert_eq!(summary.won_distribution.share_at_least(28.0), p.p);
    let exact_30 = statrs::distribution::Binomial::new(q(&RATES), 1000)
        .expect("valid")
        .sf(29);
    let p30 = summary.won_distribution.share_at_least(30.0);
    assert_close(
        "P(won ≥ 30)",
        p30,
        exact_30,
        (exact_30 * (1.0 - exact_30) / 40_000.0).sqrt(),
    );
}

#[test]
fn weekly_target_chances_grow_to_the_final_one() {
    let mut s = input(RATES, 4000, 14);
    s.leads = LeadsInput::PerWeek(100.0);
    s.horizon_weeks = Some(13.0);
    for (stage, d) in s
        .stages
        .iter_mut()
        .zip([5.0, 7.0, 10.0, 7.0, 10.0, 14.0, 60.0])
    {
        stage.days = Some(d);
    }
    s.deal_value = Some(DealValueInput {
        median: 10_000.0,
        p90: 30_000.0,
    });
    s.target = Some(TargetInput {
        revenue: Some(150_000.0),
        won: Some(10.0),
    });
    let summary = run(&s);
    let chances: Vec<f64> = summary
        .weekly
        .iter()
        .map(|w| w.p_won_target.expect("won target"))
        .collect();
    assert!(chances.windows(2).all(|w| w[0] <= w[1]), "{chances:?}");
    let target = summary.target.as_ref().expect("target");
    assert_eq!(chances.last().copied(), target.p_won.as_ref().map(|p| p.p));
    let last_revenue = summary
        .weekly
        .last()
        .and_then(|w| w.p_revenue_target)
        .expect("revenue");
    let p_revenue = target.p_revenue.as_ref().expect("revenue target").p;
    assert!(
        (last_revenue - p_revenue).abs() < 0.01,
        "{last_revenue} vs {p_revenue}"
    );
    let w50 = summary.week_reaching(0.5, false).expect("reached at 50 %");
    let w85 = summary.week_reaching(0.85, false).expect("reached at 85 %");
    assert!(w50 <= w85);
    assert!(chances[w50 as usize - 1] >= 0.5 && (w50 == 1 || chances[w50 as usize - 2] < 0.5));
}

#[test]
fn repeat_purchases_need_time_after_the_win() {
    // Follow-up takes 60 days on average (≤ 180): with a 4-week horizon and
    // instant sales stages, a win in week 1 buys again inside the horizon
    // with probability P(D₇ < 28 − 0) for deals won at day 0.
    let mut s = input(RATES, 20_000, 13);
    s.leads = LeadsInput::Count(2000.0);
    s.stages[6].days = Some(60.0);
    s.horizon_weeks = Some(4.0);
    let summary = run(&s);
    let fits = engine::timing::duration_cdf(60.0, 28.0);
    let p = q(&RATES) * RATES[6] * fits;
    let r = &summary.repeat;
    assert_binomial_moments(
        "repeat within horizon",
        r.mean,
        r.sd * r.sd,
        2000,
        p,
        20_000,
    );
}
