//! The worker: runs its share of the trials in chunks of about 25 ms, sends
//! its statistics soon after the start (a quick preview) and then every
//! ~150 ms, and looks at its inbox between chunks so Cancel is prompt.

use super::protocol::{FromWorker, ToWorker};
use engine::decisions::DecisionRun;
use engine::{Comparison, Model, Quarter, Scenario, Simulation};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageChannel;

/// Aim for chunks of this many milliseconds: short enough for prompt cancels,
/// long enough that scheduling costs little.
const CHUNK_TARGET_MS: f64 = 25.0;
/// Send statistics at most this often (they are a few hundred kilobytes).
const REPORT_EVERY_MS: f64 = 150.0;
/// The first chunk: small, so a preview arrives within tens of milliseconds.
const FIRST_CHUNK: u64 = 200;

/// What a job runs.
enum Work {
    Forecast(Box<Simulation>),
    Compare(Box<Comparison>),
    Decide(Box<DecisionRun>),
}

impl Work {
    fn step(&mut self, n: u64) {
        match self {
            Work::Forecast(sim) => {
                sim.step(n);
            }
            Work::Compare(c) => {
                // A comparison trial runs every scenario: keep chunks comparable.
                c.step(n.div_ceil(4).max(1));
            }
            Work::Decide(d) => d.step(n),
        }
    }

    fn is_done(&self) -> bool {
        match self {
            Work::Forecast(sim) => sim.is_done(),
            Work::Compare(c) => c.is_done(),
            Work::Decide(d) => d.is_done(),
        }
    }

    fn report(&self, run_id: u32, done: bool) -> FromWorker {
        match self {
            Work::Forecast(sim) => FromWorker::Progress {
                run_id,
                acc: Box::new(sim.accumulator().clone()),
                done,
            },
            Work::Compare(c) => FromWorker::CompareProgress {
                run_id,
                acc: Box::new(c.accumulator().clone()),
                done,
            },
            Work::Decide(d) => match d.answer().filter(|_| done) {
                Some(answer) => FromWorker::Decided {
                    run_id,
                    answer: Box::new(answer),
                },
                None => FromWorker::DecideProgress {
                    run_id,
                    progress: d.progress(),
                },
            },
        }
    }
}

struct Job {
    run_id: u32,
    requester: HandlerId,
    work: Work,
    chunk: u64,
    last_report_ms: Option<f64>,
}

/// Internal message: run the next chunk.
pub struct Tick;

/// The simulation worker.
pub struct SimWorker {
    job: Option<Job>,
    /// Posting to this port schedules a [`Tick`] as a new task, so messages
    /// from the page (Cancel, a new Run) are handled between chunks. (Chained
    /// `send_message` calls would run as microtasks and starve the inbox.)
    channel: Option<MessageChannel>,
    _on_tick: Option<Closure<dyn FnMut(JsValue)>>,
}

fn now_ms() -> f64 {
    js_sys::global()
        .dyn_into::<web_sys::WorkerGlobalScope>()
        .ok()
        .and_then(|g| g.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

impl SimWorker {
    fn schedule(&self, scope: &WorkerScope<Self>) {
        let posted = self
            .channel
            .as_ref()
            .is_some_and(|c| c.port2().post_message(&JsValue::NULL).is_ok());
        if !posted {
            scope.send_message(Tick);
        }
    }
}

impl SimWorker {
    fn start(&mut self, scope: &WorkerScope<Self>, run_id: u32, requester: HandlerId, work: Work) {
        let was_idle = self.job.is_none();
        self.job = Some(Job {
            run_id,
            requester,
            work,
            chunk: FIRST_CHUNK,
            last_report_ms: None,
        });
        // A running job already has a tick queued.
        if was_idle {
            self.schedule(scope);
        }
    }
}

impl Worker for SimWorker {
    type Message = Tick;
    type Input = ToWorker;
    type Output = FromWorker;

    fn create(scope: &WorkerScope<Self>) -> Self {
        let channel = MessageChannel::new().ok();
        let on_tick = channel.as_ref().map(|channel| {
            let scope = scope.clone();
            let closure = Closure::<dyn FnMut(JsValue)>::new(move |_| scope.send_message(Tick));
            channel
                .port1()
                .set_onmessage(Some(closure.as_ref().unchecked_ref()));
            closure
        });
        SimWorker {
            job: None,
            channel,
            _on_tick: on_tick,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, _tick: Tick) {
        let Some(job) = self.job.as_mut() else {
            return;
        };
        let started = now_ms();
        job.work.step(job.chunk);
        let now = now_ms();
        let elapsed = now - started;
        if elapsed < CHUNK_TARGET_MS / 2.0 {
            job.chunk = job.chunk.saturating_mul(2);
        } else if elapsed > CHUNK_TARGET_MS * 2.0 {
            job.chunk = (job.chunk / 2).max(1);
        }
        let done = job.work.is_done();
        let due = job
            .last_report_ms
            .is_none_or(|last| now - last >= REPORT_EVERY_MS);
        if done || due {
            job.last_report_ms = Some(now);
            scope.respond(job.requester, job.work.report(job.run_id, done));
        }
        if done {
            self.job = None;
        } else {
            self.schedule(scope);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: ToWorker, id: HandlerId) {
        match msg {
            ToWorker::Run {
                run_id,
                scenario,
                first,
                end,
            } => match Scenario::new(&scenario) {
                Ok(scenario) => {
                    let sim = Simulation::for_trials(scenario, first..end);
                    let context = Box::new(sim.context().clone());
                    scope.respond(id, FromWorker::Started { run_id, context });
                    self.start(scope, run_id, id, Work::Forecast(Box::new(sim)));
                }
                Err(err) => scope.respond(
                    id,
                    FromWorker::Failed {
                        run_id,
                        message: err.to_string(),
                    },
                ),
            },
            ToWorker::Compare {
                run_id,
                scenarios,
                seed,
                first,
                end,
            } => {
                let parsed: Result<Vec<Scenario>, String> = scenarios
                    .iter()
                    .enumerate()
                    .map(|(i, s)| Scenario::new(s).map_err(|e| format!("scenario {}: {e}", i + 1)))
                    .collect();
                match parsed {
                    Ok(scenarios) => {
                        let comparison = Comparison::new(scenarios, seed, first..end);
                        scope.respond(
                            id,
                            FromWorker::CompareStarted {
                                run_id,
                                contexts: comparison.contexts().to_vec(),
                                metric: comparison.metric(),
                            },
                        );
                        self.start(scope, run_id, id, Work::Compare(Box::new(comparison)));
                    }
                    Err(message) => scope.respond(id, FromWorker::Failed { run_id, message }),
                }
            }
            ToWorker::Decide {
                run_id,
                scenario,
                question,
            } => match DecisionRun::new(&scenario, &question) {
                Ok(run) => self.start(scope, run_id, id, Work::Decide(Box::new(run))),
                Err(e) => scope.respond(
                    id,
                    FromWorker::Failed {
                        run_id,
                        message: e.to_string(),
                    },
                ),
            },
            ToWorker::Quarter {
                run_id,
                scenario,
                trial,
            } => {
                // One trial, bounded to MAX_DEALS deals: a few ms, no chunks.
                let quarter = match Scenario::new(&scenario) {
                    Ok(scenario) => {
                        let no_horizon = scenario.horizon_weeks().is_none();
                        Quarter::new(&Model::new(scenario), trial)
                            .map(Box::new)
                            .map_err(|e| {
                                (format!("Cannot animate this scenario: {e}."), no_horizon)
                            })
                    }
                    Err(e) => Err((format!("The scenario has a problem: {e}"), false)),
                };
                scope.respond(id, FromWorker::Quarter { run_id, quarter });
            }
            ToWorker::Cancel { run_id } => {
                if self.job.as_ref().is_some_and(|job| job.run_id == run_id) {
                    self.job = None;
                }
            }
        }
    }
}
