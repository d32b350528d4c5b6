//! One trial of the forecasting model.
//!
//! Deals are never simulated one by one: every step moves a *count* of deals
//! with one binomial (or Poisson) draw, so a trial costs the same for ten
//! leads or ten million. With a horizon, deals are grouped in cohorts by the
//! week they enter (weekly and referral leads arriving at uniform times
//! through a week, a cohort and open pipeline at time 0 in its stage). For a cohort, "reached stage m before the
//! horizon" events are nested, so the counts follow from successive binomial
//! thinning with probabilities `rate × P(path to m fits)/P(path to m−1 fits)`;
//! the week of each win then follows by thinning the won count backwards
//! through the week ends. Both are exact for the duration model in
//! [`crate::timing`]; the only approximation is that a referral lead's
//! arrival is uniform over its referrer's follow-up week rather than tied to
//! the follow-up's day.
//!
//! This module runs a trial; `cohort` moves the cohorts of a trial with a
//! horizon, `split` spreads counts over weeks and `record` holds what a
//! recorded trial keeps.

mod cohort;
mod record;
mod split;

pub use record::{CohortRecord, Source, TrialRecord};

use crate::rng::{stream_rng, Stream, TrialRng};
use crate::sampling::{
    binomial, poisson, shift_log_odds, LeadCountSampler, PoissonSampler, RateSampler, ValueSampler,
};
use crate::scenario::{Leads, Scenario, SALES_STAGES, STAGE_COUNT};
use crate::timing::{TimeModel, WeeklyLeads};
use rand::distr::Distribution;
use rand::SeedableRng;
use rand_distr::StandardNormal;

/// A trial stops adding referral leads beyond this many leads in total (a
/// runaway loop in a trial whose sampled rates are extreme); counted and
/// reported, never silent.
pub const LEAD_CAP: u64 = 10_000_000_000_000;

/// What one trial produced.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrialOutcome {
    /// Deals that reached each stage (within the horizon); `reached[6]`
    /// (Follow-up) is the number of deals won.
    pub reached: [u64; STAGE_COUNT],
    /// Repeat purchases (within the horizon).
    pub repeat: u64,
    /// Leads that came from referrals (within the horizon).
    pub referral_leads: u64,
    /// Revenue from won deals and repeat purchases (currency units);
    /// 0 without deal values.
    pub revenue: f64,
    /// Per week of the horizon: cumulative deals won by its end.
    pub weekly_won: Vec<u64>,
    /// Per week of the horizon: cumulative revenue by its end.
    pub weekly_revenue: Vec<f64>,
    /// Deals won from new leads (Prospecting entrants) that entered as a
    /// cohort or by referral, by their entry week; one entry without a horizon.
    pub won_from_new_leads: Vec<u64>,
    /// Deals won from `per_week` leads (their entry weeks follow
    /// [`WeeklyLeads::entry_share`]).
    pub won_from_weekly_leads: u64,
    /// The trial hit [`LEAD_CAP`].
    pub capped: bool,
}

impl TrialOutcome {
    pub fn won(&self) -> u64 {
        self.reached[STAGE_COUNT - 1]
    }
}

/// A scenario prepared for simulation: samplers and time tables built once.
#[derive(Clone, Debug)]
pub struct Model {
    scenario: Scenario,
    time: TimeModel,
    rates: Vec<RateSampler>,
    values: Option<ValueSampler>,
    /// All new leads of a `per_week` scenario: Poisson(λ·weeks).
    all_weekly_leads: PoissonSampler,
    /// One week's new leads when they come in bursts (`leads.dispersion`):
    /// then every week is a cohort of its own. None: Poisson leads, all
    /// weeks taken together.
    bursty_week: Option<LeadCountSampler>,
    /// Time tables for those leads taken together.
    weekly: Option<WeeklyLeads>,
}

impl Model {
    pub fn new(scenario: Scenario) -> Self {
        let time = TimeModel::new(&scenario);
        let rates = scenario
            .stages()
            .iter()
            .map(|s| RateSampler::new(s.rate, s.evidence))
            .collect();
        let values = scenario
            .deal_value()
            .map(|v| ValueSampler::new(v.mu(), v.sigma()));
        let (all_weekly_leads, weekly) = match (scenario.leads(), &time.timing) {
            (Leads::PerWeek(lambda), Some(t)) => (
                PoissonSampler::new(lambda * t.weeks() as f64),
                Some(t.weekly_leads()),
            ),
            _ => (PoissonSampler::new(0.0), None),
        };
        let bursty_week = match (scenario.leads(), scenario.lead_dispersion()) {
            (Leads::PerWeek(lambda), Some(k)) => Some(LeadCountSampler::new(lambda, Some(k))),
            _ => None,
        };
        Model {
            scenario,
            time,
            rates,
            values,
            all_weekly_leads,
            bursty_week,
            weekly,
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn time(&self) -> &TimeModel {
        &self.time
    }

    /// Time tables of the `per_week` leads taken together, if any.
    pub fn weekly_leads(&self) -> Option<&WeeklyLeads> {
        self.weekly.as_ref()
    }

    /// Runs trial number `trial`, writing into `out` (whose buffers are reused).
    pub fn run_trial(&self, trial: u64, out: &mut TrialOutcome) {
        self.run(trial, out, None);
    }

    /// Runs trial number `trial` exactly as [`Model::run_trial`] does (the
    /// same draws, the same outcome) and keeps every cohort's counts.
    pub fn record_trial(&self, trial: u64) -> TrialRecord {
        let mut record = TrialRecord::default();
        let mut cohorts = Vec::new();
        record.rates = self.run(trial, &mut record.outcome, Some(&mut cohorts));
        record.cohorts = cohorts;
        record
    }

    fn run(
        &self,
        trial: u64,
        out: &mut TrialOutcome,
        record: Option<&mut Vec<CohortRecord>>,
    ) -> [f64; STAGE_COUNT] {
        let seed = self.scenario.seed();
        let mut funnel = stream_rng(seed, trial, Stream::Funnel);
        let mut timing = stream_rng(seed, trial, Stream::Timing);
        // Seeding costs as much as a few draws: skip the stream when unused.
        let mut values = match self.values {
            Some(_) => stream_rng(seed, trial, Stream::Values),
            None => TrialRng::seed_from_u64(0),
        };
        let mut rates: [f64; STAGE_COUNT] =
            std::array::from_fn(|i| self.rates[i].sample(&mut funnel));
        // The market: one shock per trial moves every sales stage at once.
        let sd = self.scenario.market_sd();
        if sd > 0.0 {
            let z: f64 = StandardNormal.sample(&mut stream_rng(seed, trial, Stream::Market));
            for rate in &mut rates[..SALES_STAGES] {
                *rate = shift_log_odds(*rate, sd * z);
            }
        }
        out.reached = [0; STAGE_COUNT];
        out.repeat = 0;
        out.referral_leads = 0;
        out.revenue = 0.0;
        out.capped = false;
        match &self.time.timing {
            Some(t) => {
                let rngs = (&mut funnel, &mut timing, &mut values);
                self.run_with_horizon(t, &rates, rngs, out, record)
            }
            None => self.run_to_the_end(&rates, &mut funnel, &mut timing, &mut values, out),
        }
        rates
    }

    /// Without a horizon every deal runs to its end; referrals come in
    /// generations until none are left.
    fn run_to_the_end(
        &self,
        rates: &[f64; STAGE_COUNT],
        funnel: &mut TrialRng,
        timing: &mut TrialRng,
        values: &mut TrialRng,
        out: &mut TrialOutcome,
    ) {
        out.weekly_won.clear();
        out.weekly_revenue.clear();
        out.won_from_new_leads.clear();
        out.won_from_weekly_leads = 0;
        let mut leads = match self.scenario.leads() {
            Leads::Cohort(n) => n,
            Leads::PerWeek(_) => 0, // validation requires a horizon
        };
        let mut won = self.move_through(0, leads, rates, funnel, out);
        let mut won_new = won;
        for (k, &open) in self.scenario.pipeline().iter().enumerate() {
            won += self.move_through(k, open, rates, funnel, out);
        }
        let mut total_leads = leads;
        let mut generation_won = won;
        while generation_won > 0 && self.scenario.referrals() > 0.0 {
            leads = poisson(funnel, self.scenario.referrals() * generation_won as f64);
            if total_leads.saturating_add(leads) > LEAD_CAP {
                out.capped = true;
                break;
            }
            total_leads += leads;
            out.referral_leads += leads;
            generation_won = self.move_through(0, leads, rates, funnel, out);
            won += generation_won;
            won_new += generation_won;
        }
        out.won_from_new_leads.push(won_new);
        out.repeat = binomial(timing, won, rates[STAGE_COUNT - 1]);
        if let Some(v) = &self.values {
            out.revenue =
                v.sum(values, won) + self.scenario.repeat_value() * v.sum(values, out.repeat);
        }
    }

    /// Moves `n` deals from stage `k` to the win with no horizon; returns wins.
    fn move_through(
        &self,
        k: usize,
        n: u64,
        rates: &[f64; STAGE_COUNT],
        funnel: &mut TrialRng,
        out: &mut TrialOutcome,
    ) -> u64 {
        let mut count = n;
        out.reached[k] += count;
        for m in k + 1..STAGE_COUNT {
            count = binomial(funnel, count, rates[m - 1]);
            out.reached[m] += count;
        }
        count
    }
}
