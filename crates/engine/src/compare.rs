//! Several scenarios run side by side on common random numbers: trial t of
//! every scenario uses the same random streams, so the differences between
//! them come from the scenarios, not from noise. Reports each scenario's
//! summary and, for every pair, the share of trials in which one beats the
//! other.

use crate::measure::Measure;
use crate::model::{Model, TrialOutcome};
use crate::scenario::Scenario;
use crate::simulation::Accumulator;
use crate::summary::{Summary, SummaryContext};
use serde::{Deserialize, Serialize};

/// The statistics of a comparison so far; merges exactly.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CompareAccumulator {
    pub scenarios: Vec<Accumulator>,
    /// `wins[i][j]`: trials in which scenario i did strictly better than j.
    pub wins: Vec<Vec<u64>>,
}

impl CompareAccumulator {
    pub fn merge(&mut self, other: &CompareAccumulator) {
        if self.scenarios.is_empty() {
            *self = other.clone();
            return;
        }
        for (a, b) in self.scenarios.iter_mut().zip(&other.scenarios) {
            a.merge(b);
        }
        for (row, other_row) in self.wins.iter_mut().zip(&other.wins) {
            for (a, b) in row.iter_mut().zip(other_row) {
                *a += b;
            }
        }
    }
}

/// The comparison's results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparisonSummary {
    pub metric: Measure,
    pub summaries: Vec<Summary>,
    /// `beats[i][j]`: share of trials in which scenario i did strictly
    /// better than scenario j (ties count for neither).
    pub beats: Vec<Vec<f64>>,
    pub trials_done: u64,
}

/// Scenarios run side by side over a range of trials.
#[derive(Clone, Debug)]
pub struct Comparison {
    models: Vec<Model>,
    contexts: Vec<SummaryContext>,
    metric: Measure,
    next_trial: u64,
    end_trial: u64,
    acc: CompareAccumulator,
    scratch: Vec<TrialOutcome>,
}

impl Comparison {
    /// Compares `scenarios` over `trials` trials, all with `seed` (common
    /// random numbers), or only trials `range` of them.
    pub fn new(scenarios: Vec<Scenario>, seed: u64, range: std::ops::Range<u64>) -> Self {
        // Revenue only when every scenario has deal values.
        let metric = Measure::judged_by(scenarios.iter().all(|s| s.deal_value().is_some()));
        let trials = range.end.saturating_sub(range.start);
        let models: Vec<Model> = scenarios
            .into_iter()
            .map(|s| Model::new(s.with_seed(seed).with_trials(trials.max(1))))
            .collect();
        let contexts = models.iter().map(SummaryContext::new).collect();
        let n = models.len();
        Comparison {
            contexts,
            metric,
            next_trial: range.start,
            end_trial: range.end.max(range.start),
            acc: CompareAccumulator {
                scenarios: vec![Accumulator::default(); n],
                wins: vec![vec![0; n]; n],
            },
            scratch: vec![TrialOutcome::default(); n],
            models,
        }
    }

    /// Runs up to `max_trials` more trials; returns how many ran.
    pub fn step(&mut self, max_trials: u64) -> u64 {
        let stop = self
            .end_trial
            .min(self.next_trial.saturating_add(max_trials));
        let ran = stop - self.next_trial;
        for trial in self.next_trial..stop {
            for (model, out) in self.models.iter().zip(self.scratch.iter_mut()) {
                model.run_trial(trial, out);
            }
            let value = |o: &TrialOutcome| self.metric.of(o);
            for (i, a) in self.scratch.iter().enumerate() {
                self.acc.scenarios[i].push(a, self.models[i].scenario());
                for (j, b) in self.scratch.iter().enumerate() {
                    if value(a) > value(b) {
                        self.acc.wins[i][j] += 1;
                    }
                }
            }
        }
        self.next_trial = stop;
        ran
    }

    pub fn is_done(&self) -> bool {
        self.next_trial >= self.end_trial
    }

    pub fn accumulator(&self) -> &CompareAccumulator {
        &self.acc
    }

    pub fn contexts(&self) -> &[SummaryContext] {
        &self.contexts
    }

    pub fn metric(&self) -> Measure {
        self.metric
    }

    pub fn summary(&self, trials_planned: u64) -> ComparisonSummary {
        summarize(&self.contexts, self.metric, &self.acc, trials_planned)
    }
}

/// The summary of a (possibly merged) comparison accumulator.
pub fn summarize(
    contexts: &[SummaryContext],
    metric: Measure,
    acc: &CompareAccumulator,
    trials_planned: u64,
) -> ComparisonSummary {
    let trials = acc.scenarios.first().map_or(0, Accumulator::trials);
    ComparisonSummary {
        metric,
        summaries: contexts
            .iter()
            .zip(&acc.scenarios)
            .map(|(c, a)| Summary::new(c, a, trials_planned))
            .collect(),
        beats: acc
            .wins
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&w| {
                        if trials == 0 {
                            0.0
                        } else {
                            w as f64 / trials as f64
                        }
                    })
                    .collect()
            })
            .collect(),
        trials_done: trials,
    }
}
