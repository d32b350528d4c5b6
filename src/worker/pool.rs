//! The page's side of the workers: a pool that shares each run between
//! workers by trial range, merges their statistics and reports summaries.
//!
//! Summaries are computed here from merged accumulators (cheap: no trials
//! are run on the page) and at most every [`FLUSH_MS`] while a run streams.

use super::{FromWorker, Json, SimWorker, ToWorker};
use engine::{Accumulator, ScenarioInput, Summary, SummaryContext};
use gloo::timers::callback::Timeout;
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// Path of the worker's loader, relative to the page's base URL (so the app
/// also works when served from a sub-path).
const WORKER_LOADER: &str = "./worker_loader.js";
/// At most this many workers, whatever the browser reports.
pub const MAX_WORKERS: usize = 8;
/// Below this many trials per worker, fewer workers are used.
const MIN_TRIALS_PER_WORKER: u64 = 20_000;
/// Coalesce streaming updates to at most one summary per this many ms.
const FLUSH_MS: u32 = 40;

/// What the pool reports.
#[derive(Clone, Debug)]
pub enum PoolEvent {
    Progress { run_id: u32, summary: Summary },
    Done { run_id: u32, summary: Summary },
    Failed { run_id: u32, message: String },
}

#[derive(Default)]
struct Share {
    acc: Option<Accumulator>,
    done: bool,
}

#[derive(Default)]
struct RunState {
    /// False once cancelled: late reports of the run are ignored.
    active: bool,
    run_id: u32,
    planned: u64,
    context: Option<SummaryContext>,
    shares: Vec<Share>,
    flush: Option<Timeout>,
    /// A partial summary went out already (the first one is not delayed).
    reported: bool,
}

impl RunState {
    fn merged(&self) -> Option<Summary> {
        let context = self.context.as_ref()?;
        let mut acc = Accumulator::default();
        for share in &self.shares {
            if let Some(a) = &share.acc {
                acc.merge(a);
            }
        }
        Some(Summary::new(context, &acc, self.planned))
    }
}

/// A pool of simulation workers.
pub struct Pool {
    bridges: Vec<WorkerBridge<SimWorker>>,
    state: Rc<RefCell<RunState>>,
}

/// How many workers to use: `?workers=N` in the page's address wins (for
/// tests and benchmarks), else as many as the browser reports cores, capped.
pub fn worker_count() -> usize {
    let window = web_sys::window();
    let from_query = window
        .as_ref()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            q.trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("workers=").map(str::to_owned))
        })
        .and_then(|n| n.parse::<usize>().ok());
    let cores = window
        .map(|w| w.navigator().hardware_concurrency() as usize)
        .unwrap_or(1);
    from_query.unwrap_or(cores).clamp(1, MAX_WORKERS)
}

impl Pool {
    /// Spawns `workers` workers; `on_event` receives every report.
    pub fn new(workers: usize, on_event: Callback<PoolEvent>) -> Self {
        let state = Rc::new(RefCell::new(RunState::default()));
        let bridges = (0..workers.max(1))
            .map(|index| {
                let state = state.clone();
                let on_event = on_event.clone();
                let mut spawner = SimWorker::spawner();
                spawner.callback(move |msg| handle(&state, index, msg, &on_event));
                spawner.encoding::<Json>().spawn_with_loader(WORKER_LOADER)
            })
            .collect();
        Pool { bridges, state }
    }

    pub fn size(&self) -> usize {
        self.bridges.len()
    }

    /// Starts run `run_id`, replacing any run in progress.
    pub fn run(&self, run_id: u32, scenario: &ScenarioInput, trials: u64) {
        let used = (trials / MIN_TRIALS_PER_WORKER).clamp(1, self.bridges.len() as u64) as usize;
        {
            let mut state = self.state.borrow_mut();
            *state = RunState {
                active: true,
                run_id,
                planned: trials,
                context: None,
                shares: (0..used).map(|_| Share::default()).collect(),
                flush: None,
                reported: false,
            };
        }
        for (i, bridge) in self.bridges.iter().enumerate() {
            if i >= used {
                // Idle workers drop whatever they were doing.
                bridge.send(ToWorker::Cancel {
                    run_id: run_id.wrapping_sub(1),
                });
                continue;
            }
            let first = trials * i as u64 / used as u64;
            let end = trials * (i as u64 + 1) / used as u64;
            bridge.send(ToWorker::Run {
                run_id,
                scenario: Box::new(scenario.clone()),
                first,
                end,
            });
        }
    }

    /// Stops run `run_id` in every worker.
    pub fn cancel(&self, run_id: u32) {
        for bridge in &self.bridges {
            bridge.send(ToWorker::Cancel { run_id });
        }
        let mut state = self.state.borrow_mut();
        if state.run_id == run_id {
            state.flush = None;
            state.active = false;
        }
    }
}

fn handle(
    state: &Rc<RefCell<RunState>>,
    index: usize,
    msg: FromWorker,
    on_event: &Callback<PoolEvent>,
) {
    let mut s = state.borrow_mut();
    if !s.active {
        return;
    }
    match msg {
        FromWorker::Started { run_id, context } if run_id == s.run_id => {
            s.context = Some(*context);
        }
        FromWorker::Progress { run_id, acc, done } if run_id == s.run_id => {
            if let Some(share) = s.shares.get_mut(index) {
                share.acc = Some(*acc);
                share.done = done;
            }
            if s.shares.iter().all(|sh| sh.done) {
                s.flush = None;
                if let Some(summary) = s.merged() {
                    drop(s);
                    on_event.emit(PoolEvent::Done { run_id, summary });
                }
            } else if !s.reported {
                // The first partial result goes out at once: it is the
                // instant feedback to an edit.
                if let Some(summary) = s.merged() {
                    s.reported = true;
                    drop(s);
                    on_event.emit(PoolEvent::Progress { run_id, summary });
                }
            } else if s.flush.is_none() {
                let state = state.clone();
                let on_event = on_event.clone();
                s.flush = Some(Timeout::new(FLUSH_MS, move || {
                    let summary = {
                        let mut s = state.borrow_mut();
                        s.flush = None;
                        if !s.active || s.run_id != run_id {
                            return;
                        }
                        s.merged()
                    };
                    if let Some(summary) = summary {
                        on_event.emit(PoolEvent::Progress { run_id, summary });
                    }
                }));
            }
        }
        FromWorker::Failed { run_id, message } if run_id == s.run_id => {
            drop(s);
            on_event.emit(PoolEvent::Failed { run_id, message });
        }
        _ => {}
    }
}
