//! Format versions: version 1 files load and mean what they meant, version 2
//! adds `leads.dispersion` and `market` and makes the run settings optional.

use super::*;

fn parse(json: &str) -> Result<ScenarioInput, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

const STAGES: &str = r#""stages":[{"name":"A","rate":0.5},{"name":"B","rate":0.6},
    {"name":"C","rate":0.7},{"name":"D","rate":0.6},{"name":"E","rate":0.5},
    {"name":"F","rate":0.4},{"name":"G","rate":0.25}]"#;

fn scenario(version: u32, rest: &str) -> String {
    format!(
        r#"{{"version":{version},"leads":{{"per_week":40}},"horizon_weeks":13,{STAGES}{rest}}}"#
    )
}

#[test]
fn version_1_files_read_and_write_back_unchanged() {
    let text = include_str!("../../tests/golden/scenario.json");
    let input = parse(text).expect("a version 1 file parses");
    assert_eq!(input.version, 1);
    assert_eq!((input.lead_dispersion, input.market), (None, None));
    let written = serde_json::to_value(&input).expect("serialises");
    let original: serde_json::Value = serde_json::from_str(text).expect("JSON");
    assert_eq!(written, original);
    assert!(Scenario::new(&input).is_ok());
}

/// What the app and the command line write for version-1-shaped content:
/// exactly what they wrote before, but for the version.
#[test]
fn the_default_scenario_is_written_as_before_with_version_2() {
    let json = serde_json::to_string(&ScenarioInput::default()).expect("serialises");
    let expected = concat!(
        r#"{"version":2,"name":"Untitled forecast","leads":{"count":1000},"stages":["#,
        r#"{"name":"Prospecting","rate":0.5},{"name":"Qualification","rate":0.6},"#,
        r#"{"name":"Needs assessment","rate":0.7},{"name":"Presentation","rate":0.6},"#,
        r#"{"name":"Handling objections","rate":0.5},{"name":"Closing","rate":0.4},"#,
        r#"{"name":"Follow-up","rate":0.25}],"trials":10000,"seed":42}"#
    );
    assert_eq!(json, expected);
}

#[test]
fn version_2_defaults_trials_and_seed_but_version_1_requires_them() {
    let v2 = parse(&scenario(2, "")).expect("version 2 without run settings");
    assert_eq!((v2.trials, v2.seed), (10_000.0, 42));
    let s = Scenario::new(&v2).expect("valid");
    assert_eq!((s.trials(), s.seed()), (10_000, 42));
    let v1 = parse(&scenario(1, r#","seed":7"#)).expect_err("trials missing");
    assert!(v1.contains("missing field `trials`"), "{v1}");
    let v1 = parse(&scenario(1, r#","trials":5"#)).expect_err("seed missing");
    assert!(v1.contains("missing field `seed`"), "{v1}");
    let v1 = parse(&scenario(1, r#","trials":5,"seed":7"#)).expect("complete");
    assert_eq!((v1.trials, v1.seed), (5.0, 7));
}

#[test]
fn dispersion_and_market_round_trip_in_place() {
    let text = scenario(2, r#","market":{"sd":0.15},"trials":1000,"seed":1"#)
        .replace(r#"{"per_week":40}"#, r#"{"per_week":40,"dispersion":5}"#);
    let input = parse(&text).expect("parses");
    assert_eq!(input.lead_dispersion, Some(5.0));
    assert_eq!(input.market, Some(MarketInput { sd: 0.15 }));
    let json = serde_json::to_string(&input).expect("serialises");
    assert!(
        json.contains(r#""leads":{"per_week":40,"dispersion":5}"#),
        "{json}"
    );
    assert!(
        json.ends_with(r#""market":{"sd":0.15},"trials":1000,"seed":1}"#),
        "{json}"
    );
    assert_eq!(parse(&json), Ok(input.clone()));
    let s = Scenario::new(&input).expect("valid");
    assert_eq!((s.lead_dispersion(), s.market_sd()), (Some(5.0), 0.15));
}

#[test]
fn leads_need_exactly_one_volume() {
    let both = scenario(2, "").replace(r#""per_week":40"#, r#""per_week":40,"count":3"#);
    assert!(parse(&both).expect_err("both").contains("not both"));
    let neither = scenario(2, "").replace(r#""per_week":40"#, r#""dispersion":3"#);
    assert!(parse(&neither).expect_err("neither").contains("`per_week`"));
    let typo = scenario(2, "").replace(r#""per_week""#, r#""perweek""#);
    assert!(parse(&typo)
        .expect_err("unknown")
        .contains("unknown field `perweek`"));
}

fn problem(input: &ScenarioInput, field: Field) -> String {
    let err = Scenario::new(input).expect_err("invalid");
    assert_eq!(err.errors.len(), 1, "{err}");
    assert_eq!(err.errors[0].field, field);
    err.to_string()
}

#[test]
fn dispersion_and_market_are_checked_and_name_their_field() {
    let mut input = parse(&scenario(2, "")).expect("parses");
    input.lead_dispersion = Some(0.0);
    let m = problem(&input, Field::LeadDispersion);
    assert!(
        m.starts_with("leads.dispersion: lead dispersion must be above 0"),
        "{m}"
    );
    input.lead_dispersion = Some(f64::NAN);
    assert!(problem(&input, Field::LeadDispersion).contains("must be a number"));
    input.lead_dispersion = Some(MAX_DISPERSION);
    input.market = Some(MarketInput { sd: 3.5 });
    let m = problem(&input, Field::MarketSd);
    assert!(
        m.starts_with("market.sd: The market swing must be at most 3"),
        "{m}"
    );
    input.market = Some(MarketInput { sd: -0.1 });
    assert!(problem(&input, Field::MarketSd).contains("at least 0"));
    input.market = Some(MarketInput { sd: 0.0 });
    assert!(Scenario::new(&input).is_ok());
    input.leads = LeadsInput::Count(100.0);
    let m = problem(&input, Field::LeadDispersion);
    assert!(m.contains("per week"), "{m}");
}

#[test]
fn a_version_1_file_cannot_hold_the_new_fields() {
    let mut input = parse(&scenario(1, r#","trials":5,"seed":7"#)).expect("parses");
    input.market = Some(MarketInput { sd: 0.2 });
    let m = problem(&input, Field::MarketSd);
    assert!(m.contains("needs format version 2"), "{m}");
    input.market = None;
    input.lead_dispersion = Some(4.0);
    assert!(problem(&input, Field::LeadDispersion).contains("version 2"));
}
