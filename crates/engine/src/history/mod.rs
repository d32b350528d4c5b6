//! A CRM's deals export, read and fitted: every scenario input taken from
//! the user's own history, with the evidence behind it.
//!
//! Reading ([`read`]) turns the file's bytes into [`Record`]s: one per deal
//! (HubSpot-style, a `Date entered "<stage>"` column per stage) or one per
//! stage change (Salesforce OpportunityHistory and generic logs), with every
//! row that cannot be used listed with its line and a reason. Assembling
//! ([`deals`]) maps the CRM's stage labels to the funnel and builds each
//! deal's history; fitting ([`fit`]) applies the rules of
//! `docs/history-import.md` as seen at `as_of`. [`Deals`] holds a file read
//! and assembled once, to fit at several `as_of` days (the backtest).
//! [`analyse`] does all three;
//! [`HistoryJob`] does it in steps for a worker, with progress.
//!
//! Times are wall-clock times as written in the file (a zone, when given, is
//! read and not applied): a day is the date the CRM wrote.

mod amounts;
mod assembled;
mod beta;
mod chi_square;
mod dates;
mod deals;
mod fit;
#[cfg(test)]
mod fit_tests;
mod job;
mod read;
mod stages;
#[cfg(test)]
mod tests;
mod variation;

pub use assembled::{Assembled, Deals, WonIn};
pub use dates::{Day, Stamp};
pub use fit::{DealValueFit, Fit, LeadsFit, StageFit};
pub use job::HistoryJob;
pub use read::{read_all, Parsed, Reader, Record, RecordKind};
pub use stages::Target;
pub use variation::{
    DispersionFit, MarketFit, PeriodCounts, MIN_PERIODS, PERIOD_WEEKS, SIGNIFICANCE,
};

use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest file read (bytes): far above a 100,000-deal export (~30 MB).
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;
/// Most data rows read.
pub const MAX_ROWS: usize = 2_000_000;
/// Weeks of the horizon when none is given.
pub const DEFAULT_HORIZON_WEEKS: u32 = 13;

/// The two shapes of export Funnelcast reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// One row per deal, a `Date entered "<stage>"` column per stage.
    PerDeal,
    /// One row per stage change (deal id, stage, when).
    PerChange,
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Shape::PerDeal => "one row per deal",
            Shape::PerChange => "one row per stage change",
        })
    }
}

/// How to read `01/02/2025`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateOrder {
    /// Day first: 1 February 2025.
    Dmy,
    /// Month first: 2 January 2025.
    Mdy,
}

/// What was found in the file's header: the shape, the separator, and which
/// column plays which role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub shape: Shape,
    /// The field separator, e.g. `,` or `;`.
    pub separator: char,
    /// Role (e.g. "id", "created", "amount", "stage", "close date",
    /// "entered Qualification") and the column's header as written.
    pub columns: Vec<(String, String)>,
}

/// A row left out (or kept but flagged), with why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowNote {
    /// Line number in the file; the header is line 1.
    pub row: usize,
    /// Why, in words a person understands.
    pub reason: String,
    /// True when the row is used anyway (e.g. stage dates out of order).
    pub kept: bool,
}

/// A CRM stage label found in the file and where it goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LabelUse {
    /// The label as written (first spelling seen; pipeline suffix removed).
    pub label: String,
    /// Rows (per-change) or deals (per-deal) that use it.
    pub uses: usize,
    /// Where it goes; None: not mapped (the fit needs a choice).
    pub target: Option<Target>,
    /// True when `target` came from the default rules, not the user's map.
    pub default: bool,
}

/// What the user decides: the fit's options.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FitOptions {
    /// The world as seen at the end of this day; None: the latest date in the file.
    pub as_of: Option<Day>,
    /// Only deals created on or after this day; None: all.
    pub since: Option<Day>,
    /// How to read dd/mm/yyyy vs mm/dd/yyyy; None: detect (asked if ambiguous).
    pub date_order: Option<DateOrder>,
    /// The user's stage map: CRM label → target, over the defaults. Labels
    /// match case-insensitively, ignoring surrounding spaces and quotes.
    pub stage_map: Vec<(String, Target)>,
}

/// Why a file cannot be fitted: one message for the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum HistoryError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
    /// More data rows than [`MAX_ROWS`].
    TooManyRows,
    /// Empty, or only a header.
    Empty,
    /// Not a deals export: the message names the columns looked for.
    NotADealsExport { found: Vec<String> },
    /// Not CSV at all (the CSV reader's complaint, with its line).
    Unreadable { line: usize, message: String },
    /// Dates like 03/04/2025 and nothing in the file says which is the day.
    AmbiguousDates { example: String },
    /// Both day-first and month-first dates in one file.
    MixedDateOrders {
        day_first: String,
        month_first: String,
    },
    /// Stage labels that map to nothing (the user must choose).
    UnmappedLabels(Vec<String>),
    /// No deal created on or before `as_of` (and on or after `since`).
    NoDeals,
    /// The window holds no complete week up to `as_of`.
    NoCompleteWeek,
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::TooLarge { bytes } => write!(
                f,
                "The file is {} MB; Funnelcast reads exports of up to {} MB.",
                bytes.div_ceil(1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            HistoryError::TooManyRows => write!(
                f,
                "The file has more than {MAX_ROWS} rows; Funnelcast reads exports of up to {MAX_ROWS} rows."
            ),
            HistoryError::Empty => f.write_str("The file holds no rows of deals (it is empty or only a header)."),
            HistoryError::NotADealsExport { found } => write!(
                f,
                "This is not a deals export Funnelcast can read: it looked for one row per deal \
                 (an id column: {}; a created column: {}; and `Date entered \"<stage>\"` columns) \
                 or one row per stage change (a deal id: {}; a stage: {}; when it was entered: {}), \
                 and found the columns {}.",
                read::columns::PER_DEAL_ID.join(", "),
                read::columns::CREATED.join(", "),
                read::columns::PER_CHANGE_ID.join(", "),
                read::columns::PER_CHANGE_STAGE.join(", "),
                read::columns::ENTERED_AT.join(", "),
                if found.is_empty() {
                    "none".to_string()
                } else {
                    found.join(", ")
                }
            ),
            HistoryError::Unreadable { line, message } => {
                write!(f, "The file cannot be read as CSV at line {line}: {message}.")
            }
            HistoryError::AmbiguousDates { example } => write!(
                f,
                "Dates like {example} could be day/month or month/day and nothing in the file tells \
                 which; choose the date order (dmy or mdy)."
            ),
            HistoryError::MixedDateOrders {
                day_first,
                month_first,
            } => write!(
                f,
                "The file has day-first dates ({day_first}) and month-first dates ({month_first}); \
                 choose the date order (dmy or mdy) and the other dates are left out."
            ),
            HistoryError::UnmappedLabels(labels) => write!(
                f,
                "These stage labels map to no funnel stage, won, lost or ignore: {}; choose where each goes.",
                labels.join(", ")
            ),
            HistoryError::NoDeals => f.write_str(
                "No deal was created in the window (on or after \"since\", on or before \"as of\").",
            ),
            HistoryError::NoCompleteWeek => f.write_str(
                "The window holds no complete week up to \"as of\", so leads per week cannot be counted.",
            ),
        }
    }
}

/// The whole outcome of reading and fitting one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryReport {
    /// None when the header itself could not be read.
    pub layout: Option<Layout>,
    /// Data rows read (lines after the header that hold a record).
    pub rows: usize,
    /// The stage labels found and their targets (empty before the header is read).
    pub labels: Vec<LabelUse>,
    /// The date order used (given or detected); None: no such dates in the file.
    pub date_order: Option<DateOrder>,
    /// The fit, or why there is none.
    pub fit: Result<Fit, HistoryError>,
}

/// Reads, assembles and fits `bytes` in one go (the command line, tests).
pub fn analyse(bytes: &[u8], options: &FitOptions) -> HistoryReport {
    let mut reader = match Reader::new(bytes.to_vec()) {
        Ok(reader) => reader,
        Err(e) => return job::failed(None, e),
    };
    loop {
        match reader.step(usize::MAX) {
            Ok(true) => break,
            Ok(false) => {}
            Err(e) => return job::failed(Some(reader.layout().clone()), e),
        }
    }
    job::conclude(reader, options)
}
