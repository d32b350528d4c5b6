//! A job's raw reports turned into what a component shows: summaries from
//! accumulators (with the context the job opened with), answers, quarters.

use super::supervisor::JobEvent;
use engine::compare::summarize;
use engine::decisions::Answer;
use engine::{ComparisonSummary, Quarter, Report, Summary};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// What a reader passes on.
#[derive(Clone, Debug)]
pub enum Read<T> {
    /// A partial result (`false`) or the final one (`true`).
    Result(T, bool),
    /// How far the job has got (0 to 1), when it has no partial result.
    Progress(f64),
    /// The job failed; the message is for the user.
    Failed(String),
}

/// A quarter, or why it cannot be shown (and whether a horizon would fix it).
pub type QuarterResult = Result<Rc<Quarter>, (String, bool)>;

/// Reads a forecast job of `planned` trials as summaries.
pub fn forecast(planned: u64, on_read: Callback<Read<Rc<Summary>>>) -> Callback<JobEvent> {
    let context = RefCell::new(None);
    Callback::from(move |event| match event {
        JobEvent::Failed(message) => on_read.emit(Read::Failed(message)),
        JobEvent::Report { report, done } => match &*report {
            Report::ForecastStarted(c) => *context.borrow_mut() = Some((**c).clone()),
            Report::Forecast(acc) => {
                let summary = context
                    .borrow()
                    .as_ref()
                    .map(|c| Rc::new(Summary::new(c, acc, planned)));
                if let Some(summary) = summary {
                    on_read.emit(Read::Result(summary, done));
                }
            }
            _ => {}
        },
    })
}

/// Reads a comparison job of `planned` trials as comparison summaries.
pub fn comparison(
    planned: u64,
    on_read: Callback<Read<Rc<ComparisonSummary>>>,
) -> Callback<JobEvent> {
    let opened = RefCell::new(None);
    Callback::from(move |event| match event {
        JobEvent::Failed(message) => on_read.emit(Read::Failed(message)),
        JobEvent::Report { report, done } => match &*report {
            Report::CompareStarted { contexts, metric } => {
                *opened.borrow_mut() = Some((contexts.clone(), *metric))
            }
            Report::Compare(acc) => {
                let summary = opened
                    .borrow()
                    .as_ref()
                    .map(|(contexts, metric)| Rc::new(summarize(contexts, *metric, acc, planned)));
                if let Some(summary) = summary {
                    on_read.emit(Read::Result(summary, done));
                }
            }
            _ => {}
        },
    })
}

/// Reads a decision job as its progress, then its answer.
pub fn answer(on_read: Callback<Read<Rc<Answer>>>) -> Callback<JobEvent> {
    Callback::from(move |event| match event {
        JobEvent::Failed(message) => on_read.emit(Read::Failed(message)),
        JobEvent::Report { report, done } => match &*report {
            Report::Progress(p) => on_read.emit(Read::Progress(*p)),
            Report::Answer(answer) => on_read.emit(Read::Result(Rc::new((**answer).clone()), done)),
            _ => {}
        },
    })
}

/// Reads a quarter job as the quarter, or why it cannot be shown.
pub fn quarter(on_quarter: Callback<QuarterResult>) -> Callback<JobEvent> {
    Callback::from(move |event| match event {
        JobEvent::Failed(message) => on_quarter.emit(Err((message, false))),
        JobEvent::Report { report, .. } => {
            if let Report::Quarter(built) = &*report {
                on_quarter.emit(match built {
                    Ok(q) => Ok(Rc::new((**q).clone())),
                    Err(problem) => Err((problem.message.clone(), problem.needs_horizon)),
                });
            }
        }
    })
}
