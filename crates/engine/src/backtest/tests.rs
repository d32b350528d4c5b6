//! The origins rule, the settings' checks and a hand-made history whose
//! actuals are counted by hand.

use super::*;
use crate::history::Day;
use crate::job::{run_to_end, start, HistorySource, JobSpec};
use crate::Report;

fn day(text: &str) -> Day {
    Day::parse_iso(text).expect("an ISO day")
}

/// Seven deals (first created Monday 2025-01-06, latest date 2025-02-03).
/// With a 2-week warm-up and a 1-week horizon every week, the origins are
/// 2025-01-20 (wins dated 01-21 … 01-27: deals 2 and 3, 200 + 300) and
/// 2025-01-27 (wins dated 01-28 … 02-03: deal 5, no amount). Deal 1 is won
/// on 01-20 itself: known at the first origin, in no window.
pub const HAND_MADE: &str = "\
Record ID,Create Date,Amount,Date entered \"Prospecting\",Date entered \"Closing\",Date entered \"Closed won\",Date entered \"Closed lost\"
1,2025-01-06 09:00,100,2025-01-06 09:00,2025-01-10 09:00,2025-01-20 10:00,
2,2025-01-07 09:00,200,2025-01-07 09:00,2025-01-12 09:00,2025-01-21 09:00,
3,2025-01-08 09:00,300,2025-01-08 09:00,2025-01-15 09:00,2025-01-27 23:59,
4,2025-01-13 09:00,400,2025-01-13 09:00,,,2025-01-22 09:00
5,2025-01-14 09:00,,2025-01-14 09:00,2025-01-20 09:00,2025-02-03 08:00,
6,2025-01-20 09:00,600,2025-01-20 09:00,2025-01-25 09:00,,
7,2025-02-03 09:00,700,2025-02-03 09:00,,,
";

pub fn hand_made_settings() -> BacktestSettings {
    BacktestSettings {
        horizon_weeks: 1,
        every_weeks: 1,
        warmup_weeks: 2,
        trials: 500,
        seed: 7,
        variation: true,
    }
}

#[test]
fn origins_run_from_the_warm_up_to_the_latest_day_minus_the_horizon() {
    let settings = BacktestSettings::default();
    // 2023-01-02 + 26 weeks = 2023-07-03; then every 13 weeks while
    // o + 91 days ≤ 2024-12-31, i.e. o ≤ 2024-10-01.
    let got = origins(day("2023-01-02"), day("2024-12-31"), &settings);
    let shown: Vec<String> = got.iter().map(Day::to_string).collect();
    assert_eq!(
        shown,
        [
            "2023-07-03",
            "2023-10-02",
            "2024-01-01",
            "2024-04-01",
            "2024-07-01",
            "2024-09-30"
        ]
    );
    // A last origin exactly at latest − 7·H is included.
    let exact = origins(day("2023-01-02"), day("2024-12-30"), &settings);
    assert_eq!(exact.last(), Some(&day("2024-09-30")));
    let short = origins(day("2023-01-02"), day("2023-09-01"), &settings);
    assert!(short.is_empty());
}

#[test]
fn settings_out_of_range_are_refused_with_a_message() {
    let mut settings = BacktestSettings::default();
    assert_eq!(settings.check(), Ok(()));
    settings.warmup_weeks = 0;
    let message = settings.check().expect_err("refused").to_string();
    assert!(message.contains("warm-up"), "{message}");
    settings = BacktestSettings {
        trials: 0,
        ..BacktestSettings::default()
    };
    assert!(settings.check().is_err());
}

#[test]
fn the_hand_made_history_s_actuals_are_counted_by_hand() {
    let result = backtest(
        HAND_MADE.as_bytes().to_vec(),
        Default::default(),
        hand_made_settings(),
    )
    .expect("runs");
    let as_of: Vec<String> = result.origins.iter().map(|o| o.as_of.to_string()).collect();
    assert_eq!(as_of, ["2025-01-20", "2025-01-27"]);
    let actuals: Vec<Actual> = result.origins.iter().map(|o| o.actual).collect();
    assert_eq!(
        actuals,
        [
            Actual {
                won: 2,
                revenue: Some(500.0)
            },
            Actual {
                won: 1,
                revenue: Some(0.0)
            }
        ]
    );
    for origin in &result.origins {
        let f = origin.won;
        assert!(f.p5 <= f.p10 && f.p10 <= f.p25 && f.p25 <= f.p50);
        assert!(f.p50 <= f.p75 && f.p75 <= f.p90 && f.p90 <= f.p95);
        assert!((0.0..=1.0).contains(&f.pit));
        assert!(origin.revenue.is_some(), "deal 1 has an amount");
    }
    assert_eq!(result.won.origins, 2);
}

#[test]
fn a_history_too_short_for_warm_up_and_horizon_says_so() {
    let settings = BacktestSettings {
        warmup_weeks: 4,
        ..hand_made_settings()
    };
    let error = backtest(HAND_MADE.as_bytes().to_vec(), Default::default(), settings)
        .expect_err("too short");
    let message = error.to_string();
    assert!(
        message.contains("2025-01-06") && message.contains("2025-02-03"),
        "{message}"
    );
}

#[test]
fn the_job_reports_progress_then_the_backtest_whatever_the_budget() {
    let spec = JobSpec::Backtest {
        source: HistorySource::Bytes(HAND_MADE.as_bytes().to_vec()),
        options: Default::default(),
        settings: hand_made_settings(),
    };
    let direct = backtest(
        HAND_MADE.as_bytes().to_vec(),
        Default::default(),
        hand_made_settings(),
    )
    .expect("runs");
    for budget in [1, 3, 64, 499, u64::MAX] {
        let mut job = start(&spec).expect("valid");
        assert!(matches!(job.report(), Report::Progress(p) if p <= 0.05));
        let mut last = 0.0;
        while !job.is_done() {
            job.step(budget);
            if let Report::Progress(p) = job.report() {
                assert!(p >= last && p <= 1.0, "{p} after {last}");
                last = p;
            }
        }
        let report = run_to_end(job.as_mut(), budget);
        assert_eq!(report, Report::Backtest(Ok(Box::new(direct.clone()))));
    }
}
