//! From bytes to records: the CSV itself (a real CSV reader: quotes, CRLF,
//! a UTF-8 BOM, `,` `;` or tab separators), the header's shape and columns,
//! and each row's id, dates, amount and stages, with every row that cannot be
//! used listed with its line and a reason.

pub(super) mod columns;
mod rows;
mod table;

use super::dates::Stamp;
use super::{DateOrder, HistoryError, Layout, RowNote, MAX_FILE_BYTES, MAX_ROWS};
use columns::Columns;
use std::hash::{DefaultHasher, Hash, Hasher};
use table::Table;

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
    table: Table,
    columns: Columns,
    layout: Layout,
    /// The rows read so far, only the cells the roles need.
    rows: Vec<RawRow>,
    max_rows: usize,
    record: csv::StringRecord,
    done: bool,
    /// A failure met while reading, repeated on every later call.
    failed: Option<HistoryError>,
}

/// One data row as read: its line, a hash of all its cells (to find
/// identical rows without keeping them), and the kept cells, trimmed.
struct RawRow {
    line: usize,
    hash: u64,
    cells: Vec<String>,
}

impl Reader {
    /// Checks the size cap, reads the header and finds the shape and columns.
    pub fn new(bytes: Vec<u8>) -> Result<Reader, HistoryError> {
        Reader::with_caps(bytes, MAX_FILE_BYTES, MAX_ROWS)
    }

    fn with_caps(
        bytes: Vec<u8>,
        max_bytes: usize,
        max_rows: usize,
    ) -> Result<Reader, HistoryError> {
        if bytes.len() > max_bytes {
            return Err(HistoryError::TooLarge { bytes: bytes.len() });
        }
        let mut table = Table::open(table::decode(bytes));
        let mut record = csv::StringRecord::new();
        let header = loop {
            match table.next(&mut record) {
                Ok(Some(_)) if is_blank(&record) => continue,
                Ok(Some(_)) => break record.iter().map(str::to_string).collect::<Vec<_>>(),
                Ok(None) => return Err(HistoryError::Empty),
                Err((line, message)) => return Err(HistoryError::Unreadable { line, message }),
            }
        };
        let separator = char::from(table.separator);
        let Some((columns, layout)) = columns::detect(&header, separator) else {
            let found = header
                .iter()
                .map(|name| name.trim().to_string())
                .filter(|name| !name.is_empty())
                .collect();
            return Err(HistoryError::NotADealsExport { found });
        };
        Ok(Reader {
            table,
            columns,
            layout,
            rows: Vec::new(),
            max_rows,
            record,
            done: false,
            failed: None,
        })
    }

    pub fn layout(&self) -> &crate::history::Layout {
        &self.layout
    }

    /// Reads up to `max_rows` more rows; true once the file is read.
    pub fn step(&mut self, max_rows: usize) -> Result<bool, HistoryError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        for _ in 0..max_rows.max(1) {
            if self.done {
                break;
            }
            match self.table.next(&mut self.record) {
                Ok(Some(_)) if is_blank(&self.record) => {}
                Ok(Some(line)) => {
                    if self.rows.len() == self.max_rows {
                        return Err(self.fail(HistoryError::TooManyRows));
                    }
                    let row = self.keep(line);
                    self.rows.push(row);
                }
                Ok(None) => self.done = true,
                Err((line, message)) => {
                    return Err(self.fail(HistoryError::Unreadable { line, message }));
                }
            }
        }
        Ok(self.done)
    }

    fn fail(&mut self, error: HistoryError) -> HistoryError {
        self.failed = Some(error.clone());
        error
    }

    fn keep(&self, line: usize) -> RawRow {
        let mut hasher = DefaultHasher::new();
        for cell in &self.record {
            cell.hash(&mut hasher);
        }
        let cells = self
            .columns
            .kept
            .iter()
            .map(|&i| self.record.get(i).unwrap_or("").trim().to_string())
            .collect();
        RawRow {
            line,
            hash: hasher.finish(),
            cells,
        }
    }

    /// Share of the file read (0 to 1).
    pub fn progress(&self) -> f64 {
        if self.done {
            1.0
        } else {
            self.table.progress()
        }
    }

    /// Once read: dates (detecting the order unless given), amounts and
    /// currencies, duplicates. Reads whatever is left first.
    pub fn finish(mut self, order: Option<DateOrder>) -> Result<Parsed, HistoryError> {
        while !self.step(4096)? {}
        if self.rows.is_empty() {
            return Err(HistoryError::Empty);
        }
        rows::parse(self.rows, self.columns, self.layout, order)
    }
}

/// A record of empty cells only (`,,,`): no row at all.
fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// Reads a whole file at once: [`Reader::new`], every step, [`Reader::finish`].
pub fn read_all(bytes: Vec<u8>, order: Option<DateOrder>) -> Result<Parsed, HistoryError> {
    Reader::new(bytes)?.finish(order)
}

#[cfg(test)]
mod fuzz_tests;
#[cfg(test)]
mod rows_tests;
#[cfg(test)]
mod tests;
