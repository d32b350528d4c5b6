//! One forecast scored against its actual, and the scores over origins.

use super::score::{covered, crps, hubspot_accuracy, mid_pit, quantile};
use serde::{Deserialize, Serialize};

/// A forecast's percentiles (of its trials) and its scores against the actual.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub p5: f64,
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub p95: f64,
    /// Mid-PIT of the actual: P(X < a) + ½ P(X = a).
    pub pit: f64,
    /// CRPS of the trials against the actual (the forecast's unit).
    pub crps: f64,
    /// The actual within P25–P75, P10–P90, P5–P95 (bounds included).
    pub within50: bool,
    pub within80: bool,
    pub within90: bool,
}

impl Forecast {
    /// Sorts `trials` and scores them against `actual`.
    pub fn score(trials: &mut [f64], actual: f64) -> Forecast {
        trials.sort_by(f64::total_cmp);
        let sorted = &*trials;
        Forecast {
            p5: quantile(sorted, 5),
            p10: quantile(sorted, 10),
            p25: quantile(sorted, 25),
            p50: quantile(sorted, 50),
            p75: quantile(sorted, 75),
            p90: quantile(sorted, 90),
            p95: quantile(sorted, 95),
            pit: mid_pit(sorted, actual),
            crps: crps(sorted, actual),
            within50: covered(sorted, actual, 25, 75),
            within80: covered(sorted, actual, 10, 90),
            within90: covered(sorted, actual, 5, 95),
        }
    }
}

/// Scores over origins: shares and means of each origin's.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    /// Share of origins whose actual lay within P25–P75.
    pub coverage50: f64,
    /// … within P10–P90.
    pub coverage80: f64,
    /// … within P5–P95.
    pub coverage90: f64,
    /// Mean CRPS.
    pub crps: f64,
    /// Mean of max(0, 1 − |a − P50| / a) (see [`hubspot_accuracy`]).
    pub hubspot_accuracy: f64,
    /// Mean mid-PIT (near 0.5 for an unbiased forecast).
    pub mean_pit: f64,
    /// Origins scored.
    pub origins: usize,
}

impl Scores {
    /// Over `(forecast, actual)` pairs (shares and means of none are 0,
    /// the mean PIT ½).
    pub fn over(pairs: &[(Forecast, f64)]) -> Scores {
        if pairs.is_empty() {
            return Scores {
                coverage50: 0.0,
                coverage80: 0.0,
                coverage90: 0.0,
                crps: 0.0,
                hubspot_accuracy: 0.0,
                mean_pit: 0.5,
                origins: 0,
            };
        }
        let n = pairs.len() as f64;
        let share = |within: fn(&Forecast) -> bool| {
            pairs.iter().filter(|(f, _)| within(f)).count() as f64 / n
        };
        let mean =
            |value: &dyn Fn(&(Forecast, f64)) -> f64| pairs.iter().map(value).sum::<f64>() / n;
        Scores {
            coverage50: share(|f| f.within50),
            coverage80: share(|f| f.within80),
            coverage90: share(|f| f.within90),
            crps: mean(&|(f, _)| f.crps),
            hubspot_accuracy: mean(&|(f, a)| hubspot_accuracy(*a, f.p50)),
            mean_pit: mean(&|(f, _)| f.pit),
            origins: pairs.len(),
        }
    }
}
