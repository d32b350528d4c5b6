//! The per-deal view of a trial: its deals add up to the trial's own counts,
//! and what it draws follows the duration model.

use crate::common::cohort;
use crate::quarter_digest::digest;
use engine::deals::{spreadsheet_won, stage_days, MAX_DEALS};
use engine::timing::beta24_cdf;
use engine::{
    DealsError, Fate, FollowUpInput, LeadsInput, Model, Quarter, Scenario, ScenarioInput, Source,
    TrialOutcome,
};

const GOLDEN_SCENARIO: &str = include_str!("../golden/scenario.json");
const QUARTER_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/quarter.json");

fn golden() -> Scenario {
    let input: ScenarioInput = serde_json::from_str(GOLDEN_SCENARIO).expect("parses");
    Scenario::new(&input).expect("valid")
}

/// Small scenarios that between them use every kind of cohort.
fn scenarios() -> Vec<(&'static str, Scenario)> {
    let base = |f: &dyn Fn(&mut ScenarioInput)| {
        let mut input = ScenarioInput::default();
        input.horizon_weeks = Some(13.0);
        input.leads = LeadsInput::PerWeek(15.0);
        f(&mut input);
        Scenario::new(&input).expect("valid")
    };
    vec![
        ("golden", golden()),
        ("weekly", base(&|_| {})),
        (
            "referrals and pipeline",
            base(&|i| {
                i.pipeline = Some(vec![3.0, 8.0, 6.0, 5.0, 4.0, 3.0]);
                i.follow_up = Some(FollowUpInput {
                    repeat_value: 0.5,
                    referrals: 0.8,
                });
                i.stages[6].days = Some(7.0);
            }),
        ),
        (
            "instant stages",
            base(&|i| {
                i.leads = LeadsInput::Count(200.0);
                for s in &mut i.stages {
                    s.days = Some(0.0);
                }
            }),
        ),
        (
            "short horizon, slow closing",
            base(&|i| {
                i.horizon_weeks = Some(4.0);
                i.stages[5].days = Some(40.0);
            }),
        ),
    ]
}

/// Deals that reached each stage, from the deals themselves.
fn reached(q: &Quarter) -> [u64; 7] {
    let mut out = [0; 7];
    for d in &q.deals {
        for count in &mut out[d.start..d.start + d.entered.len()] {
            *count += 1;
        }
    }
    out
}

#[test]
fn deals_add_up_to_the_trials_own_counts() {
    for (name, scenario) in scenarios() {
        let model = Model::new(scenario);
        let horizon = 7.0 * model.scenario().horizon_weeks().expect("horizon") as f64;
        for trial in 0..40 {
            let q = Quarter::new(&model, trial).expect("fits");
            let mut plain = TrialOutcome::default();
            model.run_trial(trial, &mut plain);
            assert_eq!(
                q.outcome, plain,
                "{name} #{trial}: recording changed the trial"
            );
            assert_eq!(reached(&q), plain.reached, "{name} #{trial}");
            let referrals = q.deals.iter().filter(|d| d.source == Source::Referral);
            assert_eq!(referrals.count() as u64, plain.referral_leads, "{name}");
            for (w, &won) in plain.weekly_won.iter().enumerate() {
                let end = 7.0 * (w + 1) as f64;
                assert_eq!(q.counts_at(end).won, won, "{name} #{trial} week {w}");
            }
            for d in &q.deals {
                assert!(d.entered.windows(2).all(|p| p[0] <= p[1]), "{name}: {d:?}");
                assert!(
                    d.entered.iter().all(|&e| (0.0..horizon).contains(&e)),
                    "{d:?}"
                );
                if let Fate::Lost { day, stage } = d.fate {
                    assert!(day < horizon && day >= d.entered[stage - d.start], "{d:?}");
                }
                if let Some(f) = d.follow_up {
                    assert!(f >= d.won_on().expect("won") && f < horizon, "{d:?}");
                }
            }
        }
    }
}

#[test]
fn deals_in_equal_deals_out_plus_deals_in_stages_at_every_moment() {
    for (name, scenario) in scenarios() {
        let model = Model::new(scenario);
        let q = Quarter::new(&model, 1).expect("fits");
        let mut previous = 0;
        for tenth in 0..=(q.days() * 10.0) as usize {
            let c = q.counts_at(tenth as f64 / 10.0);
            assert_eq!(
                c.entered,
                c.out() + c.in_stages(),
                "{name} at day {tenth}/10"
            );
            assert!(c.entered >= previous, "deals never leave the count");
            previous = c.entered;
        }
        assert_eq!(previous, q.deals.len() as u64, "{name}: everyone entered");
    }
}

#[test]
fn the_same_trial_gives_the_same_quarter_and_others_differ() {
    let model = Model::new(golden());
    let a = Quarter::new(&model, 5).expect("fits");
    assert_eq!(a, Quarter::new(&model, 5).expect("fits"));
    assert_ne!(a.deals, Quarter::new(&model, 6).expect("fits").deals);
}

#[test]
fn a_quarter_needs_a_horizon_and_a_bounded_number_of_deals() {
    let no_horizon = Model::new(cohort(100, [0.5; 7], 10, 1));
    assert_eq!(Quarter::new(&no_horizon, 0), Err(DealsError::NoHorizon));
    let mut input = ScenarioInput::default();
    input.horizon_weeks = Some(13.0);
    input.leads = LeadsInput::PerWeek(10_000.0);
    let big = Model::new(Scenario::new(&input).expect("valid"));
    match Quarter::new(&big, 0) {
        Err(DealsError::TooMany(n)) => assert!(n > MAX_DEALS),
        other => panic!("expected TooMany, got {other:?}"),
    }
}

/// Stage days are 3·d·Beta(2, 4): mean d, variance 9d²·8/(36·7) = 2d²/7, and
/// the CDF passes a chi-square test on 20 equiprobable bins.
#[test]
fn stage_days_follow_the_duration_model() {
    let d = 10.0;
    let n = 200_000;
    let mut rng = engine::rng::stream_rng(7, 0, engine::rng::Stream::Deals);
    let xs: Vec<f64> = (0..n).map(|_| stage_days(&mut rng, d)).collect();
    let mean = xs.iter().sum::<f64>() / n as f64;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
    let sd = (2.0 * d * d / 7.0_f64).sqrt();
    assert!(
        (mean - d).abs() < 4.5 * sd / (n as f64).sqrt(),
        "mean {mean}"
    );
    // SE of a sample variance ≈ σ²·√((κ − 1)/n), κ = kurtosis of Beta(2,4) = 3 − 6/... ≤ 4.
    assert!(
        (var - sd * sd).abs() < 4.5 * sd * sd * (3.0 / n as f64).sqrt(),
        "var {var}"
    );
    assert!(xs.iter().all(|&x| (0.0..=30.0).contains(&x)));
    // Chi-square on 20 bins of equal probability under I_x(2, 4).
    let bins = 20;
    let mut counts = vec![0u64; bins];
    for &x in &xs {
        let u = beta24_cdf(x / (3.0 * d));
        counts[((u * bins as f64) as usize).min(bins - 1)] += 1;
    }
    let expected = n as f64 / bins as f64;
    let chi2: f64 = counts
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum();
    // 19 degrees of freedom: the 99.9th percentile is 43.8.
    assert!(chi2 < 43.8, "chi-square {chi2}");
}

/// With a horizon longer than any path, a won deal's days from entry to win
/// are the unconditioned path: mean Σ days, within the standard error.
#[test]
fn won_deals_take_the_modelled_time() {
    let mut input = ScenarioInput::default();
    input.horizon_weeks = Some(52.0);
    input.leads = LeadsInput::Count(400.0);
    let days = [2.0, 3.0, 5.0, 4.0, 6.0, 5.0, 10.0];
    for (s, d) in input.stages.iter_mut().zip(days) {
        s.days = Some(d);
        s.rate = 0.8;
    }
    let model = Model::new(Scenario::new(&input).expect("valid"));
    let total: f64 = days[..6].iter().sum();
    let sd = (days[..6].iter().map(|d| 2.0 * d * d / 7.0).sum::<f64>()).sqrt();
    let mut times = Vec::new();
    for trial in 0..30 {
        let q = Quarter::new(&model, trial).expect("fits");
        times.extend(q.deals.iter().filter_map(|d| d.won_on()));
    }
    let n = times.len() as f64;
    let mean = times.iter().sum::<f64>() / n;
    assert!(
        (mean - total).abs() < 4.5 * sd / n.sqrt(),
        "mean {mean} of {n}"
    );
}

/// `per_week` leads enter in uniformly random weeks: with instant stages every
/// lead's entry week is uniform (chi-square over the weeks).
#[test]
fn weekly_leads_enter_uniformly_over_the_weeks() {
    let mut input = ScenarioInput::default();
    input.horizon_weeks = Some(10.0);
    input.leads = LeadsInput::PerWeek(100.0);
    for s in &mut input.stages {
        s.days = Some(0.0);
    }
    let model = Model::new(Scenario::new(&input).expect("valid"));
    let mut counts = [0u64; 10];
    for trial in 0..20 {
        for d in Quarter::new(&model, trial).expect("fits").deals {
            counts[(d.arrival() / 7.0) as usize] += 1;
        }
    }
    let n: u64 = counts.iter().sum();
    let expected = n as f64 / 10.0;
    let chi2: f64 = counts
        .iter()
        .map(|&c| (c as f64 - expected).powi(2) / expected)
        .sum();
    // 9 degrees of freedom: the 99.9th percentile is 27.9.
    assert!(chi2 < 27.9, "chi-square {chi2}: {counts:?}");
}

/// Leads × rates, by hand; and it equals the simulated mean without time
/// limits or referrals (a product of independent rates has the product mean).
#[test]
fn spreadsheet_estimate_is_leads_times_rates() {
    let rates = [0.5, 0.4, 0.8, 0.5, 0.5, 0.5, 0.3];
    let scenario = cohort(1000, rates, 20_000, 3);
    let want = 1000.0 * 0.5 * 0.4 * 0.8 * 0.5 * 0.5 * 0.5;
    assert!((spreadsheet_won(&scenario) - want).abs() < 1e-9);
    let summary = crate::common::run(&scenario);
    let won = &summary.won;
    assert!(
        (won.mean - want).abs() < 4.5 * won.se,
        "{} vs {want}",
        won.mean
    );
    let mut weekly = ScenarioInput::default();
    weekly.horizon_weeks = Some(13.0);
    weekly.leads = LeadsInput::PerWeek(10.0);
    weekly.pipeline = Some(vec![0.0, 0.0, 0.0, 0.0, 0.0, 10.0]);
    let s = Scenario::new(&weekly).expect("valid");
    let r: Vec<f64> = s.stages().iter().map(|s| s.rate).collect();
    let want = 130.0 * r[..6].iter().product::<f64>() + 10.0 * r[5];
    assert!((spreadsheet_won(&s) - want).abs() < 1e-9);
}

#[test]
fn golden_quarter_is_unchanged() {
    let q = Quarter::new(&Model::new(golden()), 3).expect("fits");
    let got = digest(&q);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(QUARTER_PATH, &got).expect("writes golden file");
    }
    let want = std::fs::read_to_string(QUARTER_PATH).expect("golden quarter exists");
    assert_eq!(got, want);
}
