//! The words and files of the history import, from the engine's fit: dates
//! as people read them, a stage's rate with its interval, "k of n", the
//! notice after "Use these numbers", and the left-out rows as CSV.

#[cfg(test)]
mod tests;

use charts::format::{count, csv_field, percent};
use engine::history::{Day, RowNote, StageFit};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `30 Nov 2026`.
pub fn day_long(day: Day) -> String {
    let (y, m, d) = day.ymd();
    let month = MONTHS.get(m.saturating_sub(1) as usize).unwrap_or(&"");
    format!("{d} {month} {y}")
}

/// The notice once fitted numbers are in the draft.
pub fn fitted_notice(file: &str, deals: usize, as_of: Day) -> String {
    format!(
        "Fitted from {file}: {} deals, as of {}",
        count(deals as f64),
        day_long(as_of)
    )
}

/// `42 % (35–49 %)`, or `–` without evidence.
pub fn rate_with_interval(stage: &StageFit) -> String {
    match stage.rate {
        Some(rate) => format!(
            "{} ({}–{})",
            percent(rate),
            percent(stage.rate_p05).trim_end_matches(" %"),
            percent(stage.rate_p95)
        ),
        None => "–".to_owned(),
    }
}

/// A stage row's history in words, from the form's rate (percent) and
/// evidence texts: "k of n moved on" (Closing: "k of n won"), k = round(r·n).
/// None when either is missing, or for the stage after the sale.
pub fn k_of_n(stage: usize, rate_percent: &str, evidence: &str) -> Option<String> {
    let rate = rate_percent.trim().parse::<f64>().ok()?;
    let n = evidence.trim().parse::<f64>().ok()?;
    let whole = (1.0..=1e12).contains(&n) && n.fract() == 0.0;
    if stage > 5 || !whole || !(0.0..=100.0).contains(&rate) {
        return None;
    }
    let k = (rate / 100.0 * n).round();
    let outcome = if stage == 5 { "won" } else { "moved on" };
    Some(format!("{} of {} {outcome}", count(k), count(n)))
}

/// The rows left out (and those kept but flagged), one per line, ready for a
/// spreadsheet (cells neutralised like every export).
pub fn notes_csv(notes: &[RowNote]) -> String {
    let mut out = String::from("line,reason,used\n");
    for note in notes {
        let used = if note.kept { "yes (flagged)" } else { "no" };
        out.push_str(&format!(
            "{},{},{used}\n",
            note.row,
            csv_field(&note.reason)
        ));
    }
    out
}
