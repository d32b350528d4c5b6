//! Dates and times as CRMs write them: ISO 8601 dates and date-times (with
//! or without a zone), epoch milliseconds, and dd/mm/yyyy or mm/dd/yyyy.

use super::DateOrder;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A wall-clock time as written in the file: seconds since 1970-01-01 00:00
/// (a zone, when given, is read and not applied).
pub type Stamp = i64;

/// A calendar day: days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i32);

impl Day {
    /// The day a stamp falls on.
    pub fn of(stamp: Stamp) -> Day {
        todo!("E1")
    }
    /// The first second of the day.
    pub fn start(self) -> Stamp {
        todo!("E1")
    }
    /// Reads `YYYY-MM-DD` (the command line's and the app's date inputs).
    pub fn parse_iso(text: &str) -> Option<Day> {
        todo!("E1")
    }
    /// (year, month 1–12, day 1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        todo!("E1")
    }
}

impl fmt::Display for Day {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!("E1")
    }
}

/// Reads one date or date-time cell; `order` decides dd/mm vs mm/dd.
/// None: not a date this reader knows.
pub fn parse_stamp(text: &str, order: Option<DateOrder>) -> Option<Stamp> {
    todo!("E1")
}
