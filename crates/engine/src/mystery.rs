//! The classroom calibration game's mystery quarters: a scenario drawn from
//! a game's seed and a round number, always valid and sensible, so a trainer
//! can replay the same game (rules in `docs/classroom-game.md`).
//!
//! Every number is drawn uniformly on a grid people read easily (rates in
//! steps of 0.05, whole days, deal values in hundreds), within these ranges:
//!
//! | input | range |
//! |---|---|
//! | horizon | 13 weeks (one quarter) |
//! | leads per week | whole, 20 to 2,000: set so the funnel's steady flow wins [`WINS_PER_WEEK`] (1 to 15, log-uniform) deals a week, i.e. leads per week × the six sales rates |
//! | lead dispersion | none (Poisson) or 5 to 40, whole, half the rounds each |
//! | stage rates | per stage, see [`RATE_RANGES`]; evidence 100 to 400 past deals (steps of 50) |
//! | stage days | sales stages 2 to 21 days, Follow-up 14 to 90 days, whole |
//! | open pipeline | Prospecting 0; stage k (2–6) holds ½ to 2 weeks of the flow reaching it (leads per week × the rates before it), whole |
//! | deal value | median 1,000 to 50,000 (log-uniform, whole hundreds); p90 1.5 to 4 × the median (whole hundreds) |
//! | market | none or a shared shock of sd 0.10 to 0.25 (steps of 0.05), half the rounds each |
//! | follow-up, targets | none |
//! | trials | 10,000 |
//! | seed | a whole number below 2³², drawn with the rest |

use crate::rng::{stream_rng, Stream};
use crate::{
    DealValueInput, LeadsInput, MarketInput, ScenarioInput, StageInput, DEFAULT_STAGE_NAMES,
    DEFAULT_TRIALS, FORMAT_VERSION, STAGE_COUNT,
};
use rand::{Rng, RngExt};

/// The quarter every mystery scenario forecasts (weeks).
pub const HORIZON_WEEKS: f64 = 13.0;
/// Leads per week: lowest and highest.
pub const LEADS_PER_WEEK: (f64, f64) = (20.0, 2_000.0);
/// Deals a week the funnel's steady flow wins (leads per week × the sales
/// rates), before leads per week are rounded and kept in [`LEADS_PER_WEEK`]:
/// lowest and highest. So a quarter wins a handful to a few hundred deals,
/// never none for want of leads.
pub const WINS_PER_WEEK: (f64, f64) = (1.0, 15.0);
/// Lead dispersion when there is one: lowest and highest.
pub const DISPERSION: (f64, f64) = (5.0, 40.0);
/// Each stage's conversion rate: lowest and highest, in process order.
pub const RATE_RANGES: [(f64, f64); STAGE_COUNT] = [
    (0.30, 0.70), // Prospecting
    (0.40, 0.80), // Qualification
    (0.50, 0.85), // Needs analysis
    (0.40, 0.80), // Proposal
    (0.40, 0.85), // Negotiation
    (0.20, 0.60), // Closing: the win rate
    (0.10, 0.40), // Follow-up
];
/// Evidence behind each rate (past deals): lowest and highest.
pub const EVIDENCE: (f64, f64) = (100.0, 400.0);
/// Mean days in each sales stage: lowest and highest.
pub const SALES_DAYS: (f64, f64) = (2.0, 21.0);
/// Mean days from a win to the follow-up: lowest and highest.
pub const FOLLOW_UP_DAYS: (f64, f64) = (14.0, 90.0);
/// Open deals at a stage, in weeks of the flow reaching it: lowest and highest.
pub const PIPELINE_WEEKS: (f64, f64) = (0.5, 2.0);
/// Median deal value: lowest and highest (currency units).
pub const MEDIAN_VALUE: (f64, f64) = (1_000.0, 50_000.0);
/// The 90th-percentile deal value as a multiple of the median: lowest and highest.
pub const P90_RATIO: (f64, f64) = (1.5, 4.0);
/// The market shock's sd when there is one: lowest and highest.
pub const MARKET_SD: (f64, f64) = (0.10, 0.25);

/// A value uniform on the grid `lo, lo + step, …, hi`.
fn on_grid(rng: &mut impl Rng, (lo, hi): (f64, f64), step: f64) -> f64 {
    let steps = ((hi - lo) / step).round() as u64;
    let k = rng.random_range(0..=steps);
    // Rounded again so 0.35 is stored as 0.35, not 0.35000000000000003.
    ((lo + k as f64 * step) / step).round() * step
}

/// Log-uniform between `lo` and `hi`, rounded to a multiple of `step` and
/// kept inside the range.
fn log_uniform(rng: &mut impl Rng, (lo, hi): (f64, f64), step: f64) -> f64 {
    let u: f64 = rng.random();
    let x = lo * (hi / lo).powf(u);
    ((x / step).round() * step).clamp(lo, hi)
}

/// The mystery scenario of `round` (0-based) in the game seeded with `seed`:
/// the same pair always gives the same scenario, and it always passes
/// [`crate::Scenario::new`].
pub fn mystery(seed: u64, round: u32) -> ScenarioInput {
    let mut rng = stream_rng(seed, u64::from(round), Stream::Mystery);
    let evidence = on_grid(&mut rng, EVIDENCE, 50.0);
    let stages: Vec<StageInput> = DEFAULT_STAGE_NAMES
        .iter()
        .zip(RATE_RANGES)
        .enumerate()
        .map(|(i, (name, rates))| {
            let days = if i + 1 == STAGE_COUNT {
                FOLLOW_UP_DAYS
            } else {
                SALES_DAYS
            };
            StageInput {
                name: (*name).to_owned(),
                rate: on_grid(&mut rng, rates, 0.05),
                days: Some(on_grid(&mut rng, days, 1.0)),
                evidence: Some(evidence),
            }
        })
        .collect();
    let conversion: f64 = stages[..STAGE_COUNT - 1].iter().map(|s| s.rate).product();
    let wins = log_uniform(&mut rng, WINS_PER_WEEK, 0.1);
    let (lo, hi) = LEADS_PER_WEEK;
    let per_week = (wins / conversion).round().clamp(lo, hi);
    let lead_dispersion = rng
        .random_bool(0.5)
        .then(|| on_grid(&mut rng, DISPERSION, 1.0));
    // Stage k's open deals: weeks of the flow that reaches it.
    let mut reach = per_week;
    let mut pipeline = vec![0.0];
    for stage in &stages[..STAGE_COUNT - 2] {
        reach *= stage.rate;
        let weeks = on_grid(&mut rng, PIPELINE_WEEKS, 0.25);
        pipeline.push((reach * weeks).round());
    }
    let median = log_uniform(&mut rng, MEDIAN_VALUE, 100.0);
    let ratio = on_grid(&mut rng, P90_RATIO, 0.25);
    let p90 = (median * ratio / 100.0).round() * 100.0;
    let market = rng.random_bool(0.5).then(|| MarketInput {
        sd: on_grid(&mut rng, MARKET_SD, 0.05),
    });
    let scenario_seed = rng.next_u64() >> 32;
    ScenarioInput {
        version: FORMAT_VERSION,
        name: format!("Mystery quarter {}", round + 1),
        leads: LeadsInput::PerWeek(per_week),
        lead_dispersion,
        horizon_weeks: Some(HORIZON_WEEKS),
        stages,
        pipeline: Some(pipeline),
        deal_value: Some(DealValueInput { median, p90 }),
        follow_up: None,
        target: None,
        market,
        trials: DEFAULT_TRIALS,
        seed: scenario_seed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;

    fn within(x: f64, (lo, hi): (f64, f64)) -> bool {
        (lo - 1e-9..=hi + 1e-9).contains(&x)
    }

    /// Every documented range, checked on one scenario.
    fn check_ranges(s: &ScenarioInput) {
        let LeadsInput::PerWeek(per_week) = s.leads else {
            panic!("leads per week")
        };
        assert!(within(per_week, LEADS_PER_WEEK) && per_week.fract() == 0.0);
        let conversion: f64 = s.stages[..STAGE_COUNT - 1].iter().map(|s| s.rate).product();
        let wins = per_week * conversion;
        let (lo, hi) = WINS_PER_WEEK;
        assert!(
            (lo - conversion..=hi + conversion).contains(&wins)
                || per_week == LEADS_PER_WEEK.0
                || per_week == LEADS_PER_WEEK.1,
            "{wins} wins a week"
        );
        if let Some(k) = s.lead_dispersion {
            assert!(within(k, DISPERSION) && k.fract() == 0.0);
        }
        assert_eq!(s.horizon_weeks, Some(HORIZON_WEEKS));
        assert_eq!(s.stages.len(), STAGE_COUNT);
        let mut reach = per_week;
        let pipeline = s.pipeline.as_deref().expect("pipeline");
        assert_eq!(pipeline.len(), STAGE_COUNT - 1);
        assert_eq!(pipeline[0], 0.0);
        for (i, stage) in s.stages.iter().enumerate() {
            assert!(within(stage.rate, RATE_RANGES[i]), "{i}: {}", stage.rate);
            let step = (stage.rate / 0.05).round() * 0.05;
            assert_eq!(stage.rate, step, "on the 0.05 grid");
            let days = stage.days.expect("days");
            let range = if i + 1 == STAGE_COUNT {
                FOLLOW_UP_DAYS
            } else {
                SALES_DAYS
            };
            assert!(within(days, range) && days.fract() == 0.0);
            assert!(within(stage.evidence.expect("evidence"), EVIDENCE));
            if (1..STAGE_COUNT - 1).contains(&i) {
                reach *= s.stages[i - 1].rate;
                let open = pipeline[i];
                assert!(open.fract() == 0.0);
                let (lo, hi) = PIPELINE_WEEKS;
                assert!(
                    open >= (reach * lo).round() && open <= (reach * hi).round(),
                    "stage {i}: {open} for a flow of {reach}"
                );
            }
        }
        let value = s.deal_value.expect("deal value");
        assert!(within(value.median, MEDIAN_VALUE) && value.median % 100.0 == 0.0);
        assert!(value.p90 % 100.0 == 0.0);
        let (lo, hi) = P90_RATIO;
        assert!(value.p90 >= value.median * lo - 50.0 && value.p90 <= value.median * hi + 50.0);
        if let Some(m) = s.market {
            assert!(within(m.sd, MARKET_SD));
        }
        assert!(s.follow_up.is_none() && s.target.is_none());
        assert!(s.seed < 1 << 32);
    }

    #[test]
    fn a_thousand_mystery_scenarios_are_valid_and_within_the_documented_ranges() {
        let (mut dispersed, mut shocked) = (0, 0);
        for seed in 0..1_000u64 {
            let s = mystery(seed, (seed % 12) as u32);
            if let Err(e) = Scenario::new(&s) {
                panic!("seed {seed}: {e:?}");
            }
            check_ranges(&s);
            dispersed += usize::from(s.lead_dispersion.is_some());
            shocked += usize::from(s.market.is_some());
        }
        // Half the rounds each, give or take sampling noise.
        assert!((400..600).contains(&dispersed), "{dispersed}");
        assert!((400..600).contains(&shocked), "{shocked}");
    }

    #[test]
    fn same_seed_and_round_same_scenario_and_rounds_differ() {
        assert_eq!(mystery(7, 3), mystery(7, 3));
        assert_ne!(mystery(7, 3), mystery(7, 4));
        assert_ne!(mystery(7, 3), mystery(8, 3));
        assert_eq!(mystery(7, 3).name, "Mystery quarter 4");
    }

    #[test]
    fn the_scenarios_vary_across_the_ranges() {
        let leads: Vec<f64> = (0..200)
            .map(|r| match mystery(1, r).leads {
                LeadsInput::PerWeek(l) => l,
                LeadsInput::Count(_) => 0.0,
            })
            .collect();
        let low = leads.iter().filter(|&&l| l < 100.0).count();
        let high = leads.iter().filter(|&&l| l > 400.0).count();
        assert!(
            low > 30 && high > 30,
            "{low} small and {high} large funnels"
        );
        let win_rates: std::collections::BTreeSet<u64> = (0..200)
            .map(|r| (mystery(1, r).stages[5].rate * 100.0).round() as u64)
            .collect();
        assert_eq!(win_rates.len(), 9, "every win rate 0.20..0.60 appears");
    }

    /// Sensible, not just valid: every quarter wins some deals on average,
    /// and not absurdly many (200 trials of 40 rounds).
    #[test]
    fn mystery_quarters_win_a_sensible_number_of_deals() {
        for round in 0..40 {
            let mut input = mystery(11, round);
            input.trials = 200.0;
            let mut sim = crate::Simulation::new(Scenario::new(&input).expect("valid"));
            sim.step(200);
            let won = sim.summary().won.mean;
            assert!((2.0..1_000.0).contains(&won), "round {round}: {won} won");
        }
    }
}
