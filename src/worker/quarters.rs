//! The page's side of the classroom's quarters: a worker of its own builds
//! one trial deal by deal (so the page never runs the model, and its wasm
//! stays small), started on first use.

use super::pool::now_ms;
use super::{FromWorker, Json, SimWorker, ToWorker};
use engine::{Quarter, ScenarioInput};
use gloo::timers::callback::Interval;
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::Callback;

const WORKER_LOADER: &str = "./worker_loader.js";
/// A quarter takes milliseconds; a request unanswered this long means the
/// worker died, and a new one is asked.
const STALL_MS: f64 = 5_000.0;

/// A quarter, or why it cannot be shown (and whether a horizon would fix it).
pub type QuarterResult = Result<Rc<Quarter>, (String, bool)>;

/// The request waiting for its answer, and when it was sent.
type Pending = Rc<RefCell<Option<(ToWorker, f64)>>>;
type Bridge = Rc<RefCell<Option<WorkerBridge<SimWorker>>>>;

/// Asks a worker for quarters; reports only the latest request's answer.
pub struct Quarters {
    bridge: Bridge,
    latest: Rc<Cell<u32>>,
    pending: Pending,
    on_quarter: Callback<QuarterResult>,
    _watchdog: Interval,
}

fn spawn(
    latest: &Rc<Cell<u32>>,
    pending: &Pending,
    on_quarter: &Callback<QuarterResult>,
) -> WorkerBridge<SimWorker> {
    let (latest, pending, on_quarter) = (latest.clone(), pending.clone(), on_quarter.clone());
    let mut spawner = SimWorker::spawner();
    spawner.callback(move |msg| match msg {
        FromWorker::Quarter { run_id, quarter } if run_id == latest.get() => {
            pending.borrow_mut().take();
            on_quarter.emit(quarter.map(|q| Rc::new(*q)))
        }
        FromWorker::Failed { run_id, message } if run_id == latest.get() => {
            pending.borrow_mut().take();
            on_quarter.emit(Err((message, false)))
        }
        _ => {}
    });
    spawner.encoding::<Json>().spawn_with_loader(WORKER_LOADER)
}

impl Quarters {
    /// `on_restart` is told when a dead worker had to be replaced.
    pub fn new(on_quarter: Callback<QuarterResult>, on_restart: Callback<()>) -> Self {
        let bridge: Bridge = Rc::new(RefCell::new(None));
        let latest = Rc::new(Cell::new(0));
        let pending: Pending = Rc::new(RefCell::new(None));
        let watchdog = {
            let (bridge, latest, pending, on_quarter) = (
                bridge.clone(),
                latest.clone(),
                pending.clone(),
                on_quarter.clone(),
            );
            Interval::new(1_000, move || {
                let now = now_ms();
                let stalled = match pending.borrow_mut().as_mut() {
                    Some((request, sent)) if now - *sent > STALL_MS => {
                        *sent = now;
                        Some(request.clone())
                    }
                    _ => None,
                };
                if let Some(request) = stalled {
                    let fresh = spawn(&latest, &pending, &on_quarter);
                    fresh.send(request);
                    // Dropping the old bridge terminates the dead worker.
                    *bridge.borrow_mut() = Some(fresh);
                    on_restart.emit(());
                }
            })
        };
        Quarters {
            bridge,
            latest,
            pending,
            on_quarter,
            _watchdog: watchdog,
        }
    }

    /// Asks for trial `trial` of `scenario`, superseding earlier requests.
    pub fn request(&self, scenario: &ScenarioInput, trial: u64) {
        let run_id = self.latest.get().wrapping_add(1);
        self.latest.set(run_id);
        let request = ToWorker::Quarter {
            run_id,
            scenario: Box::new(scenario.clone()),
            trial,
        };
        *self.pending.borrow_mut() = Some((request.clone(), now_ms()));
        self.bridge
            .borrow_mut()
            .get_or_insert_with(|| spawn(&self.latest, &self.pending, &self.on_quarter))
            .send(request);
    }
}
