//! Importing a CRM deals export: the file is read and fitted on the helper
//! worker (through a `blob:` URL of it: its bytes never cross the message
//! channel), reviewed in a dialog ([`review`]), and "Use these numbers" puts
//! the fit into the draft and keeps the file (its URL stays alive) and its
//! options for the session, for "How good is this forecast?" beside the
//! picker. The one component of the import; its markup is plain functions.

mod review;

use super::Dialog;
use crate::app::use_app;
use crate::history_text::fitted_notice;
use crate::library_ops;
use crate::state::{Action, KeptHistory, Notice};
use crate::worker::supervisor::JobEvent;
use crate::worker::{use_job_slot, JobSlot};
use engine::history::{FitOptions, HistoryError, HistoryReport, MAX_FILE_BYTES};
use engine::{HistorySource, JobSpec, Report};
use review::{review, ReviewView};
use std::rc::Rc;
use web_sys::{File, HtmlInputElement, Url};
use yew::prelude::*;

/// The id of the file input, which the welcome's "Start from your CRM
/// export" clicks once the workspace is shown.
pub const HISTORY_PICKER_ID: &str = "history-file";

#[derive(Properties, PartialEq)]
pub struct HistoryImportProps {
    /// The last CSV dropped on the panel: each new one is imported.
    pub dropped: Option<File>,
}

/// The review on screen; None: no dialog.
#[derive(Default, PartialEq)]
struct Imports(Option<Review>);

#[derive(Clone, PartialEq)]
struct Review {
    file: String,
    options: FitOptions,
    /// Some while the worker reads and fits: the share read.
    progress: Option<f64>,
    /// The last report (kept on screen while the next one is computed).
    report: Option<Rc<HistoryReport>>,
    /// Why the file cannot be read at all.
    failed: Option<String>,
}

enum Change {
    Open(String, Option<String>),
    Rerun(FitOptions),
    Progress(f64),
    Done(Rc<HistoryReport>),
    Failed(String),
    Close,
}

impl Reducible for Imports {
    type Action = Change;
    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let Some(mut r) = self.0.clone() else {
            return match change {
                Change::Open(file, failed) => Rc::new(Imports(Some(Review {
                    file,
                    options: FitOptions::default(),
                    progress: failed.is_none().then_some(0.0),
                    report: None,
                    failed,
                }))),
                _ => self,
            };
        };
        match change {
            Change::Open(..) => return Rc::new(Imports(None)).reduce(change),
            Change::Rerun(options) => (r.options, r.progress) = (options, Some(0.0)),
            Change::Progress(p) => r.progress = Some(p),
            Change::Done(report) => (r.report, r.progress) = (Some(report), None),
            Change::Failed(message) => (r.failed, r.progress) = (Some(message), None),
            Change::Close => return Rc::new(Imports(None)),
        }
        Rc::new(Imports(Some(r)))
    }
}

/// Reads and fits the file at `url` with `options` on the helper worker.
fn fit(slot: &JobSlot, url: &str, options: FitOptions, to: UseReducerDispatcher<Imports>) {
    let spec = JobSpec::History {
        source: HistorySource::Url(url.to_owned()),
        options,
    };
    slot.start(
        spec,
        Callback::from(move |event| match event {
            JobEvent::Failed(message) => to.dispatch(Change::Failed(message)),
            JobEvent::Report { report, .. } => match &*report {
                Report::Progress(p) => to.dispatch(Change::Progress(*p)),
                Report::History(h) => to.dispatch(Change::Done(Rc::new((**h).clone()))),
                _ => {}
            },
        }),
    );
}

#[component]
pub fn HistoryImport(props: &HistoryImportProps) -> Html {
    let app = use_app();
    let imports = use_reducer(Imports::default);
    let slot = use_job_slot();
    // The file's blob: URL, revoked when the review closes or the panel goes.
    let url = use_mut_ref(|| None::<String>);
    let release = {
        let url = url.clone();
        move || {
            if let Some(old) = url.borrow_mut().take() {
                let _ = Url::revoke_object_url(&old);
            }
        }
    };
    let open = {
        let (slot, to, url, release) = (
            slot.clone(),
            imports.dispatcher(),
            url.clone(),
            release.clone(),
        );
        Callback::from(move |file: File| {
            release();
            let name = file.name();
            if file.size() > MAX_FILE_BYTES as f64 {
                let refused = HistoryError::TooLarge {
                    bytes: file.size() as usize,
                };
                to.dispatch(Change::Open(name, Some(refused.to_string())));
                return;
            }
            match Url::create_object_url_with_blob(&file) {
                Ok(made) => {
                    to.dispatch(Change::Open(name, None));
                    fit(&slot, &made, FitOptions::default(), to.clone());
                    *url.borrow_mut() = Some(made);
                }
                Err(_) => to.dispatch(Change::Open(
                    name,
                    Some("The file could not be read.".to_owned()),
                )),
            }
        })
    };
    {
        let open = open.clone();
        use_effect_with(props.dropped.clone(), move |dropped| {
            if let Some(file) = dropped {
                open.emit(file.clone());
            }
        });
    }
    {
        let release = release.clone();
        use_effect_with((), move |_| release);
    }
    let close = {
        let (slot, to) = (slot.clone(), imports.dispatcher());
        Callback::from(move |()| {
            slot.cancel();
            release();
            to.dispatch(Change::Close);
        })
    };
    let on_pick = Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open.emit(file);
        }
        input.set_value("");
    });
    let picker = html! {
        <>
            <label class="button small ghost file-pick">
                { "Import history…" }
                <input id={HISTORY_PICKER_ID} type="file" accept=".csv,text/csv,text/plain"
                       class="visually-hidden" onchange={on_pick} />
            </label>
            { check_button(&app.state) }
        </>
    };
    let Some(shown) = &imports.0 else {
        return picker;
    };
    let rerun = {
        let (slot, to, url) = (slot.clone(), imports.dispatcher(), url.clone());
        Callback::from(move |options: FitOptions| {
            if let Some(url) = url.borrow().as_deref() {
                to.dispatch(Change::Rerun(options.clone()));
                fit(&slot, url, options, to.clone());
            }
        })
    };
    let use_numbers = {
        let (state, close, report, file, options, url) = (
            app.state.clone(),
            close.clone(),
            shown.report.clone(),
            shown.file.clone(),
            shown.options.clone(),
            url.clone(),
        );
        Callback::from(move |()| {
            let Some(fit) = report.as_ref().and_then(|r| r.fit.as_ref().ok()) else {
                return;
            };
            // Taken out of the review, so closing it does not revoke it; the
            // history kept before is let go.
            if let Some(url) = url.borrow_mut().take() {
                if let Some(old) = &state.history {
                    let _ = Url::revoke_object_url(&old.url);
                }
                state.dispatch(Action::KeepHistory(KeptHistory {
                    file: file.clone(),
                    url,
                    options: options.clone(),
                }));
            }
            let base = state.scenario.clone().unwrap_or_default();
            library_ops::open_unsaved(&state, fit.apply(&base), false);
            state.dispatch(Action::Notify(Notice::Message(fitted_notice(
                &file, fit.deals, fit.as_of,
            ))));
            close.emit(());
        })
    };
    let cancel = close.clone();
    html! {
        <>
            { picker }
            <Dialog title="Import history" on_close={close}>
                { review(&ReviewView {
                    file: &shown.file,
                    options: &shown.options,
                    progress: shown.progress,
                    report: shown.report.as_deref(),
                    failed: shown.failed.as_deref(),
                    currency: &app.state.currency,
                    on_options: rerun,
                    on_use: use_numbers,
                    on_cancel: cancel,
                }) }
            </Dialog>
        </>
    }
}

/// "How good is this forecast?": the backtest on the kept history. Without
/// one it opens the file picker first, and the check runs once the user
/// uses the file's numbers (its description says so).
fn check_button(state: &UseReducerHandle<crate::state::AppState>) -> Html {
    let kept = state.history.is_some();
    let onclick = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if state.history.is_none() {
                let picker = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(HISTORY_PICKER_ID))
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let Some(picker) = picker {
                    picker.click();
                }
            }
            state.dispatch(Action::CheckForecast);
        })
    };
    html! {
        <>
            <button type="button" class="button small ghost" {onclick}
                    aria-describedby={(!kept).then_some("check-needs-history")}>
                { "How good is this forecast?" }
            </button>
            if !kept {
                <span id="check-needs-history" class="visually-hidden">
                    { "Checks the forecast on your CRM history: choose the export first; the check runs once you use its numbers." }
                </span>
            }
        </>
    }
}
