//! Same scenario and seed give the same summary, however the run is chunked
//! or split.

use crate::common::{cohort, run};
use engine::Simulation;

const RATES: [f64; 7] = [0.55, 0.62, 0.7, 0.6, 0.45, 0.38, 0.3];

#[test]
fn same_seed_gives_an_identical_summary() {
    let a = run(&cohort(5000, RATES, 3000, 42));
    let b = run(&cohort(5000, RATES, 3000, 42));
    assert_eq!(a, b);
    let c = run(&cohort(5000, RATES, 3000, 43));
    assert_ne!(a.won, c.won);
}

#[test]
fn summary_does_not_depend_on_chunk_size() {
    let scenario = cohort(5000, RATES, 3001, 42);
    let whole = run(&scenario);
    for chunk in [1, 7, 64, 1000, 3000] {
        let mut sim = Simulation::new(scenario.clone());
        let mut steps = 0;
        while !sim.is_done() {
            let left = 3001 - sim.trials_done();
            assert_eq!(sim.step(chunk), chunk.min(left));
            steps += 1;
        }
        assert_eq!(steps, 3001u64.div_ceil(chunk));
        assert_eq!(sim.summary(), whole, "chunk size {chunk}");
    }
}

#[test]
fn shares_of_the_trials_merge_to_the_whole_run() {
    let scenario = cohort(800, RATES, 2000, 9);
    let whole = Simulation::new(scenario.clone());
    let mut whole = whole;
    whole.step(u64::MAX);
    for cuts in [vec![0, 1000, 2000], vec![0, 1, 999, 1500, 2000]] {
        let mut merged = engine::Accumulator::default();
        for pair in cuts.windows(2).rev() {
            let mut part = Simulation::for_trials(scenario.clone(), pair[0]..pair[1]);
            part.step(u64::MAX);
            merged.merge(part.accumulator());
        }
        assert_eq!(&merged, whole.accumulator());
    }
}

#[test]
fn partial_summaries_report_progress() {
    let mut sim = Simulation::new(cohort(100, RATES, 1000, 1));
    assert_eq!(sim.step(250), 250);
    let s = sim.summary();
    assert_eq!((s.trials_done, s.trials_planned), (250, 1000));
    assert_eq!(sim.step(10_000), 750);
    assert_eq!(sim.step(10), 0);
    assert!(sim.is_done());
}
