//! Messages between the page and the simulation workers.
//!
//! A run is shared between workers by trial index: each gets a range, sends
//! back its accumulated statistics, and the page merges them. Merging is
//! exact, so the result does not depend on the number of workers.

use engine::decisions::{Answer, Question};
use engine::{Accumulator, CompareAccumulator, Metric, Quarter, ScenarioInput, SummaryContext};
use serde::{Deserialize, Serialize};

/// Page → worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ToWorker {
    /// Run trials `first..end` of the scenario, replacing any run in progress.
    Run {
        run_id: u32,
        scenario: Box<ScenarioInput>,
        first: u64,
        end: u64,
    },
    /// Run trials `first..end` of several scenarios side by side, all with
    /// `seed` (common random numbers).
    Compare {
        run_id: u32,
        scenarios: Vec<ScenarioInput>,
        seed: u64,
        first: u64,
        end: u64,
    },
    /// Answer a decision question (sensitivity, planning) about a scenario.
    Decide {
        run_id: u32,
        scenario: Box<ScenarioInput>,
        question: Question,
    },
    /// Trial `trial` of the scenario's seeded run, deal by deal (classroom).
    Quarter {
        run_id: u32,
        scenario: Box<ScenarioInput>,
        trial: u64,
    },
    /// Stop the run with this id.
    Cancel { run_id: u32 },
}

/// Worker → page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum FromWorker {
    /// The model is built; what the page needs to summarise merged shares.
    Started {
        run_id: u32,
        context: Box<SummaryContext>,
    },
    /// Everything this worker's share has accumulated so far.
    Progress {
        run_id: u32,
        acc: Box<Accumulator>,
        done: bool,
    },
    /// A comparison's models are built.
    CompareStarted {
        run_id: u32,
        contexts: Vec<SummaryContext>,
        metric: Metric,
    },
    /// Everything this worker's share of a comparison has accumulated.
    CompareProgress {
        run_id: u32,
        acc: Box<CompareAccumulator>,
        done: bool,
    },
    /// How far a decision question has got (0 to 1).
    DecideProgress { run_id: u32, progress: f64 },
    /// The answer to a decision question.
    Decided { run_id: u32, answer: Box<Answer> },
    /// A quarter deal by deal, or why it cannot be shown (the message, and
    /// whether a horizon would fix it).
    Quarter {
        run_id: u32,
        quarter: Result<Box<Quarter>, (String, bool)>,
    },
    /// The run could not start; the message is for the user.
    Failed { run_id: u32, message: String },
}
