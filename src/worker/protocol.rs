//! Messages between the page and a worker: start a job, cancel a job, and
//! the job's reports. Every long computation is an [`engine::JobSpec`], so a
//! new analysis adds nothing here.

use engine::{JobSpec, Report};
use serde::{Deserialize, Serialize};

/// Names one job for as long as the page lives; reports of jobs that are no
/// longer current are dropped by their id.
pub type JobId = u32;

/// Page → worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ToWorker {
    /// Start computing `spec` beside any jobs already running.
    Start { job: JobId, spec: Box<JobSpec> },
    /// Stop the job with this id (nothing if it has finished).
    Cancel { job: JobId },
    /// The page has taken in one report of this job: the next may come.
    /// Reports are cumulative, so a worker with an unanswered report keeps
    /// computing and sends the newest once answered; a busy page never
    /// falls behind a queue of stale reports.
    Ack { job: JobId },
}

/// Worker → page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum FromWorker {
    /// What the job has to say so far; `done` marks its last report.
    Report {
        job: JobId,
        report: Box<Report>,
        done: bool,
    },
    /// The job could not start; the message is for the user.
    Failed { job: JobId, message: String },
}
