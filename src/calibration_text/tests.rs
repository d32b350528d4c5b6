use super::*;
use engine::backtest::{Actual, OriginResult};

fn forecast(p10: f64, p50: f64, p90: f64, within80: bool) -> Forecast {
    Forecast {
        p5: p10,
        p10,
        p25: p50,
        p50,
        p75: p50,
        p90,
        p95: p90,
        pit: 0.5,
        crps: 1.0,
        within50: false,
        within80,
        within90: within80,
    }
}

fn backtest(inside: &[bool]) -> Backtest {
    let origins: Vec<OriginResult> = inside
        .iter()
        .enumerate()
        .map(|(i, &within)| OriginResult {
            as_of: Day::from_ymd(2024, 1, 1 + i as u32).expect("a day"),
            actual: Actual {
                won: 10,
                revenue: (i > 0).then_some(1000.0),
            },
            won: forecast(5.0, 10.0, 15.0, within),
            revenue: (i > 0).then(|| forecast(500.0, 1000.0, 1500.0, within)),
        })
        .collect();
    let pairs: Vec<(Forecast, f64)> = origins.iter().map(|o| (o.won, 10.0)).collect();
    Backtest {
        settings: Default::default(),
        won: Scores::over(&pairs),
        revenue: None,
        origins,
    }
}

#[test]
fn the_headline_counts_quarters_and_hits() {
    let b = backtest(&[true, true, false, true, true, true, true, true]);
    let won = rows(&b, Measure::Won);
    assert_eq!(
        headline(13, &won),
        "Over the last 8 quarters, the 80 % range contained the actual result 7 times."
    );
    assert_eq!(
        headline(4, &won[..1]),
        "Over the last forecast of 4 weeks, the 80 % range contained the actual result once."
    );
    assert_eq!(
        headline(1, &won[2..3]),
        "Over the last forecast of 1 week, the 80 % range contained the actual result no time."
    );
}

#[test]
fn revenue_rows_are_the_origins_with_a_revenue_forecast() {
    let b = backtest(&[true, false, true]);
    let revenue = rows(&b, Measure::Revenue);
    assert_eq!(revenue.len(), 2);
    assert_eq!(revenue[0].actual, 1000.0);
    assert_eq!(inside(&revenue, 80), 1);
    assert_eq!(inside(&rows(&b, Measure::Won), 90), 2);
    assert_eq!(scores(&b, Measure::Revenue), None);
}

#[test]
fn the_bias_sentence_needs_two_standard_errors() {
    // 8 origins: sd of the mean PIT √(1/96) = 0.102; two of them 0.204.
    assert!(bias(0.35, 8).ends_with("no clear lean either way."));
    assert!(bias(0.29, 8).ends_with("too high."));
    assert!(bias(0.71, 8).ends_with("too low."));
    assert_eq!(
        bias(0.5, 100),
        "Mean PIT 0.50 (0.50 means no bias): no clear lean either way."
    );
}
