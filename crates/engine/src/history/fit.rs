//! The fitting rules of `docs/history-import.md`, applied to assembled deals
//! as seen at `as_of`.

use super::beta;
use super::dates::{Day, Stamp};
use super::deals::Deal;
use super::stages::Target;
use super::variation::{self, Decision, DispersionFit, MarketFit};
use super::{FitOptions, HistoryError, RowNote, DEFAULT_HORIZON_WEEKS};
use crate::scenario::{
    DealValueInput, LeadsInput, MarketInput, ScenarioInput, DEFAULT_STAGE_NAMES, FORMAT_VERSION,
    MAX_DAYS, MAX_HORIZON_WEEKS, MAX_PER_WEEK, MAX_VALUE, SALES_STAGES, STAGE_COUNT,
};
use serde::{Deserialize, Serialize};

/// One funnel stage's evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageFit {
    /// The Funnelcast stage name.
    pub name: String,
    /// Deals that reached the stage (= moved_on + lost + open).
    pub entered: u64,
    pub moved_on: u64,
    pub lost: u64,
    /// Still in the stage at `as_of`.
    pub open: u64,
    /// moved_on / (moved_on + lost); None when both are 0.
    pub rate: Option<f64>,
    /// 90 % interval of the rate: Beta(moved_on + 1, lost + 1) quantiles.
    pub rate_p05: f64,
    pub rate_p95: f64,
    /// Mean days from entering to entering the next stage; None when days_n = 0.
    pub days: Option<f64>,
    /// Deals behind `days`.
    pub days_n: u64,
}

/// Lead volume: deals created per complete week of the window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeadsFit {
    /// Mean of `counts`.
    pub per_week: f64,
    /// Complete weeks counted.
    pub weeks: u32,
    /// Deals created in each complete week, oldest first.
    pub counts: Vec<u32>,
    /// The first day of the first week.
    pub first_week: Day,
}

/// Won deals' amounts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealValueFit {
    pub median: f64,
    pub p90: f64,
    /// Won deals with an amount above 0.
    pub won: u64,
}

/// Every input fitted, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    pub as_of: Day,
    pub since: Option<Day>,
    /// Data rows in the file.
    pub rows: usize,
    /// Deals that count: created in the window, on or before `as_of`.
    pub deals: usize,
    /// Rows left out (and rows kept but flagged), by line.
    pub dropped: Vec<RowNote>,
    /// The six stages before the sale.
    pub stages: Vec<StageFit>,
    pub leads: LeadsFit,
    pub deal_value: Option<DealValueFit>,
    /// Open deals in each stage at `as_of`.
    pub pipeline: [u64; SALES_STAGES],
    /// Weekly lead counts against Poisson: `leads.dispersion`.
    pub lead_dispersion: DispersionFit,
    /// Stage rates from quarter to quarter against binomial noise: `market.sd`.
    pub market: MarketFit,
}

impl Fit {
    /// `base` with every fitted input put in: leads per week, each stage's
    /// rate/evidence and days where the history has them, the pipeline and
    /// the deal value, the lead dispersion and the market's sd where the
    /// history can test them (a version 1 base becomes version 2 when it
    /// gets either). Follow-up, targets, run settings and the name are kept;
    /// a base without a horizon gets 13 weeks.
    pub fn apply(&self, base: &ScenarioInput) -> ScenarioInput {
        let mut input = base.clone();
        input.leads = LeadsInput::PerWeek(self.leads.per_week.clamp(0.0, MAX_PER_WEEK));
        if input.horizon_weeks.is_none() {
            input.horizon_weeks = Some(f64::from(DEFAULT_HORIZON_WEEKS));
        }
        for (stage, fit) in input.stages.iter_mut().zip(&self.stages) {
            if let Some(rate) = fit.rate {
                stage.rate = rate;
            }
            let evidence = fit.moved_on + fit.lost;
            stage.evidence = (evidence > 0).then_some(evidence as f64);
            if let Some(days) = fit.days {
                // Dates years apart can average past the scenario's limit.
                stage.days = Some(days.clamp(0.0, MAX_DAYS));
            }
        }
        // Tested: the test's verdict (None = Poisson); untestable: kept.
        if self.lead_dispersion.p_value.is_some() {
            input.lead_dispersion = self.lead_dispersion.dispersion;
        }
        if let Some(sd) = self.market.forecast_sd {
            input.market = (sd > 0.0).then_some(MarketInput { sd });
        }
        if input.lead_dispersion.is_some() || input.market.is_some() {
            input.version = input.version.max(FORMAT_VERSION);
        }
        input.pipeline = Some(self.pipeline.iter().map(|&n| n as f64).collect());
        if let Some(value) = self.deal_value {
            input.deal_value = Some(DealValueInput {
                median: value.median.min(MAX_VALUE),
                p90: value.p90.min(MAX_VALUE),
            });
        }
        input
    }

    /// The command line's scenario: the defaults with follow-up's rate 0,
    /// `horizon_weeks`, 10,000 trials, seed 42, and everything fitted.
    pub fn scenario(&self, horizon_weeks: u32) -> ScenarioInput {
        let mut base = ScenarioInput {
            name: "Fitted from history".to_owned(),
            horizon_weeks: Some(f64::from(horizon_weeks).clamp(1.0, MAX_HORIZON_WEEKS)),
            trials: 10_000.0,
            seed: 42,
            ..ScenarioInput::default()
        };
        if let Some(follow_up) = base.stages.get_mut(STAGE_COUNT - 1) {
            follow_up.rate = 0.0;
        }
        self.apply(&base)
    }
}

/// One deal as seen at `as_of`.
struct Seen {
    /// The furthest funnel stage entered (creation is Prospecting).
    furthest: usize,
    state: State,
    /// First entry into each funnel stage, then the first win.
    first: [Option<Stamp>; SALES_STAGES + 1],
    /// When it was lost (the latest event), if lost.
    lost_at: Option<Stamp>,
    amount: Option<f64>,
}

impl Seen {
    /// Its decided outcome at each stage it left: moved on (dated by its
    /// first entry into any later stage or the win) or lost at its furthest.
    fn decisions(&self, out: &mut Vec<Decision>) {
        for stage in 0..SALES_STAGES {
            let moved_on = self.state == State::Won || stage < self.furthest;
            let at = if moved_on {
                self.first[stage + 1..].iter().flatten().min().copied()
            } else if stage == self.furthest {
                self.lost_at
            } else {
                None
            };
            if let Some(at) = at {
                out.push(Decision {
                    stage,
                    moved_on,
                    at,
                });
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Open,
    Won,
    Lost,
}

/// The end of `as_of` (exclusive): events before it are known.
pub(super) fn end_of(day: Day) -> Stamp {
    Day(day.0.saturating_add(1)).start()
}

/// The default `as_of`: the latest creation, stage entry or close. Closes
/// are entries here: an open deal's Close Date (an expected close) never is.
pub(super) fn latest_day(deals: &[Deal]) -> Option<Day> {
    deals
        .iter()
        .flat_map(|d| std::iter::once(d.created).chain(d.entries.iter().map(|e| e.1)))
        .max()
        .map(Day::of)
}

/// Some(its amount as then known) when `deal` is won as seen before `end`.
pub(super) fn won_at(deal: &Deal, end: Stamp) -> Option<Option<f64>> {
    let seen = see(deal, end);
    (seen.state == State::Won).then_some(seen.amount)
}

fn see(deal: &Deal, end: Stamp) -> Seen {
    let mut first = [None; SALES_STAGES + 1];
    first[0] = Some(deal.created);
    let mut explicit_start = None;
    let mut furthest = 0;
    // The latest event decides won / lost / open; at equal times a close
    // comes after the stage it closes from.
    let mut latest: Option<(Stamp, usize, Target)> = None;
    for &(target, at) in deal.entries.iter().filter(|e| e.1 < end) {
        let rank = match target {
            Target::Stage(k) => k,
            _ => SALES_STAGES,
        };
        if latest.is_none_or(|(t, r, _)| (at, rank) >= (t, r)) {
            latest = Some((at, rank, target));
        }
        let slot = match target {
            Target::Stage(0) => {
                explicit_start = Some(explicit_start.map_or(at, |s: Stamp| s.min(at)));
                continue;
            }
            Target::Stage(k) if k < SALES_STAGES => {
                furthest = furthest.max(k);
                k
            }
            Target::Won => SALES_STAGES,
            _ => continue,
        };
        first[slot] = Some(first[slot].map_or(at, |s: Stamp| s.min(at)));
    }
    if explicit_start.is_some() {
        first[0] = explicit_start;
    }
    let (state, lost_at) = match latest {
        Some((_, _, Target::Won)) => (State::Won, None),
        Some((at, _, Target::Lost)) => (State::Lost, Some(at)),
        _ => (State::Open, None),
    };
    let amount = deal
        .amounts
        .iter()
        .filter(|a| a.0 < end)
        .max_by_key(|a| a.0)
        .map(|a| a.1);
    Seen {
        furthest,
        state,
        first,
        lost_at,
        amount,
    }
}

/// Fits every input from `deals` as seen at the end of `options.as_of`.
pub fn fit(
    deals: &[Deal],
    rows: usize,
    mut dropped: Vec<RowNote>,
    options: &FitOptions,
) -> Result<Fit, HistoryError> {
    let as_of = options
        .as_of
        .or_else(|| latest_day(deals))
        .ok_or(HistoryError::NoDeals)?;
    let end = end_of(as_of);
    let counted: Vec<&Deal> = deals
        .iter()
        .filter(|d| d.created < end && options.since.is_none_or(|s| Day::of(d.created) >= s))
        .collect();
    if counted.is_empty() {
        return Err(HistoryError::NoDeals);
    }
    let seen: Vec<Seen> = counted.iter().map(|d| see(d, end)).collect();
    let leads = leads(&counted, options.since, as_of)?;
    let mut decisions = Vec::new();
    for deal in &seen {
        deal.decisions(&mut decisions);
    }
    dropped.sort_by_key(|n| n.row);
    Ok(Fit {
        as_of,
        since: options.since,
        rows,
        deals: counted.len(),
        dropped,
        stages: (0..SALES_STAGES).map(|k| stage(k, &seen)).collect(),
        deal_value: deal_value(&seen),
        pipeline: pipeline(&seen),
        lead_dispersion: variation::lead_dispersion(&leads.counts),
        market: variation::market(&decisions, leads.first_week, as_of),
        leads,
    })
}

fn stage(k: usize, seen: &[Seen]) -> StageFit {
    let (mut moved_on, mut lost, mut open) = (0u64, 0u64, 0u64);
    let (mut days_sum, mut days_n) = (0.0, 0u64);
    for deal in seen {
        if deal.state == State::Won || k < deal.furthest {
            moved_on += 1;
        } else if k == deal.furthest {
            match deal.state {
                State::Lost => lost += 1,
                _ => open += 1,
            }
        }
        if let (Some(from), Some(to)) = (deal.first[k], deal.first[k + 1]) {
            // Out-of-order dates give negative times: not a duration.
            if to >= from {
                days_sum += (to - from) as f64 / 86_400.0;
                days_n += 1;
            }
        }
    }
    let decided = moved_on + lost;
    StageFit {
        name: DEFAULT_STAGE_NAMES[k].to_owned(),
        entered: decided + open,
        moved_on,
        lost,
        open,
        rate: (decided > 0).then(|| moved_on as f64 / decided as f64),
        rate_p05: beta::quantile(moved_on as f64 + 1.0, lost as f64 + 1.0, 0.05),
        rate_p95: beta::quantile(moved_on as f64 + 1.0, lost as f64 + 1.0, 0.95),
        days: (days_n > 0).then(|| days_sum / days_n as f64),
        days_n,
    }
}

/// Deals created per complete week, from `since` or the first creation.
fn leads(counted: &[&Deal], since: Option<Day>, as_of: Day) -> Result<LeadsFit, HistoryError> {
    let first_week = since
        .or_else(|| counted.iter().map(|d| Day::of(d.created)).min())
        .ok_or(HistoryError::NoDeals)?;
    // A week is complete when its last day (first + 6) is on or before as_of.
    let span = i64::from(as_of.0) - i64::from(first_week.0) + 1;
    let weeks = usize::try_from(span.div_euclid(7)).unwrap_or(0);
    if weeks == 0 {
        return Err(HistoryError::NoCompleteWeek);
    }
    let mut counts = vec![0u32; weeks];
    for deal in counted {
        let offset = i64::from(Day::of(deal.created).0) - i64::from(first_week.0);
        if let Ok(week) = usize::try_from(offset.div_euclid(7)) {
            if let Some(count) = counts.get_mut(week) {
                *count += 1;
            }
        }
    }
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    Ok(LeadsFit {
        per_week: total as f64 / weeks as f64,
        weeks: u32::try_from(weeks).unwrap_or(u32::MAX),
        counts,
        first_week,
    })
}

/// Median and 90th percentile of won deals' amounts above 0.
fn deal_value(seen: &[Seen]) -> Option<DealValueFit> {
    let mut won: Vec<f64> = seen
        .iter()
        .filter(|d| d.state == State::Won)
        .filter_map(|d| d.amount)
        .filter(|a| a.is_finite() && *a > 0.0)
        .collect();
    if won.is_empty() {
        return None;
    }
    won.sort_by(f64::total_cmp);
    Some(DealValueFit {
        median: quantile_sorted(&won, 0.5),
        p90: quantile_sorted(&won, 0.9),
        won: won.len() as u64,
    })
}

/// numpy's default quantile: linear between order statistics at (n − 1)·p.
fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    let position = (sorted.len() - 1) as f64 * p;
    let below = position.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    let weight = position - below as f64;
    sorted[below] + (sorted[above] - sorted[below]) * weight
}

fn pipeline(seen: &[Seen]) -> [u64; SALES_STAGES] {
    let mut open = [0; SALES_STAGES];
    for deal in seen.iter().filter(|d| d.state == State::Open) {
        open[deal.furthest] += 1;
    }
    open
}
