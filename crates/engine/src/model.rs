//! One trial of the forecasting model.
//!
//! Deals are never simulated one by one: every step moves a *count* of deals
//! with one binomial (or Poisson) draw, so a trial costs the same for ten
//! leads or ten million. With a horizon, deals are grouped in cohorts by the
//! week they enter (new leads and referrals at the start of a week, open
//! pipeline at time 0 in its stage). For a cohort, "reached stage m before the
//! horizon" events are nested, so the counts follow from successive binomial
//! thinning with probabilities `rate × P(path to m fits)/P(path to m−1 fits)`;
//! the week of each win then follows by thinning the won count backwards
//! through the week ends. Both are exact for the duration model in
//! [`crate::timing`]; the only approximation is that referral leads enter at
//! the start of the week after their referrer's follow-up.

use crate::rng::{stream_rng, Stream, TrialRng};
use crate::sampling::{binomial, poisson, PoissonSampler, RateSampler, ValueSampler};
use crate::scenario::{Leads, Scenario, SALES_STAGES, STAGE_COUNT};
use crate::timing::WeeklyLeads;
use crate::timing::{TimeModel, Timing};
use rand::{RngExt, SeedableRng};

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
    /// Time tables for those leads taken together.
    weekly: Option<WeeklyLeads>,
}

/// Per-trial scratch space.
#[derive(Default)]
struct Weeks {
    won: Vec<u64>,
    follow_ups: Vec<u64>,
    /// When set, every cohort's own counts are kept (for [`crate::deals`]).
    record: Option<Vec<CohortRecord>>,
}

/// Where a cohort's deals come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Source {
    /// New leads from outside, into Prospecting.
    NewLead,
    /// Leads referred by won customers at their follow-up.
    Referral,
    /// Deals already open in a stage at the start.
    Pipeline,
}

/// What one cohort of a trial did, as counts: the model's own draws, kept so
/// that [`crate::deals`] can give each deal a story that adds up to them.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortRecord {
    pub source: Source,
    /// Stage the cohort's deals enter.
    pub start: usize,
    /// Week they enter (at its start); None for `per_week` leads, which
    /// enter in uniformly random weeks.
    pub week: Option<usize>,
    /// Deals of the cohort that reached each stage inside the horizon
    /// (0 before `start`; `reached[6]` were won).
    pub reached: [u64; STAGE_COUNT],
    /// Wins by week of the horizon.
    pub won_weeks: Vec<u64>,
    /// Follow-ups (repeat purchase and referrals) by week of the horizon.
    pub follow_up_weeks: Vec<u64>,
}

/// A trial's outcome with its sampled rates and cohorts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrialRecord {
    pub outcome: TrialOutcome,
    /// The stage rates drawn for the trial.
    pub rates: [f64; STAGE_COUNT],
    pub cohorts: Vec<CohortRecord>,
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
        Model {
            scenario,
            time,
            rates,
            values,
            all_weekly_leads,
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
        let rates: [f64; STAGE_COUNT] = std::array::from_fn(|i| self.rates[i].sample(&mut funnel));
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

    fn run_with_horizon(
        &self,
        t: &Timing,
        rates: &[f64; STAGE_COUNT],
        (funnel, timing, values): (&mut TrialRng, &mut TrialRng, &mut TrialRng),
        out: &mut TrialOutcome,
        record: Option<&mut Vec<CohortRecord>>,
    ) {
        let weeks = t.weeks();
        let recording = record.is_some();
        let mut w = Weeks {
            won: vec![0; weeks],
            follow_ups: vec![0; weeks],
            record: recording.then(Vec::new),
        };
        out.won_from_new_leads.clear();
        out.won_from_new_leads.resize(weeks, 0);
        out.won_from_weekly_leads = 0;
        // New leads from outside: one cohort, or all weekly cohorts at once.
        let mut total_leads = match self.scenario.leads() {
            Leads::Cohort(n) => {
                out.won_from_new_leads[0] = self.cohort(
                    t,
                    (Source::NewLead, 0, 0),
                    n,
                    rates,
                    (funnel, timing),
                    &mut w,
                    out,
                );
                n
            }
            Leads::PerWeek(_) => {
                let n = self.all_weekly_leads.sample(funnel);
                out.won_from_weekly_leads =
                    self.weekly_cohorts(n, rates, (&mut *funnel, &mut *timing), &mut w, out);
                n
            }
        };
        for (k, &open) in self.scenario.pipeline().iter().enumerate() {
            let rngs = (&mut *funnel, &mut *timing);
            self.cohort(t, (Source::Pipeline, k, 0), open, rates, rngs, &mut w, out);
        }
        // Referral leads enter at the start of the week after the follow-up.
        if self.scenario.referrals() > 0.0 {
            for week in 1..weeks {
                let referred = poisson(
                    funnel,
                    self.scenario.referrals() * w.follow_ups[week - 1] as f64,
                );
                if total_leads.saturating_add(referred) > LEAD_CAP {
                    out.capped = true;
                    break;
                }
                total_leads += referred;
                out.referral_leads += referred;
                let rngs = (&mut *funnel, &mut *timing);
                out.won_from_new_leads[week] += self.cohort(
                    t,
                    (Source::Referral, 0, week),
                    referred,
                    rates,
                    rngs,
                    &mut w,
                    out,
                );
            }
        }
        // Repeat purchases and money, week by week.
        out.weekly_won.clear();
        out.weekly_revenue.clear();
        let (mut won_so_far, mut revenue_so_far) = (0u64, 0.0);
        for week in 0..weeks {
            let repeats = binomial(timing, w.follow_ups[week], rates[STAGE_COUNT - 1]);
            out.repeat += repeats;
            won_so_far += w.won[week];
            if let Some(v) = &self.values {
                revenue_so_far += v.sum(values, w.won[week])
                    + self.scenario.repeat_value() * v.sum(values, repeats);
            }
            out.weekly_won.push(won_so_far);
            out.weekly_revenue.push(revenue_so_far);
        }
        out.revenue = revenue_so_far;
        if let (Some(record), Some(cohorts)) = (record, w.record) {
            *record = cohorts;
        }
    }

    /// All `n` new leads of a `per_week` scenario, entering in uniformly
    /// random weeks (see [`WeeklyLeads`]); returns the number won.
    fn weekly_cohorts(
        &self,
        n: u64,
        rates: &[f64; STAGE_COUNT],
        rngs: (&mut TrialRng, &mut TrialRng),
        w: &mut Weeks,
        out: &mut TrialOutcome,
    ) -> u64 {
        let Some(agg) = &self.weekly else {
            return 0;
        };
        let tables = CohortTables {
            start: 0,
            fits: &|m| agg.fits[m],
            win_weeks: &agg.win_week,
            follow_up_weeks: &agg.follow_up_week,
        };
        let key = (Source::NewLead, 0, None);
        run_recorded(&tables, key, n, rates, rngs, w, 0, out)
    }

    /// Moves a cohort of `n` deals that enter stage `k` at the start of week
    /// `week` through the funnel within the horizon; records wins and
    /// follow-ups by week and returns the number won.
    #[allow(clippy::too_many_arguments)]
    fn cohort(
        &self,
        t: &Timing,
        (source, k, week): (Source, usize, usize),
        n: u64,
        rates: &[f64; STAGE_COUNT],
        (funnel, timing): (&mut TrialRng, &mut TrialRng),
        w: &mut Weeks,
        out: &mut TrialOutcome,
    ) -> u64 {
        // Weeks left until the horizon, minus one: the last lag that counts.
        let last = t.weeks() - 1 - week;
        let tables = CohortTables {
            start: k,
            fits: &|m| t.p(k, m, last),
            win_weeks: &t.row(k, SALES_STAGES)[..=last],
            follow_up_weeks: &t.row(k, STAGE_COUNT)[..=last],
        };
        let key = (source, k, Some(week));
        run_recorded(&tables, key, n, rates, (funnel, timing), w, week, out)
    }
}

/// [`run_cohort`] into the trial's week cells from `first_week` on, keeping
/// the cohort's own counts when the trial is recorded. The draws are the
/// same either way (the split only adds to the cells it is given).
#[allow(clippy::too_many_arguments)]
fn run_recorded(
    tables: &CohortTables,
    (source, start, week): (Source, usize, Option<usize>),
    n: u64,
    rates: &[f64; STAGE_COUNT],
    rngs: (&mut TrialRng, &mut TrialRng),
    w: &mut Weeks,
    first_week: usize,
    out: &mut TrialOutcome,
) -> u64 {
    let Some(records) = w.record.as_mut() else {
        let cells = (&mut w.won[first_week..], &mut w.follow_ups[first_week..]);
        return run_cohort(tables, n, rates, rngs, cells, out);
    };
    let weeks = w.won.len();
    let before = out.reached;
    let mut won_weeks = vec![0; weeks];
    let mut follow_up_weeks = vec![0; weeks];
    let cells = (
        &mut won_weeks[first_week..],
        &mut follow_up_weeks[first_week..],
    );
    let won = run_cohort(tables, n, rates, rngs, cells, out);
    for (cell, add) in w.won.iter_mut().zip(&won_weeks) {
        *cell += add;
    }
    for (cell, add) in w.follow_ups.iter_mut().zip(&follow_up_weeks) {
        *cell += add;
    }
    if n > 0 {
        records.push(CohortRecord {
            source,
            start,
            week,
            reached: std::array::from_fn(|m| out.reached[m] - before[m]),
            won_weeks,
            follow_up_weeks,
        });
    }
    won
}

/// A cohort's time tables: `fits(m)` is (proportional to) the chance that a
/// deal of the cohort enters stage m (7: its follow-up) inside the horizon,
/// for m from `start`; the week tables are cumulative over the cohort's weeks.
struct CohortTables<'a> {
    start: usize,
    fits: &'a dyn Fn(usize) -> f64,
    win_weeks: &'a [f64],
    follow_up_weeks: &'a [f64],
}

/// Moves `n` deals from stage `tables.start` through the funnel within the
/// horizon by nested binomial thinning, then spreads the wins and the
/// follow-ups over the weeks; returns the number won.
fn run_cohort(
    tables: &CohortTables,
    n: u64,
    rates: &[f64; STAGE_COUNT],
    (funnel, timing): (&mut TrialRng, &mut TrialRng),
    (won_cells, follow_up_cells): (&mut [u64], &mut [u64]),
    out: &mut TrialOutcome,
) -> u64 {
    if n == 0 {
        return 0;
    }
    let fits = tables.fits;
    let mut count = n;
    out.reached[tables.start] += count;
    for m in tables.start + 1..STAGE_COUNT {
        let fits_before = fits(m - 1);
        let p = if fits_before > 0.0 {
            rates[m - 1] * (fits(m) / fits_before).min(1.0)
        } else {
            0.0
        };
        count = binomial(funnel, count, p);
        out.reached[m] += count;
    }
    let won = count;
    split(timing, won, tables.win_weeks, won_cells);
    // Every won customer reaches its follow-up time (repeat purchase and
    // referrals) D₇ days after the win, if that is still inside the horizon.
    let won_fits = fits(SALES_STAGES);
    let follow_ups = if won_fits > 0.0 {
        binomial(timing, won, fits(STAGE_COUNT) / won_fits)
    } else {
        0
    };
    split(timing, follow_ups, tables.follow_up_weeks, follow_up_cells);
    won
}

/// Below this many events, each event's cell is drawn directly (one uniform
/// and a binary search of the cumulative table); above, the count is split
/// cell by cell with conditional binomials. Either way the cost is bounded,
/// whatever the count.
const DIRECT_SPLIT_LIMIT: u64 = 64;

/// Spreads `count` events over cells (weeks) with probabilities proportional
/// to the increments of `cumulative` (cumulative[i] = mass of cells 0..=i);
/// adds the counts to `cells`.
fn split(rng: &mut TrialRng, count: u64, cumulative: &[f64], cells: &mut [u64]) {
    let Some(&total) = cumulative.last() else {
        return;
    };
    if count == 0 || total <= 0.0 {
        return;
    }
    let last = cumulative.len() - 1;
    if count <= DIRECT_SPLIT_LIMIT {
        for _ in 0..count {
            let u = rng.random::<f64>() * total;
            let i = cumulative.partition_point(|&c| c <= u).min(last);
            cells[i] += 1;
        }
        return;
    }
    // Forward: of the events not in cells before i, a share
    // (C[i] − C[i−1]) / (total − C[i−1]) fall in cell i.
    let mut remaining = count;
    let mut below = 0.0;
    for (i, &c) in cumulative.iter().enumerate() {
        if remaining == 0 {
            break;
        }
        let left = total - below;
        let here = if i == last || left <= 0.0 {
            remaining
        } else {
            binomial(rng, remaining, ((c - below) / left).min(1.0))
        };
        cells[i] += here;
        remaining -= here;
        below = c;
    }
}
