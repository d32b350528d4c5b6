//! Funnelcast's simulation engine: the scenario model, seeded sampling and
//! streaming statistics for Monte Carlo runs of a seven-stage sales funnel.
//!
//! Pure Rust with no web dependency: the browser worker, the tests and the
//! benchmarks all drive the same [`Simulation`] through [`Simulation::step`].

pub mod rng;
pub mod scenario;
pub mod simulation;
pub mod sketch;
pub mod summary;

pub use scenario::{
    Field, FieldError, LeadsInput, Scenario, ScenarioError, ScenarioInput, StageInput,
    DEFAULT_STAGE_NAMES, FORMAT_VERSION, STAGE_COUNT,
};
pub use simulation::{run_trial, Simulation, TrialOutcome};
pub use summary::{HistogramBin, StageSummary, Stat, Summary};
