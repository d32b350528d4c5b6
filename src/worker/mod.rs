//! Running simulations off the main thread.
//!
//! - [`protocol`]: the messages exchanged with the workers.
//! - [`codec`]: JSON on the wire (the scenario format is JSON, and JSON keeps
//!   the messages readable in the browser's dev tools).
//! - [`sim_worker`]: the worker, which drives the engine in chunks.
//! - [`pool`]: the page's side: shares runs between workers and merges them.
//! - [`comparer`]: comparisons of saved scenarios, in a worker of their own.
//! - [`quarters`]: the classroom's quarters, deal by deal, in a worker of their own.

pub mod codec;
pub mod comparer;
pub mod pool;
pub mod protocol;
pub mod quarters;
pub mod sim_worker;

pub use codec::Json;
pub use comparer::{CompareEvent, Comparer};
pub use pool::{worker_count, Pool, PoolEvent};
pub use protocol::{FromWorker, ToWorker};
pub use quarters::{QuarterResult, Quarters};
pub use sim_worker::SimWorker;
