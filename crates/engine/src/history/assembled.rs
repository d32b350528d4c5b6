//! A file read and assembled once, then fitted at any `as_of`: the command
//! line's and the app's single fit, and the backtest's fit at every origin
//! (the file is read once, not once per origin).

use super::deals::{assemble, Deal, Labels};
use super::fit::{self, end_of, Fit};
use super::read::Reader;
use super::{DateOrder, Day, FitOptions, HistoryError, LabelUse, Layout, RowNote};

/// Every deal of a file whose stage labels all map, as-of independent.
#[derive(Clone, Debug)]
pub struct Deals {
    deals: Vec<Deal>,
    /// Data rows in the file.
    rows: usize,
    /// Rows left out while reading and rows flagged while assembling.
    notes: Vec<RowNote>,
}

/// What reading and assembling found: the header's facts, then the deals or
/// why there are none (unmapped labels).
#[derive(Clone, Debug)]
pub struct Assembled {
    pub layout: Layout,
    /// Data rows read.
    pub rows: usize,
    pub labels: Vec<LabelUse>,
    pub date_order: Option<DateOrder>,
    pub deals: Result<Deals, HistoryError>,
}

/// Deals won in a window and the sum of their amounts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WonIn {
    pub won: u64,
    /// Sum of the won deals' amounts as known at the window's end (a deal
    /// without an amount adds 0).
    pub revenue: f64,
}

impl Deals {
    /// Dates, labels and deals of a reader that has read every row; Err:
    /// the layout and why the rows cannot be used.
    pub fn from_reader(
        reader: Reader,
        options: &FitOptions,
    ) -> Result<Assembled, (Layout, HistoryError)> {
        let layout = reader.layout().clone();
        let parsed = reader.finish(options.date_order).map_err(|e| (layout, e))?;
        let labels = Labels::collect(&parsed.records, &options.stage_map);
        let deals = labels.check().map(|()| {
            let (deals, flagged) = assemble(&parsed.records, &labels);
            let mut notes = parsed.dropped;
            notes.extend(flagged);
            Deals {
                deals,
                rows: parsed.rows,
                notes,
            }
        });
        Ok(Assembled {
            layout: parsed.layout,
            rows: parsed.rows,
            labels: labels.uses,
            date_order: parsed.date_order,
            deals,
        })
    }

    /// Reads and assembles a whole file in one go (the command line, tests).
    pub fn read(bytes: &[u8], options: &FitOptions) -> Result<Deals, HistoryError> {
        let mut reader = Reader::new(bytes.to_vec())?;
        while !reader.step(usize::MAX)? {}
        Deals::from_reader(reader, options)
            .map_err(|(_, e)| e)?
            .deals
    }

    /// The fit as seen at the end of `options.as_of` (default: the latest
    /// date), the same as reading the file again with these options.
    pub fn fit(&self, options: &FitOptions) -> Result<Fit, HistoryError> {
        fit::fit(&self.deals, self.rows, self.notes.clone(), options)
    }

    /// The default `as_of`: the latest creation, stage entry or close.
    pub fn latest_day(&self) -> Option<Day> {
        fit::latest_day(&self.deals)
    }

    /// The first creation day on or after `since` (all deals when None).
    pub fn first_created(&self, since: Option<Day>) -> Option<Day> {
        self.deals
            .iter()
            .map(|d| Day::of(d.created))
            .filter(|&day| since.is_none_or(|s| day >= s))
            .min()
    }

    /// True when any row of the file has an amount.
    pub fn has_amounts(&self) -> bool {
        self.deals.iter().any(|d| !d.amounts.is_empty())
    }

    /// Deals created on or after `since` that are won as seen at the end of
    /// `to` and were not as seen at the end of `from`: with `from` read as
    /// the end of its day, the wins dated `from + 1` to `to`.
    pub fn won_between(&self, since: Option<Day>, from: Day, to: Day) -> WonIn {
        let (start, end) = (end_of(from), end_of(to));
        let mut won = WonIn::default();
        for deal in self
            .deals
            .iter()
            .filter(|d| d.created < end && since.is_none_or(|s| Day::of(d.created) >= s))
        {
            if let Some(amount) = fit::won_at(deal, end) {
                if fit::won_at(deal, start).is_none() {
                    won.won += 1;
                    won.revenue += amount.filter(|a| a.is_finite()).unwrap_or(0.0);
                }
            }
        }
        won
    }
}
