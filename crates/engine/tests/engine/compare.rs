//! Comparisons on common random numbers.

use engine::{Comparison, DealValueInput, Measure, Scenario, ScenarioInput, Simulation};

fn scenario(qualification: f64) -> Scenario {
    let mut input = ScenarioInput::default();
    input.stages[1].rate = qualification;
    input.trials = 4000.0;
    Scenario::new(&input).expect("valid")
}

#[test]
fn identical_scenarios_tie_in_every_trial() {
    let mut c = Comparison::new(vec![scenario(0.6), scenario(0.6)], 9, 0..4000);
    c.step(u64::MAX);
    let s = c.summary(4000);
    assert_eq!(s.beats[0][1], 0.0);
    assert_eq!(s.beats[1][0], 0.0);
    assert_eq!(s.summaries[0], s.summaries[1]);
}

#[test]
fn a_better_scenario_beats_the_other_and_shares_its_random_numbers() {
    let mut c = Comparison::new(vec![scenario(0.6), scenario(0.7)], 9, 0..4000);
    c.step(u64::MAX);
    let s = c.summary(4000);
    assert_eq!(s.metric, Measure::Won);
    // B (a higher rate) beats A far more often than the reverse. (Common
    // random numbers couple the draws but binomial samplers are not
    // monotone in p, so A still wins some trials.)
    assert!(s.beats[1][0] > 0.6, "{}", s.beats[1][0]);
    assert!(s.beats[1][0] > 3.0 * s.beats[0][1], "{:?}", s.beats);
    // Each scenario's summary is what it gives on its own with that seed.
    let mut alone = Simulation::new(scenario(0.7).with_seed(9));
    alone.step(u64::MAX);
    assert_eq!(alone.summary(), s.summaries[1]);
}

#[test]
fn shares_merge_to_the_whole_comparison() {
    let both = || vec![scenario(0.5), scenario(0.55), scenario(0.6)];
    let mut whole = Comparison::new(both(), 3, 0..3000);
    whole.step(u64::MAX);
    let mut merged = engine::CompareAccumulator::default();
    for range in [2000..3000, 0..1000, 1000..2000] {
        let mut part = Comparison::new(both(), 3, range);
        part.step(u64::MAX);
        merged.merge(part.accumulator());
    }
    assert_eq!(&merged, whole.accumulator());
}

#[test]
fn revenue_is_compared_when_every_scenario_has_values() {
    let with_values = |median: f64| {
        let mut input = ScenarioInput::default();
        input.deal_value = Some(DealValueInput {
            median,
            p90: median * 2.0,
        });
        input.trials = 1000.0;
        Scenario::new(&input).expect("valid")
    };
    let mut c = Comparison::new(vec![with_values(1000.0), with_values(2000.0)], 1, 0..1000);
    c.step(u64::MAX);
    let s = c.summary(1000);
    assert_eq!(s.metric, Measure::Revenue);
    assert!(s.beats[1][0] > 0.9);
}
