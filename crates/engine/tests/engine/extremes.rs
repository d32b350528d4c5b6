//! The engine never panics and stays finite at the edges of what it accepts.

use engine::{
    DealValueInput, FollowUpInput, LeadsInput, Scenario, ScenarioInput, Simulation, TargetInput,
};

fn run(input: &ScenarioInput) -> engine::Summary {
    let mut sim = Simulation::new(Scenario::new(input).expect("edge scenario is valid"));
    while !sim.is_done() {
        sim.step(3);
    }
    sim.summary()
}

fn base() -> ScenarioInput {
    ScenarioInput {
        trials: 6.0,
        ..ScenarioInput::default()
    }
}

#[test]
fn largest_volumes_values_and_durations() {
    let mut s = base();
    s.leads = LeadsInput::PerWeek(1e9);
    s.horizon_weeks = Some(520.0);
    for stage in &mut s.stages {
        stage.rate = 0.999;
        stage.days = Some(3650.0);
        stage.evidence = Some(1e-9);
    }
    s.pipeline = Some(vec![1e12; 6]);
    s.deal_value = Some(DealValueInput {
        median: 1e12,
        p90: 1e12,
    });
    s.target = Some(TargetInput {
        revenue: Some(1e300),
        won: Some(1e15),
    });
    let summary = run(&s);
    assert!(summary.won.mean.is_finite());
    assert!(summary.revenue.expect("values").mean.is_finite());
    assert_eq!(summary.weekly.len(), 520);
}

#[test]
fn a_runaway_referral_loop_is_capped_and_reported() {
    let mut s = base();
    for stage in &mut s.stages {
        stage.rate = 1.0;
    }
    s.leads = LeadsInput::Count(1e6);
    s.horizon_weeks = Some(60.0);
    s.follow_up = Some(FollowUpInput {
        repeat_value: 1000.0,
        referrals: 1000.0,
    });
    let summary = run(&s);
    assert_eq!(summary.capped_trials, 6);
    assert!(summary.won.mean.is_finite());
}

#[test]
fn zero_everything() {
    let mut s = base();
    s.leads = LeadsInput::PerWeek(0.0);
    s.horizon_weeks = Some(1.0);
    for stage in &mut s.stages {
        stage.rate = 0.0;
        stage.days = Some(0.0);
    }
    s.deal_value = Some(DealValueInput {
        median: 1e-9,
        p90: 1e-9,
    });
    let summary = run(&s);
    assert_eq!(summary.won.max, 0.0);
    assert_eq!(summary.days_to_win, None);
}

#[test]
fn long_paths_without_a_horizon() {
    let mut s = base();
    for stage in &mut s.stages {
        stage.days = Some(3650.0);
    }
    let summary = run(&s);
    let d = summary.days_to_win.expect("wins");
    assert!((d.mean - 6.0 * 3650.0).abs() < 0.01 * 6.0 * 3650.0, "{d:?}");
}
