//! The forecast pool: shares each run between supervised workers by trial
//! range, merges their statistics and reports summaries.
//!
//! Summaries are computed here from merged accumulators (cheap: no trials
//! are run on the page) and at most every [`FLUSH_MS`] while a run streams.

use super::supervisor::{JobEvent, JobHandle, Supervised, FORECAST_LOADER};
use engine::{Accumulator, JobSpec, Report, ScenarioInput, Summary, SummaryContext};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use yew::Callback;

/// At most this many workers, whatever the browser reports.
pub const MAX_WORKERS: usize = 8;
/// Below this many trials per worker, fewer workers are used.
const MIN_TRIALS_PER_WORKER: u64 = 20_000;
/// Coalesce streaming updates to at most one summary per this many ms.
const FLUSH_MS: u32 = 40;

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
}

#[derive(Default)]
struct RunState {
    run_id: u32,
    planned: u64,
    context: Option<SummaryContext>,
    shares: Vec<Share>,
    /// The shares' jobs; dropping them cancels the run.
    jobs: Vec<JobHandle>,
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

/// A pool of forecast workers.
pub struct Pool {
    workers: Vec<Supervised>,
    state: Rc<RefCell<RunState>>,
    on_event: Callback<PoolEvent>,
}

impl PartialEq for Pool {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
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
        let workers = (0..workers.max(1))
            .map(|_| {
                let (state, on_event) = (Rc::downgrade(&state), on_event.clone());
                Supervised::new(
                    FORECAST_LOADER,
                    true,
                    Callback::from(move |()| {
                        if let Some(state) = state.upgrade() {
                            let run_id = state.borrow().run_id;
                            on_event.emit(PoolEvent::WorkerRestarted { run_id });
                        }
                    }),
                )
            })
            .collect();
        Pool {
            workers,
            state,
            on_event,
        }
    }

    /// Starts run `run_id`, replacing any run in progress.
    pub fn run(&self, run_id: u32, scenario: &ScenarioInput, trials: u64) {
        let used = (trials / MIN_TRIALS_PER_WORKER).clamp(1, self.workers.len() as u64);
        // The old run's jobs are cancelled when their handles drop, outside
        // the borrow (nothing they do reaches this state, but keep it simple).
        let old = std::mem::replace(
            &mut *self.state.borrow_mut(),
            RunState {
                run_id,
                planned: trials,
                shares: (0..used).map(|_| Share::default()).collect(),
                ..RunState::default()
            },
        );
        drop(old);
        let jobs: Vec<JobHandle> = self
            .workers
            .iter()
            .take(used as usize)
            .enumerate()
            .map(|(index, worker)| {
                let i = index as u64;
                let spec = JobSpec::Forecast {
                    scenario: Box::new(scenario.clone()),
                    first: trials * i / used,
                    end: trials * (i + 1) / used,
                };
                let (state, on_event) = (Rc::downgrade(&self.state), self.on_event.clone());
                worker.start(
                    spec,
                    Callback::from(move |event| handle(&state, index, event, &on_event)),
                )
            })
            .collect();
        self.state.borrow_mut().jobs = jobs;
    }

    /// Stops run `run_id` in every worker.
    pub fn cancel(&self, run_id: u32) {
        let old = {
            let mut state = self.state.borrow_mut();
            if state.run_id != run_id {
                return;
            }
            state.flush = None;
            std::mem::take(&mut state.jobs)
        };
        drop(old);
    }
}

fn handle(
    state: &Weak<RefCell<RunState>>,
    index: usize,
    event: JobEvent,
    on_event: &Callback<PoolEvent>,
) {
    let Some(state) = state.upgrade() else {
        return;
    };
    let mut s = state.borrow_mut();
    let run_id = s.run_id;
    let (report, done) = match event {
        JobEvent::Failed(message) => {
            drop(s);
            on_event.emit(PoolEvent::Failed { run_id, message });
            return;
        }
        JobEvent::Report { report, done } => (report, done),
    };
    match &*report {
        Report::ForecastStarted(context) => s.context = Some((**context).clone()),
        Report::Forecast(acc) => {
            if let Some(share) = s.shares.get_mut(index) {
                share.acc = Some((**acc).clone());
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
                let (weak, on_event) = (Rc::downgrade(&state), on_event.clone());
                s.flush = Some(Timeout::new(FLUSH_MS, move || {
                    flush(&weak, run_id, &on_event)
                }));
            }
        }
        _ => {}
    }
}

/// Sends the merged partial summary of run `run_id`, if it is still current.
fn flush(state: &Weak<RefCell<RunState>>, run_id: u32, on_event: &Callback<PoolEvent>) {
    let Some(state) = state.upgrade() else {
        return;
    };
    let summary = {
        let mut s = state.borrow_mut();
        s.flush = None;
        if s.run_id != run_id || s.jobs.is_empty() {
            return;
        }
        s.merged()
    };
    if let Some(summary) = summary {
        on_event.emit(PoolEvent::Progress { run_id, summary });
    }
}
