//! What a forecast is judged by: deals won, or revenue when every deal has a
//! value. One enum for comparisons, decisions and the app's charts.

use crate::model::TrialOutcome;
use serde::{Deserialize, Serialize};

/// The quantity compared between scenarios or variants.
///
/// Serialised as `"Revenue"` / `"Won"` (the names both former enums had).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measure {
    /// Revenue (currency units), when deal values are known.
    Revenue,
    /// Deals won.
    Won,
}

impl Measure {
    /// Revenue when deal values are known (`has_values`), else won deals.
    pub fn judged_by(has_values: bool) -> Measure {
        if has_values {
            Measure::Revenue
        } else {
            Measure::Won
        }
    }

    /// This measure of one trial's outcome.
    pub fn of(self, outcome: &TrialOutcome) -> f64 {
        match self {
            Measure::Revenue => outcome.revenue,
            Measure::Won => outcome.won() as f64,
        }
    }
}
