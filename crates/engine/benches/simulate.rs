//! Trials per second of the Monte Carlo run (criterion, native).
//!
//! `cargo bench -p engine` — the README quotes the `thrpt` line.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use engine::{LeadsInput, Scenario, ScenarioInput, Simulation};
use std::hint::black_box;

fn scenario(leads: f64, trials: f64) -> Scenario {
    let input = ScenarioInput {
        leads: LeadsInput::Count(leads),
        trials,
        ..ScenarioInput::default()
    };
    Scenario::new(&input).expect("bench scenario is valid")
}

fn cohort(c: &mut Criterion) {
    let mut group = c.benchmark_group("cohort");
    group.sample_size(10);
    for (name, leads) in [
        ("10k_leads_100k_trials", 10_000.0),
        ("10M_leads_100k_trials", 1e7),
    ] {
        let trials = 100_000u64;
        group.throughput(Throughput::Elements(trials));
        let s = scenario(leads, trials as f64);
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut sim = Simulation::new(black_box(s.clone()));
                sim.step(u64::MAX);
                black_box(sim.summary())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, cohort);
criterion_main!(benches);
