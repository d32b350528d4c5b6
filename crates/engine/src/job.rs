//! One interface for every long computation, so a host (a Web Worker, the
//! command line, a test) drives them all the same way.
//!
//! A [`JobSpec`] says what to compute; [`start`] validates it and returns a
//! [`Job`]; the host calls [`Job::step`] with a budget until
//! [`Job::is_done`], sending [`Job::report`] to whoever asked whenever it
//! likes. Reports are cumulative (everything so far), so a host may drop any
//! but the last, and results never depend on the budgets used.
//!
//! A new analysis is a [`Job`] implementation plus one variant in
//! [`JobSpec`] and [`Report`]: hosts need no new plumbing.

use crate::backtest::{Backtest, BacktestError, BacktestJob, BacktestSettings};
use crate::compare::{CompareAccumulator, Comparison};
use crate::deals::Quarter;
use crate::decisions::{Answer, DecisionRun, Question};
use crate::history::{FitOptions, HistoryJob, HistoryReport};
use crate::measure::Measure;
use crate::model::Model;
use crate::scenario::{Scenario, ScenarioInput};
use crate::simulation::{Accumulator, Simulation};
use crate::summary::SummaryContext;
use serde::{Deserialize, Serialize};

/// What to compute. Serialisable: it crosses to a worker as is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum JobSpec {
    /// Trials `first..end` of the scenario's seeded run (a share of a
    /// forecast; shares merge exactly).
    Forecast {
        scenario: Box<ScenarioInput>,
        first: u64,
        end: u64,
    },
    /// Trials `first..end` of several scenarios side by side, all with
    /// `seed` (common random numbers).
    Compare {
        scenarios: Vec<ScenarioInput>,
        seed: u64,
        first: u64,
        end: u64,
    },
    /// A decision question (sensitivity, planning) about a scenario.
    Decide {
        scenario: Box<ScenarioInput>,
        question: Question,
    },
    /// Trial `trial` of the scenario's seeded run, deal by deal.
    Quarter {
        scenario: Box<ScenarioInput>,
        trial: u64,
    },
    /// Read a CRM deals export and fit every input from it.
    History {
        source: HistorySource,
        options: FitOptions,
    },
    /// Backtest the forecast on a CRM deals export: fit at rolling origins,
    /// simulate each, score against what happened.
    Backtest {
        source: HistorySource,
        options: FitOptions,
        settings: BacktestSettings,
    },
}

/// Where a history file's bytes are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum HistorySource {
    /// The file itself (tests, the command line).
    Bytes(Vec<u8>),
    /// A URL the host reads into [`HistorySource::Bytes`] before [`start`]
    /// (in the browser: a `blob:` URL of the user's file, so megabytes do
    /// not cross the message channel as JSON).
    Url(String),
}

/// Why a quarter cannot be shown: the message for the user, and whether a
/// horizon would fix it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuarterProblem {
    pub message: String,
    pub needs_horizon: bool,
}

/// What a job tells its owner. Every report holds everything so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Report {
    /// Sent once at the start of a forecast share: what is needed to
    /// summarise merged accumulators elsewhere.
    ForecastStarted(Box<SummaryContext>),
    /// A forecast share's statistics so far.
    Forecast(Box<Accumulator>),
    /// Sent once at the start of a comparison.
    CompareStarted {
        contexts: Vec<SummaryContext>,
        metric: Measure,
    },
    /// A comparison's statistics so far.
    Compare(Box<CompareAccumulator>),
    /// How far a job with no partial result has got (0 to 1).
    Progress(f64),
    /// A decision question's answer.
    Answer(Box<Answer>),
    /// A quarter deal by deal, or why it cannot be shown.
    Quarter(Result<Box<Quarter>, QuarterProblem>),
    /// A history file read and fitted (or why not).
    History(Box<HistoryReport>),
    /// A backtest's result (or why there is none); before it,
    /// [`Report::Progress`] by trials done.
    Backtest(Result<Box<Backtest>, BacktestError>),
}

/// A long computation, driven in steps by its host.
pub trait Job {
    /// Does about `budget` single-scenario trials of work, then returns.
    fn step(&mut self, budget: u64);
    /// True once the final report is ready.
    fn is_done(&self) -> bool;
    /// The report to send now (the final one once done).
    fn report(&self) -> Report;
    /// A report to send once, right after the start, if the job has one.
    fn opening(&self) -> Option<Report> {
        None
    }
}

/// Validates `spec` and returns the job that computes it, or the message
/// for the user.
pub fn start(spec: &JobSpec) -> Result<Box<dyn Job>, String> {
    match spec {
        JobSpec::History { source, options } => match source {
            HistorySource::Bytes(bytes) => {
                Ok(Box::new(HistoryJob::new(bytes.clone(), options.clone())))
            }
            HistorySource::Url(_) => Err("The file could not be read.".to_owned()),
        },
        JobSpec::Backtest {
            source,
            options,
            settings,
        } => match source {
            HistorySource::Bytes(bytes) => Ok(Box::new(BacktestJob::new(
                bytes.clone(),
                options.clone(),
                *settings,
            ))),
            HistorySource::Url(_) => Err("The file could not be read.".to_owned()),
        },
        _ => start_model(spec),
    }
}

/// [`start`] for the jobs that only simulate (all but reading a history
/// file): what the forecast workers run. A host that starts jobs through this
/// alone does not link the CSV reader and the fit, so its code stays small.
pub fn start_model(spec: &JobSpec) -> Result<Box<dyn Job>, String> {
    match spec {
        JobSpec::Forecast {
            scenario,
            first,
            end,
        } => {
            let scenario = Scenario::new(scenario).map_err(|e| e.to_string())?;
            Ok(Box::new(Simulation::for_trials(scenario, *first..*end)))
        }
        JobSpec::Compare {
            scenarios,
            seed,
            first,
            end,
        } => {
            let parsed = scenarios
                .iter()
                .enumerate()
                .map(|(i, s)| Scenario::new(s).map_err(|e| format!("scenario {}: {e}", i + 1)))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Box::new(Comparison::new(parsed, *seed, *first..*end)))
        }
        JobSpec::Decide { scenario, question } => DecisionRun::new(scenario, question)
            .map(|run| Box::new(run) as Box<dyn Job>)
            .map_err(|e| e.to_string()),
        JobSpec::Quarter { scenario, trial } => {
            let scenario =
                Scenario::new(scenario).map_err(|e| format!("The scenario has a problem: {e}"))?;
            Ok(Box::new(QuarterJob::new(scenario, *trial)))
        }
        JobSpec::History { .. } | JobSpec::Backtest { .. } => {
            Err("This worker does not read history files.".to_owned())
        }
    }
}

impl Job for Simulation {
    fn step(&mut self, budget: u64) {
        Simulation::step(self, budget);
    }

    fn is_done(&self) -> bool {
        Simulation::is_done(self)
    }

    fn report(&self) -> Report {
        Report::Forecast(Box::new(self.accumulator().clone()))
    }

    fn opening(&self) -> Option<Report> {
        Some(Report::ForecastStarted(Box::new(self.context().clone())))
    }
}

impl Job for Comparison {
    fn step(&mut self, budget: u64) {
        // A comparison trial runs every scenario: keep the work per step
        // comparable with a single scenario's.
        Comparison::step(self, budget.div_ceil(4).max(1));
    }

    fn is_done(&self) -> bool {
        Comparison::is_done(self)
    }

    fn report(&self) -> Report {
        Report::Compare(Box::new(self.accumulator().clone()))
    }

    fn opening(&self) -> Option<Report> {
        Some(Report::CompareStarted {
            contexts: self.contexts().to_vec(),
            metric: self.metric(),
        })
    }
}

impl Job for DecisionRun {
    fn step(&mut self, budget: u64) {
        DecisionRun::step(self, budget);
    }

    fn is_done(&self) -> bool {
        DecisionRun::is_done(self)
    }

    fn report(&self) -> Report {
        match self.answer() {
            Some(answer) => Report::Answer(Box::new(answer)),
            None => Report::Progress(self.progress()),
        }
    }
}

/// One trial deal by deal: bounded in size, so built in one step.
struct QuarterJob {
    scenario: Option<Scenario>,
    trial: u64,
    built: Option<Result<Box<Quarter>, QuarterProblem>>,
}

impl QuarterJob {
    fn new(scenario: Scenario, trial: u64) -> Self {
        QuarterJob {
            scenario: Some(scenario),
            trial,
            built: None,
        }
    }
}

impl Job for QuarterJob {
    fn step(&mut self, _budget: u64) {
        let Some(scenario) = self.scenario.take() else {
            return;
        };
        let needs_horizon = scenario.horizon_weeks().is_none();
        self.built = Some(
            Quarter::new(&Model::new(scenario), self.trial)
                .map(Box::new)
                .map_err(|e| QuarterProblem {
                    message: format!("Cannot animate this scenario: {e}."),
                    needs_horizon,
                }),
        );
    }

    fn is_done(&self) -> bool {
        self.built.is_some()
    }

    fn report(&self) -> Report {
        match &self.built {
            Some(built) => Report::Quarter(built.clone()),
            None => Report::Progress(0.0),
        }
    }
}

/// Runs a job to the end in steps of `budget` and returns its final report
/// (the command line and tests; a worker drives the steps itself).
pub fn run_to_end(job: &mut dyn Job, budget: u64) -> Report {
    while !job.is_done() {
        job.step(budget);
    }
    job.report()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> ScenarioInput {
        let mut input = ScenarioInput::default();
        input.trials = 3_000.0;
        input
    }

    #[test]
    fn a_forecast_job_equals_the_simulation_whatever_the_budget() {
        let spec = JobSpec::Forecast {
            scenario: Box::new(example()),
            first: 0,
            end: 3_000,
        };
        let mut direct = Simulation::new(Scenario::new(&example()).expect("valid"));
        direct.step(u64::MAX);
        for budget in [1, 7, 1_000, u64::MAX] {
            let mut job = start(&spec).expect("valid");
            assert!(matches!(job.opening(), Some(Report::ForecastStarted(_))));
            let report = run_to_end(job.as_mut(), budget);
            assert_eq!(
                report,
                Report::Forecast(Box::new(direct.accumulator().clone()))
            );
        }
    }

    #[test]
    fn a_decision_job_reports_progress_then_its_answer() {
        let spec = JobSpec::Decide {
            scenario: Box::new(example()),
            question: Question::Sensitivity,
        };
        let mut job = start(&spec).expect("valid");
        assert!(matches!(job.report(), Report::Progress(p) if p == 0.0));
        let report = run_to_end(job.as_mut(), 5_000);
        let expected = crate::decisions::answer(&example(), &Question::Sensitivity).expect("valid");
        assert_eq!(report, Report::Answer(Box::new(expected)));
    }

    #[test]
    fn a_quarter_job_says_when_a_horizon_is_needed() {
        let spec = JobSpec::Quarter {
            scenario: Box::new(example()),
            trial: 0,
        };
        let mut job = start(&spec).expect("valid");
        match run_to_end(job.as_mut(), 1) {
            Report::Quarter(Err(problem)) => {
                assert!(problem.needs_horizon, "{problem:?}");
                assert!(problem.message.starts_with("Cannot animate this scenario"));
            }
            other => panic!("expected a problem, got {other:?}"),
        }
    }

    #[test]
    fn invalid_specs_are_refused_with_a_message() {
        let mut bad = example();
        bad.trials = -1.0;
        let spec = JobSpec::Compare {
            scenarios: vec![example(), bad],
            seed: 1,
            first: 0,
            end: 10,
        };
        let message = start(&spec).err().expect("refused");
        assert!(message.starts_with("scenario 2:"), "{message}");
    }
}
