//! The header: which column plays which role, and so the file's shape.
//! Names match case-insensitively, ignoring surrounding spaces and quotes.

use crate::history::{Layout, Shape};

/// Per-deal id columns, in order of preference.
pub const PER_DEAL_ID: [&str; 5] = ["Record ID", "Deal ID", "Opportunity ID", "Id", "deal_id"];
/// Per-deal created columns.
pub const CREATED: [&str; 5] = [
    "Create Date",
    "Created Date",
    "CreatedDate",
    "created_at",
    "add_time",
];
/// The amount already converted to one currency (HubSpot).
pub const COMPANY_AMOUNT: &str = "Amount in company currency";
/// Per-deal amount columns after the company-currency one.
pub const PER_DEAL_AMOUNT: [&str; 2] = ["Amount", "value"];
pub const CURRENT_STAGE: [&str; 3] = ["Deal Stage", "Stage", "StageName"];
pub const CLOSE_DATE: [&str; 1] = ["Close Date"];
pub const CURRENCY: [&str; 4] = [
    "Currency",
    "Deal Currency Code",
    "CurrencyIsoCode",
    "Currency Code",
];
/// The stage columns' prefix: `Date entered "<label>"` or `Date entered <label>`.
pub const ENTERED_PREFIX: &str = "Date entered";
pub const PER_CHANGE_ID: [&str; 4] = ["OpportunityId", "Opportunity ID", "Deal ID", "deal_id"];
pub const PER_CHANGE_STAGE: [&str; 4] = ["StageName", "Stage", "To Stage", "stage"];
pub const ENTERED_AT: [&str; 4] = ["CreatedDate", "Edit Date", "entered_at", "Date"];
pub const PER_CHANGE_AMOUNT: [&str; 1] = ["Amount"];

/// Each role's cell, as an index into the cells a row keeps (`kept`).
#[derive(Clone, Debug)]
pub struct Columns {
    pub shape: Shape,
    /// The header's indexes of the columns a row keeps.
    pub kept: Vec<usize>,
    /// The kept columns' headers as written (for reasons).
    pub names: Vec<String>,
    pub id: Option<usize>,
    /// Per-deal: created; per-change: entered at.
    pub when: usize,
    pub amount: Option<usize>,
    /// The amount column is in the company's one currency.
    pub company_currency: bool,
    pub stage: Option<usize>,
    pub close: Option<usize>,
    pub currency: Option<usize>,
    /// Per-deal stage columns: (kept index, label without the pipeline).
    pub entered: Vec<(usize, String)>,
}

/// A header name as compared: trimmed, unquoted, lower case.
pub fn normalize(name: &str) -> String {
    unquote(name).to_lowercase()
}

/// Without surrounding spaces and quotes.
fn unquote(name: &str) -> &str {
    let mut name = name.trim();
    while name.len() >= 2 && name.starts_with('"') && name.ends_with('"') {
        name = name[1..name.len() - 1].trim();
    }
    name
}

/// The stage label of a `Date entered …` column, its pipeline bracket
/// removed (`Qualification (Sales Pipeline)` → `Qualification`).
pub fn entered_label(name: &str) -> Option<String> {
    let name = unquote(name);
    let head = name.get(..ENTERED_PREFIX.len())?;
    let rest = &name[ENTERED_PREFIX.len()..];
    let separated = rest.starts_with([' ', '"']);
    if !head.eq_ignore_ascii_case(ENTERED_PREFIX) || !separated {
        return None;
    }
    let label = without_pipeline(unquote(rest));
    (!label.is_empty()).then(|| label.to_string())
}

/// `Qualification (Sales Pipeline)` → `Qualification`: a trailing bracket
/// whose text mentions a pipeline names the pipeline, not the stage.
fn without_pipeline(label: &str) -> &str {
    let Some(inside) = label.strip_suffix(')') else {
        return label;
    };
    match inside.rfind('(') {
        Some(open) if inside[open + 1..].to_lowercase().contains("pipeline") => {
            label[..open].trim_end()
        }
        _ => label,
    }
}

/// The first header matching a candidate, candidates in order of preference.
fn find(header: &[String], candidates: &[&str]) -> Option<usize> {
    candidates.iter().find_map(|candidate| {
        let candidate = candidate.to_lowercase();
        header.iter().position(|name| *name == candidate)
    })
}

/// Builds the columns of the role list `roles` (header index, role).
struct Builder<'a> {
    written: &'a [String],
    columns: Vec<(String, String)>,
    kept: Vec<usize>,
}

impl Builder<'_> {
    fn keep(&mut self, role: &str, index: Option<usize>) -> Option<usize> {
        let index = index?;
        self.columns
            .push((role.to_string(), self.written[index].trim().to_string()));
        self.kept.push(index);
        Some(self.kept.len() - 1)
    }
}

/// Finds the shape and the columns, or None: not a deals export.
pub fn detect(written: &[String], separator: char) -> Option<(Columns, Layout)> {
    let header: Vec<String> = written.iter().map(|name| normalize(name)).collect();
    let mut b = Builder {
        written,
        columns: Vec::new(),
        kept: Vec::new(),
    };
    let created = find(&header, &CREATED);
    let labels: Vec<(usize, String)> = written
        .iter()
        .enumerate()
        .filter_map(|(i, name)| entered_label(name).map(|label| (i, label)))
        .collect();
    let columns = if let (Some(created), false) = (created, labels.is_empty()) {
        let company = find(&header, &[COMPANY_AMOUNT]);
        let amount = company.or_else(|| find(&header, &PER_DEAL_AMOUNT));
        let id = b.keep("id", find(&header, &PER_DEAL_ID));
        let when = b.keep("created", Some(created))?;
        let amount_slot = b.keep("amount", amount);
        let stage = b.keep("stage", find(&header, &CURRENT_STAGE));
        let close = b.keep("close date", find(&header, &CLOSE_DATE));
        let currency = b.keep("currency", find(&header, &CURRENCY));
        let entered = labels
            .into_iter()
            .filter_map(|(i, label)| {
                let slot = b.keep(&format!("entered {label}"), Some(i))?;
                Some((slot, label))
            })
            .collect();
        Columns {
            shape: Shape::PerDeal,
            kept: Vec::new(),
            names: Vec::new(),
            id,
            when,
            amount: amount_slot,
            company_currency: company.is_some(),
            stage,
            close,
            currency,
            entered,
        }
    } else {
        let id = find(&header, &PER_CHANGE_ID)?;
        let stage = find(&header, &PER_CHANGE_STAGE)?;
        let at = find(&header, &ENTERED_AT)?;
        let id = b.keep("id", Some(id));
        let stage = b.keep("stage", Some(stage));
        let when = b.keep("entered at", Some(at))?;
        let amount = b.keep("amount", find(&header, &PER_CHANGE_AMOUNT));
        let currency = b.keep("currency", find(&header, &CURRENCY));
        Columns {
            shape: Shape::PerChange,
            kept: Vec::new(),
            names: Vec::new(),
            id,
            when,
            amount,
            company_currency: false,
            stage,
            close: None,
            currency,
            entered: Vec::new(),
        }
    };
    let names = b
        .kept
        .iter()
        .map(|&i| written[i].trim().to_string())
        .collect();
    let layout = Layout {
        shape: columns.shape,
        separator,
        columns: b.columns,
    };
    Some((
        Columns {
            kept: b.kept,
            names,
            ..columns
        },
        layout,
    ))
}
