//! What to do: the lever worth most (tornado chart), what a target takes
//! (reverse planning), and when the target is reached. This file holds the
//! panel: the question in flight, its answer and progress, and the layout.

mod bottleneck;
mod planner;
mod tornado;
mod when;

use crate::app::use_app;
use crate::worker::readers::{self, Read};
use crate::worker::use_job_slot;
use bottleneck::{bottleneck, BottleneckProps};
use engine::decisions::{Answer, Question, SensitivityReport};
use engine::JobSpec;
use planner::{Asked, Planner};
use std::rc::Rc;
use when::when;
use yew::prelude::*;

/// What the helper worker is computing for the panel.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    None,
    Sensitivity,
    Plan,
}

#[component]
pub fn DecisionsPanel() -> Html {
    let app = use_app();
    let report = use_state(|| None::<Rc<SensitivityReport>>);
    let plan = use_state(|| None::<Rc<Asked>>);
    let pending = use_state(|| Pending::None);
    let progress = use_state(|| 0.0f64);
    let error = use_state(|| None::<String>);
    // The label and question in flight, shown with its answer.
    let asked = use_mut_ref(|| (String::new(), Question::Sensitivity));
    let runner = use_job_slot();
    let on_read = {
        let (report, plan, pending, error, asked) = (
            report.clone(),
            plan.clone(),
            pending.clone(),
            error.clone(),
            asked.clone(),
        );
        let progress = progress.clone();
        Callback::from(move |read: Read<Rc<Answer>>| match read {
            Read::Result(answer, _) => {
                match &*answer {
                    Answer::Sensitivity(r) => report.set(Some(Rc::new(r.clone()))),
                    Answer::Plan(p) => {
                        let (label, question) = asked.borrow().clone();
                        plan.set(Some(Rc::new(Asked {
                            label,
                            question,
                            plan: p.clone(),
                        })))
                    }
                }
                pending.set(Pending::None);
            }
            Read::Failed(message) => {
                error.set(Some(message));
                pending.set(Pending::None);
            }
            Read::Progress(p) => progress.set(p),
        })
    };
    let ask = {
        let (runner, pending, error, asked) = (
            runner.clone(),
            pending.clone(),
            error.clone(),
            asked.clone(),
        );
        let (progress, on_read) = (progress.clone(), on_read.clone());
        let scenario = app.state.scenario.clone();
        Callback::from(move |(question, label): (Question, String)| {
            let Some(scenario) = scenario.clone() else {
                error.set(Some("Fix the highlighted fields first.".to_owned()));
                return;
            };
            *asked.borrow_mut() = (label, question.clone());
            error.set(None);
            progress.set(0.0);
            pending.set(match question {
                Question::Sensitivity => Pending::Sensitivity,
                _ => Pending::Plan,
            });
            let spec = JobSpec::Decide {
                scenario: Box::new(scenario),
                question,
            };
            runner.start(spec, readers::answer(on_read.clone()));
        })
    };
    let find_bottleneck = ask.reform(|()| (Question::Sensitivity, "Sensitivity".to_owned()));
    let busy = *pending != Pending::None;
    let cancel = {
        let (runner, pending) = (runner.clone(), pending.clone());
        Callback::from(move |_: MouseEvent| {
            runner.cancel();
            pending.set(Pending::None);
        })
    };

    html! {
        <section class="panel decisions" aria-labelledby="decisions-title">
            <h2 id="decisions-title">{ "What to do" }</h2>
            <div class="decision-grid">
                { bottleneck(&BottleneckProps {
                    report: report.as_deref(),
                    busy,
                    computing: *pending == Pending::Sensitivity,
                    on_find: find_bottleneck,
                    currency: &app.state.currency,
                }) }
                <Planner answer={(*plan).clone()} {busy}
                    searching={*pending == Pending::Plan} on_ask={ask} />
                { when(app.state.summary.as_deref(), &app.state.currency) }
            </div>
            if busy {
                <div class="decide-progress">
                    <progress aria-label="Decision progress" max="1" value={progress.to_string()} />
                    <button type="button" class="button small" onclick={cancel}>{ "Stop" }</button>
                </div>
            }
            if let Some(e) = &*error { <p class="error" role="alert">{ e.clone() }</p> }
        </section>
    }
}
