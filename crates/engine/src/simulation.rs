//! The Monte Carlo run, driven in chunks by its host.
//!
//! [`Simulation::step`] runs a bounded number of trials and returns; the host
//! (a Web Worker, the command line, a test, a benchmark) owns the loop,
//! reports progress and decides to stop. Statistics stream into an
//! [`Accumulator`] of bounded size that merges exactly with others.

use crate::model::{Model, TrialOutcome};
use crate::scenario::{Scenario, STAGE_COUNT};
use crate::sketch::CountStats;
use crate::summary::{Summary, SummaryContext};
use serde::{Deserialize, Serialize};

/// Streaming statistics of every reported quantity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Accumulator {
    /// Per stage, deals that reached it.
    pub reached: [CountStats; STAGE_COUNT],
    /// Repeat purchases.
    pub repeat: CountStats,
    /// Leads from referrals.
    pub referral_leads: CountStats,
    /// Revenue per trial, in whole currency units (rounded).
    pub revenue: CountStats,
    /// Per week: cumulative won deals.
    pub weekly_won: Vec<CountStats>,
    /// Per week: cumulative revenue (whole currency units).
    pub weekly_revenue: Vec<CountStats>,
    /// Deals won from new leads, by the week the leads entered, summed over
    /// trials (weights for the days-to-win distribution).
    pub won_from_new_leads: Vec<u128>,
    /// Deals won from `per_week` leads, summed over trials.
    pub won_from_weekly_leads: u128,
    /// Trials whose won deals reached the won target.
    pub hit_won: u64,
    /// Trials whose revenue reached the revenue target.
    pub hit_revenue: u64,
    /// Trials that hit the lead cap.
    pub capped: u64,
}

/// Revenue as a whole number of currency units for the integer statistics.
fn whole_units(value: f64) -> u64 {
    if value.is_finite() && value > 0.0 {
        value.round().min(u64::MAX as f64) as u64
    } else {
        0
    }
}

impl Accumulator {
    pub(crate) fn push(&mut self, o: &TrialOutcome, scenario: &Scenario) {
        for (stats, &value) in self.reached.iter_mut().zip(&o.reached) {
            stats.push(value);
        }
        self.repeat.push(o.repeat);
        self.referral_leads.push(o.referral_leads);
        self.revenue.push(whole_units(o.revenue));
        if self.weekly_won.len() < o.weekly_won.len() {
            self.weekly_won
                .resize(o.weekly_won.len(), CountStats::default());
            self.weekly_revenue
                .resize(o.weekly_won.len(), CountStats::default());
        }
        for (stats, &v) in self.weekly_won.iter_mut().zip(&o.weekly_won) {
            stats.push(v);
        }
        for (stats, &v) in self.weekly_revenue.iter_mut().zip(&o.weekly_revenue) {
            stats.push(whole_units(v));
        }
        if self.won_from_new_leads.len() < o.won_from_new_leads.len() {
            self.won_from_new_leads
                .resize(o.won_from_new_leads.len(), 0);
        }
        for (sum, &v) in self
            .won_from_new_leads
            .iter_mut()
            .zip(&o.won_from_new_leads)
        {
            *sum += u128::from(v);
        }
        self.won_from_weekly_leads += u128::from(o.won_from_weekly_leads);
        if scenario.target_won().is_some_and(|t| o.won() >= t) {
            self.hit_won += 1;
        }
        if scenario.target_revenue().is_some_and(|t| o.revenue >= t) {
            self.hit_revenue += 1;
        }
        self.capped += u64::from(o.capped);
    }

    /// Adds another accumulator (another worker's share); the result does not
    /// depend on the order of merging.
    pub fn merge(&mut self, other: &Accumulator) {
        for (a, b) in self.reached.iter_mut().zip(&other.reached) {
            a.merge(b);
        }
        self.repeat.merge(&other.repeat);
        self.referral_leads.merge(&other.referral_leads);
        self.revenue.merge(&other.revenue);
        merge_vec(&mut self.weekly_won, &other.weekly_won);
        merge_vec(&mut self.weekly_revenue, &other.weekly_revenue);
        if self.won_from_new_leads.len() < other.won_from_new_leads.len() {
            self.won_from_new_leads
                .resize(other.won_from_new_leads.len(), 0);
        }
        for (a, b) in self
            .won_from_new_leads
            .iter_mut()
            .zip(&other.won_from_new_leads)
        {
            *a += b;
        }
        self.won_from_weekly_leads += other.won_from_weekly_leads;
        self.hit_won += other.hit_won;
        self.hit_revenue += other.hit_revenue;
        self.capped += other.capped;
    }

    /// Trials recorded.
    pub fn trials(&self) -> u64 {
        self.reached[0].len()
    }
}

fn merge_vec(a: &mut Vec<CountStats>, b: &[CountStats]) {
    if a.len() < b.len() {
        a.resize(b.len(), CountStats::default());
    }
    for (x, y) in a.iter_mut().zip(b) {
        x.merge(y);
    }
}

/// A Monte Carlo run over a range of trial indices.
#[derive(Clone, Debug)]
pub struct Simulation {
    model: Model,
    context: SummaryContext,
    next_trial: u64,
    end_trial: u64,
    acc: Accumulator,
    scratch: TrialOutcome,
}

impl Simulation {
    /// All of the scenario's trials.
    pub fn new(scenario: Scenario) -> Self {
        let end = scenario.trials();
        Self::for_trials(scenario, 0..end)
    }

    /// Only trials `range` (for sharing a run between workers). Trial `i`
    /// always uses the same random streams, so shares merge to the same result.
    pub fn for_trials(scenario: Scenario, range: std::ops::Range<u64>) -> Self {
        let model = Model::new(scenario);
        Simulation {
            context: SummaryContext::new(&model),
            model,
            next_trial: range.start,
            end_trial: range.end.max(range.start),
            acc: Accumulator::default(),
            scratch: TrialOutcome::default(),
        }
    }

    /// Runs up to `max_trials` more trials; returns how many ran.
    pub fn step(&mut self, max_trials: u64) -> u64 {
        let stop = self
            .end_trial
            .min(self.next_trial.saturating_add(max_trials));
        let ran = stop - self.next_trial;
        for trial in self.next_trial..stop {
            self.model.run_trial(trial, &mut self.scratch);
            self.acc.push(&self.scratch, self.model.scenario());
        }
        self.next_trial = stop;
        ran
    }

    /// Trials run so far.
    pub fn trials_done(&self) -> u64 {
        self.acc.trials()
    }

    /// Trials this simulation will run in total.
    pub fn trials_planned(&self) -> u64 {
        self.trials_done() + (self.end_trial - self.next_trial)
    }

    pub fn is_done(&self) -> bool {
        self.next_trial >= self.end_trial
    }

    pub fn scenario(&self) -> &Scenario {
        self.model.scenario()
    }

    /// The raw statistics so far, to merge with other shares.
    pub fn accumulator(&self) -> &Accumulator {
        &self.acc
    }

    /// What a summary of this run needs besides the trials (to summarise
    /// merged shares elsewhere).
    pub fn context(&self) -> &SummaryContext {
        &self.context
    }

    /// Summary of the trials run so far.
    pub fn summary(&self) -> Summary {
        Summary::new(&self.context, &self.acc, self.trials_planned())
    }
}
