//! The worker: runs the engine in chunks of about 25 ms, reports progress
//! after each, and looks at its inbox between chunks so Cancel is prompt.

use super::protocol::{FromWorker, ToWorker};
use engine::{Scenario, Simulation};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageChannel;

/// Aim for chunks of this many milliseconds: short enough for prompt cancels
/// and smooth progress, long enough that messaging costs little.
const CHUNK_TARGET_MS: f64 = 25.0;

struct Job {
    run_id: u32,
    requester: HandlerId,
    sim: Simulation,
    chunk: u64,
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
        match &self.channel {
            Some(channel) => {
                if channel.port2().post_message(&JsValue::NULL).is_err() {
                    scope.send_message(Tick);
                }
            }
            None => scope.send_message(Tick),
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
        job.sim.step(job.chunk);
        let elapsed = now_ms() - started;
        // Adapt the chunk towards the target duration.
        if elapsed < CHUNK_TARGET_MS / 2.0 {
            job.chunk = job.chunk.saturating_mul(2);
        } else if elapsed > CHUNK_TARGET_MS * 2.0 {
            job.chunk = (job.chunk / 2).max(1);
        }
        let summary = job.sim.summary();
        let (run_id, requester) = (job.run_id, job.requester);
        if job.sim.is_done() {
            self.job = None;
            scope.respond(requester, FromWorker::Done { run_id, summary });
        } else {
            scope.respond(requester, FromWorker::Progress { run_id, summary });
            self.schedule(scope);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: ToWorker, id: HandlerId) {
        match msg {
            ToWorker::Run { run_id, scenario } => match Scenario::new(&scenario) {
                Ok(scenario) => {
                    let was_idle = self.job.is_none();
                    self.job = Some(Job {
                        run_id,
                        requester: id,
                        sim: Simulation::new(scenario),
                        chunk: 64,
                    });
                    // A running job already has a tick queued.
                    if was_idle {
                        self.schedule(scope);
                    }
                }
                Err(err) => scope.respond(
                    id,
                    FromWorker::Failed {
                        run_id,
                        message: err.to_string(),
                    },
                ),
            },
            ToWorker::Cancel { run_id } => {
                if self.job.as_ref().is_some_and(|job| job.run_id == run_id) {
                    self.job = None;
                }
            }
        }
    }
}
