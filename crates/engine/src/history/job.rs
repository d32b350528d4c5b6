//! The history fit as a [`crate::Job`]: reading in steps with progress,
//! then assembling and fitting in one step.

use super::{FitOptions, HistoryReport};

/// Reads and fits one file.
pub struct HistoryJob {
    // E2
}

impl HistoryJob {
    pub fn new(bytes: Vec<u8>, options: FitOptions) -> HistoryJob {
        todo!("E2")
    }
    pub fn outcome(&self) -> Option<&HistoryReport> {
        todo!("E2")
    }
}

impl crate::Job for HistoryJob {
    fn step(&mut self, budget: u64) {
        todo!("E2: read ~budget·4 rows per step; then conclude")
    }
    fn is_done(&self) -> bool {
        todo!("E2")
    }
    fn report(&self) -> crate::Report {
        todo!("E2: Progress(share read) until done, then History(report)")
    }
}
