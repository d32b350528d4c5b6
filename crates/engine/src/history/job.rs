//! The history fit as a [`crate::Job`]: reading in steps with progress,
//! then assembling and fitting in one step.

use super::assembled::Deals;
use super::read::Reader;
use super::{FitOptions, HistoryError, HistoryReport, Layout};

/// Reads and fits one file.
pub struct HistoryJob {
    options: FitOptions,
    state: State,
}

enum State {
    /// Rows still to read.
    Reading(Reader),
    /// Every row read: assembling and fitting is the next step.
    Read(Reader),
    Done(Box<HistoryReport>),
}

impl HistoryJob {
    pub fn new(bytes: Vec<u8>, options: FitOptions) -> HistoryJob {
        let state = match Reader::new(bytes) {
            Ok(reader) => State::Reading(reader),
            Err(e) => State::Done(Box::new(failed(None, e))),
        };
        HistoryJob { options, state }
    }
    pub fn outcome(&self) -> Option<&HistoryReport> {
        match &self.state {
            State::Done(report) => Some(report),
            _ => None,
        }
    }
}

impl crate::Job for HistoryJob {
    fn step(&mut self, budget: u64) {
        // A row costs about a quarter of a trial of work.
        let rows = usize::try_from(budget.saturating_mul(4)).unwrap_or(usize::MAX);
        let placeholder = State::Done(Box::new(failed(None, HistoryError::Empty)));
        self.state = match std::mem::replace(&mut self.state, placeholder) {
            State::Reading(mut reader) => match reader.step(rows.max(1)) {
                Ok(true) => State::Read(reader),
                Ok(false) => State::Reading(reader),
                Err(e) => State::Done(Box::new(failed(Some(reader.layout().clone()), e))),
            },
            State::Read(reader) => State::Done(Box::new(conclude(reader, &self.options))),
            done @ State::Done(_) => done,
        };
    }
    fn is_done(&self) -> bool {
        matches!(self.state, State::Done(_))
    }
    fn report(&self) -> crate::Report {
        match &self.state {
            State::Reading(reader) => crate::Report::Progress(reader.progress()),
            State::Read(_) => crate::Report::Progress(1.0),
            State::Done(report) => crate::Report::History(report.clone()),
        }
    }
}

/// A report with no fit.
pub(super) fn failed(layout: Option<Layout>, error: HistoryError) -> HistoryReport {
    HistoryReport {
        layout,
        rows: 0,
        labels: Vec::new(),
        date_order: None,
        fit: Err(error),
    }
}

/// Once every row is read: dates, labels, deals and the fit.
pub(super) fn conclude(reader: Reader, options: &FitOptions) -> HistoryReport {
    match Deals::from_reader(reader, options) {
        Ok(assembled) => HistoryReport {
            fit: assembled.deals.and_then(|deals| deals.fit(options)),
            layout: Some(assembled.layout),
            rows: assembled.rows,
            labels: assembled.labels,
            date_order: assembled.date_order,
        },
        Err((layout, e)) => failed(Some(layout), e),
    }
}
