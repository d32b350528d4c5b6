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

/// The sensitivity analysis, run in chunks by its host.
#[derive(Clone, Debug)]
pub struct SensitivityRun {
    input: ScenarioInput,
    measure: Measure,
    target: Option<f64>,
    levers: Vec<Lever>,
    base_model: Model,
    models: Vec<Model>,
    trials: u64,
    next: u64,
    batch_len: u64,
    whole_stats: Vec<CountStats>,
    batch_stats: Vec<CountStats>,
    batch_medians: Vec<Vec<f64>>,
    diff_sum: Vec<f64>,
    diff_sq: Vec<f64>,
    /// (Σ d, Σ |d|) of the paired target indicators.
    hit_diff: Vec<(i64, u64)>,
    base_hits: u64,
    out: TrialOutcome,
    values: Vec<f64>,
}

impl SensitivityRun {
    /// Prepares the base scenario and every lever, on common random numbers.
    pub fn new(input: &ScenarioInput) -> Result<Self, ScenarioError> {
        let base = Scenario::new(input)?;
        let measure = if base.deal_value().is_some() {
            Measure::Revenue
        } else {
            Measure::Won
        };
        let mut candidates: Vec<Lever> = (0..SALES_STAGES)
            .flat_map(|i| [Lever::StageRate(i), Lever::StageDays(i)])
            .collect();
        candidates.extend([Lever::Leads(1.1), Lever::Leads(0.9)]);
        if measure == Measure::Revenue {
            candidates.extend([Lever::DealValue(1.1), Lever::DealValue(0.9)]);
        }
        let (levers, models): (Vec<Lever>, Vec<Model>) = candidates
            .into_iter()
            .filter_map(|l| l.apply(input).map(|s| (l, s)))
            .filter_map(|(l, s)| Scenario::new(&s).ok().map(|s| (l, Model::new(s))))
            .unzip();
        let trials = base.trials();
        let n = models.len() + 1;
        Ok(SensitivityRun {
            input: input.clone(),
            measure,
            target: target_of(&base, measure),
            levers,
            base_model: Model::new(base),
            models,
            trials,
            next: 0,
            batch_len: trials.div_ceil(BATCHES).max(1),
            whole_stats: vec![CountStats::default(); n],
            batch_stats: vec![CountStats::default(); n],
            batch_medians: vec![Vec::new(); n],
            diff_sum: vec![0.0; n],
            diff_sq: vec![0.0; n],
            hit_diff: vec![(0, 0); n],
            base_hits: 0,
            out: TrialOutcome::default(),
            values: vec![0.0; n],
        })
    }

    /// Runs up to `max_trials` more trials (each runs every lever).
    pub fn step(&mut self, max_trials: u64) -> u64 {
        let stop = self.trials.min(self.next.saturating_add(max_trials));
        let ran = stop - self.next;
        let n = self.models.len() + 1;
        for trial in self.next..stop {
            self.base_model.run_trial(trial, &mut self.out);
            self.values[0] = measure_of(&self.out, self.measure);
            for (k, m) in self.models.iter().enumerate() {
                m.run_trial(trial, &mut self.out);
                self.values[k + 1] = measure_of(&self.out, self.measure);
            }
            let base_hit = self.target.is_some_and(|t| self.values[0] >= t);
            self.base_hits += u64::from(base_hit);
            for k in 0..n {
                let v = self.values[k];
                self.whole_stats[k].push(whole(v));
                self.batch_stats[k].push(whole(v));
                let d = v - self.values[0];
                self.diff_sum[k] += d;
                self.diff_sq[k] += d * d;
                if let Some(t) = self.target {
                    let d = i64::from(v >= t) - i64::from(base_hit);
                    self.hit_diff[k].0 += d;
                    self.hit_diff[k].1 += d.unsigned_abs();
                }
            }
            if (trial + 1) % self.batch_len == 0 || trial + 1 == self.trials {
                for k in 0..n {
                    let m = median(&self.batch_stats[k]);
                    self.batch_medians[k].push(m);
                    self.batch_stats[k] = CountStats::default();
                }
            }
        }
        self.next = stop;
        ran
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.trials
    }

    /// Share of the work done, 0 to 1.
    pub fn progress(&self) -> f64 {
        self.next as f64 / self.trials.max(1) as f64
    }

    /// Trials per step that cost about as much as one forecast trial.
    pub fn cost_per_trial(&self) -> u64 {
        self.models.len() as u64 + 1
    }

    /// The report (of the trials run so far).
    pub fn report(&self) -> SensitivityReport {
        let t = self.next.max(1) as f64;
        let base_median = median(&self.whole_stats[0]);
        let mut effects: Vec<Effect> = self
            .levers
            .iter()
            .enumerate()
            .map(|(i, lever)| {
                let k = i + 1;
                let batch_diffs: Vec<f64> = self.batch_medians[k]
                    .iter()
                    .zip(&self.batch_medians[0])
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
                let mean = self.diff_sum[k] / t;
                let var = (self.diff_sq[k] / t - mean * mean).max(0.0) * t / (t - 1.0).max(1.0);
                let (chance, chance_se) = match self.target {
                    Some(_) => {
                        let m = self.hit_diff[k].0 as f64 / t;
                        let v = (self.hit_diff[k].1 as f64 / t - m * m).max(0.0);
                        (Some(m), Some((v / t).sqrt()))
                    }
                    None => (None, None),
                };
                let stage = match lever {
                    Lever::StageRate(s) | Lever::StageDays(s) => {
                        self.input.stages.get(*s).map(|st| st.name.clone())
                    }
                    _ => None,
                };
                Effect {
                    lever: *lever,
                    label: lever.label(&self.input),
                    stage,
                    median_change: median(&self.whole_stats[k]) - base_median,
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
        SensitivityReport {
            measure: self.measure,
            trials: self.next,
            base_median,
            base_chance: self.target.map(|_| self.base_hits as f64 / t),
            effects,
            first_to_fix,
        }
    }
}

/// Runs the base scenario and every lever on common random numbers.
pub fn sensitivity(input: &ScenarioInput) -> Result<SensitivityReport, ScenarioError> {
    let mut run = SensitivityRun::new(input)?;
    run.step(u64::MAX);
    Ok(run.report())
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

/// Answers a question about a scenario in one go (the command line).
pub fn answer(input: &ScenarioInput, question: &Question) -> Result<Answer, ScenarioError> {
    let mut run = DecisionRun::new(input, question)?;
    while !run.is_done() {
        run.step(1_000_000);
    }
    run.answer()
        .ok_or_else(|| ScenarioError { errors: Vec::new() })
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

/// How a plan changes the scenario.
#[derive(Clone, Debug, PartialEq)]
enum Setter {
    Leads,
    StageRate(usize),
    /// Today's open pipeline, scaled.
    Pipeline(Vec<f64>),
}

impl Setter {
    fn apply(&self, s: &mut ScenarioInput, x: f64) {
        match self {
            Setter::Leads => {
                s.leads = match s.leads {
                    LeadsInput::Count(_) => LeadsInput::Count(x.round()),
                    LeadsInput::PerWeek(_) => LeadsInput::PerWeek(x),
                }
            }
            Setter::StageRate(i) => {
                if let Some(st) = s.stages.get_mut(*i) {
                    st.rate = x.clamp(0.0, 1.0);
                }
            }
            Setter::Pipeline(base) => {
                s.pipeline = Some(base.iter().map(|n| (n * x).round()).collect())
            }
        }
    }
}

/// One evaluation: the chance of the goal at one value of the input.
#[derive(Clone, Debug)]
struct Eval {
    x: f64,
    /// None when that value makes the scenario invalid (chance 0).
    model: Option<Model>,
    next: u64,
    hits: u64,
}

#[derive(Clone, Debug)]
enum Phase {
    /// Checking the top of the range.
    Top,
    Bisect,
    Done(Plan),
}

/// A reverse plan, run in chunks by its host: bisection on common random
/// numbers (every evaluation runs trials 0..n with the scenario's seed).
#[derive(Clone, Debug)]
pub struct PlanRun {
    input: ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
    setter: Setter,
    whole: bool,
    lo: f64,
    hi: f64,
    searched_up_to: f64,
    p_hi: f64,
    evaluations: u32,
    expected_evaluations: u32,
    phase: Phase,
    eval: Eval,
}

impl PlanRun {
    fn new(
        input: &ScenarioInput,
        goal: Goal,
        confidence: f64,
        trials: u64,
        setter: Setter,
        (lo, hi): (f64, f64),
        whole: bool,
    ) -> Self {
        let expected = if whole {
            (hi - lo).max(2.0).log2().ceil()
        } else {
            14.0
        } as u32
            + 1;
        let mut run = PlanRun {
            input: input.clone(),
            goal,
            confidence,
            trials: trials.max(1),
            setter,
            whole,
            lo,
            hi,
            searched_up_to: hi,
            p_hi: 0.0,
            evaluations: 0,
            expected_evaluations: expected,
            phase: Phase::Top,
            eval: Eval {
                x: hi,
                model: None,
                next: 0,
                hits: 0,
            },
        };
        run.start(hi);
        run
    }

    fn done(input: &ScenarioInput, goal: Goal, confidence: f64, plan: Plan) -> Self {
        let mut run = PlanRun::new(input, goal, confidence, 1, Setter::Leads, (0.0, 0.0), true);
        run.phase = Phase::Done(plan);
        run
    }

    fn start(&mut self, x: f64) {
        let mut s = self.input.clone();
        self.setter.apply(&mut s, x);
        let model = Scenario::new(&s)
            .ok()
            .map(|sc| Model::new(sc.with_trials(self.trials)));
        self.eval = Eval {
            x,
            model,
            next: 0,
            hits: 0,
        };
    }

    fn se(&self, p: f64) -> f64 {
        (p * (1.0 - p) / self.trials as f64).sqrt()
    }

    /// An evaluation finished with chance `p`: move the bracket on.
    fn advance(&mut self, p: f64) {
        self.evaluations += 1;
        match self.phase {
            Phase::Top if p < self.confidence => {
                self.phase = Phase::Done(Plan {
                    reachable: false,
                    value: None,
                    confidence: self.confidence,
                    achieved: p,
                    achieved_se: self.se(p),
                    searched_up_to: self.searched_up_to,
                });
                return;
            }
            Phase::Top => {
                self.p_hi = p;
                self.phase = Phase::Bisect;
            }
            Phase::Bisect => {
                if p >= self.confidence {
                    self.hi = self.eval.x;
                    self.p_hi = p;
                } else {
                    self.lo = self.eval.x;
                }
            }
            Phase::Done(_) => return,
        }
        let narrow = if self.whole {
            self.hi - self.lo <= 1.0
        } else {
            self.hi - self.lo <= 1e-4 * self.hi.max(1e-9)
        };
        if narrow || self.evaluations > 40 {
            // Round up to what a person would plan with: whole leads, a tenth
            // of a lead per week, or a tenth of a percentage point of rate.
            let step = if self.whole {
                1.0
            } else if self.searched_up_to <= 1.0 {
                0.001
            } else {
                0.1
            };
            self.phase = Phase::Done(Plan {
                reachable: true,
                value: Some((self.hi / step).ceil() * step),
                confidence: self.confidence,
                achieved: self.p_hi,
                achieved_se: self.se(self.p_hi),
                searched_up_to: self.searched_up_to,
            });
            return;
        }
        let mid = if self.whole {
            ((self.lo + self.hi) / 2.0).floor()
        } else {
            (self.lo + self.hi) / 2.0
        };
        self.start(mid);
    }

    /// Runs up to `max_trials` more trials; returns how many ran.
    pub fn step(&mut self, max_trials: u64) -> u64 {
        let mut ran = 0;
        while ran < max_trials && !self.is_done() {
            let Some(model) = &self.eval.model else {
                self.advance(0.0);
                continue;
            };
            let stop = self.trials.min(self.eval.next + (max_trials - ran));
            let mut out = TrialOutcome::default();
            for t in self.eval.next..stop {
                model.run_trial(t, &mut out);
                let hit = match self.goal {
                    Goal::Revenue(r) => out.revenue >= r,
                    Goal::Won(k) => out.won() >= k,
                };
                self.eval.hits += u64::from(hit);
            }
            ran += stop - self.eval.next;
            self.eval.next = stop;
            if self.eval.next >= self.trials {
                let p = self.eval.hits as f64 / self.trials as f64;
                self.advance(p);
            }
        }
        ran
    }

    pub fn is_done(&self) -> bool {
        matches!(self.phase, Phase::Done(_))
    }

    /// Share of the work done (an estimate while bisecting), 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.is_done() {
            return 1.0;
        }
        let evals = f64::from(self.evaluations) + self.eval.next as f64 / self.trials as f64;
        (evals / f64::from(self.expected_evaluations + 1)).min(0.99)
    }

    /// The answer, once done.
    pub fn plan(&self) -> Option<Plan> {
        match &self.phase {
            Phase::Done(plan) => Some(plan.clone()),
            _ => None,
        }
    }
}

fn finish(mut run: PlanRun) -> Plan {
    run.step(u64::MAX);
    run.plan().unwrap_or(Plan {
        reachable: false,
        value: None,
        confidence: run.confidence,
        achieved: 0.0,
        achieved_se: 0.0,
        searched_up_to: run.searched_up_to,
    })
}

/// The plan for the lead volume (per week, or the cohort's size), searched
/// up to 100× the scenario's volume (at least 10,000).
pub fn leads_plan_run(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<PlanRun, ScenarioError> {
    Scenario::new(input)?;
    let (current, whole) = match input.leads {
        LeadsInput::Count(n) => (n, true),
        LeadsInput::PerWeek(l) => (l, false),
    };
    let hi = (current * 100.0).max(10_000.0);
    Ok(PlanRun::new(
        input,
        goal,
        confidence,
        trials,
        Setter::Leads,
        (0.0, hi),
        whole,
    ))
}

/// The plan for stage `stage`'s conversion rate.
pub fn stage_rate_plan_run(
    input: &ScenarioInput,
    stage: usize,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<PlanRun, ScenarioError> {
    Scenario::new(input)?;
    Ok(PlanRun::new(
        input,
        goal,
        confidence,
        trials,
        Setter::StageRate(stage),
        (0.0, 1.0),
        false,
    ))
}

/// The plan for the multiple of today's open pipeline (up to 50×).
pub fn pipeline_plan_run(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<PlanRun, ScenarioError> {
    Scenario::new(input)?;
    let base = input
        .pipeline
        .clone()
        .unwrap_or_else(|| vec![0.0; SALES_STAGES]);
    if base.iter().all(|&n| n == 0.0) {
        let plan = Plan {
            reachable: false,
            value: None,
            confidence,
            achieved: 0.0,
            achieved_se: 0.0,
            searched_up_to: 0.0,
        };
        return Ok(PlanRun::done(input, goal, confidence, plan));
    }
    Ok(PlanRun::new(
        input,
        goal,
        confidence,
        trials,
        Setter::Pipeline(base),
        (0.0, 50.0),
        false,
    ))
}

/// The lead volume needed for `goal` with `confidence`.
pub fn plan_leads(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    leads_plan_run(input, goal, confidence, trials).map(finish)
}

/// The conversion rate stage `stage` would need for `goal` with `confidence`.
pub fn plan_stage_rate(
    input: &ScenarioInput,
    stage: usize,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    stage_rate_plan_run(input, stage, goal, confidence, trials).map(finish)
}

/// The multiple of today's open pipeline needed for `goal` with `confidence`.
pub fn plan_pipeline(
    input: &ScenarioInput,
    goal: Goal,
    confidence: f64,
    trials: u64,
) -> Result<Plan, ScenarioError> {
    pipeline_plan_run(input, goal, confidence, trials).map(finish)
}

/// A decision question being answered, in chunks.
#[derive(Clone, Debug)]
pub enum DecisionRun {
    Sensitivity(Box<SensitivityRun>),
    Plan(Box<PlanRun>),
}

impl DecisionRun {
    /// Starts answering `question` (trials: the scenario's, at most 20,000 per evaluation).
    pub fn new(input: &ScenarioInput, question: &Question) -> Result<Self, ScenarioError> {
        let trials = Scenario::new(input)?.trials().min(20_000);
        let mut capped = input.clone();
        capped.trials = trials as f64;
        Ok(match *question {
            Question::Sensitivity => {
                DecisionRun::Sensitivity(Box::new(SensitivityRun::new(&capped)?))
            }
            Question::Leads { goal, confidence } => {
                DecisionRun::Plan(Box::new(leads_plan_run(&capped, goal, confidence, trials)?))
            }
            Question::StageRate {
                stage,
                goal,
                confidence,
            } => DecisionRun::Plan(Box::new(stage_rate_plan_run(
                &capped, stage, goal, confidence, trials,
            )?)),
            Question::Pipeline { goal, confidence } => DecisionRun::Plan(Box::new(
                pipeline_plan_run(&capped, goal, confidence, trials)?,
            )),
        })
    }

    /// Does about `budget` single-scenario trials of work.
    pub fn step(&mut self, budget: u64) {
        match self {
            DecisionRun::Sensitivity(r) => {
                let per = r.cost_per_trial();
                r.step(budget.div_ceil(per).max(1));
            }
            DecisionRun::Plan(p) => {
                p.step(budget.max(1));
            }
        }
    }

    pub fn is_done(&self) -> bool {
        match self {
            DecisionRun::Sensitivity(r) => r.is_done(),
            DecisionRun::Plan(p) => p.is_done(),
        }
    }

    pub fn progress(&self) -> f64 {
        match self {
            DecisionRun::Sensitivity(r) => r.progress(),
            DecisionRun::Plan(p) => p.progress(),
        }
    }

    /// The answer, once done.
    pub fn answer(&self) -> Option<Answer> {
        match self {
            DecisionRun::Sensitivity(r) => r.is_done().then(|| Answer::Sensitivity(r.report())),
            DecisionRun::Plan(p) => p.plan().map(Answer::Plan),
        }
    }
}
