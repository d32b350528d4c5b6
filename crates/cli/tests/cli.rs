//! The `funnelcast` command line, run as a user would.

mod common;

use common::{funnelcast, json, temp_file};
use std::path::PathBuf;

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/example-scenario.json")
}

#[test]
fn simulate_json_has_the_documented_keys() {
    let path = example();
    let out = funnelcast(&[
        "simulate",
        path.to_str().expect("utf-8"),
        "--trials",
        "2000",
        "--json",
    ]);
    let v = json(&out);
    assert_eq!(v["trials"], 2000);
    assert_eq!(v["seed"], 42);
    for key in ["won", "revenue"] {
        for stat in ["mean", "sd", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] {
            assert!(v[key][stat].is_number(), "{key}.{stat}");
        }
    }
    for stat in ["mean", "p50", "p90"] {
        assert!(v["days_to_win"][stat].is_number(), "days_to_win.{stat}");
    }
    let stages = v["stages"].as_array().expect("stages");
    assert_eq!(stages.len(), 7);
    assert_eq!(stages[1]["name"], "Qualification");
    for stat in ["mean", "sd", "p10", "p50", "p90"] {
        assert!(stages[3]["reached"][stat].is_number());
    }
    let weekly = v["weekly"].as_array().expect("weekly");
    assert_eq!(weekly.len(), 13);
    assert_eq!(weekly[0]["week"], 1);
    for part in ["won", "revenue"] {
        for stat in ["p10", "p50", "p90"] {
            assert!(weekly[12][part][stat].is_number(), "weekly.{part}.{stat}");
        }
    }
    let p_won = v["target"]["p_won"].as_f64().expect("p_won");
    let p_revenue = v["target"]["p_revenue"].as_f64().expect("p_revenue");
    assert!((0.0..=1.0).contains(&p_won) && (0.0..=1.0).contains(&p_revenue));
    // Cumulative: the last week is the whole horizon.
    assert_eq!(weekly[12]["won"]["p50"], v["won"]["p50"]);
}

#[test]
fn same_seed_same_output_and_the_seed_flag_changes_it() {
    let path = example();
    let p = path.to_str().expect("utf-8");
    let a = funnelcast(&["simulate", p, "--trials", "1500", "--json"]);
    let b = funnelcast(&["simulate", p, "--trials", "1500", "--json"]);
    assert_eq!(a.stdout, b.stdout);
    let c = json(&funnelcast(&[
        "simulate", p, "--trials", "1500", "--seed", "7", "--json",
    ]));
    assert_eq!(c["seed"], 7);
    assert_ne!(json(&a)["won"]["mean"], c["won"]["mean"]);
}

#[test]
fn the_command_line_gives_the_engine_s_numbers() {
    let path = example();
    let v = json(&funnelcast(&[
        "simulate",
        path.to_str().expect("utf-8"),
        "--trials",
        "1000",
        "--json",
    ]));
    let text = std::fs::read_to_string(&path).expect("reads");
    let input: engine::ScenarioInput = serde_json::from_str(&text).expect("parses");
    let scenario = engine::Scenario::new(&input)
        .expect("valid")
        .with_trials(1000);
    let mut sim = engine::Simulation::new(scenario);
    sim.step(u64::MAX);
    let s = sim.summary();
    assert_eq!(v["won"]["mean"].as_f64(), Some(s.won.mean));
    assert_eq!(v["revenue"]["p90"].as_f64(), s.revenue.map(|r| r.p90));
}

#[test]
fn readable_output_has_the_tables() {
    let path = example();
    let out = funnelcast(&["simulate", path.to_str().expect("utf-8"), "--trials", "500"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "Q1 forecast",
        "Deals won",
        "Revenue",
        "Days to win",
        "P(won ≥ 20)",
        "Stage reached",
        "Needs assessment",
        "Week",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn validate_accepts_the_example_and_explains_every_problem() {
    let path = example();
    let ok = funnelcast(&["validate", path.to_str().expect("utf-8")]);
    assert!(ok.status.success());
    assert!(String::from_utf8_lossy(&ok.stdout).contains("valid"));

    let bad = temp_file(
        "bad.json",
        r#"{"version": 1, "leads": {"per_week": -5}, "stages": [
            {"name": "A", "rate": 1.5}, {"name": "B", "rate": 0.5}, {"name": "C", "rate": 0.5},
            {"name": "D", "rate": 0.5}, {"name": "E", "rate": 0.5, "days": -2}, {"name": "F", "rate": 0.5},
            {"name": "G", "rate": 0.5}], "trials": 10, "seed": 1}"#,
    );
    let out = funnelcast(&["validate", bad.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "leads: Leads per week must be at least 0",
        "horizon_weeks:",
        "stages[0].rate:",
        "stages[4].days:",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in\n{err}");
    }
    assert!(!err.contains("panicked"));
}

#[test]
fn broken_files_fail_cleanly() {
    let cases = [
        (
            "truncated.json",
            "{\"version\": 1, \"leads\": {",
            "not valid JSON",
        ),
        (
            "newer.json",
            "{\"version\": 2, \"leads\": {\"count\": 1}}",
            "newer",
        ),
        (
            "unknown.json",
            "{\"version\": 1, \"colour\": 3}",
            "unknown field `colour`",
        ),
        ("array.json", "[1, 2, 3]", "JSON object"),
        ("binary.json", "\u{0}\u{1}\u{2}", "not valid JSON"),
    ];
    for (name, contents, needle) in cases {
        let path = temp_file(name, contents);
        for cmd in ["validate", "simulate"] {
            let out = funnelcast(&[cmd, path.to_str().expect("utf-8")]);
            assert!(!out.status.success(), "{name} {cmd}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains(needle), "{name} {cmd}: {err}");
            assert!(!err.contains("panicked"), "{name} {cmd}: {err}");
        }
    }
    let missing = funnelcast(&["simulate", "/nonexistent/scenario.json"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
    let zero = funnelcast(&[
        "simulate",
        example().to_str().expect("utf-8"),
        "--trials",
        "0",
    ]);
    assert!(!zero.status.success());
}

#[test]
fn sensitivity_json_names_the_stage_to_fix_with_errors() {
    let path = example();
    let v = json(&funnelcast(&[
        "sensitivity",
        path.to_str().expect("utf-8"),
        "--json",
    ]));
    let first = v["first_to_fix"].as_str().expect("first_to_fix");
    let names: Vec<&str> = v["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names.len(), 6);
    assert!(names.contains(&first));
    for stage in v["stages"].as_array().expect("stages") {
        for lever in ["rate", "days"] {
            for key in [
                "median_change",
                "median_change_se",
                "mean_change",
                "mean_change_se",
                "chance_change",
                "chance_change_se",
            ] {
                assert!(stage[lever][key].is_number(), "{lever}.{key}");
            }
        }
    }
    // The stage to fix first has the largest mean change of any stage lever;
    // the ones tied with it are named (a list, maybe empty) and within two
    // standard errors of it.
    let best_of = |name: &str| {
        v["stages"]
            .as_array()
            .expect("stages")
            .iter()
            .filter(|s| s["name"] == name)
            .flat_map(|s| [&s["rate"], &s["days"]])
            .filter_map(|e| Some((e["mean_change"].as_f64()?, e["mean_change_se"].as_f64()?)))
            .fold(
                (f64::NEG_INFINITY, 0.0),
                |a, b| if b.0 > a.0 { b } else { a },
            )
    };
    let top = best_of(first);
    assert!(names.iter().all(|n| best_of(n).0 <= top.0));
    for tied in v["tied_with"].as_array().expect("tied_with") {
        let other = best_of(tied.as_str().expect("a stage name"));
        // The paired difference's error is at most the sum of the two errors.
        assert!(top.0 - other.0 <= 2.0 * (top.1 + other.1));
    }
    let means: Vec<f64> = v["effects"]
        .as_array()
        .expect("effects")
        .iter()
        .map(|e| e["mean_change"].as_f64().expect("mean_change").abs())
        .collect();
    assert!(means.windows(2).all(|w| w[0] >= w[1]), "largest first");
    let kinds: Vec<&str> = v["effects"]
        .as_array()
        .expect("effects")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert!(kinds.contains(&"leads") && kinds.contains(&"deal_value"));
}

#[test]
fn plan_json_reports_the_volume_or_that_it_is_out_of_reach() {
    let path = example();
    let p = path.to_str().expect("utf-8");
    let v = json(&funnelcast(&[
        "plan",
        p,
        "--target-revenue",
        "400000",
        "--confidence",
        "0.85",
        "--json",
    ]));
    assert_eq!(v["reachable"], true);
    assert!(v["leads_per_week"].as_f64().expect("volume") > 0.0);
    assert_eq!(v["confidence"], 0.85);
    assert!(
        v["achieved_chance"].as_f64().expect("chance")
            >= 0.85 - 4.5 * v["achieved_chance_se"].as_f64().expect("se")
    );
    let out = json(&funnelcast(&[
        "plan",
        p,
        "--target-won",
        "100000000",
        "--confidence",
        "0.85",
        "--json",
    ]));
    assert_eq!(out["reachable"], false);
    assert!(out["leads_per_week"].is_null());
    let bad = funnelcast(&["plan", p, "--target-won", "5", "--confidence", "1.5"]);
    assert!(!bad.status.success());
}
