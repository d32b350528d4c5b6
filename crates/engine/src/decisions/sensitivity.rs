//! Sensitivity: every lever's effect on the forecast, on common random
//! numbers, and the stage worth fixing first (by the change in the mean,
//! see [`super::ranking`]).

use super::levers::Lever;
use super::ranking::{first_and_tied, LeverMean};
use crate::measure::Measure;
use crate::model::{Model, TrialOutcome};
use crate::scenario::{Scenario, ScenarioError, ScenarioInput, SALES_STAGES};
use crate::sketch::CountStats;
use serde::{Deserialize, Serialize};

/// Batches for the Monte Carlo error of median differences.
const BATCHES: u64 = 20;

/// One lever's effect, with Monte Carlo standard errors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    pub lever: Lever,
    pub label: String,
    /// Change in the median (revenue, or won deals without deal values).
    pub median_change: f64,
    /// Standard error of that change (from batch medians).
    pub median_change_se: f64,
    /// Change in the mean: the average over trials of the paired difference
    /// (lever − base, same random numbers). What levers are ranked by.
    pub mean_change: f64,
    /// Its Monte Carlo standard error, from the per-trial differences.
    pub mean_change_se: f64,
    /// Change in the chance of reaching the target (None without a target).
    pub chance_change: Option<f64>,
    pub chance_change_se: Option<f64>,
}

impl Effect {
    /// The stage (0-based index) the lever belongs to, if any.
    pub fn stage(&self) -> Option<usize> {
        self.lever.stage()
    }
}

/// The sensitivity analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SensitivityReport {
    pub measure: Measure,
    pub trials: u64,
    pub base_median: f64,
    pub base_chance: Option<f64>,
    /// Every lever, largest absolute mean change first.
    pub effects: Vec<Effect>,
    /// The stage (0-based index) whose lever (a point of conversion or a day
    /// less) adds most to the mean.
    pub first_to_fix: Option<usize>,
    /// The other stages (0-based, largest effect first) whose best lever's
    /// mean change is within two standard errors of `first_to_fix`'s: the run
    /// cannot tell them apart. The error is that of the paired per-trial
    /// difference between the two levers' effects (common random numbers).
    #[serde(default)]
    pub tied_with: Vec<usize>,
    /// The stages' names as the scenario gave them, by index: the words the
    /// labels were written with.
    pub stage_names: Vec<String>,
}

impl SensitivityReport {
    /// Name of stage `i` as the scenario gave it.
    pub fn stage_name(&self, i: usize) -> Option<&str> {
        self.stage_names.get(i).map(String::as_str)
    }
}

fn target_of(s: &Scenario, m: Measure) -> Option<f64> {
    match m {
        Measure::Revenue => s.target_revenue(),
        Measure::Won => s.target_won().map(|t| t as f64),
    }
}

fn median(stats: &CountStats) -> f64 {
    stats.quantile(1, 2)
}

fn whole(v: f64) -> u64 {
    if v.is_finite() && v > 0.0 {
        v.round().min(u64::MAX as f64) as u64
    } else {
        0
    }
}

/// The sensitivity analysis, run in chunks by its host.
#[derive(Clone, Debug)]
pub struct SensitivityRun {
    input: ScenarioInput,
    measure: Measure,
    target: Option<f64>,
    levers: Vec<Lever>,
    base_model: Model,
    models: Vec<Model>,
    trials: u64,
    next: u64,
    batch_len: u64,
    whole_stats: Vec<CountStats>,
    batch_stats: Vec<CountStats>,
    batch_medians: Vec<Vec<f64>>,
    /// Σ d_k over trials, d_k = lever k − base (index 0 is the base, d = 0).
    diff_sum: Vec<f64>,
    /// Σ d_j·d_k for j ≤ k, row-major n × n: the variances of the effects
    /// and of the differences between any two of them.
    diff_cross: Vec<f64>,
    /// (Σ d, Σ |d|) of the paired target indicators.
    hit_diff: Vec<(i64, u64)>,
    base_hits: u64,
    out: TrialOutcome,
    values: Vec<f64>,
}

impl SensitivityRun {
    /// Prepares the base scenario and every lever, on common random numbers.
    pub fn new(input: &ScenarioInput) -> Result<Self, ScenarioError> {
        let base = Scenario::new(input)?;
        let measure = Measure::judged_by(base.deal_value().is_some());
        let mut candidates: Vec<Lever> = (0..SALES_STAGES)
            .flat_map(|i| [Lever::StageRate(i), Lever::StageDays(i)])
            .collect();
        candidates.extend([Lever::Leads(1.1), Lever::Leads(0.9)]);
        if measure == Measure::Revenue {
            candidates.extend([Lever::DealValue(1.1), Lever::DealValue(0.9)]);
        }
        let (levers, models): (Vec<Lever>, Vec<Model>) = candidates
            .into_iter()
            .filter_map(|l| l.apply(input).map(|s| (l, s)))
            .filter_map(|(l, s)| Scenario::new(&s).ok().map(|s| (l, Model::new(s))))
            .unzip();
        let trials = base.trials();
        let n = models.len() + 1;
        Ok(SensitivityRun {
            input: input.clone(),
            measure,
            target: target_of(&base, measure),
            levers,
            base_model: Model::new(base),
            models,
            trials,
            next: 0,
            batch_len: trials.div_ceil(BATCHES).max(1),
            whole_stats: vec![CountStats::default(); n],
            batch_stats: vec![CountStats::default(); n],
            batch_medians: vec![Vec::new(); n],
            diff_sum: vec![0.0; n],
            diff_cross: vec![0.0; n * n],
            hit_diff: vec![(0, 0); n],
            base_hits: 0,
            out: TrialOutcome::default(),
            values: vec![0.0; n],
        })
    }

    /// Runs up to `max_trials` more trials (each runs every lever).
    pub fn step(&mut self, max_trials: u64) -> u64 {
        let stop = self.trials.min(self.next.saturating_add(max_trials));
        let ran = stop - self.next;
        for trial in self.next..stop {
            self.base_model.run_trial(trial, &mut self.out);
            self.values[0] = self.measure.of(&self.out);
            for (k, m) in self.models.iter().enumerate() {
                m.run_trial(trial, &mut self.out);
                self.values[k + 1] = self.measure.of(&self.out);
            }
            self.tally(trial);
        }
        self.next = stop;
        ran
    }

    /// Adds trial `trial`'s values (base first, then each lever) to the sums.
    fn tally(&mut self, trial: u64) {
        let n = self.models.len() + 1;
        let base_hit = self.target.is_some_and(|t| self.values[0] >= t);
        self.base_hits += u64::from(base_hit);
        for k in 0..n {
            let v = self.values[k];
            self.whole_stats[k].push(whole(v));
            self.batch_stats[k].push(whole(v));
            let d = v - self.values[0];
            self.diff_sum[k] += d;
            for j in 0..=k {
                self.diff_cross[j * n + k] += (self.values[j] - self.values[0]) * d;
            }
            if let Some(t) = self.target {
                let d = i64::from(v >= t) - i64::from(base_hit);
                self.hit_diff[k].0 += d;
                self.hit_diff[k].1 += d.unsigned_abs();
            }
        }
        if (trial + 1) % self.batch_len == 0 || trial + 1 == self.trials {
            for k in 0..n {
                let m = median(&self.batch_stats[k]);
                self.batch_medians[k].push(m);
                self.batch_stats[k] = CountStats::default();
            }
        }
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.trials
    }

    /// Share of the work done, 0 to 1.
    pub fn progress(&self) -> f64 {
        self.next as f64 / self.trials.max(1) as f64
    }

    /// Trials per step that cost about as much as one forecast trial.
    pub fn cost_per_trial(&self) -> u64 {
        self.models.len() as u64 + 1
    }

    /// The effect of lever number `i` (of the trials run so far).
    fn effect(&self, i: usize, lever: Lever, base_median: f64) -> Effect {
        let t = self.next.max(1) as f64;
        let k = i + 1;
        let batch_diffs: Vec<f64> = self.batch_medians[k]
            .iter()
            .zip(&self.batch_medians[0])
            .map(|(a, b)| a - b)
            .collect();
        let b = batch_diffs.len() as f64;
        let batch_mean = batch_diffs.iter().sum::<f64>() / b.max(1.0);
        let batch_var = if b > 1.0 {
            batch_diffs
                .iter()
                .map(|d| (d - batch_mean).powi(2))
                .sum::<f64>()
                / (b - 1.0)
        } else {
            0.0
        };
        let mean = self.diff_sum[k] / t;
        let var = self.variance(k, 0);
        let (chance, chance_se) = match self.target {
            Some(_) => {
                let m = self.hit_diff[k].0 as f64 / t;
                let v = (self.hit_diff[k].1 as f64 / t - m * m).max(0.0);
                (Some(m), Some((v / t).sqrt()))
            }
            None => (None, None),
        };
        Effect {
            lever,
            label: lever.label(&self.input),
            median_change: median(&self.whole_stats[k]) - base_median,
            median_change_se: (batch_var / b.max(1.0)).sqrt(),
            mean_change: mean,
            mean_change_se: (var / t).sqrt(),
            chance_change: chance,
            chance_change_se: chance_se,
        }
    }

    /// The sample variance over trials of d_a − d_c, the paired difference
    /// between levers `a` and `c` (index 0, the base, has d = 0: so
    /// `variance(k, 0)` is lever k's own effect's variance).
    fn variance(&self, a: usize, c: usize) -> f64 {
        let t = self.next.max(1) as f64;
        let n = self.models.len() + 1;
        let cross = |j: usize, k: usize| self.diff_cross[j.min(k) * n + j.max(k)];
        let mean = (self.diff_sum[a] - self.diff_sum[c]) / t;
        let sq = cross(a, a) + cross(c, c) - 2.0 * cross(a, c);
        (sq / t - mean * mean).max(0.0) * t / (t - 1.0).max(1.0)
    }

    /// The report (of the trials run so far).
    pub fn report(&self) -> SensitivityReport {
        let t = self.next.max(1) as f64;
        let base_median = median(&self.whole_stats[0]);
        let mut effects: Vec<Effect> = self
            .levers
            .iter()
            .enumerate()
            .map(|(i, lever)| self.effect(i, *lever, base_median))
            .collect();
        // Only stages the scenario has count (as the stage's name is needed).
        let stage_names: Vec<String> = self.input.stages.iter().map(|s| s.name.clone()).collect();
        let means: Vec<LeverMean> = effects
            .iter()
            .map(|e| LeverMean {
                lever: e.lever,
                mean_change: e.mean_change,
            })
            .collect();
        let (first_to_fix, tied_with) = first_and_tied(&means, stage_names.len(), |i, j| {
            (self.variance(i + 1, j + 1) / t).sqrt()
        });
        effects.sort_by(|a, b| b.mean_change.abs().total_cmp(&a.mean_change.abs()));
        SensitivityReport {
            measure: self.measure,
            trials: self.next,
            base_median,
            base_chance: self.target.map(|_| self.base_hits as f64 / t),
            effects,
            first_to_fix,
            tied_with,
            stage_names,
        }
    }
}

/// Runs the base scenario and every lever on common random numbers.
pub fn sensitivity(input: &ScenarioInput) -> Result<SensitivityReport, ScenarioError> {
    let mut run = SensitivityRun::new(input)?;
    run.step(u64::MAX);
    Ok(run.report())
}
