//! The calibration game's words and figures, pure and tested natively: a
//! team's typed range read into a [`Range`] (with the field at fault), the
//! mystery scenario's inputs as the presenter shows them (what a manager
//! knows, never the forecast), and the reveal's words.

use crate::game::{score, Range};
use charts::format;
use engine::{LeadsInput, ScenarioInput};

/// What a team typed in its row, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowText {
    pub low: String,
    pub high: String,
    pub revenue_low: String,
    pub revenue_high: String,
}

/// A field of a team's row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowField {
    Low,
    High,
    RevenueLow,
    RevenueHigh,
}

/// Why a row cannot be locked, and the field to fix.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub field: RowField,
    pub message: String,
}

impl RowText {
    /// The row of an entered range (so an unlocked or reloaded row shows it).
    pub fn of(range: &Range) -> RowText {
        let (revenue_low, revenue_high) = match range.revenue {
            Some((lo, hi)) => (number_text(lo), number_text(hi)),
            None => (String::new(), String::new()),
        };
        RowText {
            low: number_text(range.low),
            high: number_text(range.high),
            revenue_low,
            revenue_high,
        }
    }

    /// The text of `field`.
    pub fn get(&self, field: RowField) -> &str {
        match field {
            RowField::Low => &self.low,
            RowField::High => &self.high,
            RowField::RevenueLow => &self.revenue_low,
            RowField::RevenueHigh => &self.revenue_high,
        }
    }

    /// The row with `field` set to `text`.
    pub fn with(&self, field: RowField, text: String) -> RowText {
        let mut row = self.clone();
        *match field {
            RowField::Low => &mut row.low,
            RowField::High => &mut row.high,
            RowField::RevenueLow => &mut row.revenue_low,
            RowField::RevenueHigh => &mut row.revenue_high,
        } = text;
        row
    }

    /// The range the row holds, or the first problem in it.
    pub fn parse(&self) -> Result<Range, RowProblem> {
        let problem = |field, message: String| RowProblem { field, message };
        let low = read(&self.low, "the low end of deals won")
            .map_err(|m| problem(RowField::Low, m))?
            .ok_or_else(|| problem(RowField::Low, "Enter the low end of deals won.".into()))?;
        let high = read(&self.high, "the high end of deals won")
            .map_err(|m| problem(RowField::High, m))?
            .ok_or_else(|| problem(RowField::High, "Enter the high end of deals won.".into()))?;
        if low > high {
            return Err(problem(
                RowField::High,
                format!("The high end ({high}) is below the low end ({low})."),
            ));
        }
        let rev_low = read(&self.revenue_low, "the low end of revenue")
            .map_err(|m| problem(RowField::RevenueLow, m))?;
        let rev_high = read(&self.revenue_high, "the high end of revenue")
            .map_err(|m| problem(RowField::RevenueHigh, m))?;
        let revenue = match (rev_low, rev_high) {
            (None, None) => None,
            (Some(_), None) => {
                return Err(problem(
                    RowField::RevenueHigh,
                    "Enter both ends of the revenue range, or neither.".into(),
                ))
            }
            (None, Some(_)) => {
                return Err(problem(
                    RowField::RevenueLow,
                    "Enter both ends of the revenue range, or neither.".into(),
                ))
            }
            (Some(lo), Some(hi)) if lo > hi => {
                return Err(problem(
                    RowField::RevenueHigh,
                    "The revenue's high end is below its low end.".into(),
                ))
            }
            (Some(lo), Some(hi)) => Some((lo, hi)),
        };
        Ok(Range { low, high, revenue })
    }
}

/// A number as typed: thousands separators and spaces allowed, `k` and `M`
/// suffixes (revenue); empty is None.
fn read(text: &str, what: &str) -> Result<Option<f64>, String> {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .collect();
    if clean.is_empty() {
        return Ok(None);
    }
    let (digits, scale) = match clean.chars().last() {
        Some('k' | 'K') => (&clean[..clean.len() - 1], 1e3),
        Some('m' | 'M') => (&clean[..clean.len() - 1], 1e6),
        _ => (clean.as_str(), 1.0),
    };
    match digits.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v * scale)),
        Ok(_) => Err(format!("{} must be 0 or more.", capitalised(what))),
        Err(_) => Err(format!(
            "{} must be a number (“{}” is not).",
            capitalised(what),
            text.trim()
        )),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A number as a field shows it: whole numbers without decimals.
fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A range as the room reads it: `12–20`.
pub fn range_text(low: f64, high: f64) -> String {
    format!("{}–{}", format::mean(low), format::mean(high))
}

/// "Hit" or "Miss": the word beside a range (never colour alone).
pub fn hit_word(low: f64, high: f64, actual: f64) -> &'static str {
    if score::hit(low, high, actual) {
        "Hit"
    } else {
        "Miss"
    }
}

/// The one-line explanation under the scoreboard.
pub const INTERVAL_SCORE_LINE: &str =
    "Interval score: the range's width plus 10× how far the actual fell outside it; lower is better.";

/// One stage of the mystery scenario as the presenter shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageFigures {
    pub name: String,
    /// `"45 %"`.
    pub rate: String,
    /// `"12 days"`.
    pub days: String,
    /// Open deals in the stage now (`"—"` where there is no pipeline).
    pub open: String,
}

/// The headline numbers of the mystery scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Presenter {
    /// Leads per week, e.g. `"120"`.
    pub leads: String,
    /// Said when leads come in bursts, or the market moves the rates.
    pub notes: Vec<&'static str>,
    pub stages: Vec<StageFigures>,
    /// Deal value: the median and 90th percentile (currency units).
    pub value_median: Option<f64>,
    pub value_p90: Option<f64>,
    /// `"13 weeks"`.
    pub horizon: String,
}

/// What a manager knows of `input`: leads, each stage's rate, days and open
/// deals, the deal value and the horizon. No forecast.
pub fn presenter(input: &ScenarioInput) -> Presenter {
    let leads = match &input.leads {
        LeadsInput::PerWeek(n) => format::count(*n),
        LeadsInput::Count(n) => format!("{} (one batch)", format::count(*n)),
    };
    let mut notes = Vec::new();
    if input.lead_dispersion.is_some() {
        notes.push("Leads come in bursts: some weeks far more than others.");
    }
    if input.market.is_some() {
        notes.push("The market's mood moves every stage's rate up or down together this quarter.");
    }
    let pipeline = input.pipeline.as_deref().unwrap_or(&[]);
    let stages = input
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| StageFigures {
            name: s.name.clone(),
            rate: format::percent(s.rate),
            days: s
                .days
                .map(|d| format!("{} days", format::mean(d)))
                .unwrap_or_else(|| "–".to_owned()),
            open: pipeline
                .get(i)
                .map(|&n| format::count(n))
                .unwrap_or_else(|| "—".to_owned()),
        })
        .collect();
    Presenter {
        leads,
        notes,
        stages,
        value_median: input.deal_value.map(|v| v.median),
        value_p90: input.deal_value.map(|v| v.p90),
        horizon: input
            .horizon_weeks
            .map(|w| format!("{} weeks", format::mean(w)))
            .unwrap_or_else(|| "–".to_owned()),
    }
}

#[cfg(test)]
mod tests;
