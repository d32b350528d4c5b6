//! Funnelcast's simulation engine: the scenario model, seeded sampling and
//! streaming statistics for Monte Carlo forecasts of a seven-stage sales
//! funnel over time, with open pipeline, uncertain rates, deal values and
//! follow-up.
//!
//! Pure Rust with no web dependency: the browser worker, the command line,
//! the tests and the benchmarks all drive the same [`Simulation`] through
//! [`Simulation::step`]; every long computation is a [`job::Job`].

pub mod backtest;
pub mod compare;
pub mod deals;
pub mod decisions;
pub mod history;
pub mod job;
pub mod measure;
pub mod model;
pub mod mystery;
pub mod rng;
pub mod sampling;
pub mod scenario;
pub mod simulation;
pub mod sketch;
pub mod summary;
pub mod timing;

pub use compare::{CompareAccumulator, Comparison, ComparisonSummary};
pub use deals::{Counts, Deal, DealsError, Fate, Position, Quarter};
pub use job::{HistorySource, Job, JobSpec, QuarterProblem, Report};
pub use measure::Measure;
pub use model::{Model, Source, TrialOutcome};
pub use scenario::{
    DealValue, DealValueInput, Field, FieldError, FollowUpInput, Leads, LeadsInput, MarketInput,
    Scenario, ScenarioError, ScenarioInput, Stage, StageInput, TargetInput, DEFAULT_SEED,
    DEFAULT_STAGE_NAMES, DEFAULT_TRIALS, FORMAT_VERSION, MAX_DISPERSION, MAX_MARKET_SD,
    SALES_STAGES, STAGE_COUNT,
};
pub use simulation::{Accumulator, Simulation};
pub use summary::{
    Band, DaysToWin, Distribution, HistogramBin, Probability, StageSummary, Stat, Summary,
    SummaryContext, TargetSummary, WeekSummary,
};
