//! Messages between the page and the simulation worker.

use engine::{ScenarioInput, Summary};
use serde::{Deserialize, Serialize};

/// Page → worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ToWorker {
    /// Start a run, replacing any run in progress.
    Run {
        run_id: u32,
        scenario: Box<ScenarioInput>,
    },
    /// Stop the run with this id; its partial results are kept by the page.
    Cancel { run_id: u32 },
}

/// Worker → page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum FromWorker {
    /// Statistics of the trials run so far.
    Progress { run_id: u32, summary: Summary },
    /// The run is complete.
    Done { run_id: u32, summary: Summary },
    /// The run could not start; the message is for the user.
    Failed { run_id: u32, message: String },
}
