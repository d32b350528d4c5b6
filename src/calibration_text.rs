//! The forecast check's wording and the numbers it picks from a backtest:
//! the headline sentence, each origin's forecast for the chosen measure, and
//! the coverage rows against their promises. Pure, tested natively.

#[cfg(test)]
mod tests;

use engine::backtest::{Backtest, Forecast, Scores};
use engine::history::Day;
use engine::Measure;

/// One origin as the check shows it, in the measure's unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    pub as_of: Day,
    pub actual: f64,
    pub forecast: Forecast,
}

/// The origins scored for `measure`, oldest first (revenue: those with a
/// revenue forecast and an actual).
pub fn rows(backtest: &Backtest, measure: Measure) -> Vec<Row> {
    backtest
        .origins
        .iter()
        .filter_map(|o| {
            let (forecast, actual) = match measure {
                Measure::Won => (o.won, o.actual.won as f64),
                Measure::Revenue => (o.revenue?, o.actual.revenue?),
            };
            Some(Row {
                as_of: o.as_of,
                actual,
                forecast,
            })
        })
        .collect()
}

/// The scores over origins for `measure`.
pub fn scores(backtest: &Backtest, measure: Measure) -> Option<Scores> {
    match measure {
        Measure::Won => Some(backtest.won),
        Measure::Revenue => backtest.revenue,
    }
}

/// "2 weeks", "1 week".
fn weeks(n: u32) -> String {
    if n == 1 {
        "1 week".to_owned()
    } else {
        format!("{n} weeks")
    }
}

/// "Over the last 8 quarters, the 80 % range contained the actual result 7
/// times." (quarters when the horizon is 13 weeks; the CLI's sentence, for
/// either measure).
pub fn headline(horizon_weeks: u32, rows: &[Row]) -> String {
    let n = rows.len();
    let hits = rows.iter().filter(|r| r.forecast.within80).count();
    let periods = match (horizon_weeks, n) {
        (13, 1) => "quarter".to_owned(),
        (13, _) => format!("{n} quarters"),
        (h, 1) => format!("forecast of {}", weeks(h)),
        (h, _) => format!("{n} forecasts of {}", weeks(h)),
    };
    let times = match hits {
        0 => "no time".to_owned(),
        1 => "once".to_owned(),
        k => format!("{k} times"),
    };
    format!("Over the last {periods}, the 80 % range contained the actual result {times}.")
}

/// The share of origins an honest forecast puts inside each range.
pub const PROMISES: [(u32, f64); 3] = [(50, 0.5), (80, 0.8), (90, 0.9)];

/// How many of `rows` lie within the central `percent` % range.
pub fn inside(rows: &[Row], percent: u32) -> usize {
    rows.iter()
        .filter(|r| match percent {
            50 => r.forecast.within50,
            80 => r.forecast.within80,
            _ => r.forecast.within90,
        })
        .count()
}

/// What the mean PIT says about bias, in words.
pub fn bias(mean_pit: f64, origins: usize) -> String {
    // The mean of n uniform PITs has sd √(1/12n): beyond two of them the
    // lean is worth a word.
    let sd = (1.0 / (12.0 * origins.max(1) as f64)).sqrt();
    let lean = if mean_pit < 0.5 - 2.0 * sd {
        "the forecast tends to be too high"
    } else if mean_pit > 0.5 + 2.0 * sd {
        "the forecast tends to be too low"
    } else {
        "no clear lean either way"
    };
    format!("Mean PIT {mean_pit:.2} (0.50 means no bias): {lean}.")
}

/// Why the two single-number scores differ, in one line.
pub const SCORES_NOTE: &str = "HubSpot-style accuracy (1 − |actual − P50| / actual) only judges the middle number; \
CRPS judges the whole range against what happened, in the forecast's unit: lower is better, and only ranges \
that are both narrow and in the right place score well.";
