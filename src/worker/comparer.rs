//! The page's side of comparisons: its own worker (so a comparison never
//! interrupts the forecast), started on first use.

use super::{FromWorker, Json, SimWorker, ToWorker};
use engine::compare::summarize;
use engine::{CompareAccumulator, ComparisonSummary, Metric, ScenarioInput, SummaryContext};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

const WORKER_LOADER: &str = "./worker_loader.js";

/// What the comparer reports.
#[derive(Clone, Debug)]
pub enum CompareEvent {
    Progress {
        run_id: u32,
        summary: Rc<ComparisonSummary>,
        done: bool,
    },
    Failed {
        run_id: u32,
        message: String,
    },
    Decided {
        run_id: u32,
        answer: Rc<engine::decisions::Answer>,
    },
    Deciding {
        run_id: u32,
        progress: f64,
    },
}

#[derive(Default)]
struct State {
    run_id: u32,
    planned: u64,
    contexts: Vec<SummaryContext>,
    metric: Option<Metric>,
}

/// Runs comparisons in a worker of its own.
pub struct Comparer {
    bridge: RefCell<Option<WorkerBridge<SimWorker>>>,
    state: Rc<RefCell<State>>,
    on_event: Callback<CompareEvent>,
}

impl Comparer {
    pub fn new(on_event: Callback<CompareEvent>) -> Self {
        Comparer {
            bridge: RefCell::new(None),
            state: Rc::new(RefCell::new(State::default())),
            on_event,
        }
    }

    fn bridge(&self) -> std::cell::RefMut<'_, Option<WorkerBridge<SimWorker>>> {
        let mut bridge = self.bridge.borrow_mut();
        if bridge.is_none() {
            let state = self.state.clone();
            let on_event = self.on_event.clone();
            let mut spawner = SimWorker::spawner();
            spawner.callback(move |msg| handle(&state, msg, &on_event));
            *bridge = Some(spawner.encoding::<Json>().spawn_with_loader(WORKER_LOADER));
        }
        bridge
    }

    /// Asks a decision question about `scenario`.
    pub fn decide(
        &self,
        run_id: u32,
        scenario: ScenarioInput,
        question: engine::decisions::Question,
    ) {
        self.state.borrow_mut().run_id = run_id;
        if let Some(bridge) = self.bridge().as_ref() {
            bridge.send(ToWorker::Decide {
                run_id,
                scenario: Box::new(scenario),
                question,
            });
        }
    }

    /// Stops the question or comparison in progress.
    pub fn cancel(&self) {
        let run_id = {
            let mut s = self.state.borrow_mut();
            s.run_id = s.run_id.wrapping_add(1_000_000); // late reports are ignored
            s.run_id.wrapping_sub(1_000_000)
        };
        if let Some(bridge) = self.bridge.borrow().as_ref() {
            bridge.send(ToWorker::Cancel { run_id });
        }
    }

    /// Compares `scenarios` over `trials` trials with `seed` for all.
    pub fn compare(&self, run_id: u32, scenarios: Vec<ScenarioInput>, trials: u64, seed: u64) {
        *self.state.borrow_mut() = State {
            run_id,
            planned: trials,
            ..State::default()
        };
        if let Some(bridge) = self.bridge().as_ref() {
            bridge.send(ToWorker::Compare {
                run_id,
                scenarios,
                seed,
                first: 0,
                end: trials,
            });
        }
    }
}

fn handle(state: &Rc<RefCell<State>>, msg: FromWorker, on_event: &Callback<CompareEvent>) {
    let event = {
        let mut s = state.borrow_mut();
        match msg {
            FromWorker::CompareStarted {
                run_id,
                contexts,
                metric,
            } if run_id == s.run_id => {
                s.contexts = contexts;
                s.metric = Some(metric);
                None
            }
            FromWorker::CompareProgress { run_id, acc, done } if run_id == s.run_id => {
                s.metric.map(|metric| {
                    let acc: CompareAccumulator = *acc;
                    CompareEvent::Progress {
                        run_id,
                        summary: Rc::new(summarize(&s.contexts, metric, &acc, s.planned)),
                        done,
                    }
                })
            }
            FromWorker::Decided { run_id, answer } if run_id == s.run_id => {
                Some(CompareEvent::Decided {
                    run_id,
                    answer: Rc::new(*answer),
                })
            }
            FromWorker::Failed { run_id, message } if run_id == s.run_id => {
                Some(CompareEvent::Failed { run_id, message })
            }
            _ => None,
        }
    };
    if let Some(event) = event {
        on_event.emit(event);
    }
}
