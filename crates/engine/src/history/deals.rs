//! Records → deals: stage labels mapped to the funnel, each deal's entries,
//! close and amount, flags for stage dates out of order.

use super::dates::{Day, Stamp};
use super::read::{Record, RecordKind};
use super::stages::{normalise, Target};
use super::{HistoryError, LabelUse, RowNote};
use std::collections::HashMap;

/// One deal's history, as-of independent: the fit decides what is known when.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    /// The deal's first line in the file.
    pub line: usize,
    pub created: Stamp,
    /// Mapped entries (never [`Target::Ignore`]): funnel stages, won, lost.
    pub entries: Vec<(Target, Stamp)>,
    /// Amounts and from when each is known: per deal one, known from the
    /// start ([`Stamp::MIN`]); per change each row's, from its time.
    pub amounts: Vec<(Stamp, f64)>,
}

/// The file's stage labels and where each goes, in order of first use.
pub struct Labels {
    pub uses: Vec<LabelUse>,
    /// Normalised label → index in `uses`.
    index: HashMap<String, usize>,
    /// Label as written → index in `uses` (saves normalising every cell).
    written: HashMap<String, usize>,
}

impl Labels {
    /// Every label the records use, mapped by `stage_map` over the defaults.
    pub fn collect(records: &[Record], stage_map: &[(String, Target)]) -> Labels {
        let mut labels = Labels {
            uses: Vec::new(),
            index: HashMap::new(),
            written: HashMap::new(),
        };
        let map: HashMap<String, Target> = stage_map
            .iter()
            .map(|(label, target)| (normalise(&strip_pipeline(label)), *target))
            .collect();
        let mut seen = Vec::new();
        for record in records {
            // A label counts once per deal (per-deal) or per row (per-change).
            seen.clear();
            match &record.kind {
                RecordKind::Deal { stage, entered, .. } => {
                    for (label, _) in entered {
                        seen.push(labels.find_or_add(label, &map));
                    }
                    if let Some(stage) = stage.as_deref().filter(|s| !s.trim().is_empty()) {
                        seen.push(labels.find_or_add(stage, &map));
                    }
                }
                RecordKind::Change { stage, .. } => seen.push(labels.find_or_add(stage, &map)),
            }
            seen.sort_unstable();
            seen.dedup();
            for &i in &seen {
                labels.uses[i].uses += 1;
            }
        }
        labels
    }

    /// The labels that map to nothing, sorted; Err when there are any.
    pub fn check(&self) -> Result<(), HistoryError> {
        let mut unmapped: Vec<String> = self
            .uses
            .iter()
            .filter(|u| u.target.is_none())
            .map(|u| u.label.clone())
            .collect();
        if unmapped.is_empty() {
            return Ok(());
        }
        unmapped.sort();
        Err(HistoryError::UnmappedLabels(unmapped))
    }

    /// Where a label goes (None: unmapped; [`Labels::check`] refuses those).
    fn target(&self, label: &str) -> Option<Target> {
        let i = match self.written.get(label) {
            Some(&i) => i,
            None => *self.index.get(&normalise(&strip_pipeline(label)))?,
        };
        self.uses[i].target
    }

    fn find_or_add(&mut self, label: &str, map: &HashMap<String, Target>) -> usize {
        if let Some(&i) = self.written.get(label) {
            return i;
        }
        let shown = strip_pipeline(label).trim().to_owned();
        let key = normalise(&shown);
        let i = *self.index.entry(key.clone()).or_insert_with(|| {
            let (target, default) = match map.get(&key) {
                Some(&t) => (Some(t), false),
                None => (Target::default_for(&key), true),
            };
            self.uses.push(LabelUse {
                label: shown,
                uses: 0,
                target,
                default,
            });
            self.uses.len() - 1
        });
        self.written.insert(label.to_owned(), i);
        i
    }
}

/// A label without a trailing ` (… Pipeline)` bracket.
fn strip_pipeline(label: &str) -> String {
    let trimmed = label.trim();
    if let Some(open) = trimmed.rfind(" (") {
        let bracket = &trimmed[open..];
        if bracket.ends_with(')') && bracket.to_lowercase().contains("pipeline") {
            return trimmed[..open].to_owned();
        }
    }
    trimmed.to_owned()
}

/// The deals of a file whose labels all map (see [`Labels::check`]), in
/// order of first line, and the per-deal rows whose stage dates are out of
/// order (kept, flagged).
pub fn assemble(records: &[Record], labels: &Labels) -> (Vec<Deal>, Vec<RowNote>) {
    let mut deals = Vec::new();
    let mut flagged = Vec::new();
    // Per-change rows, grouped by deal id in order of first appearance.
    let mut changes: Vec<Vec<&Record>> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for record in records {
        match &record.kind {
            RecordKind::Deal { .. } => {
                if let Some((deal, note)) = per_deal(record, labels) {
                    deals.push(deal);
                    flagged.extend(note);
                }
            }
            RecordKind::Change { .. } => {
                let i = *by_id.entry(record.deal.as_str()).or_insert_with(|| {
                    changes.push(Vec::new());
                    changes.len() - 1
                });
                changes[i].push(record);
            }
        }
    }
    deals.extend(changes.iter().map(|rows| per_change(rows, labels)));
    deals.sort_by_key(|d| d.line);
    (deals, flagged)
}

fn per_deal(record: &Record, labels: &Labels) -> Option<(Deal, Option<RowNote>)> {
    let RecordKind::Deal {
        created,
        amount,
        stage,
        close,
        entered,
    } = &record.kind
    else {
        return None;
    };
    let mut entries: Vec<(Target, Stamp)> = Vec::with_capacity(entered.len() + 1);
    let mut written: Vec<(&str, Target, Stamp)> = Vec::with_capacity(entered.len());
    for (label, at) in entered {
        match labels.target(label) {
            Some(Target::Ignore) | None => {}
            Some(target) => {
                entries.push((target, *at));
                written.push((label, target, *at));
            }
        }
    }
    let latest = entries.iter().map(|&(_, at)| at).fold(*created, Stamp::max);
    let is_close = |t: Target| matches!(t, Target::Won | Target::Lost);
    let has_close = entries.iter().any(|&(t, _)| is_close(t));
    match stage.as_deref().and_then(|s| labels.target(s)) {
        Some(t @ (Target::Won | Target::Lost)) if !has_close => {
            entries.push((t, close.unwrap_or(latest)));
        }
        // A file without this stage's date column cannot place the entry in
        // time: the latest date the deal shows is the best bound.
        Some(Target::Stage(k))
            if !has_close
                && !entries
                    .iter()
                    .any(|&(t, _)| matches!(t, Target::Stage(j) if j >= k)) =>
        {
            entries.push((Target::Stage(k), latest));
        }
        _ => {}
    }
    let note = out_of_order(record.line, *created, &written);
    let deal = Deal {
        line: record.line,
        created: *created,
        entries,
        amounts: amount.map(|a| (Stamp::MIN, a)).into_iter().collect(),
    };
    Some((deal, note))
}

/// Rank in the funnel's order for dates that must not go backwards: the
/// stages, then the win (a loss may follow any stage).
fn order_rank(target: Target) -> Option<usize> {
    match target {
        Target::Stage(k) => Some(k),
        Target::Won => Some(usize::MAX),
        Target::Lost | Target::Ignore => None,
    }
}

/// What is out of order in a per-deal row's dates, if anything: an entry
/// before the creation, or a later stage entered before an earlier one.
fn out_of_order(line: usize, created: Stamp, written: &[(&str, Target, Stamp)]) -> Option<RowNote> {
    let describe = |label: &str, at: Stamp| format!("“Date entered {label}” ({})", Day::of(at));
    let before_creation =
        written
            .iter()
            .find(|&&(_, _, at)| at < created)
            .map(|&(label, _, at)| {
                format!(
                    "{} is before the deal was created ({})",
                    describe(label, at),
                    Day::of(created)
                )
            });
    let backwards = || {
        written.iter().find_map(|&(early_label, early, early_at)| {
            let early_rank = order_rank(early)?;
            written.iter().find_map(|&(late_label, late, late_at)| {
                let late_rank = order_rank(late)?;
                (late_rank > early_rank && late_at < early_at).then(|| {
                    format!(
                        "{} is before {}",
                        describe(late_label, late_at),
                        describe(early_label, early_at)
                    )
                })
            })
        })
    };
    let reason = before_creation.or_else(backwards)?;
    Some(RowNote {
        row: line,
        reason: format!("stage dates out of order: {reason}; kept"),
        kept: true,
    })
}

fn per_change(rows: &[&Record], labels: &Labels) -> Deal {
    let mut rows: Vec<(Stamp, usize, &str, Option<f64>)> = rows
        .iter()
        .filter_map(|r| match &r.kind {
            RecordKind::Change { stage, at, amount } => {
                Some((*at, r.line, stage.as_str(), *amount))
            }
            RecordKind::Deal { .. } => None,
        })
        .collect();
    rows.sort_by_key(|&(at, line, _, _)| (at, line));
    let created = rows.first().map_or(0, |r| r.0);
    let line = rows.iter().map(|r| r.1).min().unwrap_or(0);
    let entries = rows
        .iter()
        .filter_map(|&(at, _, label, _)| match labels.target(label) {
            Some(Target::Ignore) | None => None,
            Some(target) => Some((target, at)),
        })
        .collect();
    let amounts = rows
        .iter()
        .filter_map(|&(at, _, _, amount)| amount.map(|a| (at, a)))
        .collect();
    Deal {
        line,
        created,
        entries,
        amounts,
    }
}
