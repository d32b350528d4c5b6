//! Rows → records: the date order (given, or detected over the whole
//! file), each cell read, the file's main currency, duplicates, and a
//! reason for every row left out.

use super::columns::Columns;
use super::{Parsed, RawRow, Record, RecordKind};
use crate::history::amounts::{currency_of, parse_amount, same_currency};
use crate::history::dates::{parse_stamp, year_last_parts, Stamp};
use crate::history::{DateOrder, HistoryError, Layout, RowNote, Shape};
use std::collections::HashMap;

/// A row read, before the currency and per-deal duplicate checks.
struct Candidate {
    line: usize,
    deal: String,
    kind: RecordKind,
    /// The amount's currency, when the row has an amount and names one.
    currency: Option<String>,
}

pub fn parse(
    rows: Vec<RawRow>,
    columns: Columns,
    layout: Layout,
    order: Option<DateOrder>,
) -> Result<Parsed, HistoryError> {
    let order = match order {
        Some(order) => Some(order),
        None => detect_order(&rows, &columns)?,
    };
    let comma_decimal = layout.separator == ';';
    let reader = CellReader {
        columns: &columns,
        order,
        comma_decimal,
    };
    let mut dropped = Vec::new();
    let mut candidates = Vec::new();
    let mut first_of_hash: HashMap<u64, usize> = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        let first = *first_of_hash.entry(row.hash).or_insert(index);
        let identical = first != index && rows[first].cells == row.cells;
        let outcome = if identical && reader.id(row).is_ok() {
            Err(format!(
                "duplicate row: identical to line {}",
                rows[first].line
            ))
        } else {
            reader.candidate(row)
        };
        match outcome {
            Ok(candidate) => candidates.push(candidate),
            Err(reason) => dropped.push(note(row.line, reason)),
        }
    }
    let main = (!columns.company_currency)
        .then(|| main_currency(&candidates))
        .flatten();
    let mut records = Vec::with_capacity(candidates.len());
    let mut first_of_deal: HashMap<String, usize> = HashMap::new();
    for candidate in candidates {
        if let (Some(main), Some(currency)) = (&main, &candidate.currency) {
            if !same_currency(main, currency) {
                let reason = format!("amount in {currency}, the file's main currency is {main}");
                dropped.push(note(candidate.line, reason));
                continue;
            }
        }
        if columns.shape == Shape::PerDeal {
            if let Some(line) = first_of_deal.get(&candidate.deal) {
                let reason = format!("duplicate deal: the same deal id as line {line}");
                dropped.push(note(candidate.line, reason));
                continue;
            }
            first_of_deal.insert(candidate.deal.clone(), candidate.line);
        }
        records.push(Record {
            line: candidate.line,
            deal: candidate.deal,
            kind: candidate.kind,
        });
    }
    dropped.sort_by_key(|n| n.row);
    Ok(Parsed {
        layout,
        rows: rows.len(),
        date_order: order,
        records,
        dropped,
    })
}

fn note(row: usize, reason: String) -> RowNote {
    RowNote {
        row,
        reason,
        kept: false,
    }
}

/// The date order the file's year-last dates show: a first part above 12
/// anywhere ⇒ day first; a second part above 12 ⇒ month first; both ⇒
/// mixed; neither, with dates that read differently either way ⇒ ambiguous.
fn detect_order(rows: &[RawRow], columns: &Columns) -> Result<Option<DateOrder>, HistoryError> {
    let mut slots = vec![columns.when];
    slots.extend(columns.close);
    slots.extend(columns.entered.iter().map(|(slot, _)| *slot));
    let mut day_first: Option<&str> = None;
    let mut month_first: Option<&str> = None;
    let mut ambiguous: Option<&str> = None;
    for row in rows {
        for &slot in &slots {
            let cell = row.cells[slot].as_str();
            let Some((first, second)) = year_last_parts(cell) else {
                continue;
            };
            if first > 12 && parse_stamp(cell, Some(DateOrder::Dmy)).is_some() {
                day_first.get_or_insert(cell);
            } else if second > 12 && parse_stamp(cell, Some(DateOrder::Mdy)).is_some() {
                month_first.get_or_insert(cell);
            } else if first != second && first <= 12 && second <= 12 {
                ambiguous.get_or_insert(cell);
            }
        }
    }
    match (day_first, month_first, ambiguous) {
        (Some(d), Some(m), _) => Err(HistoryError::MixedDateOrders {
            day_first: d.to_string(),
            month_first: m.to_string(),
        }),
        (Some(_), None, _) => Ok(Some(DateOrder::Dmy)),
        (None, Some(_), _) => Ok(Some(DateOrder::Mdy)),
        (None, None, Some(example)) => Err(HistoryError::AmbiguousDates {
            example: example.to_string(),
        }),
        (None, None, None) => Ok(None),
    }
}

/// Reads one row's cells, or says why the row is left out.
struct CellReader<'a> {
    columns: &'a Columns,
    order: Option<DateOrder>,
    comma_decimal: bool,
}

impl CellReader<'_> {
    fn name(&self, slot: usize) -> &str {
        &self.columns.names[slot]
    }

    fn id(&self, row: &RawRow) -> Result<String, String> {
        let id = self.columns.id.map_or("", |slot| row.cells[slot].as_str());
        if id.is_empty() {
            return Err(match self.columns.id {
                Some(slot) => format!("no deal id (column {} is empty)", self.name(slot)),
                None => "no deal id (the file has no id column)".to_string(),
            });
        }
        Ok(id.to_string())
    }

    /// An optional date: None when the cell is empty.
    fn date(&self, row: &RawRow, slot: usize) -> Result<Option<Stamp>, String> {
        let cell = row.cells[slot].as_str();
        if cell.is_empty() {
            return Ok(None);
        }
        match parse_stamp(cell, self.order) {
            Some(stamp) => Ok(Some(stamp)),
            None => {
                let hint = match (year_last_parts(cell), self.order) {
                    (Some(_), Some(DateOrder::Dmy)) => " (dates are read day first)",
                    (Some(_), Some(DateOrder::Mdy)) => " (dates are read month first)",
                    _ => "",
                };
                Err(format!(
                    "column {}: \"{cell}\" is not a date{hint}",
                    self.name(slot)
                ))
            }
        }
    }

    fn required_date(&self, row: &RawRow, slot: usize) -> Result<Stamp, String> {
        self.date(row, slot)?
            .ok_or_else(|| format!("column {} is empty", self.name(slot)))
    }

    /// The amount and its currency: the cell's own code or symbol, else
    /// the currency column's (which also names a bare `$`).
    fn amount(&self, row: &RawRow) -> Result<(Option<f64>, Option<String>), String> {
        let Some(slot) = self.columns.amount else {
            return Ok((None, None));
        };
        let cell = row.cells[slot].as_str();
        if cell.is_empty() {
            return Ok((None, None));
        }
        let Some(amount) = parse_amount(cell, self.comma_decimal) else {
            return Err(format!(
                "column {}: \"{cell}\" is not a number",
                self.name(slot)
            ));
        };
        let column = self.columns.currency.and_then(|slot| {
            let cell = row.cells[slot].as_str();
            (!cell.is_empty()).then(|| currency_of(cell).unwrap_or_else(|| cell.to_uppercase()))
        });
        let currency = match (amount.currency, column) {
            (Some(cell), Some(column)) if cell.len() != 3 && same_currency(&cell, &column) => {
                Some(column)
            }
            (Some(cell), _) => Some(cell),
            (None, column) => column,
        };
        Ok((Some(amount.value), currency))
    }

    fn candidate(&self, row: &RawRow) -> Result<Candidate, String> {
        let deal = self.id(row)?;
        let (amount, currency) = self.amount(row)?;
        let kind = match self.columns.shape {
            Shape::PerDeal => self.deal(row, amount)?,
            Shape::PerChange => self.change(row, amount)?,
        };
        Ok(Candidate {
            line: row.line,
            deal,
            kind,
            currency,
        })
    }

    fn deal(&self, row: &RawRow, amount: Option<f64>) -> Result<RecordKind, String> {
        let created = self.required_date(row, self.columns.when)?;
        let close = match self.columns.close {
            Some(slot) => self.date(row, slot)?,
            None => None,
        };
        let mut entered = Vec::new();
        for (slot, label) in &self.columns.entered {
            if let Some(at) = self.date(row, *slot)? {
                entered.push((label.clone(), at));
            }
        }
        let stage = self
            .columns
            .stage
            .map(|slot| row.cells[slot].clone())
            .filter(|stage| !stage.is_empty());
        Ok(RecordKind::Deal {
            created,
            amount,
            stage,
            close,
            entered,
        })
    }

    fn change(&self, row: &RawRow, amount: Option<f64>) -> Result<RecordKind, String> {
        let stage = self
            .columns
            .stage
            .map_or("", |slot| row.cells[slot].as_str());
        if stage.is_empty() {
            let column = self.columns.stage.map_or("", |slot| self.name(slot));
            return Err(format!("no stage (column {column} is empty)"));
        }
        let at = self.required_date(row, self.columns.when)?;
        Ok(RecordKind::Change {
            stage: stage.to_string(),
            at,
            amount,
        })
    }
}

/// The most frequent currency among rows with an amount that name one
/// (the first seen on a tie).
fn main_currency(candidates: &[Candidate]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for currency in candidates.iter().filter_map(|c| c.currency.as_deref()) {
        match counts.iter_mut().find(|(seen, _)| *seen == currency) {
            Some(count) => count.1 += 1,
            None => counts.push((currency, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (currency, count) in counts {
        if best.is_none_or(|(_, most)| count > most) {
            best = Some((currency, count));
        }
    }
    best.map(|(currency, _)| currency.to_string())
}
