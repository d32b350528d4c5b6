//! From bytes to records: the CSV itself (a real CSV reader: quotes, CRLF,
//! a UTF-8 BOM, `,` `;` or tab separators), the header's shape and columns,
//! and each row's id, dates, amount and stages, with every row that cannot be
//! used listed with its line and a reason.

use super::dates::Stamp;
use super::{DateOrder, HistoryError, Layout, RowNote};

/// One usable row.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Line number in the file (header = line 1).
    pub line: usize,
    /// The deal's id as written (trimmed).
    pub deal: String,
    pub kind: RecordKind,
}

/// What a row says, by shape.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordKind {
    /// One row per deal.
    Deal {
        created: Stamp,
        /// In the file's main currency (or the company-currency column).
        amount: Option<f64>,
        /// The current stage's label as written, if the file has the column.
        stage: Option<String>,
        /// `Close Date`, if the file has the column and the cell is filled.
        close: Option<Stamp>,
        /// (stage label without the pipeline suffix, when it was entered), in
        /// column order, filled cells only.
        entered: Vec<(String, Stamp)>,
    },
    /// One row per stage change.
    Change {
        /// The stage label as written (trimmed).
        stage: String,
        /// When the deal entered it.
        at: Stamp,
        amount: Option<f64>,
    },
}

/// A whole file read.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub layout: Layout,
    /// Data rows read.
    pub rows: usize,
    /// The date order used; None when no date needed one.
    pub date_order: Option<DateOrder>,
    pub records: Vec<Record>,
    /// Rows left out while reading, by line.
    pub dropped: Vec<RowNote>,
}

/// Reads a file in steps (a worker reports progress between them).
pub struct Reader {
    // E1
}

impl Reader {
    /// Checks the size cap, reads the header and finds the shape and columns.
    pub fn new(bytes: Vec<u8>) -> Result<Reader, HistoryError> {
        todo!("E1")
    }

    pub fn layout(&self) -> &crate::history::Layout {
        todo!("E1")
    }

    /// Reads up to `max_rows` more rows; true once the file is read.
    pub fn step(&mut self, max_rows: usize) -> Result<bool, HistoryError> {
        todo!("E1")
    }

    /// Share of the file read (0 to 1).
    pub fn progress(&self) -> f64 {
        todo!("E1")
    }

    /// Once read: dates (detecting the order unless given), amounts and
    /// currencies, duplicates. Reads whatever is left first.
    pub fn finish(self, order: Option<DateOrder>) -> Result<Parsed, HistoryError> {
        todo!("E1")
    }
}
