//! Decisions: which lever moves the forecast most (sensitivity), and what it
//! takes to reach a target with a given confidence (reverse planning).
//!
//! Every variant of a scenario runs on common random numbers — trial t of
//! each uses the same random streams — so differences between variants are
//! differences of the scenario, not noise, and the ranking is stable.
//!
//! [`levers`] names what a user could change, [`sensitivity`] measures the
//! levers and [`ranking`] says which stage is worth fixing first (or which
//! are tied), [`plan`] searches for the input a goal needs (by the bisection in
//! `bisect`), and this module answers a [`Question`] with a [`DecisionRun`].

mod bisect;
pub mod levers;
pub mod plan;
pub mod ranking;
pub mod sensitivity;

pub use crate::measure::Measure;
pub use bisect::PlanRun;
pub use levers::Lever;
pub use plan::{
    leads_plan_run, pipeline_plan_run, plan_leads, plan_pipeline, plan_stage_rate,
    stage_rate_plan_run, Goal, Plan,
};
pub use sensitivity::{sensitivity, Effect, SensitivityReport, SensitivityRun};

use crate::scenario::{Scenario, ScenarioError, ScenarioInput};
use serde::{Deserialize, Serialize};

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
