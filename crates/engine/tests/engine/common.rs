//! Helpers shared by the engine tests.

use engine::{LeadsInput, Scenario, ScenarioInput, Simulation, Summary};

/// A cohort scenario with the given leads, rates, trials and seed.
pub fn cohort(leads: u64, rates: [f64; 7], trials: u64, seed: u64) -> Scenario {
    let mut input = ScenarioInput::default();
    input.leads = LeadsInput::Count(leads as f64);
    for (stage, rate) in input.stages.iter_mut().zip(rates) {
        stage.rate = rate;
    }
    input.trials = trials as f64;
    input.seed = seed;
    Scenario::new(&input).expect("test scenario is valid")
}

/// Runs every trial in one go.
pub fn run(scenario: &Scenario) -> Summary {
    let mut sim = Simulation::new(scenario.clone());
    sim.step(u64::MAX);
    sim.summary()
}
