//! Dates and times as CRMs write them: ISO 8601 dates and date-times (with
//! or without a zone), epoch milliseconds, and dd/mm/yyyy or mm/dd/yyyy.

use super::DateOrder;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A wall-clock time as written in the file: seconds since 1970-01-01 00:00
/// (a zone, when given, is read and not applied).
pub type Stamp = i64;

const SECONDS_PER_DAY: i64 = 86_400;

/// A calendar day: days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i32);

impl Day {
    /// The day a stamp falls on.
    pub fn of(stamp: Stamp) -> Day {
        let days = stamp.div_euclid(SECONDS_PER_DAY);
        Day(days.clamp(i32::MIN as i64, i32::MAX as i64) as i32)
    }
    /// The first second of the day.
    pub fn start(self) -> Stamp {
        self.0 as i64 * SECONDS_PER_DAY
    }
    /// Reads `YYYY-MM-DD` (the command line's and the app's date inputs).
    pub fn parse_iso(text: &str) -> Option<Day> {
        let mut cursor = Cursor::new(text.trim());
        let day = cursor.iso_date()?;
        cursor.at_end().then_some(day)
    }
    /// (year, month 1–12, day 1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0 as i64)
    }
    /// The day of a calendar date; None when there is no such date.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Day(days_from_civil(year, month, day) as i32))
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
/// Without an order, a year-last date is read only when it reads the same
/// either way or one part is above 12. None: not a date this reader knows.
pub fn parse_stamp(text: &str, order: Option<DateOrder>) -> Option<Stamp> {
    let text = text.trim();
    if let Some(stamp) = epoch_millis(text) {
        return Some(stamp);
    }
    if let Some(stamp) = iso_stamp(text) {
        return Some(stamp);
    }
    year_last_stamp(text, order)
}

/// The first two parts of a year-last date (`03/04/2025` → (3, 4)), the
/// evidence for the file's date order; None for any other form.
pub fn year_last_parts(text: &str) -> Option<(u32, u32)> {
    let mut cursor = Cursor::new(text.trim());
    let (first, second, _) = cursor.year_last_date()?;
    Some((first, second))
}

/// An integer of 11 to 13 digits: milliseconds since 1970 (2001 to 2286
/// as seconds would be 10 digits, so the two cannot be confused).
fn epoch_millis(text: &str) -> Option<Stamp> {
    let digits = (11..=13).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    if !digits {
        return None;
    }
    let millis: i64 = text.parse().ok()?;
    Some(millis.div_euclid(1000))
}

/// `YYYY-MM-DD`, then optionally `T` or a space, a clock time and a zone.
fn iso_stamp(text: &str) -> Option<Stamp> {
    let mut cursor = Cursor::new(text);
    let day = cursor.iso_date()?;
    if cursor.at_end() {
        return Some(day.start());
    }
    if !(cursor.eat(b'T') || cursor.eat(b't') || cursor.eat(b' ')) {
        return None;
    }
    cursor.skip_spaces();
    let seconds = cursor.clock()?;
    cursor.zone()?;
    cursor.at_end().then_some(day.start() + seconds)
}

/// `dd/mm/yyyy` or `mm/dd/yyyy` (also `.` or `-`), optionally a clock time
/// and AM/PM.
fn year_last_stamp(text: &str, order: Option<DateOrder>) -> Option<Stamp> {
    let mut cursor = Cursor::new(text);
    let (first, second, year) = cursor.year_last_date()?;
    let (day, month) = match order {
        Some(DateOrder::Dmy) => (first, second),
        Some(DateOrder::Mdy) => (second, first),
        None if first == second || first > 12 => (first, second),
        None if second > 12 => (second, first),
        None => return None,
    };
    let day = Day::from_ymd(year, month, day)?;
    let mut seconds = 0;
    if !cursor.at_end() {
        if !(cursor.eat(b' ') || cursor.eat(b'T')) {
            return None;
        }
        cursor.skip_spaces();
        seconds = cursor.clock()?;
        cursor.skip_spaces();
        if let Some(pm) = cursor.meridiem() {
            let hour = seconds / 3600;
            if !(1..=12).contains(&hour) {
                return None;
            }
            let hour_24 = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, false) => h,
                (h, true) => h + 12,
            };
            seconds += (hour_24 - hour) * 3600;
        }
        cursor.skip_spaces();
        if !cursor.at_end() {
            return None;
        }
    }
    Some(day.start() + seconds)
}

/// A byte cursor over one cell: the small grammar of dates and times.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            bytes: text.as_bytes(),
            at: 0,
        }
    }
    fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }
    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        if hit {
            self.at += 1;
        }
        hit
    }
    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }
    /// Between `min` and `max` digits.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.at;
        let mut value: u32 = 0;
        while self.at - start < max {
            match self.peek() {
                Some(b) if b.is_ascii_digit() => {
                    value = value * 10 + u32::from(b - b'0');
                    self.at += 1;
                }
                _ => break,
            }
        }
        (self.at - start >= min).then_some(value)
    }
    /// `YYYY-MM-DD` (month and day may have one digit).
    fn iso_date(&mut self) -> Option<Day> {
        let year = self.number(4, 4)?;
        if !self.eat(b'-') {
            return None;
        }
        let month = self.number(1, 2)?;
        if !self.eat(b'-') {
            return None;
        }
        let day = self.number(1, 2)?;
        Day::from_ymd(year as i32, month, day)
    }
    /// `a/b/yyyy` with `/`, `.` or `-` (the same both times): (a, b, year).
    fn year_last_date(&mut self) -> Option<(u32, u32, i32)> {
        let first = self.number(1, 2)?;
        let separator = self.peek().filter(|b| matches!(b, b'/' | b'.' | b'-'))?;
        self.at += 1;
        let second = self.number(1, 2)?;
        if !self.eat(separator) {
            return None;
        }
        let year = self.number(4, 4)?;
        Some((first, second, year as i32))
    }
    /// `HH:MM[:SS[.fraction]]`: seconds since midnight (the fraction dropped).
    fn clock(&mut self) -> Option<i64> {
        let hours = self.number(1, 2)?;
        if !self.eat(b':') {
            return None;
        }
        let minutes = self.number(2, 2)?;
        let mut seconds = 0;
        if self.eat(b':') {
            seconds = self.number(2, 2)?;
            if self.eat(b'.') || self.eat(b',') {
                self.number(1, 9)?;
            }
        }
        if hours > 23 || minutes > 59 || seconds > 60 {
            return None;
        }
        Some(i64::from(hours * 3600 + minutes * 60 + seconds.min(59)))
    }
    /// An optional zone: `Z`, `UTC`, `GMT`, `±HH`, `±HHMM`, `±HH:MM`. Read
    /// and not applied; None when something else follows the time.
    fn zone(&mut self) -> Option<()> {
        self.skip_spaces();
        if self.at_end() {
            return Some(());
        }
        let rest = &self.bytes[self.at..];
        for word in [&b"Z"[..], b"z", b"UTC", b"GMT"] {
            if rest == word {
                self.at = self.bytes.len();
                return Some(());
            }
        }
        if !(self.eat(b'+') || self.eat(b'-')) {
            return None;
        }
        let hours = self.number(2, 2)?;
        let colon = self.eat(b':');
        let minutes = if colon || !self.at_end() {
            self.number(2, 2)?
        } else {
            0
        };
        (hours <= 23 && minutes <= 59).then_some(())
    }
    /// `AM` / `PM` (any case, optional dots): Some(true) for PM.
    fn meridiem(&mut self) -> Option<bool> {
        let rest: Vec<u8> = self.bytes[self.at..]
            .iter()
            .filter(|b| **b != b'.')
            .map(u8::to_ascii_uppercase)
            .collect();
        let pm = match rest.get(..2) {
            Some(b"AM") => false,
            Some(b"PM") => true,
            _ => return None,
        };
        // Consume up to and including the `M` (and a trailing dot).
        while let Some(b) = self.peek() {
            self.at += 1;
            if b.eq_ignore_ascii_case(&b'm') {
                self.eat(b'.');
                break;
            }
        }
        Some(pm)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The calendar date of a day count (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
