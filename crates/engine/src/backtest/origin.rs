//! The origins rule and what is fitted at each origin.

use super::{BacktestError, BacktestSettings};
use crate::history::{Day, Deals, FitOptions};
use crate::scenario::ScenarioInput;

/// The origin dates: the first creation day plus the warm-up, then every
/// `every_weeks` weeks while the origin is at most the latest day minus the
/// horizon (so every horizon ends on or before the latest day). Empty when
/// the history is too short.
pub fn origins(first: Day, latest: Day, settings: &BacktestSettings) -> Vec<Day> {
    let start = i64::from(first.0) + 7 * i64::from(settings.warmup_weeks);
    let last = i64::from(latest.0) - 7 * i64::from(settings.horizon_weeks);
    let step = 7 * i64::from(settings.every_weeks.max(1));
    let mut out = Vec::new();
    let mut day = start;
    while day <= last {
        // Days of the history's range fit in i32 (Day is one).
        out.push(Day(day as i32));
        day += step;
    }
    out
}

/// The scenario simulated at `as_of`: the history fitted exactly as
/// `fit --as-of` would (`options` with `as_of` replaced), made into `fit`'s
/// scenario with the backtest's horizon, trials and seed (and without its
/// lead dispersion and market sd when `settings.variation` is off).
pub fn origin_scenario(
    deals: &Deals,
    options: &FitOptions,
    settings: &BacktestSettings,
    as_of: Day,
) -> Result<ScenarioInput, BacktestError> {
    let options = FitOptions {
        as_of: Some(as_of),
        ..options.clone()
    };
    let fit = deals.fit(&options).map_err(|e| BacktestError::Origin {
        as_of,
        message: e.to_string(),
    })?;
    let mut input = fit.scenario(settings.horizon_weeks);
    input.trials = settings.trials as f64;
    input.seed = settings.seed;
    if !settings.variation {
        input.lead_dispersion = None;
        input.market = None;
    }
    Ok(input)
}

/// The end of an origin's horizon: `as_of` + 7·H days.
pub fn horizon_end(as_of: Day, settings: &BacktestSettings) -> Day {
    let end = i64::from(as_of.0) + 7 * i64::from(settings.horizon_weeks);
    Day(end.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}
