//! `funnelcast backtest` run as a user would: the JSON's keys (a public
//! contract), a small history whose actuals are counted by hand, the text's
//! summary sentence and bad flags.

mod common;

use common::{assert_success, funnelcast, json, temp_file};
use serde_json::Value;

/// Seven deals (first created Monday 2025-01-06, latest date 2025-02-03).
/// With `--warmup-weeks 2 --horizon-weeks 1 --every-weeks 1` the origins are
/// 2025-01-20 + 14 days and every week while o ≤ 02-03 − 7 days:
/// - 2025-01-20: wins dated 01-21 … 01-27 are deal 2 (01-21, 200) and deal 3
///   (01-27 23:59, 300): won 2, revenue 500. Deal 1, won on 01-20 itself, is
///   known at the origin and counts in no window.
/// - 2025-01-27: wins dated 01-28 … 02-03: deal 5 (02-03, no amount): won
///   1, revenue 0. Deal 4 is lost; deals 6 and 7 are still open.
const HISTORY: &str = "\
Record ID,Create Date,Amount,Date entered \"Prospecting\",Date entered \"Closing\",Date entered \"Closed won\",Date entered \"Closed lost\"
1,2025-01-06 09:00,100,2025-01-06 09:00,2025-01-10 09:00,2025-01-20 10:00,
2,2025-01-07 09:00,200,2025-01-07 09:00,2025-01-12 09:00,2025-01-21 09:00,
3,2025-01-08 09:00,300,2025-01-08 09:00,2025-01-15 09:00,2025-01-27 23:59,
4,2025-01-13 09:00,400,2025-01-13 09:00,,,2025-01-22 09:00
5,2025-01-14 09:00,,2025-01-14 09:00,2025-01-20 09:00,2025-02-03 08:00,
6,2025-01-20 09:00,600,2025-01-20 09:00,2025-01-25 09:00,,
7,2025-02-03 09:00,700,2025-02-03 09:00,,,
";

const WEEKLY: [&str; 6] = [
    "--warmup-weeks",
    "2",
    "--horizon-weeks",
    "1",
    "--every-weeks",
    "1",
];

/// The history in a file of its own per test (tests run in parallel).
fn history(name: &str) -> String {
    temp_file(name, HISTORY).display().to_string()
}

/// `backtest <file> --trials <trials> --json <extra…>`, which must succeed.
fn backtest_file_json(file: &str, trials: &str, extra: &[&str]) -> Value {
    let mut args = vec!["backtest", file, "--trials", trials, "--json"];
    args.extend(extra);
    json(&funnelcast(&args))
}

/// The hand-counted history's backtest, 400 trials.
fn backtest_json(name: &str, extra: &[&str]) -> Value {
    backtest_file_json(&history(name), "400", extra)
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

const PERCENTILES: [&str; 8] = ["p10", "p25", "p5", "p50", "p75", "p90", "p95", "pit"];
const SCORES: [&str; 5] = [
    "coverage50",
    "coverage80",
    "coverage90",
    "crps",
    "hubspot_accuracy",
];

#[test]
fn json_has_exactly_the_documented_keys_and_the_hand_counted_actuals() {
    let json = backtest_json("keys.csv", &WEEKLY);
    assert_eq!(keys(&json), ["horizon_weeks", "origins", "summary"]);
    assert_eq!(json["horizon_weeks"], 1);
    let origins = json["origins"].as_array().expect("origins");
    assert_eq!(origins.len(), 2);
    for origin in origins {
        assert_eq!(keys(origin), ["actual", "as_of", "revenue", "won"]);
        assert_eq!(keys(&origin["actual"]), ["revenue", "won"]);
        assert_eq!(keys(&origin["won"]), PERCENTILES);
        assert_eq!(keys(&origin["revenue"]), PERCENTILES);
        // Won percentiles are whole numbers of deals, in order.
        let p: Vec<u64> = ["p5", "p10", "p25", "p50", "p75", "p90", "p95"]
            .iter()
            .map(|k| origin["won"][k].as_u64().expect("a whole number"))
            .collect();
        assert!(p.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
        let pit = origin["won"]["pit"].as_f64().expect("pit");
        assert!((0.0..=1.0).contains(&pit));
    }
    let actual = |i: usize| {
        (
            origins[i]["as_of"].as_str().expect("a date").to_owned(),
            origins[i]["actual"]["won"].as_u64(),
            origins[i]["actual"]["revenue"].as_f64(),
        )
    };
    assert_eq!(actual(0), ("2025-01-20".to_owned(), Some(2), Some(500.0)));
    assert_eq!(actual(1), ("2025-01-27".to_owned(), Some(1), Some(0.0)));
    assert_eq!(keys(&json["summary"]), ["revenue", "won"]);
    assert_eq!(keys(&json["summary"]["won"]), SCORES);
    assert_eq!(keys(&json["summary"]["revenue"]), SCORES);
    for score in SCORES {
        let value = json["summary"]["won"][score].as_f64().expect("a number");
        assert!(value >= 0.0, "{score} = {value}");
    }
}

#[test]
fn the_same_seed_gives_the_same_backtest_and_another_seed_another() {
    let a = backtest_json("seed-a.csv", &WEEKLY);
    let b = backtest_json("seed-b.csv", &WEEKLY);
    assert_eq!(a, b);
    let mut other = WEEKLY.to_vec();
    other.extend(["--seed", "9"]);
    assert_ne!(backtest_json("seed-c.csv", &other)["origins"], a["origins"]);
}

#[test]
fn a_file_without_amounts_has_no_revenue() {
    let no_amounts: String = HISTORY
        .lines()
        .map(|line| {
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.remove(2);
            cells.join(",") + "\n"
        })
        .collect();
    let file = temp_file("no-amounts.csv", &no_amounts)
        .display()
        .to_string();
    let json = backtest_file_json(&file, "100", &WEEKLY);
    assert!(json["summary"]["revenue"].is_null());
    for origin in json["origins"].as_array().expect("origins") {
        assert!(origin["revenue"].is_null());
        assert!(origin["actual"]["revenue"].is_null());
    }
}

#[test]
fn text_shows_a_table_per_origin_and_the_summary_sentence() {
    let file = history("text.csv");
    let mut args = vec!["backtest", &file, "--trials", "400"];
    args.extend(WEEKLY);
    let out = funnelcast(&args);
    assert_success(&out);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("2025-01-20") && text.contains("2025-01-27"),
        "{text}"
    );
    assert!(
        text.contains(
            "Over the last 2 forecasts of 1 week, the 80 % range contained the actual result"
        ),
        "{text}"
    );
}

#[test]
fn bad_flags_and_short_histories_get_a_message() {
    let file = history("bad-flags.csv");
    let cases: [(&[&str], &str); 6] = [
        (&["--trials", "0"], "--trials must be between 1"),
        (
            &["--horizon-weeks", "0"],
            "--horizon-weeks must be between 1",
        ),
        (&["--every-weeks", "600"], "--every-weeks must be between 1"),
        (&["--date-order", "ymd"], "--date-order must be dmy"),
        (&["--since", "yesterday"], "--since must be a date"),
        (&[], "a backtest needs at least 26 weeks of warm-up"),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["backtest", file.as_str()];
        args.extend(extra);
        let out = funnelcast(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{extra:?}");
        assert!(stderr.contains(expected), "{extra:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let out = funnelcast(&["backtest", "/no/such/file.csv"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the file"));
}
