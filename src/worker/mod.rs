//! Running simulations off the main thread.
//!
//! - [`protocol`]: the messages exchanged with the worker.
//! - [`codec`]: JSON on the wire (the scenario format is JSON, and JSON keeps
//!   the messages readable in the browser's dev tools).
//! - [`sim_worker`]: the worker, which drives the engine in chunks.

pub mod codec;
pub mod protocol;
pub mod sim_worker;

pub use codec::Json;
pub use protocol::{FromWorker, ToWorker};
pub use sim_worker::SimWorker;
