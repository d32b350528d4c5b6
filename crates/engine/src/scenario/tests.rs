//! Validation of scenarios: every problem named, end points accepted, the
//! JSON format kept.

use super::*;

#[test]
fn default_scenario_is_valid() {
    let s = Scenario::new(&ScenarioInput::default()).expect("default is valid");
    assert_eq!(s.stages().len(), STAGE_COUNT);
    assert_eq!(s.leads(), Leads::Cohort(1000));
    assert_eq!(s.trials(), 10_000);
    assert_eq!(s.horizon_weeks(), None);
}

#[test]
fn every_problem_is_reported_with_its_field() {
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::Count(-3.0);
    input.trials = 2.5;
    input.stages[1].rate = 1.2;
    input.stages[4].rate = f64::NAN;
    input.stages[2].days = Some(-1.0);
    input.stages[3].evidence = Some(0.0);
    input.pipeline = Some(vec![0.0, 1.5, 0.0, 0.0, 0.0, 0.0]);
    input.deal_value = Some(DealValueInput {
        median: 100.0,
        p90: 50.0,
    });
    let err = Scenario::new(&input).expect_err("invalid");
    let fields: Vec<Field> = err.errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            Field::Leads,
            Field::Trials,
            Field::StageRate(1),
            Field::StageDays(2),
            Field::StageEvidence(3),
            Field::StageRate(4),
            Field::Pipeline(1),
            Field::DealValueP90,
        ]
    );
    let msg = err.to_string();
    assert!(msg.contains("leads: Leads must be at least 0"), "{msg}");
    assert!(
        msg.contains("trials: Trials must be a whole number"),
        "{msg}"
    );
    assert!(
        msg.contains(
            "stages[1].rate: Qualification rate must be between 0 % and 100 % (got 120 %)"
        ),
        "{msg}"
    );
    assert!(
        msg.contains("pipeline[1]: Open deals in Qualification must be a whole number"),
        "{msg}"
    );
}

#[test]
fn per_week_needs_a_horizon_and_newer_versions_are_refused() {
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::PerWeek(120.0);
    input.version = FORMAT_VERSION + 1;
    let err = Scenario::new(&input).expect_err("invalid");
    assert!(err
        .message_for(Field::Horizon)
        .is_some_and(|m| m.contains("required")));
    assert!(err
        .message_for(Field::Version)
        .is_some_and(|m| m.contains("newer")));
}

#[test]
fn an_unbounded_referral_loop_is_refused_without_a_horizon() {
    let mut input = ScenarioInput::default();
    for s in &mut input.stages {
        s.rate = 1.0;
    }
    input.follow_up = Some(FollowUpInput {
        repeat_value: 0.0,
        referrals: 1.0,
    });
    let err = Scenario::new(&input).expect_err("unbounded");
    assert!(err
        .message_for(Field::Referrals)
        .is_some_and(|m| m.contains("without bound")));
    input.horizon_weeks = Some(13.0);
    assert!(Scenario::new(&input).is_ok());
}

#[test]
fn revenue_target_needs_deal_value() {
    let mut input = ScenarioInput::default();
    input.target = Some(TargetInput {
        revenue: Some(1000.0),
        won: Some(3.0),
    });
    let err = Scenario::new(&input).expect_err("needs deal value");
    assert_eq!(err.errors.len(), 1);
    assert_eq!(err.errors[0].field, Field::TargetRevenue);
}

#[test]
fn fractional_leads_and_wrong_stage_count_are_refused() {
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::Count(10.5);
    input.stages.pop();
    let err = Scenario::new(&input).expect_err("invalid");
    assert!(err
        .message_for(Field::Leads)
        .is_some_and(|m| m.contains("whole")));
    assert!(err.message_for(Field::Stages).is_some());
}

#[test]
fn end_points_are_accepted() {
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::Count(0.0);
    input.stages[0].rate = 0.0;
    input.stages[1].rate = 1.0;
    assert!(Scenario::new(&input).is_ok());
}

#[test]
fn json_round_trip_and_unknown_fields() {
    let mut input = ScenarioInput::default();
    input.pipeline = Some(vec![0.0, 40.0, 25.0, 18.0, 12.0, 6.0]);
    input.stages[0].days = Some(5.0);
    let json = serde_json::to_string(&input).expect("serialises");
    assert!(json.contains(r#""leads":{"count":1000}"#), "{json}");
    assert!(json.contains(r#""pipeline":[0,40,25,18,12,6]"#), "{json}");
    assert!(json.contains(r#""days":5"#), "{json}");
    assert!(
        !json.contains("evidence"),
        "absent options are omitted: {json}"
    );
    let back: ScenarioInput = serde_json::from_str(&json).expect("parses");
    assert_eq!(back, input);
    let bad = json.replace(r#""seed""#, r#""colour":1,"seed""#);
    assert!(serde_json::from_str::<ScenarioInput>(&bad).is_err());
}

#[test]
fn lognormal_parameters() {
    let v = DealValue {
        median: 12_000.0,
        p90: 40_000.0,
    };
    assert!((v.mu() - 12_000f64.ln()).abs() < 1e-12);
    assert!((v.sigma() - (40_000f64 / 12_000.0).ln() / Z90).abs() < 1e-12);
    let fixed = DealValue {
        median: 5.0,
        p90: 5.0,
    };
    assert_eq!(fixed.sigma(), 0.0);
    assert!((fixed.mean() - 5.0).abs() < 1e-12);
}
