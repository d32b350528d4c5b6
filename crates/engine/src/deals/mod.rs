//! The per-deal view of one trial: every deal of one simulated quarter with
//! the day it entered each stage and how it ended, for classroom animation.
//!
//! The trial itself is run by [`Model::record_trial`], with the same draws as
//! in every forecast, so the view is one real trial of the same simulation:
//! its deals reach each stage, win in each week and follow up in each week in
//! exactly the numbers the trial drew. What the counts leave open (which entry
//! week a `per_week` lead had, the days inside each stage, whether a deal that
//! did not move on was lost or simply ran out of time) is drawn from the same
//! duration model conditioned on those counts, on a stream of its own
//! ([`Stream::Deals`]), so recording never changes a forecast.

//!
//! The types and the quarter are here; `expand` turns a cohort's counts into
//! deals.

mod expand;

pub use expand::stage_days;

use crate::model::{Model, Source, TrialOutcome};
use crate::rng::{stream_rng, Stream};
use crate::scenario::{Leads, Scenario, SALES_STAGES};
use expand::Expand;
use serde::{Deserialize, Serialize};

/// More deals than this in one quarter are not drawn one by one (a
/// projector shows a few hundred dots; counting tens of thousands of deals
/// per animation frame would not keep up).
pub const MAX_DEALS: u64 = 20_000;

/// How a deal ended by the end of the horizon.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Fate {
    /// Lost at `stage` on day `day`.
    Lost { stage: usize, day: f64 },
    /// Won: it entered Follow-up (the day is its last `entered`).
    Won,
    /// Still in `stage` when the horizon ends.
    Open { stage: usize },
}

/// One deal of the quarter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    pub source: Source,
    /// Stage the deal entered first.
    pub start: usize,
    /// Day it entered each stage from `start` on: `entered[i]` is stage
    /// `start + i`; a won deal's last entry is its win (entering Follow-up).
    pub entered: Vec<f64>,
    pub fate: Fate,
    /// Day of its follow-up (repeat purchase, referrals), inside the horizon.
    pub follow_up: Option<f64>,
}

/// Where a deal is at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Position {
    /// Not in the funnel yet.
    NotYet,
    /// In sales stage `stage` since day `since`, leaving on day `until`
    /// (None when it is still there at the end of the horizon).
    InStage {
        stage: usize,
        since: f64,
        until: Option<f64>,
    },
    /// Lost at `stage` on day `since`.
    Lost { stage: usize, since: f64 },
    /// Won on day `since`: a customer, in Follow-up.
    Won { since: f64 },
}

impl Deal {
    /// Day the deal entered the funnel.
    pub fn arrival(&self) -> f64 {
        self.entered[0]
    }

    /// Day it was won, if it was.
    pub fn won_on(&self) -> Option<f64> {
        match self.fate {
            Fate::Won => self.entered.last().copied(),
            _ => None,
        }
    }

    /// Where the deal is just before day `day` (events on `day` itself have
    /// not happened yet, so the end of week w is `day = 7·(w+1)`).
    pub fn position(&self, day: f64) -> Position {
        if self.entered[0] >= day {
            return Position::NotYet;
        }
        let last = self.entered.len() - 1;
        if let Fate::Won = self.fate {
            if self.entered[last] < day {
                return Position::Won {
                    since: self.entered[last],
                };
            }
        }
        if let Fate::Lost { stage, day: lost } = self.fate {
            if lost < day {
                return Position::Lost { stage, since: lost };
            }
        }
        // In the last stage entered before `day`.
        let i = self.entered.iter().rposition(|&e| e < day).unwrap_or(0);
        let until = match self.fate {
            Fate::Won => self.entered.get(i + 1).copied(),
            Fate::Lost { day, .. } if i == last => Some(day),
            Fate::Lost { .. } | Fate::Open { .. } => self.entered.get(i + 1).copied(),
        };
        Position::InStage {
            stage: self.start + i,
            since: self.entered[i],
            until,
        }
    }
}

/// Counts of deals at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Deals that have entered the funnel (new leads, referrals, open pipeline).
    pub entered: u64,
    /// Deals in each sales stage now.
    pub in_stage: [u64; SALES_STAGES],
    /// Deals lost at each sales stage so far.
    pub lost: [u64; SALES_STAGES],
    /// Deals won so far (customers in Follow-up).
    pub won: u64,
    /// Won customers whose follow-up has happened.
    pub followed_up: u64,
    /// Leads that came from referrals so far.
    pub referrals: u64,
}

impl Counts {
    /// Deals still in the sales stages.
    pub fn in_stages(&self) -> u64 {
        self.in_stage.iter().sum()
    }

    /// Deals that left the sales stages: lost or won.
    pub fn out(&self) -> u64 {
        self.lost.iter().sum::<u64>() + self.won
    }
}

/// Why a trial cannot be shown deal by deal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DealsError {
    /// The scenario has no horizon: there are no weeks to animate.
    NoHorizon,
    /// More deals than [`MAX_DEALS`] in the quarter.
    TooMany(u64),
}

impl std::fmt::Display for DealsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DealsError::NoHorizon => {
                write!(
                    f,
                    "deals in motion needs a horizon in weeks (a quarter is 13)"
                )
            }
            DealsError::TooMany(n) => write!(
                f,
                "this quarter has {n} deals; deals in motion shows up to {MAX_DEALS}, \
                 so lower the leads or open a lesson"
            ),
        }
    }
}

impl std::error::Error for DealsError {}

/// One simulated quarter, deal by deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quarter {
    /// The trial's index in the seeded run.
    pub trial: u64,
    pub weeks: usize,
    pub deals: Vec<Deal>,
    /// The trial's outcome, exactly as in a forecast run.
    pub outcome: TrialOutcome,
}

impl Quarter {
    /// Trial number `trial` of `model`'s seeded run, deal by deal.
    pub fn new(model: &Model, trial: u64) -> Result<Quarter, DealsError> {
        let Some(timing) = model.time().timing.as_ref() else {
            return Err(DealsError::NoHorizon);
        };
        let record = model.record_trial(trial);
        let total: u64 = record
            .cohorts
            .iter()
            .map(|c| c.reached[c.start])
            .fold(0u64, u64::saturating_add);
        if total > MAX_DEALS {
            return Err(DealsError::TooMany(total));
        }
        let scenario = model.scenario();
        let mut rng = stream_rng(scenario.seed(), trial, Stream::Deals);
        let expand = Expand {
            scenario,
            timing,
            rates: &record.rates,
        };
        let mut deals = Vec::with_capacity(total as usize);
        for cohort in &record.cohorts {
            expand.cohort(cohort, &mut rng, &mut deals);
        }
        Ok(Quarter {
            trial,
            weeks: timing.weeks(),
            deals,
            outcome: record.outcome,
        })
    }

    /// Last day of the horizon.
    pub fn days(&self) -> f64 {
        7.0 * self.weeks as f64
    }

    /// Counts just before day `day` (see [`Deal::position`]).
    pub fn counts_at(&self, day: f64) -> Counts {
        let mut c = Counts::default();
        for deal in &self.deals {
            let position = deal.position(day);
            if position == Position::NotYet {
                continue;
            }
            c.entered += 1;
            if deal.source == Source::Referral {
                c.referrals += 1;
            }
            match position {
                Position::NotYet => {}
                Position::InStage { stage, .. } => c.in_stage[stage] += 1,
                Position::Lost { stage, .. } => c.lost[stage] += 1,
                Position::Won { .. } => {
                    c.won += 1;
                    if deal.follow_up.is_some_and(|f| f < day) {
                        c.followed_up += 1;
                    }
                }
            }
        }
        c
    }
}

/// What a spreadsheet would forecast: every lead and open deal times the
/// stage rates to the win (no time, no noise, no referrals).
pub fn spreadsheet_won(scenario: &Scenario) -> f64 {
    let rates: Vec<f64> = scenario.stages().iter().map(|s| s.rate).collect();
    let to_win = |k: usize| rates[k..SALES_STAGES].iter().product::<f64>();
    let leads = match (scenario.leads(), scenario.horizon_weeks()) {
        (Leads::Cohort(n), _) => n as f64,
        (Leads::PerWeek(l), Some(weeks)) => l * f64::from(weeks),
        (Leads::PerWeek(_), None) => 0.0,
    };
    let open: f64 = scenario
        .pipeline()
        .iter()
        .enumerate()
        .map(|(k, &n)| n as f64 * to_win(k))
        .sum();
    leads * to_win(0) + open
}
