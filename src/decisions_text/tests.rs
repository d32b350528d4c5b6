//! Native tests of the panel's words.

use super::*;
use engine::decisions::Goal;
use engine::{Scenario, Simulation};

fn dollars(v: f64) -> String {
    format!("${}", format::count(v))
}

fn effect(lever: Lever, mean_change: f64) -> Effect {
    Effect {
        lever,
        label: format!("{lever:?}"),
        median_change: mean_change.round(),
        median_change_se: 10.0,
        mean_change,
        mean_change_se: 10.0,
        chance_change: None,
        chance_change_se: None,
    }
}

fn report(effects: Vec<Effect>, names: &[&str]) -> SensitivityReport {
    SensitivityReport {
        measure: Measure::Revenue,
        trials: 1000,
        base_median: 100_000.0,
        base_chance: None,
        effects,
        first_to_fix: Some(5),
        tied_with: Vec::new(),
        stage_names: names.iter().map(|n| (*n).to_owned()).collect(),
    }
}

const STAGES: [&str; 7] = ["P", "Q", "N", "Pr", "H", "Closing", "F"];

#[test]
fn verdict_names_the_stage_to_fix_with_its_unit_error_and_lead() {
    let r = report(
        vec![
            effect(Lever::Leads(1.1), 5000.0), // not a stage: never the verdict
            effect(Lever::StageRate(5), 1200.0),
            effect(Lever::StageDays(2), 400.0),
            effect(Lever::StageDays(5), 300.0),
        ],
        &STAGES,
    );
    assert_eq!(
        verdict(&r, &dollars).as_deref(),
        Some("Improving Closing by 1 pt adds $1,200 more revenue on average (± $10) — 3.0 × the next stage.")
    );
}

#[test]
fn verdict_in_deals_won_to_the_digit_of_its_error() {
    let mut best = effect(Lever::StageRate(5), 1.3);
    best.mean_change_se = 0.1;
    let mut r = report(vec![best, effect(Lever::StageRate(4), 0.93)], &STAGES);
    r.measure = Measure::Won;
    assert_eq!(
        verdict(&r, &dollars).as_deref(),
        Some("Improving Closing by 1 pt adds 1.3 more deals won on average (± 0.1) — 1.4 × the next stage.")
    );
    r.effects[0].mean_change = 0.634;
    r.effects[0].mean_change_se = 0.021;
    r.effects[1].mean_change = 0.5;
    let v = verdict(&r, &dollars).expect("a verdict");
    assert!(
        v.contains("adds 0.63 more deals won on average (± 0.02)"),
        "{v}"
    );
}

#[test]
fn verdict_for_a_day_less_without_a_positive_runner_up() {
    let mut r = report(
        vec![
            effect(Lever::StageDays(1), 800.0),
            effect(Lever::StageRate(3), -20.0),
        ],
        &STAGES,
    );
    r.first_to_fix = Some(1);
    assert_eq!(
        verdict(&r, &dollars).as_deref(),
        Some("Cutting a day from Q adds $800 more revenue on average (± $10).")
    );
}

#[test]
fn tied_stages_are_named_together_with_their_values() {
    let mut r = report(
        vec![
            effect(Lever::StageRate(5), 0.92),
            effect(Lever::StageRate(4), 0.84),
            effect(Lever::StageDays(4), 0.2),
            effect(Lever::StageRate(1), 0.3),
        ],
        &["P", "Q", "N", "Pr", "Handling objections", "Closing", "F"],
    );
    for e in &mut r.effects {
        e.mean_change_se = 0.06;
    }
    r.measure = Measure::Won;
    r.tied_with = vec![4];
    assert_eq!(
        verdict(&r, &dollars).as_deref(),
        Some("Closing and Handling objections are worth about the same: +0.92 and +0.84 deals won, ± 0.06.")
    );
    assert!(tornado_label(&r).ends_with("Closing and Handling objections are tied."));
    // Three, in revenue.
    r.measure = Measure::Revenue;
    r.tied_with = vec![4, 1];
    r.effects[0].mean_change = 14_800.0;
    r.effects[1].mean_change = 14_100.0;
    r.effects[3].mean_change = 13_900.0;
    for e in &mut r.effects {
        e.mean_change_se = 900.0;
    }
    assert_eq!(
        verdict(&r, &dollars).as_deref(),
        Some("Closing, Handling objections and Q are worth about the same: +$14,800, +$14,100 and +$13,900 of revenue, ± $900.")
    );
}

#[test]
fn verdict_compares_stages_by_index_not_name() {
    // Two stages share a name; the other one is still a runner-up.
    let mut r = report(
        vec![
            effect(Lever::StageRate(1), 900.0),
            effect(Lever::StageRate(2), 300.0),
        ],
        &["P", "Review", "Review", "Pr", "H", "C", "F"],
    );
    r.first_to_fix = Some(1);
    let v = verdict(&r, &dollars).expect("a verdict");
    assert!(v.ends_with("— 3.0 × the next stage."), "{v}");
}

#[test]
fn no_verdict_without_a_stage_lever() {
    let mut r = report(vec![effect(Lever::DealValue(1.1), 100.0)], &STAGES);
    r.first_to_fix = None;
    assert_eq!(verdict(&r, &dollars), None);
}

#[test]
fn effect_texts_and_tornado_label() {
    let mut e = effect(Lever::StageRate(5), 1200.0);
    assert_eq!(median_change(&e, &dollars), "$1,200 ± $10");
    assert_eq!(mean_change(&e, true, &dollars), "$1,200 ± $10");
    e.mean_change = 2.345;
    e.mean_change_se = 0.31;
    assert_eq!(mean_change(&e, false, &dollars), "2.3 ± 0.3");
    assert_eq!(chance_change(&e), "–");
    e.chance_change = Some(0.021);
    e.chance_change_se = Some(0.004);
    assert_eq!(chance_change(&e), "+2.1 pt ± 0.4");
    let mut r = report(vec![e], &STAGES);
    assert_eq!(
        tornado_label(&r),
        "Tornado chart of the change in mean revenue for each lever, largest first. Fix Closing first."
    );
    r.measure = Measure::Won;
    r.first_to_fix = None;
    assert_eq!(
        tornado_label(&r),
        "Tornado chart of the change in mean won deals for each lever, largest first. "
    );
    assert_eq!(amount(2.5, false, &dollars), format::mean(2.5));
    assert_eq!(amount(2.5, true, &dollars), dollars(2.5));
}

fn plan(reachable: bool, value: Option<f64>) -> Plan {
    Plan {
        reachable,
        value,
        confidence: 0.85,
        achieved: 0.87,
        achieved_se: 0.01,
        searched_up_to: 12_000.0,
    }
}

#[test]
fn plan_answers_by_question() {
    let goal = Goal::Won(20);
    let leads = Question::Leads {
        goal,
        confidence: 0.85,
    };
    let p = plan(true, Some(140.0));
    let chance = format!(
        "for a {} ± {} chance.",
        format::percent(0.87),
        format::percent(0.01)
    );
    assert_eq!(
        plan_answer("Leads needed", &leads, &p, None, &dollars),
        format!("Leads needed: {}, {chance}", format::mean(140.0))
    );
    let rate = Question::StageRate {
        stage: 5,
        goal,
        confidence: 0.85,
    };
    let p = plan(true, Some(0.5));
    assert_eq!(
        plan_answer("Rate needed in Closing", &rate, &p, None, &dollars),
        format!("Rate needed in Closing: {}, {chance}", format::percent(0.5))
    );
    let pipeline = Question::Pipeline {
        goal,
        confidence: 0.85,
    };
    let p = plan(true, Some(2.0));
    assert_eq!(
        plan_answer("Pipeline needed", &pipeline, &p, None, &dollars),
        format!("Pipeline needed: 2.0 × today's open pipeline, {chance}")
    );
    let input: ScenarioInput =
        serde_json::from_str(include_str!("../../docs/example-scenario.json")).expect("parses");
    let text = plan_answer("Pipeline needed", &pipeline, &p, Some(&input), &dollars);
    assert!(text.contains("rule of thumb is 3 ×"), "{text}");
}

#[test]
fn an_unreachable_plan_says_so() {
    let q = Question::Leads {
        goal: Goal::Revenue(1e9),
        confidence: 0.85,
    };
    assert_eq!(
        plan_answer("Leads needed", &q, &plan(false, None), None, &dollars),
        format!(
            "Leads needed: the target cannot be reached with {} confidence within the range searched (at most {} gives a {} chance).",
            format::percent(0.85),
            format::mean(12_000.0),
            format::percent(0.87)
        )
    );
}

fn summary(input: &ScenarioInput) -> Summary {
    let mut sim = Simulation::new(Scenario::new(input).expect("valid").with_trials(500));
    sim.step(u64::MAX);
    sim.summary()
}

#[test]
fn when_the_target_is_reached() {
    let mut input: ScenarioInput =
        serde_json::from_str(include_str!("../../docs/example-scenario.json")).expect("parses");
    let s = summary(&input);
    let (revenue, chances) = reach_by_week(&s).expect("a target and a horizon");
    assert!(revenue);
    assert_eq!(chances.len(), 13);
    assert!(chances.windows(2).all(|w| w[0] <= w[1]));
    let week = |c| {
        s.week_reaching(c, true)
            .map_or("not within the horizon".to_owned(), |w| format!("week {w}"))
    };
    assert_eq!(
        when_reached(&s, true),
        format!(
            "The target is reached by {} with 50 % confidence, by {} with 85 % and by {} with 95 %.",
            week(0.5),
            week(0.85),
            week(0.95)
        )
    );
    // Out of reach: said in words, for every confidence.
    input.target.as_mut().expect("target").revenue = Some(1e12);
    let s = summary(&input);
    assert_eq!(
        when_reached(&s, true),
        "The target is reached by not within the horizon with 50 % confidence, by not within the horizon with 85 % and by not within the horizon with 95 %."
    );
    assert_eq!(
        when_question(Some(&s), &dollars),
        "When will we reach $1,000,000,000,000 of revenue?"
    );
    // A won-deals target only.
    input.target = Some(engine::TargetInput {
        revenue: None,
        won: Some(20.0),
    });
    assert_eq!(
        when_question(Some(&summary(&input)), &dollars),
        "When will we reach 20 deals won?"
    );
    // No target, nothing to reach.
    input.target = None;
    assert_eq!(
        when_question(Some(&summary(&input)), &dollars),
        "When will we reach the target?"
    );
    assert_eq!(
        when_question(None, &dollars),
        "When will we reach the target?"
    );
    assert_eq!(reach_by_week(&summary(&input)), None);
}
