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
        Day(stamp.div_euclid(86_400) as i32)
    }
    /// The first second of the day.
    pub fn start(self) -> Stamp {
        i64::from(self.0) * 86_400
    }
    /// Reads `YYYY-MM-DD` (the command line's and the app's date inputs).
    pub fn parse_iso(text: &str) -> Option<Day> {
        todo!("E1")
    }
    /// (year, month 1–12, day 1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        (y, m, d)
    }
}

impl fmt::Display for Day {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Reads one date or date-time cell; `order` decides dd/mm vs mm/dd.
/// None: not a date this reader knows.
pub fn parse_stamp(text: &str, order: Option<DateOrder>) -> Option<Stamp> {
    todo!("E1")
}
