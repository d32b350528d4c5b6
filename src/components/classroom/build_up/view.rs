//! What the build-up shows: the step reached, whether runs are going on,
//! the latest summary and the last failure. One pure reducer.

use engine::Summary;
use std::rc::Rc;
use yew::Reducible;

/// Quarters run at each step.
pub const STEPS: [u64; 4] = [1, 10, 100, 10_000];

#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Index into [`STEPS`] of the step started or done last.
    pub step: Option<usize>,
    pub running: bool,
    pub summary: Option<Rc<Summary>>,
    pub error: Option<String>,
}

pub enum ViewAction {
    /// Step `.0` has started.
    Started(usize),
    /// Step `.0` is done with this summary; the next one follows.
    Done(usize, Rc<Summary>),
    Failed(String),
    Stopped,
    /// Back to nothing run (a new scenario or a new build-up).
    Reset,
}

impl Reducible for View {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut v = (*self).clone();
        match action {
            ViewAction::Started(step) => {
                v.step = Some(step);
                v.running = true;
                v.error = None;
            }
            ViewAction::Done(step, summary) => {
                v.step = Some(step);
                v.running = step + 1 < STEPS.len();
                v.summary = Some(summary);
            }
            ViewAction::Failed(message) => {
                v.running = false;
                v.error = Some(message);
            }
            ViewAction::Stopped => v.running = false,
            ViewAction::Reset => v = View::default(),
        }
        Rc::new(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::{Scenario, ScenarioInput, Simulation};

    /// A few trials of the default scenario, as a run reports them.
    fn summary() -> Rc<Summary> {
        let scenario = Scenario::new(&ScenarioInput::default()).expect("valid");
        let mut sim = Simulation::new(scenario);
        sim.step(3);
        Rc::new(sim.summary())
    }

    fn after(actions: Vec<ViewAction>) -> Rc<View> {
        actions
            .into_iter()
            .fold(Rc::new(View::default()), |v, a| v.reduce(a))
    }

    #[test]
    fn steps_run_until_the_last_is_done() {
        let s = summary();
        let v = after(vec![ViewAction::Started(0)]);
        assert_eq!(
            (v.step, v.running, v.summary.is_none()),
            (Some(0), true, true)
        );
        let v = v.reduce(ViewAction::Done(0, s.clone()));
        assert!(v.running, "the next step follows");
        assert_eq!(v.summary, Some(s.clone()));
        let v = v.reduce(ViewAction::Started(1));
        assert_eq!(
            v.summary,
            Some(s.clone()),
            "the last picture stays while the next runs"
        );
        let last = STEPS.len() - 1;
        let v = v.reduce(ViewAction::Done(last, s));
        assert_eq!((v.step, v.running), (Some(last), false));
    }

    #[test]
    fn a_failure_stops_and_a_new_start_clears_it() {
        let v = after(vec![
            ViewAction::Started(2),
            ViewAction::Failed("gone".into()),
        ]);
        assert_eq!((v.running, v.error.as_deref()), (false, Some("gone")));
        let v = v.reduce(ViewAction::Started(0));
        assert_eq!((v.running, v.error.as_deref()), (true, None));
    }

    #[test]
    fn stop_keeps_the_picture_and_reset_forgets_it() {
        let v = after(vec![
            ViewAction::Started(0),
            ViewAction::Done(0, summary()),
            ViewAction::Started(1),
        ]);
        let stopped = v.reduce(ViewAction::Stopped);
        assert!(!stopped.running);
        assert_eq!((stopped.step, stopped.summary.is_some()), (Some(1), true));
        assert_eq!(*stopped.reduce(ViewAction::Reset), View::default());
    }
}
