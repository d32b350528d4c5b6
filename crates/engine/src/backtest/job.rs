//! The backtest as a [`crate::Job`]: reading the file in steps (as the
//! history fit does), assembling it once, then per origin one step to fit
//! and trials in steps; progress counts trials done. The trials of an origin
//! are numbered 0 … N − 1 and each keeps its own random streams, so results
//! never depend on the step budgets.

use super::origin::{horizon_end, origin_scenario, origins};
use super::summary::{Forecast, Scores};
use super::{Actual, Backtest, BacktestError, BacktestSettings, OriginResult};
use crate::history::{Day, Deals, FitOptions, Reader};
use crate::model::{Model, TrialOutcome};
use crate::scenario::Scenario;

/// Share of the progress bar given to reading the file.
const READING_SHARE: f64 = 0.05;

/// Runs a whole backtest on a file's bytes (the command line, tests).
pub fn backtest(
    bytes: Vec<u8>,
    options: FitOptions,
    settings: BacktestSettings,
) -> Result<Backtest, BacktestError> {
    let mut job = BacktestJob::new(bytes, options, settings);
    while !crate::Job::is_done(&job) {
        crate::Job::step(&mut job, u64::MAX);
    }
    job.outcome()
        .cloned()
        .unwrap_or(Err(BacktestError::Settings(
            "The backtest did not finish.".to_owned(),
        )))
}

/// Backtests one file.
pub struct BacktestJob {
    options: FitOptions,
    settings: BacktestSettings,
    state: State,
}

enum State {
    Reading(Reader),
    /// Every row read: assembling and choosing the origins is the next step.
    Read(Reader),
    Running(Box<Run>),
    Done(Result<Backtest, BacktestError>),
}

/// The origins and what is done of them.
struct Run {
    deals: Deals,
    has_amounts: bool,
    origins: Vec<Day>,
    /// The origin being simulated, if one is.
    current: Option<OriginRun>,
    done: Vec<OriginResult>,
}

/// One origin's trials so far.
struct OriginRun {
    as_of: Day,
    actual: Actual,
    model: Model,
    next_trial: u64,
    won: Vec<f64>,
    /// Revenue per trial, when the fit has a deal value and the file amounts.
    revenue: Option<Vec<f64>>,
    scratch: TrialOutcome,
}

impl BacktestJob {
    pub fn new(bytes: Vec<u8>, options: FitOptions, settings: BacktestSettings) -> BacktestJob {
        let state = match settings.check() {
            Err(e) => State::Done(Err(e)),
            Ok(()) => match Reader::new(bytes) {
                Ok(reader) => State::Reading(reader),
                Err(e) => State::Done(Err(BacktestError::History(e))),
            },
        };
        BacktestJob {
            options,
            settings,
            state,
        }
    }

    /// The result once done.
    pub fn outcome(&self) -> Option<&Result<Backtest, BacktestError>> {
        match &self.state {
            State::Done(outcome) => Some(outcome),
            _ => None,
        }
    }

    /// From 0 to 1: reading, then trials done over all origins' trials.
    pub fn progress(&self) -> f64 {
        match &self.state {
            State::Reading(reader) => READING_SHARE * reader.progress(),
            State::Read(_) => READING_SHARE,
            State::Running(run) => {
                let planned = run.origins.len() as f64 * self.settings.trials as f64;
                let current = run.current.as_ref().map_or(0, |o| o.next_trial);
                let done = run.done.len() as f64 * self.settings.trials as f64 + current as f64;
                READING_SHARE + (1.0 - READING_SHARE) * done / planned.max(1.0)
            }
            State::Done(_) => 1.0,
        }
    }

    fn start(&self, reader: Reader) -> State {
        let assembled = match Deals::from_reader(reader, &self.options) {
            Ok(assembled) => assembled,
            Err((_, e)) => return State::Done(Err(BacktestError::History(e))),
        };
        let deals = match assembled.deals {
            Ok(deals) => deals,
            Err(e) => return State::Done(Err(BacktestError::History(e))),
        };
        let since = self.options.since;
        // A given `as_of` ends the history as if it had been exported then.
        let (Some(first), Some(latest)) = (
            deals.first_created(since),
            self.options.as_of.or_else(|| deals.latest_day()),
        ) else {
            return State::Done(Err(BacktestError::History(
                crate::history::HistoryError::NoDeals,
            )));
        };
        let origins = origins(first, latest, &self.settings);
        if origins.is_empty() {
            return State::Done(Err(BacktestError::TooShort {
                first,
                latest,
                warmup_weeks: self.settings.warmup_weeks,
                horizon_weeks: self.settings.horizon_weeks,
            }));
        }
        State::Running(Box::new(Run {
            has_amounts: deals.has_amounts(),
            deals,
            origins,
            current: None,
            done: Vec::new(),
        }))
    }

    /// One step of a running backtest: fit the next origin, or run up to
    /// `budget` of its trials (scoring it when its last trial is done).
    fn advance(&self, mut run: Box<Run>, budget: u64) -> State {
        let Some(mut origin) = run.current.take() else {
            let as_of = run.origins[run.done.len()];
            return match self.prepare(&run, as_of) {
                Ok(origin) => {
                    run.current = Some(origin);
                    State::Running(run)
                }
                Err(e) => State::Done(Err(e)),
            };
        };
        let stop = self
            .settings
            .trials
            .min(origin.next_trial.saturating_add(budget.max(1)));
        for trial in origin.next_trial..stop {
            origin.model.run_trial(trial, &mut origin.scratch);
            origin.won.push(origin.scratch.won() as f64);
            if let Some(revenue) = origin.revenue.as_mut() {
                revenue.push(origin.scratch.revenue);
            }
        }
        origin.next_trial = stop;
        if stop < self.settings.trials {
            run.current = Some(origin);
            return State::Running(run);
        }
        run.done.push(score(origin));
        if run.done.len() < run.origins.len() {
            return State::Running(run);
        }
        State::Done(Ok(conclude(self.settings, run.done)))
    }

    fn prepare(&self, run: &Run, as_of: Day) -> Result<OriginRun, BacktestError> {
        let input = origin_scenario(&run.deals, &self.options, &self.settings, as_of)?;
        let scenario = Scenario::new(&input).map_err(|e| BacktestError::Origin {
            as_of,
            message: e.to_string(),
        })?;
        let won = run.deals.won_between(
            self.options.since,
            as_of,
            horizon_end(as_of, &self.settings),
        );
        let with_revenue = run.has_amounts && scenario.deal_value().is_some();
        let capacity = usize::try_from(self.settings.trials).unwrap_or(0);
        Ok(OriginRun {
            as_of,
            actual: Actual {
                won: won.won,
                revenue: run.has_amounts.then_some(won.revenue),
            },
            model: Model::new(scenario),
            next_trial: 0,
            won: Vec::with_capacity(capacity),
            revenue: with_revenue.then(|| Vec::with_capacity(capacity)),
            scratch: TrialOutcome::default(),
        })
    }
}

fn score(mut origin: OriginRun) -> OriginResult {
    let won = Forecast::score(&mut origin.won, origin.actual.won as f64);
    let revenue = match (origin.revenue.as_mut(), origin.actual.revenue) {
        (Some(trials), Some(actual)) => Some(Forecast::score(trials, actual)),
        _ => None,
    };
    OriginResult {
        as_of: origin.as_of,
        actual: origin.actual,
        won,
        revenue,
    }
}

fn conclude(settings: BacktestSettings, origins: Vec<OriginResult>) -> Backtest {
    let won: Vec<(Forecast, f64)> = origins
        .iter()
        .map(|o| (o.won, o.actual.won as f64))
        .collect();
    let revenue: Vec<(Forecast, f64)> = origins
        .iter()
        .filter_map(|o| Some((o.revenue?, o.actual.revenue?)))
        .collect();
    Backtest {
        settings,
        won: Scores::over(&won),
        revenue: (!revenue.is_empty()).then(|| Scores::over(&revenue)),
        origins,
    }
}

impl crate::Job for BacktestJob {
    fn step(&mut self, budget: u64) {
        // A row costs about a quarter of a trial of work (as in the fit).
        let rows = usize::try_from(budget.saturating_mul(4)).unwrap_or(usize::MAX);
        let placeholder = State::Done(Err(BacktestError::Settings(String::new())));
        self.state = match std::mem::replace(&mut self.state, placeholder) {
            State::Reading(mut reader) => match reader.step(rows.max(1)) {
                Ok(true) => State::Read(reader),
                Ok(false) => State::Reading(reader),
                Err(e) => State::Done(Err(BacktestError::History(e))),
            },
            State::Read(reader) => self.start(reader),
            State::Running(run) => self.advance(run, budget),
            done @ State::Done(_) => done,
        };
    }
    fn is_done(&self) -> bool {
        matches!(self.state, State::Done(_))
    }
    fn report(&self) -> crate::Report {
        match &self.state {
            State::Done(outcome) => crate::Report::Backtest(outcome.clone().map(Box::new)),
            _ => crate::Report::Progress(self.progress()),
        }
    }
}
