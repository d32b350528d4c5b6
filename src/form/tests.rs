//! The form's round trips, number reading and messages.

use super::*;
use engine::{Field, TargetInput};

fn form() -> FormValues {
    FormValues::from_input(&ScenarioInput::default())
}

#[test]
fn default_form_round_trips() {
    let f = form();
    assert_eq!(f.leads, "1000");
    assert_eq!(f.rates[1], "60");
    assert_eq!(f.parse().expect("valid"), ScenarioInput::default());
}

#[test]
fn the_example_scenario_round_trips() {
    let input: ScenarioInput =
        serde_json::from_str(include_str!("../../docs/example-scenario.json")).expect("parses");
    let f = FormValues::from_input(&input);
    assert_eq!(f.lead_mode, LeadMode::PerWeek);
    assert_eq!(f.parse().expect("valid"), input);
}

#[test]
fn each_bad_field_gets_its_own_message() {
    let mut f = form();
    f.leads = "-5".into();
    f.trials = String::new();
    f.rates[1] = "150".into();
    f.rates[3] = "abc".into();
    f.seed = "-1".into();
    f.days[2] = "-3".into();
    let m = f.parse().expect_err("invalid");
    assert_eq!(m[&Field::Leads], "Leads must be at least 0 (got -5).");
    assert_eq!(m[&Field::Trials], "Enter the number of trials.");
    assert_eq!(
        m[&Field::StageRate(1)],
        "Qualification rate must be between 0 % and 100 % (got 150 %)."
    );
    assert_eq!(
        m[&Field::StageRate(3)],
        "Enter a rate from 0 to 100 % as a number."
    );
    assert!(m[&Field::Seed].starts_with("The seed must be a whole number"));
    assert!(m[&Field::StageDays(2)].starts_with("Needs assessment days must be at least 0"));
    assert_eq!(m.len(), 6);
}

#[test]
fn weekly_leads_need_a_horizon() {
    let mut f = form();
    f.lead_mode = LeadMode::PerWeek;
    f.leads = "12.5".into();
    let m = f.parse().expect_err("needs horizon");
    assert!(m[&Field::Horizon].contains("horizon"));
    f.horizon = "13".into();
    let input = f.parse().expect("valid");
    assert_eq!(input.leads, LeadsInput::PerWeek(12.5));
    assert_eq!(input.horizon_weeks, Some(13.0));
}

#[test]
fn fractional_leads_are_refused_and_separators_accepted() {
    let mut f = form();
    f.leads = "10.5".into();
    let m = f.parse().expect_err("fractional");
    assert_eq!(m[&Field::Leads], "Leads must be a whole number (got 10.5).");
    f.leads = "10,000".into();
    f.rates[0] = "12,5 %".into();
    f.values_on = true;
    f.value_median = "$12,000".into();
    let input = f.parse().expect("valid");
    assert_eq!(input.leads, LeadsInput::Count(10_000.0));
    assert_eq!(input.stages[0].rate, 0.125);
    assert_eq!(input.deal_value.map(|v| v.median), Some(12_000.0));
}

#[test]
fn history_sets_rate_and_evidence() {
    let mut f = form();
    assert!(f.apply_history(1, 42, 120));
    assert_eq!((f.rates[1].as_str(), f.evidence[1].as_str()), ("35", "120"));
    let input = f.parse().expect("valid");
    assert_eq!(input.stages[1].evidence, Some(120.0));
    assert!(!f.apply_history(1, 5, 0));
    assert!(!f.apply_history(1, 6, 5));
}

#[test]
fn optional_parts_appear_only_when_used() {
    let mut f = form();
    f.pipeline[1] = "40".into();
    f.referrals = "0.2".into();
    f.target_won = "20".into();
    f.target_revenue = "1000".into(); // ignored: no deal values
    let input = f.parse().expect("valid");
    assert_eq!(input.pipeline, Some(vec![0.0, 40.0, 0.0, 0.0, 0.0, 0.0]));
    assert_eq!(input.follow_up.map(|x| x.referrals), Some(0.2));
    assert_eq!(
        input.target,
        Some(TargetInput {
            revenue: None,
            won: Some(20.0)
        })
    );
}

#[test]
fn percentages_show_without_float_noise() {
    let mut input = ScenarioInput::default();
    input.stages[0].rate = 0.07;
    assert_eq!(FormValues::from_input(&input).rates[0], "7");
}

#[test]
fn every_input_has_its_text_and_other_fields_none() {
    let mut f = form();
    *f.text_mut(Field::StageDays(6)).expect("after-sale days") = "30".into();
    *f.text_mut(Field::Pipeline(5)).expect("last open deals") = "2".into();
    *f.text_mut(Field::DealValueP90).expect("p90") = "50000".into();
    *f.text_mut(Field::LeadDispersion).expect("dispersion") = "8".into();
    *f.text_mut(Field::MarketSd).expect("market swing") = "0.2".into();
    assert_eq!(
        (f.lead_dispersion.as_str(), f.market_sd.as_str()),
        ("8", "0.2")
    );
    assert_eq!(
        (
            f.days[6].as_str(),
            f.pipeline[5].as_str(),
            f.value_p90.as_str()
        ),
        ("30", "2", "50000")
    );
    for field in [
        Field::Version,
        Field::Stages,
        Field::StageRate(STAGE_COUNT),
        Field::Pipeline(SALES_STAGES),
    ] {
        assert!(f.text_mut(field).is_none(), "{field}");
    }
}

#[test]
fn problems_with_the_scenario_as_a_whole_are_shown_at_its_name() {
    let mut input = ScenarioInput::default();
    input.version += 1;
    input.name = "x".repeat(201);
    let m = FormValues::from_input(&input)
        .parse()
        .expect_err("newer version");
    assert!(m[&Field::Name].starts_with("Format version"), "{m:?}");
    assert_eq!(m.len(), 1, "one message for the scenario as a whole");
}

#[test]
fn a_version_1_scenario_is_written_back_as_version_2_meaning_the_same() {
    let mut v1 = ScenarioInput::default();
    v1.version = 1;
    let input = FormValues::from_input(&v1).parse().expect("valid");
    assert_eq!(input.version, engine::FORMAT_VERSION);
    assert_eq!(
        ScenarioInput {
            version: 1,
            ..input
        },
        v1
    );
}

#[test]
fn fields_the_form_does_not_show_are_kept() {
    let mut s = ScenarioInput::default();
    s.leads = LeadsInput::PerWeek(40.0);
    s.horizon_weeks = Some(13.0);
    s.lead_dispersion = Some(5.0);
    s.market = Some(engine::MarketInput { sd: 0.15 });
    let input = FormValues::from_input(&s).parse().expect("valid");
    assert_eq!(input.lead_dispersion, Some(5.0));
    assert_eq!(input.market, s.market);
}

#[test]
fn dispersion_and_market_swing_round_trip_and_read_as_typed() {
    let mut f = form();
    f.lead_mode = LeadMode::PerWeek;
    f.leads = "120".into();
    f.horizon = "13".into();
    f.lead_dispersion = "8".into();
    f.market_sd = "0,15".into();
    let input = f.parse().expect("valid");
    assert_eq!(input.lead_dispersion, Some(8.0));
    assert_eq!(input.market, Some(engine::MarketInput { sd: 0.15 }));
    let back = FormValues::from_input(&input);
    assert_eq!(
        (back.lead_dispersion.as_str(), back.market_sd.as_str()),
        ("8", "0.15")
    );
    assert_eq!(back.parse().expect("valid"), input);
    // Empty: Poisson leads and no shared shock.
    f.lead_dispersion.clear();
    f.market_sd = " ".into();
    let plain = f.parse().expect("valid");
    assert_eq!((plain.lead_dispersion, plain.market), (None, None));
}

#[test]
fn a_cohort_keeps_the_dispersion_text_but_does_not_use_it() {
    let mut f = form();
    f.lead_dispersion = "oops".into();
    assert_eq!(
        f.parse().expect("a cohort ignores it").lead_dispersion,
        None
    );
    assert_eq!(f.lead_dispersion, "oops");
}

#[test]
fn dispersion_and_market_problems_land_at_their_fields() {
    let mut f = form();
    f.lead_mode = LeadMode::PerWeek;
    f.horizon = "13".into();
    f.lead_dispersion = "0".into();
    f.market_sd = "-1".into();
    let m = f.parse().expect_err("invalid");
    assert!(m[&Field::LeadDispersion].starts_with("Lead dispersion must be above 0"));
    assert!(m[&Field::MarketSd].starts_with("The market swing must be at least 0"));
    assert!(!m.contains_key(&Field::Name));
    f.lead_dispersion = "many".into();
    let m = f.parse().expect_err("invalid");
    assert_eq!(
        m[&Field::LeadDispersion],
        "Enter the lead dispersion as a number."
    );
}
