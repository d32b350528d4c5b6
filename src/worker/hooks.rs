//! The page's workers, made once by the app: the forecast pool (reached
//! through the app's run and cancel actions), and one helper worker shared by
//! every other analysis (comparisons, decisions, the classroom), reached
//! through [`use_job_slot`]. At most the pool plus one worker exist at any
//! time.

use super::pool::Pool;
use super::supervisor::{JobEvent, JobHandle, Supervised};
use engine::JobSpec;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The page's workers, provided by the app as a context.
#[derive(Clone, PartialEq)]
pub struct Workers {
    pub forecast: Rc<Pool>,
    /// The helper worker, spawned on its first job.
    pub helper: Supervised,
}

/// A component's one job at a time on the helper worker.
#[derive(Clone)]
pub struct JobSlot {
    helper: Supervised,
    current: Rc<RefCell<Option<JobHandle>>>,
}

impl JobSlot {
    /// Starts `spec`, cancelling this slot's job in flight (whose late
    /// reports are then dropped).
    pub fn start(&self, spec: JobSpec, on_event: Callback<JobEvent>) {
        let handle = self.helper.start(spec, on_event);
        let superseded = self.current.borrow_mut().replace(handle);
        drop(superseded);
    }

    /// Cancels this slot's job in flight, if any.
    pub fn cancel(&self) {
        let cancelled = self.current.borrow_mut().take();
        drop(cancelled);
    }
}

/// A slot for the calling component's jobs on the helper worker; unmounting
/// the component cancels its job.
#[hook]
pub fn use_job_slot() -> JobSlot {
    let helper = use_context::<Workers>()
        .unwrap_or_else(|| wasm_bindgen::throw_str("use_job_slot must be called inside <App>"))
        .helper;
    let current = use_mut_ref(|| None::<JobHandle>);
    JobSlot { helper, current }
}
