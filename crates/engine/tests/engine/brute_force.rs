//! The counting model against a deal-by-deal simulation written the
//! obvious way (each lead drawn, each duration sampled), on scenarios small
//! enough for that to be cheap. Means must agree within 4.5 combined
//! standard errors, and the comparison must catch durations off by 10 %.

use crate::funnel_distribution::Z;
use engine::rng::trial_rng;
use engine::{DealValueInput, LeadsInput, Scenario, ScenarioInput, Simulation};
use rand::distr::Distribution;
use rand::RngExt;
use rand_distr::{Beta, Poisson};

const RATES: [f64; 7] = [0.6, 0.7, 0.8, 0.6, 0.7, 0.5, 0.3];
const DAYS: [f64; 7] = [4.0, 6.0, 9.0, 5.0, 8.0, 12.0, 30.0];

struct Brute {
    reached: Vec<Vec<f64>>,
    won: Vec<f64>,
    won_by_week: Vec<Vec<f64>>,
    days_to_win: Vec<f64>,
}

/// Deal by deal: leads of week w enter Prospecting on day 7w + 7·U, U
/// uniform on [0, 1) (a cohort and open deals on day 0); each stage
/// takes 3·d·Beta(2,4) days; a deal counts in a stage if it entered it
/// before the horizon. Every duration is multiplied by `duration_scale`
/// (1 for the real thing; a mutant to show the comparison can fail).
fn brute_force(
    leads: LeadsInput,
    pipeline: [u64; 6],
    weeks: usize,
    trials: u64,
    duration_scale: f64,
) -> Brute {
    let horizon = 7.0 * weeks as f64;
    let beta = Beta::new(2.0, 4.0).expect("valid");
    let mut b = Brute {
        reached: vec![Vec::new(); 7],
        won: Vec::new(),
        won_by_week: vec![Vec::new(); weeks],
        days_to_win: Vec::new(),
    };
    for trial in 0..trials {
        // Any independent stream will do: this is a different simulation.
        let mut rng = trial_rng(0xB207E, trial);
        let mut reached = [0u64; 7];
        let mut by_week = vec![0u64; weeks];
        let mut deals: Vec<(usize, f64, bool)> = Vec::new(); // (stage, entry time, new lead)
        for w in 0..weeks {
            let week_start = 7.0 * w as f64;
            match leads {
                LeadsInput::Count(n) if w == 0 => {
                    deals.extend((0..n as u64).map(|_| (0, 0.0, true)));
                }
                LeadsInput::Count(_) => {}
                LeadsInput::PerWeek(l) => {
                    let x: f64 = Poisson::new(l).expect("valid").sample(&mut rng);
                    for _ in 0..x as u64 {
                        let arrival = week_start + 7.0 * rng.random::<f64>();
                        deals.push((0, arrival, true));
                    }
                }
            }
        }
        for (k, &open) in pipeline.iter().enumerate() {
            deals.extend((0..open).map(|_| (k, 0.0, false)));
        }
        for (start, entry, new_lead) in deals {
            let mut t = entry;
            reached[start] += 1;
            for k in start..6 {
                let d = 3.0 * DAYS[k] * beta.sample(&mut rng) * duration_scale;
                if rng.random::<f64>() >= RATES[k] {
                    break;
                }
                t += d;
                if t >= horizon {
                    break;
                }
                reached[k + 1] += 1;
                if k == 5 {
                    by_week[(t / 7.0) as usize] += 1;
                    if new_lead {
                        b.days_to_win.push(t - entry);
                    }
                }
            }
        }
        for (k, &r) in reached.iter().enumerate() {
            b.reached[k].push(r as f64);
        }
        b.won.push(reached[6] as f64);
        let mut cumulative = 0;
        for (w, &c) in by_week.iter().enumerate() {
            cumulative += c;
            b.won_by_week[w].push(cumulative as f64);
        }
    }
    b
}

fn mean_se(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (var / n).sqrt())
}

/// Every check of the engine against the deal-by-deal simulation (with its
/// durations scaled by `duration_scale`) that fails, in words.
fn mismatches(
    leads: LeadsInput,
    pipeline: [u64; 6],
    weeks: usize,
    duration_scale: f64,
) -> Vec<String> {
    let trials = 6000;
    let mut input = ScenarioInput::default();
    for ((stage, rate), days) in input.stages.iter_mut().zip(RATES).zip(DAYS) {
        stage.rate = rate;
        stage.days = Some(days);
    }
    input.leads = leads;
    input.pipeline = Some(pipeline.iter().map(|&n| n as f64).collect());
    input.horizon_weeks = Some(weeks as f64);
    input.trials = trials as f64;
    input.deal_value = Some(DealValueInput {
        median: 100.0,
        p90: 100.0,
    });
    let mut sim = Simulation::new(Scenario::new(&input).expect("valid"));
    sim.step(u64::MAX);
    let s = sim.summary();
    let b = brute_force(leads, pipeline, weeks, trials, duration_scale);
    let mut failures = Vec::new();
    let mut check = |what: &str, engine_mean: f64, engine_se: f64, brute: &[f64]| {
        let (m, se) = mean_se(brute);
        let tol = Z * (se * se + engine_se * engine_se).sqrt();
        let agrees = (engine_mean - m).abs() <= tol + 1e-9;
        if !agrees {
            failures.push(format!(
                "{what}: engine {engine_mean} vs deal by deal {m} (±{tol})"
            ));
        }
    };
    for (k, stage) in s.stages.iter().enumerate() {
        check(
            &stage.name,
            stage.reached.mean,
            stage.reached.se,
            &b.reached[k],
        );
    }
    check("won", s.won.mean, s.won.se, &b.won);
    for (w, week) in s.weekly.iter().enumerate() {
        let t = trials as f64;
        // SE of the weekly mean from the engine's own spread (P90−P10 ≈ 2.56 sd).
        let se = ((week.won.p90 - week.won.p10) / 2.56).max(0.5) / t.sqrt();
        check(
            &format!("won by week {}", w + 1),
            week.won.mean,
            se,
            &b.won_by_week[w],
        );
    }
    if !b.days_to_win.is_empty() {
        let (m, se) = mean_se(&b.days_to_win);
        let d = s.days_to_win.expect("wins");
        let agrees = (d.mean - m).abs() <= Z * se + 0.05;
        if !agrees {
            failures.push(format!("days to win: {} vs {m} ± {se}", d.mean));
        }
    }
    failures
}

/// The engine agrees with the deal-by-deal simulation on every check.
fn compare(leads: LeadsInput, pipeline: [u64; 6], weeks: usize) {
    let failures = mismatches(leads, pipeline, weeks, 1.0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn weekly_leads_match_deal_by_deal() {
    compare(LeadsInput::PerWeek(25.0), [0; 6], 8);
}

#[test]
fn a_cohort_and_open_pipeline_match_deal_by_deal() {
    compare(LeadsInput::Count(150.0), [0, 30, 20, 10, 10, 5], 6);
}

#[test]
fn the_comparison_fails_when_durations_are_off_by_ten_percent() {
    // Guard against a comparison that always passes: a deal-by-deal
    // simulation whose every duration is 10 % longer must be told apart.
    let failures = mismatches(LeadsInput::Count(150.0), [0, 30, 20, 10, 10, 5], 6, 1.1);
    assert!(
        failures.iter().any(|f| f.starts_with("days to win")),
        "durations 10 % off went unnoticed: {failures:?}"
    );
}
