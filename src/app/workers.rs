//! The page's workers, made once: the forecast pool, whose reports become
//! actions, and the helper worker for every other analysis; and the run
//! and cancel actions on the pool.

use crate::state::{Action, AppState, Notice, RunStatus};
use crate::worker::clock::now_ms;
use crate::worker::supervisor::HELPER_LOADER;
use crate::worker::{worker_count, Pool, PoolEvent, Supervised, Workers};
use engine::ScenarioInput;
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
