//! The page's side of the classroom's quarters: a worker of its own builds
//! one trial deal by deal (so the page never runs the model, and its wasm
//! stays small), started on first use.

use super::{FromWorker, Json, SimWorker, ToWorker};
use engine::{Quarter, ScenarioInput};
use gloo::worker::{Spawnable, WorkerBridge};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::Callback;

const WORKER_LOADER: &str = "./worker_loader.js";

/// A quarter, or why it cannot be shown (and whether a horizon would fix it).
pub type QuarterResult = Result<Rc<Quarter>, (String, bool)>;

/// Asks a worker for quarters; reports only the latest request's answer.
pub struct Quarters {
    bridge: RefCell<Option<WorkerBridge<SimWorker>>>,
    latest: Rc<Cell<u32>>,
    on_quarter: Callback<QuarterResult>,
}

impl Quarters {
    pub fn new(on_quarter: Callback<QuarterResult>) -> Self {
        Quarters {
            bridge: RefCell::new(None),
            latest: Rc::new(Cell::new(0)),
            on_quarter,
        }
    }

    /// Asks for trial `trial` of `scenario`, superseding earlier requests.
    pub fn request(&self, scenario: &ScenarioInput, trial: u64) {
        let run_id = self.latest.get().wrapping_add(1);
        self.latest.set(run_id);
        let mut bridge = self.bridge.borrow_mut();
        if bridge.is_none() {
            let (latest, on_quarter) = (self.latest.clone(), self.on_quarter.clone());
            let mut spawner = SimWorker::spawner();
            spawner.callback(move |msg| match msg {
                FromWorker::Quarter { run_id, quarter } if run_id == latest.get() => {
                    on_quarter.emit(quarter.map(|q| Rc::new(*q)))
                }
                FromWorker::Failed { run_id, message } if run_id == latest.get() => {
                    on_quarter.emit(Err((message, false)))
                }
                _ => {}
            });
            *bridge = Some(spawner.encoding::<Json>().spawn_with_loader(WORKER_LOADER));
        }
        if let Some(bridge) = bridge.as_ref() {
            bridge.send(ToWorker::Quarter {
                run_id,
                scenario: Box::new(scenario.clone()),
                trial,
            });
        }
    }
}
