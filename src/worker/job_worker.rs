//! The worker: runs the jobs it is given in chunks of about 25 ms, taking
//! turns when it holds several, sends each job's report soon after its start
//! (a quick preview) and then every ~150 ms once the page has acknowledged
//! the last one, and reads its inbox between chunks so Cancel is prompt.

use super::clock::now_ms;
use super::protocol::{FromWorker, JobId, ToWorker};
use engine::{HistorySource, Job, JobSpec};
use gloo::worker::{HandlerId, Worker, WorkerScope};
use std::collections::BTreeMap;
use std::ops::Bound::{Excluded, Unbounded};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageChannel;

/// Aim for chunks of this many milliseconds: short enough for prompt cancels,
/// long enough that scheduling costs little.
const CHUNK_TARGET_MS: f64 = 25.0;
/// Send a job's report at most this often (statistics are a few hundred
/// kilobytes).
const REPORT_EVERY_MS: f64 = 150.0;
/// The first chunk: small, so a preview arrives within tens of milliseconds.
const FIRST_CHUNK: u64 = 200;

/// Whether a running job's progress report goes out now: none of its
/// reports is waiting for the page's `Ack`, and the last went out at least
/// [`REPORT_EVERY_MS`] ago (or none has).
fn report_due(in_flight: u32, last_report_ms: Option<f64>, now: f64) -> bool {
    in_flight == 0 && last_report_ms.is_none_or(|last| now - last >= REPORT_EVERY_MS)
}

/// Which jobs a worker binary can start: the forecast workers run the model
/// alone ([`ModelJobs`]), so they do not carry the CSV reader and the fit;
/// the helper worker runs them all ([`AllJobs`]).
pub trait Starter: 'static {
    fn start(spec: &JobSpec) -> Result<Box<dyn Job>, String>;
}

/// Simulation jobs only (`engine::job::start_model`).
pub struct ModelJobs;

/// Every job, history files included (`engine::job::start`).
pub struct AllJobs;

impl Starter for ModelJobs {
    fn start(spec: &JobSpec) -> Result<Box<dyn Job>, String> {
        engine::job::start_model(spec)
    }
}

impl Starter for AllJobs {
    fn start(spec: &JobSpec) -> Result<Box<dyn Job>, String> {
        engine::job::start(&*resolve(Box::new(spec.clone()))?)
    }
}

struct Running {
    requester: HandlerId,
    job: Box<dyn Job>,
    chunk: u64,
    last_report_ms: Option<f64>,
    /// Reports sent and not yet acknowledged by the page (the opening
    /// included): a progress report waits until this is 0.
    in_flight: u32,
}

/// Internal message: run the next chunk.
pub struct Tick;

/// The worker that runs jobs. The page names it with the default parameter
/// for its messages only; each worker binary registers it with its own
/// [`Starter`].
pub struct JobWorker<S: Starter = AllJobs> {
    starter: std::marker::PhantomData<S>,
    jobs: BTreeMap<JobId, Running>,
    /// The job that ran the last chunk; the next chunk goes to the one after.
    turn: JobId,
    /// A tick is on its way: scheduling another would run two chains.
    tick_queued: bool,
    /// Posting to this port schedules a [`Tick`] as a new task, so messages
    /// from the page (Cancel, a new job) are handled between chunks. (Chained
    /// `send_message` calls would run as microtasks and starve the inbox.)
    channel: Option<MessageChannel>,
    _on_tick: Option<Closure<dyn FnMut(JsValue)>>,
}

impl<S: Starter> JobWorker<S> {
    fn schedule(&mut self, scope: &WorkerScope<Self>) {
        if std::mem::replace(&mut self.tick_queued, true) {
            return;
        }
        let posted = self
            .channel
            .as_ref()
            .is_some_and(|c| c.port2().post_message(&JsValue::NULL).is_ok());
        if !posted {
            scope.send_message(Tick);
        }
    }

    /// The job whose turn it is: the first after the last one run.
    fn next_turn(&self) -> Option<JobId> {
        self.jobs
            .range((Excluded(self.turn), Unbounded))
            .chain(self.jobs.range(..))
            .map(|(id, _)| *id)
            .next()
    }
}

impl<S: Starter> Worker for JobWorker<S> {
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
        JobWorker {
            starter: std::marker::PhantomData,
            jobs: BTreeMap::new(),
            turn: 0,
            tick_queued: false,
            channel,
            _on_tick: on_tick,
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, _tick: Tick) {
        self.tick_queued = false;
        let Some(id) = self.next_turn() else {
            return;
        };
        self.turn = id;
        let Some(running) = self.jobs.get_mut(&id) else {
            return;
        };
        let started = now_ms();
        running.job.step(running.chunk);
        let now = now_ms();
        let elapsed = now - started;
        if elapsed < CHUNK_TARGET_MS / 2.0 {
            running.chunk = running.chunk.saturating_mul(2);
        } else if elapsed > CHUNK_TARGET_MS * 2.0 {
            running.chunk = (running.chunk / 2).max(1);
        }
        let done = running.job.is_done();
        if done || report_due(running.in_flight, running.last_report_ms, now) {
            running.last_report_ms = Some(now);
            running.in_flight += 1;
            let report = Box::new(running.job.report());
            scope.respond(
                running.requester,
                FromWorker::Report {
                    job: id,
                    report,
                    done,
                },
            );
        }
        if done {
            self.jobs.remove(&id);
        }
        if !self.jobs.is_empty() {
            self.schedule(scope);
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: ToWorker, requester: HandlerId) {
        match msg {
            ToWorker::Start { job: id, spec } => match S::start(&spec) {
                Ok(job) => {
                    let mut in_flight = 0;
                    if let Some(opening) = job.opening() {
                        in_flight = 1;
                        let report = Box::new(opening);
                        scope.respond(
                            requester,
                            FromWorker::Report {
                                job: id,
                                report,
                                done: false,
                            },
                        );
                    }
                    let running = Running {
                        requester,
                        job,
                        chunk: FIRST_CHUNK,
                        last_report_ms: None,
                        in_flight,
                    };
                    self.jobs.insert(id, running);
                    self.schedule(scope);
                }
                Err(message) => scope.respond(requester, FromWorker::Failed { job: id, message }),
            },
            ToWorker::Cancel { job } => {
                self.jobs.remove(&job);
            }
            ToWorker::Ack { job } => {
                if let Some(running) = self.jobs.get_mut(&job) {
                    running.in_flight = running.in_flight.saturating_sub(1);
                }
            }
        }
    }
}

/// A history file named by URL (the page's `blob:` URL of the user's file) is
/// read here, so its megabytes never cross the message channel as JSON.
/// A synchronous request: allowed in a worker, and the job cannot start
/// without the bytes anyway.
fn resolve(mut spec: Box<JobSpec>) -> Result<Box<JobSpec>, String> {
    if let JobSpec::History { source, .. } | JobSpec::Backtest { source, .. } = spec.as_mut() {
        if let HistorySource::Url(url) = source {
            let bytes = read_url(url).ok_or("The file could not be read.")?;
            *source = HistorySource::Bytes(bytes);
        }
    }
    Ok(spec)
}

fn read_url(url: &str) -> Option<Vec<u8>> {
    let request = web_sys::XmlHttpRequest::new().ok()?;
    request.open_with_async("GET", url, false).ok()?;
    request.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
    request.send().ok()?;
    let body = request.response().ok()?;
    body.is_instance_of::<js_sys::ArrayBuffer>()
        .then(|| js_sys::Uint8Array::new(&body).to_vec())
}

#[cfg(test)]
mod tests {
    use super::{report_due, REPORT_EVERY_MS};

    #[test]
    fn the_first_report_goes_out_at_once() {
        assert!(report_due(0, None, 0.0));
    }

    #[test]
    fn later_reports_wait_for_the_interval() {
        assert!(!report_due(
            0,
            Some(1_000.0),
            1_000.0 + REPORT_EVERY_MS - 1.0
        ));
        assert!(report_due(0, Some(1_000.0), 1_000.0 + REPORT_EVERY_MS));
    }

    #[test]
    fn an_unacknowledged_report_holds_the_next_back_however_long() {
        assert!(!report_due(1, None, 0.0));
        assert!(!report_due(1, Some(0.0), 60_000.0));
        assert!(!report_due(2, Some(0.0), 60_000.0));
    }
}
