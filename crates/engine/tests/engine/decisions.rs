//! Sensitivity and planning on scenarios whose answer is known.

use engine::decisions::{plan_leads, plan_pipeline, plan_stage_rate, sensitivity, Goal};
use engine::{LeadsInput, ScenarioInput, TargetInput};
use statrs::distribution::{Binomial, DiscreteCDF};

fn cohort(rates: [f64; 7], leads: f64, trials: f64) -> ScenarioInput {
    let mut s = ScenarioInput::default();
    for (stage, r) in s.stages.iter_mut().zip(rates) {
        stage.rate = r;
    }
    s.leads = LeadsInput::Count(leads);
    s.trials = trials;
    s
}

#[test]
fn the_bottleneck_stage_is_first_to_fix() {
    // Needs assessment passes 10 %: one point more is +10 % wins, against
    // about +1.1 % for any of the 90 % stages.
    let mut s = cohort([0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.0], 5000.0, 2000.0);
    s.target = Some(TargetInput {
        revenue: None,
        won: Some(270.0),
    });
    let report = sensitivity(&s).expect("valid");
    // Stages are named by index (Needs assessment is stage 2).
    assert_eq!(report.first_to_fix, Some(2));
    assert_eq!(report.stage_name(2), Some("Needs assessment"));
    let top = &report.effects[0];
    assert_eq!(top.stage(), Some(2));
    // Expected change: 5000 · (0.9⁵) · 0.01 = 29.5 deals; within 4.5 SE.
    let expected = 5000.0 * 0.9f64.powi(5) * 0.01;
    assert!(
        (top.mean_change - expected).abs() < 4.5 * top.mean_change_se + 0.5,
        "{top:?}"
    );
    assert!(top.chance_change.expect("target") > 0.0);
    // Same seed, same ranking.
    let again = sensitivity(&s).expect("valid");
    assert_eq!(again, report);
    // Lead volume ±10 % is there for scale, with opposite signs.
    let up = report
        .effects
        .iter()
        .find(|e| e.label == "Lead volume +10 %")
        .expect("lever");
    let down = report
        .effects
        .iter()
        .find(|e| e.label == "Lead volume −10 %")
        .expect("lever");
    assert!(up.mean_change > 0.0 && down.mean_change < 0.0);
}

#[test]
fn the_planned_cohort_follows_the_binomial_quantile() {
    let rates = [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.0];
    let q: f64 = rates[..6].iter().product();
    let (k, confidence, trials) = (30u64, 0.85, 4000u64);
    let s = cohort(rates, 1000.0, trials as f64);
    let plan = plan_leads(&s, Goal::Won(k), confidence, trials).expect("valid");
    assert!(plan.reachable);
    let n = plan.value.expect("a volume") as u64;
    let exact = |n: u64| Binomial::new(q, n).expect("valid").sf(k - 1);
    // The smallest N with P(Binomial(N, q) ≥ k) ≥ 85 %, up to Monte Carlo error.
    let se = (confidence * (1.0 - confidence) / trials as f64).sqrt();
    assert!(
        exact(n) >= confidence - 4.5 * se,
        "N = {n}: exact chance {}",
        exact(n)
    );
    let smaller = (n as f64 * 0.97) as u64;
    assert!(exact(smaller) < confidence + 4.5 * se, "N = {n} overshoots");
    assert!((plan.achieved - exact(n)).abs() <= 4.5 * plan.achieved_se + 1e-9);
    // Same seed, same plan.
    assert_eq!(
        plan_leads(&s, Goal::Won(k), confidence, trials).expect("valid"),
        plan
    );
}

#[test]
fn an_unreachable_target_says_so() {
    let s = cohort([0.5, 0.0, 0.7, 0.6, 0.5, 0.4, 0.0], 1000.0, 1000.0);
    let plan = plan_leads(&s, Goal::Won(1), 0.85, 1000).expect("valid");
    assert!(!plan.reachable);
    assert_eq!(plan.value, None);
    assert_eq!(plan.achieved, 0.0);
}

#[test]
fn a_stage_rate_plan_meets_the_goal() {
    let s = cohort([0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.0], 2000.0, 2000.0);
    let plan = plan_stage_rate(&s, 1, Goal::Won(60), 0.85, 2000).expect("valid");
    assert!(plan.reachable);
    let rate = plan.value.expect("a rate");
    // With Qualification at r: won ~ Binomial(2000, q·r/0.6); mean 60+ needs r ≳ 0.7.
    assert!(rate > 0.6 && rate < 1.0, "{rate}");
    let exact = Binomial::new(0.5 * rate * 0.7 * 0.6 * 0.5 * 0.4, 2000)
        .expect("valid")
        .sf(59);
    assert!(
        exact >= 0.85 - 4.5 * (0.85f64 * 0.15 / 2000.0).sqrt(),
        "{exact}"
    );
}

#[test]
fn the_planned_pipeline_follows_the_binomial_quantile() {
    // No new leads; 100 open deals in Presentation, each won with
    // q = 0.6 · 0.5 · 0.4. A multiple x of that pipeline is round(100·x)
    // deals, so won ~ Binomial(round(100·x), q).
    let rates = [0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.0];
    let q: f64 = rates[3..6].iter().product();
    let (k, confidence, trials) = (30u64, 0.85, 4000u64);
    let mut s = cohort(rates, 0.0, trials as f64);
    s.pipeline = Some(vec![0.0, 0.0, 0.0, 100.0, 0.0, 0.0]);
    let plan = plan_pipeline(&s, Goal::Won(k), confidence, trials).expect("valid");
    assert!(plan.reachable);
    let x = plan.value.expect("a multiple");
    let deals = |x: f64| (100.0 * x).round() as u64;
    let exact = |n: u64| Binomial::new(q, n).expect("valid").sf(k - 1);
    // The plan meets the goal, and a tenth less (the step it is rounded up
    // to) does not, up to Monte Carlo error: SE = √(c(1−c)/trials).
    let se = (confidence * (1.0 - confidence) / trials as f64).sqrt();
    assert!(
        exact(deals(x)) >= confidence - 4.5 * se,
        "x = {x}: exact chance {}",
        exact(deals(x))
    );
    assert!(
        exact(deals(x - 0.1)) < confidence + 4.5 * se,
        "x = {x} overshoots"
    );
    assert!(plan.achieved >= confidence);
    assert!(
        (plan.achieved_se - (plan.achieved * (1.0 - plan.achieved) / trials as f64).sqrt()).abs()
            < 1e-12
    );
    // Same seed, same plan.
    assert_eq!(
        plan_pipeline(&s, Goal::Won(k), confidence, trials).expect("valid"),
        plan
    );
}

#[test]
fn a_pipeline_plan_without_open_deals_is_unreachable() {
    let s = cohort([0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.0], 1000.0, 1000.0);
    let plan = plan_pipeline(&s, Goal::Won(1), 0.85, 1000).expect("valid");
    assert!(!plan.reachable);
    assert_eq!(plan.value, None);
}

#[test]
fn answers_do_not_depend_on_chunk_size() {
    use engine::decisions::{answer, DecisionRun, Question};
    let mut s = cohort([0.5, 0.6, 0.7, 0.6, 0.5, 0.4, 0.0], 800.0, 1500.0);
    s.target = Some(TargetInput {
        revenue: None,
        won: Some(20.0),
    });
    for question in [
        Question::Sensitivity,
        Question::Leads {
            goal: Goal::Won(25),
            confidence: 0.85,
        },
        Question::StageRate {
            stage: 2,
            goal: Goal::Won(25),
            confidence: 0.5,
        },
    ] {
        let whole = answer(&s, &question).expect("valid");
        let mut run = DecisionRun::new(&s, &question).expect("valid");
        let mut last = 0.0;
        while !run.is_done() {
            run.step(97);
            assert!(run.progress() >= last, "progress never goes back");
            last = run.progress();
        }
        assert_eq!(run.answer(), Some(whole), "{question:?}");
    }
}
