//! The page's side of comparisons: its own worker (so a comparison never
//! interrupts the forecast), started on first use.

use super::pool::now_ms;
use super::{FromWorker, Json, SimWorker, ToWorker};
use engine::compare::summarize;
use engine::{CompareAccumulator, ComparisonSummary, Metric, ScenarioInput, SummaryContext};
use gloo::timers::callback::Interval;
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
    /// The worker stopped answering; a new one took the work over.
    Restarted {
        run_id: u32,
    },
}

/// A worker busy with a question or comparison reports every ~150 ms; one
/// silent this long has died and is replaced (as in the forecast pool).
const STALL_MS: f64 = 5_000.0;

#[derive(Default)]
struct State {
    run_id: u32,
    planned: u64,
    contexts: Vec<SummaryContext>,
    metric: Option<Metric>,
    /// The work in progress (to send again to a replacement worker), and
    /// when the worker last reported on it.
    request: Option<ToWorker>,
    heard_ms: f64,
}

type Bridge = Rc<RefCell<Option<WorkerBridge<SimWorker>>>>;

/// Runs comparisons in a worker of its own.
pub struct Comparer {
    bridge: Bridge,
    state: Rc<RefCell<State>>,
    on_event: Callback<CompareEvent>,
    _watchdog: Interval,
}

fn spawn(state: &Rc<RefCell<State>>, on_event: &Callback<CompareEvent>) -> WorkerBridge<SimWorker> {
    let (state, on_event) = (state.clone(), on_event.clone());
    let mut spawner = SimWorker::spawner();
    spawner.callback(move |msg| handle(&state, msg, &on_event));
    spawner.encoding::<Json>().spawn_with_loader(WORKER_LOADER)
}

/// Replaces a worker that has gone silent mid-work and sends the work again.
fn watch(bridge: &Bridge, state: &Rc<RefCell<State>>, on_event: &Callback<CompareEvent>) {
    let now = now_ms();
    let (request, run_id) = {
        let mut s = state.borrow_mut();
        match &s.request {
            Some(r) if now - s.heard_ms > STALL_MS => {
                let r = r.clone();
                s.heard_ms = now;
                (r, s.run_id)
            }
            _ => return,
        }
    };
    let fresh = spawn(state, on_event);
    fresh.send(request);
    // Dropping the old bridge terminates the dead worker.
    *bridge.borrow_mut() = Some(fresh);
    on_event.emit(CompareEvent::Restarted { run_id });
}

impl Comparer {
    pub fn new(on_event: Callback<CompareEvent>) -> Self {
        let bridge: Bridge = Rc::new(RefCell::new(None));
        let state = Rc::new(RefCell::new(State::default()));
        let watchdog = {
            let (bridge, state, on_event) = (bridge.clone(), state.clone(), on_event.clone());
            Interval::new(1_000, move || watch(&bridge, &state, &on_event))
        };
        Comparer {
            bridge,
            state,
            on_event,
            _watchdog: watchdog,
        }
    }

    /// Sends `request` (the new work in progress) to the worker, started on
    /// first use.
    fn send(&self, request: ToWorker) {
        {
            let mut s = self.state.borrow_mut();
            s.request = Some(request.clone());
            s.heard_ms = now_ms();
        }
        let mut bridge = self.bridge.borrow_mut();
        bridge
            .get_or_insert_with(|| spawn(&self.state, &self.on_event))
            .send(request);
    }

    /// Asks a decision question about `scenario`.
    pub fn decide(
        &self,
        run_id: u32,
        scenario: ScenarioInput,
        question: engine::decisions::Question,
    ) {
        self.state.borrow_mut().run_id = run_id;
        self.send(ToWorker::Decide {
            run_id,
            scenario: Box::new(scenario),
            question,
        });
    }

    /// Stops the question or comparison in progress.
    pub fn cancel(&self) {
        let run_id = {
            let mut s = self.state.borrow_mut();
            s.run_id = s.run_id.wrapping_add(1_000_000); // late reports are ignored
            s.request = None;
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
        self.send(ToWorker::Compare {
            run_id,
            scenarios,
            seed,
            first: 0,
            end: trials,
        });
    }
}

fn handle(state: &Rc<RefCell<State>>, msg: FromWorker, on_event: &Callback<CompareEvent>) {
    let event = {
        let mut s = state.borrow_mut();
        s.heard_ms = now_ms();
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
                if done {
                    s.request = None;
                }
                s.metric.map(|metric| {
                    let acc: CompareAccumulator = *acc;
                    CompareEvent::Progress {
                        run_id,
                        summary: Rc::new(summarize(&s.contexts, metric, &acc, s.planned)),
                        done,
                    }
                })
            }
            FromWorker::DecideProgress { run_id, progress } if run_id == s.run_id => {
                Some(CompareEvent::Deciding { run_id, progress })
            }
            FromWorker::Decided { run_id, answer } if run_id == s.run_id => {
                s.request = None;
                Some(CompareEvent::Decided {
                    run_id,
                    answer: Rc::new(*answer),
                })
            }
            FromWorker::Failed { run_id, message } if run_id == s.run_id => {
                s.request = None;
                Some(CompareEvent::Failed { run_id, message })
            }
            _ => None,
        }
    };
    if let Some(event) = event {
        on_event.emit(event);
    }
}
