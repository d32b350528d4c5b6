//! Trials per second of the Monte Carlo run (criterion, native, one core).
//!
//! `cargo bench -p engine` (or `make bench`): the README quotes the `thrpt` lines.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use engine::{LeadsInput, Scenario, ScenarioInput, Simulation};
use std::hint::black_box;

fn cohort(leads: f64, trials: f64) -> Scenario {
    let input = ScenarioInput {
        leads: LeadsInput::Count(leads),
        trials,
        ..ScenarioInput::default()
    };
    Scenario::new(&input).expect("bench scenario is valid")
}

fn from_file(json: &str, trials: u64) -> Scenario {
    let input: ScenarioInput = serde_json::from_str(json).expect("bench scenario parses");
    Scenario::new(&input)
        .expect("bench scenario is valid")
        .with_trials(trials)
}

fn bench(c: &mut Criterion, group: &str, cases: Vec<(&str, Scenario)>) {
    let mut g = c.benchmark_group(group);
    g.sample_size(10);
    for (name, scenario) in cases {
        g.throughput(Throughput::Elements(scenario.trials()));
        g.bench_function(name, |b| {
            b.iter(|| {
                let mut sim = Simulation::new(black_box(scenario.clone()));
                sim.step(u64::MAX);
                black_box(sim.summary())
            })
        });
    }
    g.finish();
}

fn cohorts(c: &mut Criterion) {
    bench(
        c,
        "cohort",
        vec![
            ("10k_leads_100k_trials", cohort(10_000.0, 100_000.0)),
            ("10M_leads_100k_trials", cohort(1e7, 100_000.0)),
        ],
    );
}

fn scenarios(c: &mut Criterion) {
    bench(
        c,
        "scenario",
        vec![
            (
                "example_100k_trials",
                from_file(include_str!("example-scenario.json"), 100_000),
            ),
            (
                "large_20k_trials",
                from_file(include_str!("large-scenario.json"), 20_000),
            ),
        ],
    );
}

/// The classroom's per-deal view of one quarter of the example scenario
/// (about 1,600 deals): paid once per new quarter shown, on the page.
fn quarter(c: &mut Criterion) {
    let model = engine::Model::new(from_file(include_str!("example-scenario.json"), 1));
    let mut g = c.benchmark_group("classroom");
    g.bench_function("example_quarter_deal_by_deal", |b| {
        b.iter(|| black_box(engine::Quarter::new(black_box(&model), 0)))
    });
    g.finish();
}

criterion_group!(benches, cohorts, scenarios, quarter);
criterion_main!(benches);
