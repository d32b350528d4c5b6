//! The animated quarter, computed on the helper worker.

use super::deals_motion::Shown;
use crate::worker::readers::{self, QuarterResult};
use crate::worker::use_job_slot;
use engine::{JobSpec, ScenarioInput};
use std::rc::Rc;
use yew::prelude::*;

/// Trial `trial`'s quarter of `scenario` (none while the scenario has
/// errors); asked for again whenever either changes, the old one shown
/// until the new one arrives.
#[hook]
pub fn use_quarter(scenario: Option<ScenarioInput>, trial: u64) -> Option<Shown> {
    let shown = use_state(|| None::<Shown>);
    let quarters = use_job_slot();
    {
        let shown = shown.clone();
        use_effect_with((scenario, trial), move |(input, trial)| {
            if let Some(input) = input {
                let spec = JobSpec::Quarter {
                    scenario: Box::new(input.clone()),
                    trial: *trial,
                };
                let on_quarter =
                    Callback::from(move |q: QuarterResult| shown.set(Some(Rc::new(q))));
                quarters.start(spec, readers::quarter(on_quarter));
            }
        });
    }
    (*shown).clone()
}
