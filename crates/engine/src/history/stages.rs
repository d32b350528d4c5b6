//! Where a CRM stage label goes: one of the six funnel stages before the
//! sale, won, lost, or ignored.

use crate::scenario::{DEFAULT_STAGE_NAMES, SALES_STAGES};
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
        let key = normalise(text);
        match key.as_str() {
            "won" => Some(Target::Won),
            "lost" => Some(Target::Lost),
            "ignore" => Some(Target::Ignore),
            _ => funnel_stage(&key).map(Target::Stage),
        }
    }

    /// The default for a CRM label: the funnel stage of the same name,
    /// `Closed won`/`Won`, `Closed lost`/`Lost`; None otherwise.
    pub fn default_for(label: &str) -> Option<Target> {
        let key = normalise(label);
        match key.as_str() {
            "closed won" | "won" => Some(Target::Won),
            "closed lost" | "lost" => Some(Target::Lost),
            _ => funnel_stage(&key).map(Target::Stage),
        }
    }

    /// The stage-map value that reads back as this target.
    pub fn name(self) -> &'static str {
        match self {
            Target::Stage(k) => DEFAULT_STAGE_NAMES[k.min(SALES_STAGES - 1)],
            Target::Won => "won",
            Target::Lost => "lost",
            Target::Ignore => "ignore",
        }
    }
}

/// A label as compared: trimmed, surrounding quotes removed, lower case.
pub(crate) fn normalise(label: &str) -> String {
    label
        .trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim()
        .to_lowercase()
}

/// The funnel stage (before the sale) with this normalised name.
fn funnel_stage(key: &str) -> Option<usize> {
    DEFAULT_STAGE_NAMES[..SALES_STAGES]
        .iter()
        .position(|name| name.to_lowercase() == key)
}
