//! The search behind a plan: bisection on common random numbers, run in
//! chunks by its host (every evaluation runs trials 0..n with the
//! scenario's seed, so neighbouring values differ by the scenario only).

use super::plan::{Goal, Plan};
use crate::model::{Model, TrialOutcome};
use crate::scenario::{LeadsInput, Scenario, ScenarioInput};

/// How a plan changes the scenario.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Setter {
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
    pub(super) fn new(
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

    pub(super) fn done(input: &ScenarioInput, goal: Goal, confidence: f64, plan: Plan) -> Self {
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

    /// Runs to the end and gives the plan (unreachable if none came out).
    pub(super) fn finish(mut self) -> Plan {
        self.step(u64::MAX);
        self.plan().unwrap_or(Plan {
            reachable: false,
            value: None,
            confidence: self.confidence,
            achieved: 0.0,
            achieved_se: 0.0,
            searched_up_to: self.searched_up_to,
        })
    }
}
