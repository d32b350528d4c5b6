//! A backtest of a 3-year, 20,000-deal per-deal export at 8 origins ×
//! 10,000 trials (criterion, native, one core): read once, fitted at each
//! origin, each origin's trials simulated and scored. The file is generated
//! here by the tests' generator.
//!
//! `cargo bench -p engine --bench backtest`: the README quotes the time.

use criterion::{criterion_group, criterion_main, Criterion};
use engine::backtest::{backtest, BacktestSettings};
use engine::history::FitOptions;
use std::hint::black_box;

#[path = "../tests/support/history_export.rs"]
mod history_export;

fn backtest_20k_deals(c: &mut Criterion) {
    // 128 a week over 156 weeks: about 20,000 deals. With a 39-week warm-up
    // the origins are weeks 39, 52, …, 130: 8 of them (the default 26 weeks
    // would give 9; week 143 + 13 is past the last day).
    let truth = history_export::Truth {
        leads_per_week: 128.0,
        weeks: 156,
        ..history_export::Truth::default()
    };
    let deals = history_export::generate(&truth, 3);
    let csv = history_export::per_deal_csv(&deals, truth.last_day()).into_bytes();
    let settings = BacktestSettings {
        warmup_weeks: 39,
        ..BacktestSettings::default()
    };
    let result = backtest(csv.clone(), FitOptions::default(), settings).expect("backtests");
    assert_eq!(result.origins.len(), 8);
    let mut g = c.benchmark_group("backtest");
    g.sample_size(10);
    g.bench_function(
        format!(
            "{}_deals_{}_origins_{}_trials",
            deals.len(),
            result.origins.len(),
            settings.trials
        ),
        |b| {
            b.iter(|| {
                black_box(backtest(
                    black_box(csv.clone()),
                    FitOptions::default(),
                    settings,
                ))
            })
        },
    );
    g.finish();
}

criterion_group!(benches, backtest_20k_deals);
criterion_main!(benches);
