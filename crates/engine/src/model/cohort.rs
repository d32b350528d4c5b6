//! The cohorts of a trial with a horizon: new leads, open pipeline and
//! referrals, each moved through the funnel by nested binomial thinning and
//! spread over the weeks of the horizon.

use super::split::split;
use super::{CohortRecord, Model, Source, TrialOutcome, LEAD_CAP};
use crate::rng::TrialRng;
use crate::sampling::{binomial, poisson};
use crate::scenario::{Leads, SALES_STAGES, STAGE_COUNT};
use crate::timing::Timing;

/// One cohort entering the funnel: where its deals come from, the stage
/// they enter, the week they enter (None for `per_week` leads, which enter
/// in uniformly random weeks), whether they arrive through that week (at
/// uniform times) rather than at its start, and how many there are.
#[derive(Clone, Copy, Debug)]
struct Entry {
    source: Source,
    start: usize,
    week: Option<usize>,
    spread: bool,
    n: u64,
}

impl Entry {
    /// `n` deals from `source` entering stage `start` at the start of `week`.
    fn at_week(source: Source, start: usize, week: usize, n: u64) -> Entry {
        Entry {
            source,
            start,
            week: Some(week),
            spread: false,
            n,
        }
    }

    /// `n` new leads arriving at uniform times through `week`.
    fn through_week(source: Source, week: usize, n: u64) -> Entry {
        Entry {
            spread: true,
            ..Entry::at_week(source, 0, week, n)
        }
    }
}

impl Model {
    pub(super) fn run_with_horizon(
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
                let entry = Entry::at_week(Source::NewLead, 0, 0, n);
                out.won_from_new_leads[0] =
                    self.cohort(t, entry, rates, (funnel, timing), &mut w, out);
                n
            }
            Leads::PerWeek(_) if self.bursty_week.is_some() => {
                self.bursty_weeks(t, rates, (&mut *funnel, &mut *timing), &mut w, out)
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
            let entry = Entry::at_week(Source::Pipeline, k, 0, open);
            self.cohort(t, entry, rates, rngs, &mut w, out);
        }
        // Referral leads arrive through their referrer's follow-up week.
        // Follow-ups that a week's own referral leads add to that same week
        // (only with near-instant stages) refer in the next week.
        if self.scenario.referrals() > 0.0 {
            let mut late = 0;
            for week in 0..weeks {
                let referrers = w.follow_ups[week] + late;
                let referred = poisson(funnel, self.scenario.referrals() * referrers as f64);
                if total_leads.saturating_add(referred) > LEAD_CAP {
                    out.capped = true;
                    break;
                }
                total_leads += referred;
                out.referral_leads += referred;
                let rngs = (&mut *funnel, &mut *timing);
                let entry = Entry::through_week(Source::Referral, week, referred);
                out.won_from_new_leads[week] += self.cohort(t, entry, rates, rngs, &mut w, out);
                late = w.follow_ups[week] + late - referrers;
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

    /// New leads in bursts: each week's count drawn on its own (negative
    /// binomial), each week a cohort of its own; returns the number of leads.
    fn bursty_weeks(
        &self,
        t: &Timing,
        rates: &[f64; STAGE_COUNT],
        (funnel, timing): (&mut TrialRng, &mut TrialRng),
        w: &mut Weeks,
        out: &mut TrialOutcome,
    ) -> u64 {
        let Some(sampler) = &self.bursty_week else {
            return 0;
        };
        let mut total = 0;
        for week in 0..t.weeks() {
            let n = sampler.sample(funnel);
            total += n;
            let entry = Entry::through_week(Source::NewLead, week, n);
            let rngs = (&mut *funnel, &mut *timing);
            out.won_from_new_leads[week] += self.cohort(t, entry, rates, rngs, w, out);
        }
        total
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
        let entry = Entry {
            source: Source::NewLead,
            start: 0,
            week: None,
            spread: true,
            n,
        };
        run_recorded(&tables, entry, rates, rngs, w, out)
    }

    /// Moves a cohort whose deals enter stage `entry.start` in week
    /// `entry.week` (at its start, or through it when `entry.spread`)
    /// through the funnel within the horizon; records wins and follow-ups by
    /// week and returns the number won.
    fn cohort(
        &self,
        t: &Timing,
        entry: Entry,
        rates: &[f64; STAGE_COUNT],
        (funnel, timing): (&mut TrialRng, &mut TrialRng),
        w: &mut Weeks,
        out: &mut TrialOutcome,
    ) -> u64 {
        let (k, week) = (entry.start, entry.week.unwrap_or(0));
        // Weeks left until the horizon, minus one: the last lag that counts.
        let last = t.weeks() - 1 - week;
        let spread = entry.spread && k == 0;
        let row = |m| if spread { t.row_spread(m) } else { t.row(k, m) };
        let tables = CohortTables {
            start: k,
            fits: &|m| row(m)[last],
            win_weeks: &row(SALES_STAGES)[..=last],
            follow_up_weeks: &row(STAGE_COUNT)[..=last],
        };
        run_recorded(&tables, entry, rates, (funnel, timing), w, out)
    }
}

/// Per-trial scratch space.
#[derive(Default)]
struct Weeks {
    won: Vec<u64>,
    follow_ups: Vec<u64>,
    /// When set, every cohort's own counts are kept (for [`crate::deals`]).
    record: Option<Vec<CohortRecord>>,
}

/// [`run_cohort`] into the trial's week cells from the cohort's entry week
/// on, keeping the cohort's own counts when the trial is recorded. The draws
/// are the same either way (the split only adds to the cells it is given).
fn run_recorded(
    tables: &CohortTables,
    entry: Entry,
    rates: &[f64; STAGE_COUNT],
    rngs: (&mut TrialRng, &mut TrialRng),
    w: &mut Weeks,
    out: &mut TrialOutcome,
) -> u64 {
    let (n, first_week) = (entry.n, entry.week.unwrap_or(0));
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
            source: entry.source,
            start: entry.start,
            week: entry.week,
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
