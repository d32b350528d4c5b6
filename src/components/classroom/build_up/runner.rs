//! The build-up's runs: one step at a time on the helper worker, a pause
//! between steps so the room sees each picture.

use super::view::{View, ViewAction, STEPS};
use crate::worker::readers::{self, Read};
use crate::worker::JobSlot;
use engine::{JobSpec, ScenarioInput};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Pause between steps, so the room sees each picture.
const PAUSE_MS: u32 = 1_200;

/// The runs' side: the job slot on the helper worker (whose job in flight
/// a new step supersedes), the scenario and the pause before the next step.
pub struct Runner {
    pub jobs: JobSlot,
    pub scenario: Option<ScenarioInput>,
    pub pause: Option<Timeout>,
}

impl Runner {
    /// Stops the pause and the job in flight.
    pub fn halt(&mut self) {
        self.pause = None;
        self.jobs.cancel();
    }
}

pub type Shared = Rc<RefCell<Runner>>;
pub type Views = UseReducerDispatcher<View>;

/// Runs step `step` (a run of the first `STEPS[step]` trials of the seeded
/// run); when it is done, pauses and runs the next one.
pub fn start_step(runner: &Shared, view: &Views, step: usize) {
    let r = runner.borrow();
    let Some(mut input) = r.scenario.clone() else {
        return;
    };
    input.trials = STEPS[step] as f64;
    let spec = JobSpec::Forecast {
        scenario: Box::new(input),
        first: 0,
        end: STEPS[step],
    };
    let (weak, views) = (Rc::downgrade(runner), view.clone());
    let on_read = Callback::from(move |read| match read {
        Read::Result(summary, true) => {
            views.dispatch(ViewAction::Done(step, summary));
            if let (Some(runner), true) = (weak.upgrade(), step + 1 < STEPS.len()) {
                let (next_runner, next_view) = (runner.clone(), views.clone());
                runner.borrow_mut().pause = Some(Timeout::new(PAUSE_MS, move || {
                    start_step(&next_runner, &next_view, step + 1)
                }));
            }
        }
        Read::Failed(message) => views.dispatch(ViewAction::Failed(message)),
        _ => {}
    });
    r.jobs.start(spec, readers::forecast(STEPS[step], on_read));
    view.dispatch(ViewAction::Started(step));
}
