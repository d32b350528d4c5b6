//! One worker under watch: jobs go in with an id, reports come back to the
//! job's owner, reports of jobs no longer current are dropped, and a worker
//! that falls silent with work in hand is replaced and given that work again.
//!
//! The forecast pool is several of these; every other analysis shares one.

use super::clock::now_ms;
use super::protocol::{FromWorker, JobId, ToWorker};
use super::{JobWorker, Json};
use engine::{JobSpec, Report};
use gloo::timers::callback::Interval;
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use yew::Callback;

/// Path of the worker's loader, relative to the page's base URL (so the app
/// also works when served from a sub-path).
/// The forecast workers' loader (simulation jobs only).
pub const FORECAST_LOADER: &str = "./worker_loader.js";
/// The helper worker's loader (every job, history files included).
pub const HELPER_LOADER: &str = "./helper_worker_loader.js";
/// A worker with a job in hand reports every ~150 ms (once its last report
/// is acknowledged); one silent this long has died (crashed, killed for
/// memory) and is replaced. Time the page itself was too busy to look does
/// not count (see [`Inner::watch`]).
const STALL_MS: f64 = 8_000.0;
/// How often the watchdog looks.
const WATCH_EVERY_MS: u32 = 1_000;

/// What a job's owner hears.
#[derive(Clone, Debug)]
pub enum JobEvent {
    /// A report; `done` marks the last.
    Report { report: Rc<Report>, done: bool },
    /// The job could not start; the message is for the user.
    Failed(String),
}

thread_local! {
    /// Job ids are unique in the page, whichever worker runs the job.
    static NEXT_JOB: Cell<JobId> = const { Cell::new(1) };
}

fn next_job_id() -> JobId {
    NEXT_JOB.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1).max(1));
        id
    })
}

struct Tracked {
    id: JobId,
    spec: Box<JobSpec>,
    /// When the worker last said something about this job (page clock, ms).
    heard_ms: f64,
    on_event: Callback<JobEvent>,
}

struct Inner {
    /// The script the worker is made from (a worker binary's loader).
    loader: &'static str,
    bridge: RefCell<Option<WorkerBridge<JobWorker>>>,
    /// The jobs in hand, oldest first (a handful at most: a plain list
    /// keeps the page's wasm smaller than a map would).
    jobs: RefCell<Vec<Tracked>>,
    on_restart: Callback<()>,
    watchdog: RefCell<Option<Interval>>,
    /// When the watchdog last looked (page clock, ms).
    watched_ms: Cell<f64>,
}

/// A supervised worker. Cloning gives another handle to the same worker.
#[derive(Clone)]
pub struct Supervised {
    inner: Rc<Inner>,
}

impl PartialEq for Supervised {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

/// A job in flight. Dropping the handle cancels the job, so owners keep the
/// handle of their current job and a new job supersedes the old one.
pub struct JobHandle {
    id: JobId,
    inner: Weak<Inner>,
}

impl Drop for JobHandle {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.upgrade() {
            inner.cancel(self.id);
        }
    }
}

impl Inner {
    fn spawn(self: &Rc<Self>) -> WorkerBridge<JobWorker> {
        let weak = Rc::downgrade(self);
        let mut spawner = JobWorker::spawner();
        spawner.callback(move |msg| {
            if let Some(inner) = weak.upgrade() {
                inner.receive(msg);
            }
        });
        spawner.encoding::<Json>().spawn_with_loader(self.loader)
    }

    fn send(self: &Rc<Self>, msg: ToWorker) {
        let mut bridge = self.bridge.borrow_mut();
        bridge.get_or_insert_with(|| self.spawn()).send(msg);
    }

    fn cancel(self: &Rc<Self>, id: JobId) {
        let was_running = {
            let mut jobs = self.jobs.borrow_mut();
            let before = jobs.len();
            jobs.retain(|t| t.id != id);
            jobs.len() < before
        };
        if was_running {
            if let Some(bridge) = self.bridge.borrow().as_ref() {
                bridge.send(ToWorker::Cancel { job: id });
            }
        }
    }

    /// Passes a report to its job's owner; drops reports of jobs that were
    /// cancelled or superseded.
    fn receive(&self, msg: FromWorker) {
        let (id, event, last) = match msg {
            FromWorker::Report { job, report, done } => (
                job,
                JobEvent::Report {
                    report: Rc::new(*report),
                    done,
                },
                done,
            ),
            FromWorker::Failed { job, message } => (job, JobEvent::Failed(message), true),
        };
        let on_event = {
            let mut jobs = self.jobs.borrow_mut();
            // Any message shows the worker alive, for every job it holds
            // (it runs them in turn on one thread).
            let now = now_ms();
            for tracked in jobs.iter_mut() {
                tracked.heard_ms = now;
            }
            let Some(at) = jobs.iter().position(|t| t.id == id) else {
                return;
            };
            let on_event = jobs[at].on_event.clone();
            if last {
                jobs.remove(at);
            }
            on_event
        };
        // Emitted with no borrow held: the owner may start or cancel jobs.
        on_event.emit(event);
        if !last {
            // Taken in: the worker may send this job's next report.
            if let Some(bridge) = self.bridge.borrow().as_ref() {
                bridge.send(ToWorker::Ack { job: id });
            }
        }
    }

    /// Replaces the worker if a job it holds has been silent for
    /// [`STALL_MS`], and gives the new one every job again (results never
    /// depend on which worker computes them).
    fn watch(self: &Rc<Self>) {
        let now = now_ms();
        // A late look means the page was busy (a long render, a slow
        // machine): the worker's reports may be waiting in the queue, so
        // that time is not counted as the worker's silence.
        let late = now - self.watched_ms.replace(now) - f64::from(WATCH_EVERY_MS);
        let resend: Vec<ToWorker> = {
            let mut jobs = self.jobs.borrow_mut();
            if late > f64::from(WATCH_EVERY_MS) {
                for tracked in jobs.iter_mut() {
                    tracked.heard_ms += late;
                }
            }
            if !jobs.iter().any(|t| now - t.heard_ms > STALL_MS) {
                return;
            }
            jobs.iter_mut()
                .map(|t| {
                    t.heard_ms = now;
                    ToWorker::Start {
                        job: t.id,
                        spec: t.spec.clone(),
                    }
                })
                .collect()
        };
        let fresh = self.spawn();
        for msg in resend {
            fresh.send(msg);
        }
        // Dropping the old bridge terminates the dead worker.
        *self.bridge.borrow_mut() = Some(fresh);
        self.on_restart.emit(());
    }
}

impl Supervised {
    /// A worker made from `loader`, spawned now if `eager` (the forecast
    /// pool, for a quick first result), else on its first job. `on_restart`
    /// is told when a dead worker had to be replaced.
    pub fn new(loader: &'static str, eager: bool, on_restart: Callback<()>) -> Self {
        let inner = Rc::new(Inner {
            loader,
            bridge: RefCell::new(None),
            jobs: RefCell::new(Vec::new()),
            on_restart,
            watchdog: RefCell::new(None),
            watched_ms: Cell::new(now_ms()),
        });
        if eager {
            *inner.bridge.borrow_mut() = Some(inner.spawn());
        }
        let weak = Rc::downgrade(&inner);
        *inner.watchdog.borrow_mut() = Some(Interval::new(WATCH_EVERY_MS, move || {
            if let Some(inner) = weak.upgrade() {
                inner.watch();
            }
        }));
        Supervised { inner }
    }

    /// Starts `spec`; `on_event` hears its reports until it is done, fails,
    /// or the returned handle is dropped.
    pub fn start(&self, spec: JobSpec, on_event: Callback<JobEvent>) -> JobHandle {
        let id = next_job_id();
        let spec = Box::new(spec);
        self.inner.jobs.borrow_mut().push(Tracked {
            id,
            spec: spec.clone(),
            heard_ms: now_ms(),
            on_event,
        });
        self.inner.send(ToWorker::Start { job: id, spec });
        JobHandle {
            id,
            inner: Rc::downgrade(&self.inner),
        }
    }
}
