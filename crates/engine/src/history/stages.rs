//! Where a CRM stage label goes: one of the six funnel stages before the
//! sale, won, lost, or ignored.

use serde::{Deserialize, Serialize};

/// A stage label's place in the funnel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// Funnel stage 0 (Prospecting) to 5 (Closing).
    Stage(usize),
    Won,
    Lost,
    Ignore,
}

impl Target {
    /// Reads a stage-map value: `"Prospecting"` … `"Closing"` (any case),
    /// `"won"`, `"lost"` or `"ignore"`.
    pub fn parse(text: &str) -> Option<Target> {
        todo!("E2")
    }

    /// The default for a CRM label: the funnel stage of the same name,
    /// `Closed won`/`Won`, `Closed lost`/`Lost`; None otherwise.
    pub fn default_for(label: &str) -> Option<Target> {
        todo!("E2")
    }

    /// The stage-map value that reads back as this target.
    pub fn name(self) -> &'static str {
        todo!("E2")
    }
}
