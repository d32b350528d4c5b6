//! Decisions: which lever moves the forecast most (sensitivity), and what it
//! takes to reach a target with a given confidence (reverse planning).
//!
//! Every variant of a scenario runs on common random numbers — trial t of
//! each uses the same random streams — so differences between variants are
//! differences of the scenario, not noise, and the ranking is stable.

use crate::model::{Model, TrialOutcome};
use crate::scenario::{LeadsInput, Scenario, ScenarioError, ScenarioInput, SALES_STAGES};
use crate::sketch::CountStats;
use serde::{Deserialize, Serialize};

/// Something the user could change.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Lever {
    /// One percentage point more conversion in a stage (0-based).
    StageRate(usize),
    /// One day less in a stage.
    StageDays(usize),
    /// Lead volume × factor.
    Leads(f64),
    /// Deal values × factor.
    DealValue(f64),
}

impl Lever {
    /// The scenario with this lever pulled; None when it changes nothing
    /// (a stage already at 100 % or taking no time).
    pub fn apply(&self, input: &ScenarioInput) -> Option<ScenarioInput> {
        let mut s = input.clone();
        match *self {
            Lever::StageRate(i) => {
                let stage = s.stages.get_mut(i)?;
                if stage.rate >= 1.0 {
                    return None;
                }
                stage.rate = (stage.rate + 0.01).min(1.0);
            }
            Lever::StageDays(i) => {
                let stage = s.stages.get_mut(i)?;
                let days = stage.days.unwrap_or(0.0);
                if days <= 0.0 {
                    return None;
                }
                stage.days = Some((days - 1.0).max(0.0));
            }
            Lever::Leads(f) => {
                s.leads = match s.leads {
                    LeadsInput::Count(n) => LeadsInput::Count((n * f).round()),
                    LeadsInput::PerWeek(l) => LeadsInput::PerWeek(l * f),
                };
            }
            Lever::DealValue(f) => {
                let v = s.deal_value.as_mut()?;
                v.median *= f;
                v.p90 *= f;
            }
        }
        Some(s)
    }

    /// Words for the lever, e.g. "Qualification +1 pt".
    pub fn label(&self, input: &ScenarioInput) -> String {
        let name = |i: usize| {
            input
                .stages
                .get(i)
                .map_or("Stage".to_owned(), |s| s.name.clone())
        };
        match *self {
            Lever::StageRate(i) => format!("{} +1 pt", name(i)),
            Lever::StageDays(i) => format!("{} −1 day", name(i)),
            Lever::Leads(f) => format!("Lead volume {}", signed_percent(f)),
            Lever::DealValue(f) => format!("Deal value {}", signed_percent(f)),
        }
    }
}

/// `1.1` → "+10 %", `0.9` → "−10 %".
fn signed_percent(factor: f64) -> String {
    let p = ((factor - 1.0) * 100.0).round();
    format!("{}{} %", if p < 0.0 { "−" } else { "+" }, p.abs())
}

/// What is compared between variants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    Revenue,
    Won,
}

fn measure_of(o: &TrialOutcome, m: Measure) -> f64 {
    match m {
        Measure::Revenue => o.revenue,
        Measure::Won => o.won() as f64,
    }
}

/// Batches for the Monte Carlo error of median differences.
const BATCHES: u64 = 20;

/// One lever's effect, with Monte Carlo standard errors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    pub lever: Lever,
    pub label: String,
    /// Stage the lever belongs to, if any.
    pub stage: Option<String>,
    /// Change in the median (revenue, or won deals without deal values).
    pub median_change: f64,
    /// Standard error of that change (from batch medians).
    pub median_change_se: f64,
    /// Change in the mean, and its paired standard error.
    pub mean_change: f64,
    pub mean_change_se: f64,
    /// Change in the chance of reaching the target (None without a target).
    pub chance_change: Option<f64>,
    pub chance_change_se: Option<f64>,
}

/// The sensitivity analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SensitivityReport {
    pub measure: Measure,
    pub trials: u64,
    pub base_median: f64,
    pub base_chance: Option<f64>,
    /// Every lever, largest absolute median change first.
    pub effects: Vec<Effect>,
    /// The stage whose lever (a point of conversion or a day less) is worth most.
    pub first_to_fix: Option<String>,
}

fn target_of(s: &Scenario, m: Measure) -> Option<f64> {
    match m {
        Measure::Revenue => s.target_revenue(),
        Measure::Won => s.target_won().map(|t| t as f64),
    }
}

fn median(stats: &CountStats) -> f64 {
    stats.quantile(1, 2)
}

fn whole(v: f64) -> u64 {
    if v.is_finite() && v > 0.0 {
        v.round().min(u64::MAX as f64) as u64
    } else {
        0
    }
}

/// Runs the base scenario and every lever on common random numbers.
pub fn sensitivity(input: &ScenarioInput) -> Result<SensitivityReport, ScenarioError> {
    let base = Scenario::new(input)?;
    let measure = if base.deal_value().is_some() {
        Measure::Revenue
    } else {
        Measure::Won
    };
    let mut levers: Vec<Lever> = (0..SALES_STAGES)
        .flat_map(|i| [Lever::StageRate(i), Lever::StageDays(i)])
        .collect();
    levers.extend([Lever::Leads(1.1), Lever::Leads(0.9)]);
    if measure == Measure::Revenue {
        levers.extend([Lever::DealValue(1.1), Lever::DealValue(0.9)]);
    }
    let variants: Vec<(Lever, Scenario)> = levers
        .into_iter()
        .filter_map(|l| l.apply(input).map(|s| (l, s)))
        .filter_map(|(l, s)| Scenario::new(&s).ok().map(|s| (l, s)))
        .collect();
    let trials = base.trials();
    let target = target_of(&base, measure);
    let base_model = Model::new(base.clone());
    let models: Vec<Model> = variants
        .iter()
        .map(|(_, s)| Model::new(s.clone()))
        .collect();
    let batch_len = trials.div_ceil(BATCHES).max(1);
    // Whole-run and per-batch statistics of the measure, base first.
    let n = models.len() + 1;
    let mut whole_stats = vec![CountStats::default(); n];
    let mut batch_stats = vec![CountStats::default(); n];
    let mut batch_medians: Vec<Vec<f64>> = vec![Vec::new(); n];
    let mut diff_sum = vec![0.0f64; n];
    let mut diff_sq = vec![0.0f64; n];
    let mut hit_diff = vec![(0i64, 0u64); n]; // (Σ d, Σ d²) for d ∈ {−1, 0, 1}
    let mut base_hits = 0u64;
    let mut out = TrialOutcome::default();
    let mut values = vec![0.0f64; n];
    for trial in 0..trials {
        base_model.run_trial(trial, &mut out);
        values[0] = measure_of(&out, measure);
        for (k, m) in models.iter().enumerate() {
            m.run_trial(trial, &mut out);
            values[k + 1] = measure_of(&out, measure);
        }
        let base_hit = target.is_some_and(|t| values[0] >= t);
        base_hits += u64::from(base_hit);
        for k in 0..n {
            whole_stats[k].push(whole(values[k]));
            batch_stats[k].push(whole(values[k]));
            let d = values[k] - values[0];
            diff_sum[k] += d;
            diff_sq[k] += d * d;
            if let Some(t) = target {
                let hit = values[k] >= t;
                let d = i64::from(hit) - i64::from(base_hit);
                hit_diff[k].0 += d;
                hit_diff[k].1 += d.unsigned_abs();
            }
        }
        if (trial + 1) % batch_len == 0 || trial + 1 == trials {
            for k in 0..n {
                batch_medians[k].push(median(&batch_stats[k]));
                batch_stats[k] = CountStats::default();
            }
        }
    }
    let t = trials as f64;
    let base_median = median(&whole_stats[0]);
    let mut effects: Vec<Effect> = variants
        .iter()
        .enumerate()
        .map(|(i, (lever, _))| {
            let k = i + 1;
            let batch_diffs: Vec<f64> = batch_medians[k]
                .iter()
                .zip(&batch_medians[0])
                .map(|(a, b)| a - b)
                .collect();
            let b = batch_diffs.len() as f64;
            let batch_mean = batch_diffs.iter().sum::<f64>() / b.max(1.0);
            let batch_var = if b > 1.0 {
                batch_diffs
                    .iter()
                    .map(|d| (d - batch_mean).powi(2))
                    .sum::<f64>()
                    / (b - 1.0)
            } else {
                0.0
            };
            let mean = diff_sum[k] / t;
            let var = (diff_sq[k] / t - mean * mean).max(0.0) * t / (t - 1.0).max(1.0);
            let (chance, chance_se) = match target {
                Some(_) => {
                    let m = hit_diff[k].0 as f64 / t;
                    let v = (hit_diff[k].1 as f64 / t - m * m).max(0.0);
                    (Some(m), Some((v / t).sqrt()))
                }
                None => (None, None),
            };
            let stage = match lever {
                Lever::StageRate(s) | Lever::StageDays(s) => {
                    input.stages.get(*s).map(|st| st.name.clone())
                }
                _ => None,
            };
            Effect {
                lever: *lever,
                label: lever.label(input),
                stage,
                median_change: median(&whole_stats[k]) - base_median,
                median_change_se: (batch_var / b.max(1.0)).sqrt(),
                mean_change: mean,
                mean_change_se: (var / t).sqrt(),
                chance_change: chance,
                chance_change_se: chance_se,
            }
        })
        .collect();
    effects.sort_by(|a, b| b.median_change.abs().total_cmp(&a.median_change.abs()));
    // Rank stages by their best lever; the mean breaks ties of the median
    // (which moves in whole steps for small counts).
    let first_to_fix = effects
        .iter()
        .filter(|e| e.stage.is_some())
        .max_by(|a, b| {
            a.median_change
                .total_cmp(&b.median_change)
                .then(a.mean_change.total_cmp(&b.mean_change))
        })
        .and_then(|e| e.stage.clone());
    Ok(SensitivityReport {
        measure,
        trials,
        base_median,
        base_chance: target.map(|_| base_hits as f64 / t),
        effects,
        first_to_fix,
    })
}

/// A decision question, as sent to a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Question {
    Sensitivity,
    Leads {
        goal: Goal,
        confidence: f64,
    },
    StageRate {
        stage: usize,
        goal: Goal,
        confidence: f64,
    },
    Pipeline {
        goal: Goal,
        confidence: f64,
    },
}

/// Its answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Sensitivity(SensitivityReport),
    Plan(Plan),
}

/// Answers a question about a scenario (trials: the scenario's, at most 20,000 per evaluation).
pub fn answer(input: &ScenarioInput, question: &Question) -> Result<Answer, ScenarioError> {
    let trials = Scenario::new(input)?.trials().min(20_000);
    let mut capped = input.clone();
    capped.trials = trials as f64;
    Ok(match *question {
        Question::Sensitivity => Answer::Sensitivity(sensitivity(&capped)?),
        Question::Leads { goal, confidence } => {
            Answer::Plan(plan_leads(&capped, goal, confidence, trials)?)
        }
        Question::StageRate {
            stage,
            goal,
            confidence,
        } => Answer::Plan(plan_stage_rate(&capped, stage, goal, confidence, trials)?),
        Question::Pipeline { goal, confidence } => {
            Answer::Plan(plan_pipeline(&capped, goal, confidence, trials)?)
        }
    })
}

/// What a plan asks for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Goal {
    Revenue(f64),
    Won(u64),
}

/// The answer of a plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Whether the goal can be met with the confidence asked within the range searched.
    pub reachable: bool,
    /// The smallest value of the planned input that meets the goal (leads per
    /// week, cohort size, or a stage's rate as a fraction), None if unreachable.
    pub value: Option<f64>,
    pub confidence: f64,
    /// The chance of the goal at that value (or at the top of the range when
    /// unreachable), and its standard error.
    pub achieved: f64,
    pub achieved_se: f64,
    /// The input's largest value searched.
    pub searched_up_to: f64,
}

/// Chance of `goal` for `input` on `trials` trials (fixed seed: common
/// random numbers across the values tried).
fn chance(input: &ScenarioInput, goal: Goal, trials: u64) -> Option<f64> {
    let scenario = Scenario::new(input).ok()?.with_trials(trials);
    let model = Model::new(scenario);
    let mut out = TrialOutcome::default();
    let mut hits = 0u64;
    for t in 0..trials {
        model.run_trial(t, &mut out);
        let hit = match goal {
            Goal::Revenue(r) => out.revenue >= r,
            Goal::Won(k) => out.won() >= k,
        };
        hits += u64::from(hit);
    }
    Some(hits as f64 / trials as f64)
}

/// Finds by bisection the smallest `x` in `[lo, hi]` for which `set(x)`
/// reaches `goal` with at least `confidence`.
fn bisect(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
    (lo, hi): (f64, f64),
    whole: bool,
    set: impl Fn(&mut ScenarioInput, f64),
) -> Plan {
    let at = |x: f64| {
        let mut s = input.clone();
        set(&mut s, x);
        chance(&s, goal, trials).unwrap_or(0.0)
    };
    let se = |p: f64| (p * (1.0 - p) / trials as f64).sqrt();
    let top = at(hi);
    if top < confidence {
        return Plan {
            reachable: false,
            value: None,
            confidence,
            achieved: top,
            achieved_se: se(top),
            searched_up_to: hi,
        };
    }
    let searched_up_to = hi;
    let (mut lo, mut hi, mut p_hi) = (lo, hi, top);
    for _ in 0..40 {
        if whole && hi - lo <= 1.0 || !whole && hi - lo <= 1e-4 * hi.max(1e-9) {
            break;
        }
        let mid = if whole {
            ((lo + hi) / 2.0).floor()
        } else {
            (lo + hi) / 2.0
        };
        let p = at(mid);
        if p >= confidence {
            hi = mid;
            p_hi = p;
        } else {
            lo = mid;
        }
    }
    // Round up to what a person would plan with: whole leads, a tenth of a
    // lead per week, or a tenth of a percentage point of rate.
    let step = if whole {
        1.0
    } else if searched_up_to <= 1.0 {
        0.001
    } else {
        0.1
    };
    Plan {
        reachable: true,
        value: Some((hi / step).ceil() * step),
        confidence,
        achieved: p_hi,
        achieved_se: se(p_hi),
        searched_up_to,
    }
}

/// The lead volume (per week, or the cohort's size) needed for `goal` with
/// `confidence`, searched up to 100× the scenario's volume (at least 10,000).
pub fn plan_leads(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    Scenario::new(input)?;
    let (current, whole) = match input.leads {
        LeadsInput::Count(n) => (n, true),
        LeadsInput::PerWeek(l) => (l, false),
    };
    let hi = (current * 100.0).max(10_000.0);
    Ok(bisect(
        input,
        goal,
        confidence,
        trials,
        (0.0, hi),
        whole,
        |s, x| {
            s.leads = match s.leads {
                LeadsInput::Count(_) => LeadsInput::Count(x.round()),
                LeadsInput::PerWeek(_) => LeadsInput::PerWeek(x),
            };
        },
    ))
}

/// The conversion rate stage `stage` would need for `goal` with `confidence`.
pub fn plan_stage_rate(
    input: &ScenarioInput,
    stage: usize,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    Scenario::new(input)?;
    Ok(bisect(
        input,
        goal,
        confidence,
        trials,
        (0.0, 1.0),
        false,
        |s, x| {
            if let Some(st) = s.stages.get_mut(stage) {
                st.rate = x.clamp(0.0, 1.0);
            }
        },
    ))
}

/// The multiple of today's open pipeline needed for `goal` with
/// `confidence` (searched up to 50×).
pub fn plan_pipeline(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    Scenario::new(input)?;
    let base = input
        .pipeline
        .clone()
        .unwrap_or_else(|| vec![0.0; SALES_STAGES]);
    if base.iter().all(|&n| n == 0.0) {
        return Ok(Plan {
            reachable: false,
            value: None,
            confidence,
            achieved: 0.0,
            achieved_se: 0.0,
            searched_up_to: 0.0,
        });
    }
    Ok(bisect(
        input,
        goal,
        confidence,
        trials,
        (0.0, 50.0),
        false,
        move |s, x| {
            s.pipeline = Some(base.iter().map(|n| (n * x).round()).collect());
        },
    ))
}
