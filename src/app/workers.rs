//! The page's workers, made once: the forecast pool, whose reports become
//! actions, and the helper worker for every other analysis; the run and
//! cancel actions on the pool; and the forecast check's job on the helper.

use crate::state::{Action, AppState, Notice, RunStatus};
use crate::worker::clock::now_ms;
use crate::worker::supervisor::HELPER_LOADER;
use crate::worker::{worker_count, JobEvent, JobHandle, Pool, PoolEvent, Supervised, Workers};
use engine::backtest::BacktestSettings;
use engine::{HistorySource, JobSpec, Report, ScenarioInput};
use std::rc::Rc;
use yew::prelude::*;

/// The workers live as long as the app.
#[hook]
pub fn use_workers(state: &UseReducerHandle<AppState>) -> Workers {
    let dispatcher = state.dispatcher();
    (*use_memo((), move |_| {
        let restarted = dispatcher.clone();
        let on_event = Callback::from(move |event: PoolEvent| {
            dispatcher.dispatch(match event {
                PoolEvent::Progress { run_id, summary } => Action::Progress { run_id, summary },
                PoolEvent::Done { run_id, summary } => Action::Done {
                    run_id,
                    summary,
                    now_ms: now_ms(),
                },
                PoolEvent::Failed { run_id, message } => Action::Failed { run_id, message },
                PoolEvent::WorkerRestarted { .. } => Action::Notify(Notice::WorkerRestarted),
            })
        });
        Workers {
            forecast: Rc::new(Pool::new(worker_count(), on_event)),
            helper: Supervised::new(
                HELPER_LOADER,
                false,
                Callback::from(move |()| {
                    restarted.dispatch(Action::Notify(Notice::WorkerRestarted))
                }),
            ),
        }
    }))
    .clone()
}

/// Starts a run of a scenario on the pool, replacing any run in flight.
#[hook]
pub fn use_start_run(
    state: &UseReducerHandle<AppState>,
    pool: Rc<Pool>,
) -> Rc<dyn Fn(&ScenarioInput)> {
    let next_run_id = use_mut_ref(|| 1u32);
    let dispatcher = state.dispatcher();
    Rc::new(move |scenario: &ScenarioInput| {
        let run_id = {
            let mut id = next_run_id.borrow_mut();
            *id = id.wrapping_add(1);
            *id
        };
        let trials = scenario.trials.max(1.0) as u64;
        pool.run(run_id, scenario, trials);
        dispatcher.dispatch(Action::RunStarted {
            run_id,
            now_ms: now_ms(),
        });
    })
}

/// Stops the run in progress.
pub fn cancel_run(state: &UseReducerHandle<AppState>, pool: Rc<Pool>) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |()| {
        if let RunStatus::Running { run_id, .. } = state.run {
            pool.cancel(run_id);
            state.dispatch(Action::Cancel);
        }
    })
}

/// Runs "How good is this forecast?" on the helper worker: a check the
/// state marks as running starts here on the kept history; when the state
/// leaves it (Stop, a newer check, the result in) its job handle is
/// dropped, which cancels whatever is left of it.
#[hook]
pub fn use_check(state: &UseReducerHandle<AppState>, helper: Supervised) {
    let job = use_mut_ref(|| None::<JobHandle>);
    let dispatcher = state.dispatcher();
    let history = state.history.clone();
    use_effect_with(state.check.running_id(), move |running| {
        let next = match (*running, history) {
            (Some(id), Some(history)) => {
                let spec = JobSpec::Backtest {
                    source: HistorySource::Url(history.url.clone()),
                    options: history.options.clone(),
                    settings: BacktestSettings::default(),
                };
                let on_event = Callback::from(move |event: JobEvent| {
                    let outcome = match event {
                        JobEvent::Failed(message) => Err(message),
                        JobEvent::Report { report, .. } => match &*report {
                            Report::Progress(progress) => {
                                dispatcher.dispatch(Action::CheckProgress {
                                    id,
                                    progress: *progress,
                                });
                                return;
                            }
                            Report::Backtest(Ok(backtest)) => Ok(Rc::new((**backtest).clone())),
                            Report::Backtest(Err(e)) => Err(e.to_string()),
                            _ => return,
                        },
                    };
                    dispatcher.dispatch(Action::CheckFinished { id, outcome });
                });
                Some(helper.start(spec, on_event))
            }
            _ => None,
        };
        // The check before this one, if any, is cancelled here.
        *job.borrow_mut() = next;
    });
}
