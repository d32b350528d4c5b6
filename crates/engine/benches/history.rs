//! Parse + fit of a 100,000-deal per-deal export (criterion, native, one
//! core): the file is generated here by the tests' generator.
//!
//! `cargo bench -p engine --bench history`: the README quotes the time.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use engine::history::{analyse, FitOptions};
use std::hint::black_box;

#[path = "../tests/support/history_export.rs"]
mod history_export;

fn fit_100k_deals(c: &mut Criterion) {
    // 962 a week over 104 weeks: about 100,000 deals.
    let truth = history_export::Truth {
        leads_per_week: 962.0,
        ..history_export::Truth::default()
    };
    let deals = history_export::generate(&truth, 1);
    let csv = history_export::per_deal_csv(&deals, truth.last_day()).into_bytes();
    let options = FitOptions::default();
    let report = analyse(&csv, &options);
    assert!(report.fit.is_ok(), "{:?}", report.fit);
    let mut g = c.benchmark_group("history");
    g.sample_size(10);
    g.throughput(Throughput::Elements(deals.len() as u64));
    g.bench_function(
        format!(
            "per_deal_{}_deals_{}_MB",
            deals.len(),
            csv.len() / 1_000_000
        ),
        |b| b.iter(|| black_box(analyse(black_box(&csv), &options))),
    );
    g.finish();
}

criterion_group!(benches, fit_100k_deals);
criterion_main!(benches);
