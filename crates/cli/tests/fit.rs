//! `funnelcast fit` run as a user would, on a small history whose every
//! number is worked out by hand below from the rules of
//! docs/history-import.md.

mod common;

use common::{assert_success, funnelcast, temp_file};
use serde_json::{json, Value};
use std::path::Path;

/// Eight deals, January 2025 (a Monday, the 6th, is the first creation):
/// D1 won (1,000), D2 lost at Qualification, D3 lost at Prospecting, D4 open
/// in Needs assessment, D5 open in Presentation having skipped Needs
/// assessment, D6 won (3,000), D7 open in Prospecting, D8 lost at
/// Qualification. Each entry: (stage, day of January).
/// (id, day created, entries, amount).
type Deal = (
    &'static str,
    u32,
    &'static [(&'static str, u32)],
    Option<u32>,
);

const DEALS: [Deal; 8] = [
    (
        "D1",
        6,
        &[
            ("Prospecting", 6),
            ("Qualification", 8),
            ("Needs assessment", 10),
            ("Presentation", 13),
            ("Handling objections", 15),
            ("Closing", 17),
            ("Closed won", 20),
        ],
        Some(1000),
    ),
    (
        "D2",
        7,
        &[
            ("Prospecting", 7),
            ("Qualification", 9),
            ("Closed lost", 12),
        ],
        Some(500),
    ),
    ("D3", 8, &[("Prospecting", 8), ("Closed lost", 9)], None),
    (
        "D4",
        13,
        &[
            ("Prospecting", 13),
            ("Qualification", 14),
            ("Needs assessment", 20),
        ],
        None,
    ),
    (
        "D5",
        14,
        &[
            ("Prospecting", 14),
            ("Qualification", 15),
            ("Presentation", 20),
        ],
        None,
    ),
    (
        "D6",
        20,
        &[
            ("Prospecting", 20),
            ("Qualification", 21),
            ("Needs assessment", 22),
            ("Presentation", 23),
            ("Handling objections", 24),
            ("Closing", 27),
            ("Closed won", 30),
        ],
        Some(3000),
    ),
    ("D7", 21, &[("Prospecting", 21)], None),
    (
        "D8",
        27,
        &[
            ("Prospecting", 27),
            ("Qualification", 28),
            ("Closed lost", 29),
        ],
        None,
    ),
];

const LABELS: [&str; 8] = [
    "Prospecting",
    "Qualification",
    "Needs assessment",
    "Presentation",
    "Handling objections",
    "Closing",
    "Closed won",
    "Closed lost",
];

/// The history as HubSpot writes it: one row per deal. `rename` swaps a
/// stage label; `date` writes a day of January 2025.
fn per_deal(rename: Option<(&str, &str)>, date: fn(u32) -> String) -> String {
    let label = |l: &str| match rename {
        Some((from, to)) if from == l => to.to_owned(),
        _ => l.to_owned(),
    };
    let mut out = String::from("Record ID,Create Date,Amount");
    for l in LABELS {
        out.push_str(&format!(
            ",\"Date entered \"\"{} (Sales Pipeline)\"\"\"",
            label(l)
        ));
    }
    out.push_str("\r\n");
    for (id, created, entries, amount) in DEALS {
        out.push_str(&format!(
            "{id},{},{}",
            date(created),
            amount.map_or(String::new(), |a| a.to_string())
        ));
        for l in LABELS {
            let day = entries.iter().find(|(s, _)| *s == l).map(|(_, d)| *d);
            out.push(',');
            out.push_str(&day.map_or(String::new(), date));
        }
        out.push_str("\r\n");
    }
    out
}

/// The same history as one row per stage change (Salesforce's
/// OpportunityHistory), rows in no particular order.
fn per_change() -> String {
    let mut rows = Vec::new();
    for (id, _, entries, amount) in DEALS {
        for (stage, day) in entries.iter() {
            let amount = amount.map_or(String::new(), |a| a.to_string());
            rows.push(format!(
                "{id},{stage},{amount},2025-01-{day:02}T09:00:00.000+0000"
            ));
        }
    }
    rows.reverse();
    format!(
        "OpportunityId,StageName,Amount,CreatedDate\n{}\n",
        rows.join("\n")
    )
}

fn iso(day: u32) -> String {
    format!("2025-01-{day:02}")
}

fn month_first(day: u32) -> String {
    // Day ≤ 12 in the month part is avoided by writing January as 01 first;
    // every day here is 6–30, so "01/DD/2025" is month first once DD > 12
    // appears. For an ambiguous file use `ambiguous`.
    format!("01/{day:02}/2025")
}

fn ambiguous(day: u32) -> String {
    // Every part ≤ 12: nothing in the file says which is the day.
    format!("{:02}/01/2025", day.min(12))
}

fn fit_json(file: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["fit", file.to_str().expect("utf-8"), "--json"];
    args.extend_from_slice(extra);
    common::json(&funnelcast(&args))
}

fn stage_numbers(report: &Value) -> Vec<[u64; 4]> {
    report["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| {
            ["entered", "moved_on", "lost", "open"].map(|k| s[k].as_u64().expect("whole number"))
        })
        .collect()
}

fn close(a: &Value, b: f64) -> bool {
    (a.as_f64().expect("a number") - b).abs() < 1e-9
}

#[test]
fn fit_json_holds_every_number_worked_out_by_hand() {
    let file = temp_file("per-deal.csv", &per_deal(None, iso));
    let v = fit_json(&file, &[]);
    let r = &v["report"];
    assert_eq!(r["as_of"], "2025-01-30");
    assert_eq!(r["since"], Value::Null);
    assert_eq!(r["rows"], 8);
    assert_eq!(r["deals"], 8);
    assert_eq!(r["dropped"], json!([]));
    assert_eq!(
        stage_numbers(r),
        vec![
            [8, 6, 1, 1],
            [6, 4, 2, 0],
            [4, 3, 0, 1],
            [3, 2, 0, 1],
            [2, 2, 0, 0],
            [2, 2, 0, 0]
        ]
    );
    let stages = r["stages"].as_array().expect("stages");
    let names: Vec<&str> = stages
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    assert_eq!(&names[..], &LABELS[..6]);
    assert!(close(&stages[0]["rate"], 6.0 / 7.0));
    assert!(close(&stages[1]["rate"], 4.0 / 6.0));
    assert!(close(&stages[2]["rate"], 1.0));
    // Days: first entry to first entry of the next stage, skipped stages not used.
    let days = [
        (8.0 / 6.0, 6),
        (3.0, 3),
        (2.0, 2),
        (1.5, 2),
        (2.5, 2),
        (3.0, 2),
    ];
    for (s, (d, n)) in stages.iter().zip(days) {
        assert!(close(&s["days"], d), "{}: {}", s["name"], s["days"]);
        assert_eq!(s["days_n"], n, "{}", s["name"]);
        let (lo, hi) = (
            s["rate_p05"].as_f64().expect("p05"),
            s["rate_p95"].as_f64().expect("p95"),
        );
        assert!(0.0 < lo && lo < hi && hi <= 1.0, "{}", s["name"]);
    }
    // Beta(7, 2) for Prospecting's 6 of 7: its 5 % and 95 % quantiles.
    assert!((stages[0]["rate_p05"].as_f64().expect("p05") - 0.5293).abs() < 5e-4);
    assert!((stages[0]["rate_p95"].as_f64().expect("p95") - 0.9536).abs() < 5e-4);
    assert_eq!(r["leads"]["counts"], json!([3, 2, 2]));
    assert_eq!(r["leads"]["weeks"], 3);
    assert!(close(&r["leads"]["per_week"], 7.0 / 3.0));
    assert!(close(&r["deal_value"]["median"], 2000.0));
    assert!(close(&r["deal_value"]["p90"], 2800.0));
    assert_eq!(r["deal_value"]["won"], 2);
    assert_eq!(r["pipeline"], json!([1, 0, 1, 1, 0, 0]));
    // Counts 3, 2, 2: variance 1/3, so (n − 1)·s²/mean = 2/7 and
    // P(χ²₂ ≥ 2/7) = e^(−1/7); no quarter is complete.
    let lead_bursts = &r["variation"]["leads"];
    assert!(close(&lead_bursts["variance"], 1.0 / 3.0));
    assert!(close(&lead_bursts["p_value"], (-1.0f64 / 7.0).exp()));
    assert_eq!(lead_bursts["dispersion"], Value::Null);
    assert_eq!(r["variation"]["market"]["periods"], json!([]));
    assert_eq!(r["variation"]["market"]["sd"], Value::Null);

    let s = &v["scenario"];
    assert_eq!(
        (&s["leads"]["dispersion"], &s["market"]),
        (&Value::Null, &Value::Null)
    );
    assert_eq!(s["horizon_weeks"], 13);
    assert_eq!(s["trials"], 10000);
    assert_eq!(s["seed"], 42);
    assert_eq!(s["pipeline"], json!([1, 0, 1, 1, 0, 0]));
    assert!(close(&s["leads"]["per_week"], 7.0 / 3.0));
    assert_eq!(s["stages"][1]["evidence"], 6);
    assert!(close(&s["stages"][1]["rate"], 4.0 / 6.0));
    assert!(close(&s["stages"][6]["rate"], 0.0));
    assert!(close(&s["deal_value"]["median"], 2000.0));
}

#[test]
fn both_shapes_give_the_same_fit() {
    let deal = fit_json(&temp_file("shape-deal.csv", &per_deal(None, iso)), &[]);
    let change = fit_json(&temp_file("shape-change.csv", &per_change()), &[]);
    // The per-change file has times of day (09:00) on every entry, so days
    // between entries are the same whole numbers.
    assert_eq!(deal["scenario"], change["scenario"]);
    for key in [
        "as_of",
        "deals",
        "stages",
        "leads",
        "deal_value",
        "pipeline",
    ] {
        assert_eq!(deal["report"][key], change["report"][key], "{key}");
    }
}

#[test]
fn as_of_sees_the_history_as_it_was_that_day() {
    let file = temp_file("as-of.csv", &per_deal(None, iso));
    let v = fit_json(&file, &["--as-of", "2025-01-21"]);
    let r = &v["report"];
    assert_eq!(r["as_of"], "2025-01-21");
    assert_eq!(r["deals"], 7, "D8 is created on the 27th");
    assert_eq!(r["pipeline"], json!([1, 1, 1, 1, 0, 0]));
    assert_eq!(r["leads"]["counts"], json!([3, 2]));
    let since = fit_json(&file, &["--since", "2025-01-13"]);
    assert_eq!(since["report"]["since"], "2025-01-13");
    assert_eq!(since["report"]["deals"], 5);
    assert_eq!(since["report"]["leads"]["counts"], json!([2, 2]));
}

#[test]
fn an_unmapped_stage_is_named_and_a_stage_map_fixes_it() {
    let file = temp_file(
        "unmapped.csv",
        &per_deal(Some(("Handling objections", "Negotiation")), iso),
    );
    let out = funnelcast(&["fit", file.to_str().expect("utf-8"), "--json"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Negotiation"), "{err}");
    assert!(err.contains("--stage-map"), "{err}");
    let map = temp_file("map.json", r#"{"Negotiation": "Handling objections"}"#);
    let mapped = fit_json(&file, &["--stage-map", map.to_str().expect("utf-8")]);
    let plain = fit_json(&temp_file("plain.csv", &per_deal(None, iso)), &[]);
    assert_eq!(mapped["report"]["stages"], plain["report"]["stages"]);
    let bad = temp_file("bad-map.json", r#"{"Negotiation": "Haggling"}"#);
    let out = funnelcast(&[
        "fit",
        file.to_str().expect("utf-8"),
        "--stage-map",
        bad.to_str().expect("utf-8"),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Haggling"));
}

#[test]
fn day_month_order_is_detected_or_asked() {
    let detected = fit_json(&temp_file("mdy.csv", &per_deal(None, month_first)), &[]);
    let plain = fit_json(&temp_file("iso.csv", &per_deal(None, iso)), &[]);
    assert_eq!(detected["report"]["stages"], plain["report"]["stages"]);
    let file = temp_file("ambiguous.csv", &per_deal(None, ambiguous));
    let out = funnelcast(&["fit", file.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date-order"));
    fit_json(&file, &["--date-order", "dmy"]);
}

#[test]
fn out_writes_a_scenario_that_simulate_runs() {
    let file = temp_file("out.csv", &per_deal(None, iso));
    let scenario = std::env::temp_dir().join(format!("fitted-{}.json", std::process::id()));
    let out = funnelcast(&[
        "fit",
        file.to_str().expect("utf-8"),
        "--horizon-weeks",
        "8",
        "--out",
        scenario.to_str().expect("utf-8"),
    ]);
    assert_success(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Qualification"), "{text}");
    assert!(text.contains("Scenario written to"), "{text}");
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&scenario).expect("written")).expect("JSON");
    assert_eq!(saved["horizon_weeks"], 8);
    let sim = funnelcast(&[
        "simulate",
        scenario.to_str().expect("utf-8"),
        "--trials",
        "500",
        "--json",
    ]);
    assert_success(&sim);
}

#[test]
fn files_that_cannot_be_fitted_get_a_clear_message() {
    let not_deals = temp_file("people.csv", "Name,Email\nAda,ada@example.com\n");
    let out = funnelcast(&["fit", not_deals.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Create Date") && err.contains("StageName"),
        "{err}"
    );
    let file = temp_file("dates.csv", &per_deal(None, iso));
    for (flag, value) in [
        ("--as-of", "30/01/2025"),
        ("--since", "soon"),
        ("--date-order", "ymd"),
        ("--horizon-weeks", "0"),
    ] {
        let out = funnelcast(&["fit", file.to_str().expect("utf-8"), flag, value]);
        assert!(!out.status.success(), "{flag} {value}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{flag} {value}"
        );
    }
    let missing = funnelcast(&["fit", "/nonexistent/deals.csv"]);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}
