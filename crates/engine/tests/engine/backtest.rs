//! The backtest end to end on generated histories: each origin's fit is
//! `fit --as-of o`'s, nothing after an origin leaks into its forecast, and
//! the forecast's calibration (mean PIT, coverage of the 50 % and 80 %
//! intervals) over many origins, on stationary and on drifting histories.

use crate::drifting_history::{generate_drifting, Drift};
use crate::history_export::{generate, per_deal_csv, GenDeal, Truth};
use engine::backtest::{backtest, origin_scenario, Backtest, BacktestSettings, OriginResult};
use engine::history::{analyse, Day, Deals, FitOptions};

fn run(csv: &str, settings: BacktestSettings) -> Backtest {
    backtest(csv.as_bytes().to_vec(), FitOptions::default(), settings).expect("backtests")
}

/// A year and a half of 40 leads a week: origins at weeks 26, 39 and 52
/// (week 65 + 13 is past the last day, 78 weeks − 1 day).
fn standard() -> (Truth, Vec<GenDeal>) {
    let truth = Truth {
        weeks: 78,
        ..Truth::default()
    };
    let deals = generate(&truth, 15);
    (truth, deals)
}

fn small_settings() -> BacktestSettings {
    BacktestSettings {
        trials: 300,
        ..BacktestSettings::default()
    }
}

#[test]
fn each_origin_is_fitted_exactly_as_fit_as_of_would() {
    let (truth, deals) = standard();
    let csv = per_deal_csv(&deals, truth.last_day());
    let settings = small_settings();
    let result = run(&csv, settings);
    assert_eq!(result.origins.len(), 3);
    let read = Deals::read(csv.as_bytes(), &FitOptions::default()).expect("reads");
    for origin in &result.origins {
        let options = FitOptions {
            as_of: Some(origin.as_of),
            ..FitOptions::default()
        };
        let alone = analyse(csv.as_bytes(), &options).fit.expect("fits");
        assert_eq!(read.fit(&options).expect("fits"), alone);
        let mut expected = alone.scenario(settings.horizon_weeks);
        expected.trials = settings.trials as f64;
        expected.seed = settings.seed;
        let scenario = origin_scenario(&read, &FitOptions::default(), &settings, origin.as_of)
            .expect("a scenario");
        assert_eq!(scenario, expected);
    }
}

fn origin_at(result: &Backtest, as_of: Day) -> &OriginResult {
    result
        .origins
        .iter()
        .find(|o| o.as_of == as_of)
        .expect("the origin is in both backtests")
}

#[test]
fn rows_dated_after_an_origin_s_horizon_change_nothing_at_that_origin() {
    let (truth, deals) = standard();
    let settings = small_settings();
    let full = run(&per_deal_csv(&deals, truth.last_day()), settings);
    let origin = &full.origins[1];
    // The same deals exported at the end of the origin's horizon: every row
    // and event dated later is gone.
    let horizon_end = i64::from(origin.as_of.0) + 7 * i64::from(settings.horizon_weeks);
    let cut = run(&per_deal_csv(&deals, horizon_end), settings);
    assert_eq!(cut.origins.last().map(|o| o.as_of), Some(origin.as_of));
    assert_eq!(origin_at(&cut, origin.as_of), origin);
}

#[test]
fn rows_dated_after_an_origin_change_only_its_actual() {
    let (truth, deals) = standard();
    let settings = small_settings();
    let full = run(&per_deal_csv(&deals, truth.last_day()), settings);
    let origin = &full.origins[1];
    // Every win after the origin turned into a loss at the same time.
    let end = (i64::from(origin.as_of.0) + 1) * 86_400;
    let mut lost = deals.clone();
    for deal in &mut lost {
        if let Some((true, at)) = deal.close.filter(|c| c.1 >= end) {
            deal.close = Some((false, at));
        }
    }
    let changed = run(&per_deal_csv(&lost, truth.last_day()), settings);
    let after = origin_at(&changed, origin.as_of);
    assert!(origin.actual.won > 0);
    assert_eq!(after.actual.won, 0);
    assert_eq!(after.actual.revenue, Some(0.0));
    assert_eq!(after.won.p50, origin.won.p50);
    assert_eq!(
        (after.won.p5, after.won.p95),
        (origin.won.p5, origin.won.p95)
    );
    let (a, b) = (
        after.revenue.expect("revenue"),
        origin.revenue.expect("revenue"),
    );
    assert_eq!((a.p10, a.p50, a.p90), (b.p10, b.p50, b.p90));
}

/// Mean PIT and coverage of the won count over the origins of `histories`
/// generated histories.
struct Calibration {
    origins: usize,
    mean_pit: f64,
    coverage50: f64,
    coverage80: f64,
}

fn calibrate(
    histories: u64,
    settings: BacktestSettings,
    make: impl Fn(u64) -> (Truth, Vec<GenDeal>),
) -> Calibration {
    let mut pits = Vec::new();
    let (mut in50, mut in80) = (0, 0);
    for seed in 0..histories {
        let (truth, deals) = make(seed);
        let result = run(&per_deal_csv(&deals, truth.last_day()), settings);
        for origin in &result.origins {
            pits.push(origin.won.pit);
            in50 += usize::from(origin.won.within50);
            in80 += usize::from(origin.won.within80);
        }
    }
    let n = pits.len();
    let c = Calibration {
        origins: n,
        mean_pit: pits.iter().sum::<f64>() / n as f64,
        coverage50: in50 as f64 / n as f64,
        coverage80: in80 as f64 / n as f64,
    };
    eprintln!(
        "{} origins: mean PIT {:.3}, coverage50 {:.3}, coverage80 {:.3}",
        c.origins, c.mean_pit, c.coverage50, c.coverage80
    );
    c
}

/// 400 trials per origin (the PIT of a count then has a Monte Carlo error
/// near 0.02, far below the spread of PITs over origins); `variation`: with
/// the fitted lead dispersion and market sd.
fn calibration_settings(variation: bool) -> BacktestSettings {
    BacktestSettings {
        trials: 400,
        variation,
        ..BacktestSettings::default()
    }
}

/// Two years of 20 leads a week: 5 origins per history, at weeks 26, 39,
/// 52, 65 and 78 (week 91 + 13 is past the last day).
fn two_years() -> Truth {
    Truth {
        leads_per_week: 20.0,
        weeks: 104,
        ..Truth::default()
    }
}

fn drifting(seed: u64) -> (Truth, Vec<GenDeal>) {
    let truth = two_years();
    let deals = generate_drifting(&truth, &Drift::default(), 2000 + seed);
    (truth, deals)
}

// Bounds. With n origins, a coverage share whose promise p is kept has
// binomial standard error √(p(1 − p)/n) and a mean PIT (uniform on [0, 1],
// sd 1/√12) √(1/(12 n)). For n = 250: 0.032 (p = 0.5), 0.025 (p = 0.8),
// 0.018 (PIT). The bounds are issue 15's: 42–58 %, 72–88 % and 0.44–0.56,
// i.e. ±2.5, ±3.2 and ±3.3 standard errors. Origins of one history share
// their fitting data, so they are positively correlated and the true errors
// are somewhat larger (5 origins per history): the bounds are not tighter
// than about ±2 true standard errors, and the seeds are fixed.

#[test]
fn on_stationary_histories_the_intervals_keep_their_promise() {
    let truth = two_years();
    let c = calibrate(50, calibration_settings(true), |seed| {
        (truth.clone(), generate(&truth, 1000 + seed))
    });
    assert_eq!(c.origins, 250);
    assert!(
        (0.42..=0.58).contains(&c.coverage50),
        "coverage50 {}",
        c.coverage50
    );
    assert!(
        (0.72..=0.88).contains(&c.coverage80),
        "coverage80 {}",
        c.coverage80
    );
    // Measured (arrivals spread over the week, the fitted lead dispersion
    // and market sd in, mostly absent here): mean PIT 0.498, coverage50
    // 0.572, coverage80 0.832 (without the two fields: 0.497, 0.560, 0.820).
    assert!(
        (0.44..=0.56).contains(&c.mean_pit),
        "mean PIT {}",
        c.mean_pit
    );
}

#[test]
fn on_drifting_histories_today_s_intervals_fall_short() {
    // Market shocks and bursty leads move real quarters more than fixed,
    // independent rates and Poisson leads allow: the model's ranges are too
    // narrow. The fitted lead dispersion and market sd switched off:
    // measured 120 origins, coverage50 0.242, coverage80 0.417, mean PIT
    // 0.536 (250 origins: 0.244, 0.420, 0.488).
    // The shortfall is far beyond sampling error (n = 120: the 80 % promise
    // kept gives 0.80 ± 0.037, so 0.72 is already 2.2 standard errors below).
    let c = calibrate(24, calibration_settings(false), drifting);
    assert_eq!(c.origins, 120);
    assert!(c.coverage80 < 0.72, "coverage80 {}", c.coverage80);
    assert!(c.coverage50 < 0.42, "coverage50 {}", c.coverage50);
}

/// Issue 15's goal: with the fitted lead dispersion and market sd, the
/// intervals on drifting histories keep their promise; without them, on the
/// same histories and origins, they fall short. The warm-up is 39 weeks so
/// that every origin has the 3 complete quarters the market sd needs (with
/// the default 26 the first origin has 2 and is forecast without it: see
/// docs/backtest.md for what that costs). 4 origins per history, at weeks
/// 39, 52, 65 and 78; 50 histories, 200 origins.
#[test]
fn on_drifting_histories_dispersion_and_market_shock_keep_the_promise() {
    let settings = BacktestSettings {
        warmup_weeks: 39,
        ..calibration_settings(true)
    };
    let with = calibrate(50, settings, drifting);
    assert_eq!(with.origins, 200);
    // n = 200: standard errors 0.035 (p = 0.5), 0.028 (p = 0.8), 0.020 (PIT);
    // the bounds are ±2.3, ±2.8 and ±3 of them.
    assert!(
        (0.42..=0.58).contains(&with.coverage50),
        "coverage50 {}",
        with.coverage50
    );
    assert!(
        (0.72..=0.88).contains(&with.coverage80),
        "coverage80 {}",
        with.coverage80
    );
    assert!(
        (0.44..=0.56).contains(&with.mean_pit),
        "mean PIT {}",
        with.mean_pit
    );
    let without = calibrate(
        50,
        BacktestSettings {
            variation: false,
            ..settings
        },
        drifting,
    );
    assert!(
        without.coverage80 < 0.72,
        "coverage80 {}",
        without.coverage80
    );
    assert!(
        without.coverage50 < 0.42,
        "coverage50 {}",
        without.coverage50
    );
}
