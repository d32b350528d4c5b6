//! Running long computations off the main thread.
//!
//! - [`protocol`]: the messages exchanged with a worker (start a job, cancel
//!   it, its reports); every computation is an [`engine::JobSpec`].
//! - [`codec`]: JSON on the wire (the scenario format is JSON, and JSON keeps
//!   the messages readable in the browser's dev tools).
//! - [`job_worker`]: the worker, which drives [`engine::Job`]s in chunks.
//! - [`supervisor`]: one worker under watch: job ids, superseded reports
//!   dropped, a silent worker replaced and its jobs sent again.
//! - [`pool`]: the forecast: several supervised workers sharing a run by
//!   trial range, their statistics merged.
//! - [`readers`]: a job's raw reports turned into what a component shows.
//! - [`hooks`]: the page's workers, made once by the app: the forecast pool
//!   and one helper worker for every other analysis.
//! - [`clock`]: the clock, for durations only.

pub mod clock;
pub mod codec;
pub mod hooks;
pub mod job_worker;
pub mod pool;
pub mod protocol;
pub mod readers;
pub mod supervisor;

pub use codec::Json;
pub use hooks::{use_job_slot, JobSlot, Workers};
pub use job_worker::{AllJobs, JobWorker, ModelJobs, Starter};
pub use pool::{worker_count, Pool, PoolEvent};
pub use protocol::{FromWorker, JobId, ToWorker};
pub use readers::QuarterResult;
pub use supervisor::{JobEvent, JobHandle, Supervised};
