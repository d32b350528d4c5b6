//! The page's side of the workers: a pool that shares each run between
//! workers by trial range, merges their statistics and reports summaries.
//!
//! Summaries are computed here from merged accumulators (cheap: no trials
//! are run on the page) and at most every [`FLUSH_MS`] while a run streams.

use super::{FromWorker, Json, SimWorker, ToWorker};
use engine::{Accumulator, ScenarioInput, Summary, SummaryContext};
use gloo::timers::callback::{Interval, Timeout};
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
/// A worker with a share in progress reports every ~150 ms; one silent this
/// long has died (crashed, killed for memory) and is replaced.
const STALL_MS: f64 = 5_000.0;
/// How often the watchdog looks.
const WATCH_EVERY_MS: u32 = 1_000;

/// What the pool reports.
#[derive(Clone, Debug)]
pub enum PoolEvent {
    Progress {
        run_id: u32,
        summary: Summary,
    },
    Done {
        run_id: u32,
        summary: Summary,
    },
    Failed {
        run_id: u32,
        message: String,
    },
    /// A worker stopped answering; it was replaced and its share restarted.
    WorkerRestarted {
        run_id: u32,
    },
}

#[derive(Default)]
struct Share {
    acc: Option<Accumulator>,
    done: bool,
    /// When the worker last reported on this share (ms, page clock).
    heard_ms: f64,
    /// What was sent, to send again to a replacement worker.
    request: Option<ToWorker>,
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

type Bridges = Rc<RefCell<Vec<WorkerBridge<SimWorker>>>>;

/// A pool of simulation workers.
pub struct Pool {
    bridges: Bridges,
    state: Rc<RefCell<RunState>>,
    /// Replaces workers that stop answering during a run.
    _watchdog: Interval,
}

/// The page's clock (ms), for durations only: never an input to results.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn spawn(
    index: usize,
    state: &Rc<RefCell<RunState>>,
    on_event: &Callback<PoolEvent>,
) -> WorkerBridge<SimWorker> {
    let (state, on_event) = (state.clone(), on_event.clone());
    let mut spawner = SimWorker::spawner();
    spawner.callback(move |msg| handle(&state, index, msg, &on_event));
    spawner.encoding::<Json>().spawn_with_loader(WORKER_LOADER)
}

/// Replaces every worker whose share has been silent for [`STALL_MS`] and
/// sends it its share again (results do not depend on which worker runs a
/// range, so the run ends exactly as it would have).
fn watch(bridges: &Bridges, state: &Rc<RefCell<RunState>>, on_event: &Callback<PoolEvent>) {
    let now = now_ms();
    let stalled: Vec<(usize, ToWorker, u32)> = {
        let mut s = state.borrow_mut();
        if !s.active {
            return;
        }
        let run_id = s.run_id;
        s.shares
            .iter_mut()
            .enumerate()
            .filter(|(_, sh)| !sh.done && now - sh.heard_ms > STALL_MS)
            .filter_map(|(i, sh)| {
                sh.heard_ms = now;
                sh.acc = None;
                sh.request.clone().map(|r| (i, r, run_id))
            })
            .collect()
    };
    for (index, request, run_id) in stalled {
        let fresh = spawn(index, state, on_event);
        fresh.send(request);
        if let Some(slot) = bridges.borrow_mut().get_mut(index) {
            // Dropping the old bridge terminates the dead worker.
            *slot = fresh;
        }
        on_event.emit(PoolEvent::WorkerRestarted { run_id });
    }
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
        let bridges: Bridges = Rc::new(RefCell::new(
            (0..workers.max(1))
                .map(|index| spawn(index, &state, &on_event))
                .collect(),
        ));
        let watchdog = {
            let (bridges, state, on_event) = (bridges.clone(), state.clone(), on_event.clone());
            Interval::new(WATCH_EVERY_MS, move || watch(&bridges, &state, &on_event))
        };
        Pool {
            bridges,
            state,
            _watchdog: watchdog,
        }
    }

    pub fn size(&self) -> usize {
        self.bridges.borrow().len()
    }

    /// Starts run `run_id`, replacing any run in progress.
    pub fn run(&self, run_id: u32, scenario: &ScenarioInput, trials: u64) {
        let bridges = self.bridges.borrow();
        let used = (trials / MIN_TRIALS_PER_WORKER).clamp(1, bridges.len() as u64) as usize;
        let now = now_ms();
        let requests: Vec<ToWorker> = (0..used)
            .map(|i| ToWorker::Run {
                run_id,
                scenario: Box::new(scenario.clone()),
                first: trials * i as u64 / used as u64,
                end: trials * (i as u64 + 1) / used as u64,
            })
            .collect();
        {
            let mut state = self.state.borrow_mut();
            *state = RunState {
                active: true,
                run_id,
                planned: trials,
                context: None,
                shares: requests
                    .iter()
                    .map(|r| Share {
                        heard_ms: now,
                        request: Some(r.clone()),
                        ..Share::default()
                    })
                    .collect(),
                flush: None,
                reported: false,
            };
        }
        for (i, bridge) in bridges.iter().enumerate() {
            if i >= used {
                // Idle workers drop whatever they were doing.
                bridge.send(ToWorker::Cancel {
                    run_id: run_id.wrapping_sub(1),
                });
                continue;
            }
            bridge.send(requests[i].clone());
        }
    }

    /// Stops run `run_id` in every worker.
    pub fn cancel(&self, run_id: u32) {
        for bridge in self.bridges.borrow().iter() {
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
    let now = now_ms();
    if let Some(share) = s.shares.get_mut(index) {
        share.heard_ms = now;
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
