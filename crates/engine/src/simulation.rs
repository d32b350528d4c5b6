//! The Monte Carlo run, driven in chunks by its host.
//!
//! A trial moves a cohort through the stages with one binomial draw per stage,
//! so its cost does not depend on the number of leads. [`Simulation::step`]
//! runs a bounded number of trials and returns; the host (a Web Worker, a
//! test, a benchmark) owns the loop, reports progress and decides to stop.

use crate::rng::{trial_rng, TrialRng};
use crate::scenario::{Scenario, STAGE_COUNT};
use crate::sketch::CountStats;
use crate::summary::Summary;
use rand::distr::Distribution;
use rand_distr::Binomial;
use serde::{Deserialize, Serialize};

/// What one trial produced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrialOutcome {
    /// Deals that reached each stage; `reached[6]` (Follow-up) is the deals won.
    pub reached: [u64; STAGE_COUNT],
    /// Won customers who bought again in Follow-up.
    pub repeat: u64,
}

impl TrialOutcome {
    /// Deals won: those that passed Closing.
    pub fn won(&self) -> u64 {
        self.reached[STAGE_COUNT - 1]
    }
}

/// Binomial(n, p) draw; `p` was validated to lie in [0, 1].
fn binomial(rng: &mut TrialRng, n: u64, p: f64) -> u64 {
    if n == 0 {
        return 0;
    }
    match Binomial::new(n, p) {
        Ok(dist) => dist.sample(rng),
        // Unreachable for a validated scenario; an empty stage is the safe answer.
        Err(_) => 0,
    }
}

/// Runs one trial of `scenario` with the given generator.
pub fn run_trial(scenario: &Scenario, rng: &mut TrialRng) -> TrialOutcome {
    let stages = scenario.stages();
    let mut reached = [0u64; STAGE_COUNT];
    reached[0] = scenario.leads();
    for k in 1..STAGE_COUNT {
        reached[k] = binomial(rng, reached[k - 1], stages[k - 1].rate);
    }
    let repeat = binomial(rng, reached[STAGE_COUNT - 1], stages[STAGE_COUNT - 1].rate);
    TrialOutcome { reached, repeat }
}

/// Streaming statistics of every reported quantity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Accumulator {
    /// Per stage, deals that reached it.
    pub reached: [CountStats; STAGE_COUNT],
    /// Repeat purchases in Follow-up.
    pub repeat: CountStats,
}

impl Accumulator {
    fn push(&mut self, outcome: &TrialOutcome) {
        for (stats, &value) in self.reached.iter_mut().zip(&outcome.reached) {
            stats.push(value);
        }
        self.repeat.push(outcome.repeat);
    }

    /// Adds another accumulator (for example another worker's share).
    pub fn merge(&mut self, other: &Accumulator) {
        for (a, b) in self.reached.iter_mut().zip(&other.reached) {
            a.merge(b);
        }
        self.repeat.merge(&other.repeat);
    }
}

/// A Monte Carlo run over a range of trial indices.
#[derive(Clone, Debug)]
pub struct Simulation {
    scenario: Scenario,
    next_trial: u64,
    end_trial: u64,
    acc: Accumulator,
}

impl Simulation {
    /// All of the scenario's trials.
    pub fn new(scenario: Scenario) -> Self {
        let end = scenario.trials();
        Self::for_trials(scenario, 0..end)
    }

    /// Only trials `range` (for sharing a run between workers). Trial `i`
    /// always uses the same random stream, so shares merge to the same result.
    pub fn for_trials(scenario: Scenario, range: std::ops::Range<u64>) -> Self {
        Simulation {
            scenario,
            next_trial: range.start,
            end_trial: range.end.max(range.start),
            acc: Accumulator::default(),
        }
    }

    /// Runs up to `max_trials` more trials; returns how many ran.
    pub fn step(&mut self, max_trials: u64) -> u64 {
        let stop = self
            .end_trial
            .min(self.next_trial.saturating_add(max_trials));
        let ran = stop - self.next_trial;
        let seed = self.scenario.seed();
        for trial in self.next_trial..stop {
            let mut rng = trial_rng(seed, trial);
            let outcome = run_trial(&self.scenario, &mut rng);
            self.acc.push(&outcome);
        }
        self.next_trial = stop;
        ran
    }

    /// Trials run so far.
    pub fn trials_done(&self) -> u64 {
        self.acc.reached[0].len()
    }

    /// Trials this simulation will run in total.
    pub fn trials_planned(&self) -> u64 {
        self.trials_done() + (self.end_trial - self.next_trial)
    }

    pub fn is_done(&self) -> bool {
        self.next_trial >= self.end_trial
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The raw statistics so far, to merge with other shares.
    pub fn accumulator(&self) -> &Accumulator {
        &self.acc
    }

    /// Summary of the trials run so far.
    pub fn summary(&self) -> Summary {
        Summary::from_accumulator(&self.scenario, &self.acc, self.trials_planned())
    }
}
