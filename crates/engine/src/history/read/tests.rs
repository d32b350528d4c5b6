//! The shapes, columns, separators and encodings of real exports.

use super::*;
use crate::history::dates::{Day, Stamp};
use crate::history::Shape;

pub(super) fn read(text: &str) -> Parsed {
    read_all(text.as_bytes().to_vec(), None).expect("a readable export")
}

pub(super) fn day(iso: &str) -> Stamp {
    Day::parse_iso(iso).expect("an ISO date").start()
}

pub(super) fn reasons(parsed: &Parsed) -> Vec<(usize, String)> {
    parsed
        .dropped
        .iter()
        .map(|n| (n.row, n.reason.clone()))
        .collect()
}

const HUBSPOT: &str = "\
Record ID,Deal Name,Deal Stage,Amount,Create Date,Close Date,\"Date entered \"\"Qualification (Sales Pipeline)\"\"\",\"Date entered \"\"Closed won (Sales Pipeline)\"\"\",Date exited \"Qualification (Sales Pipeline)\"
101,Acme,Closed won,\"1,200.50\",2025-03-04 09:00,2025-04-01,2025-03-10,2025-04-01 10:30,2025-04-01
102,Beta,Qualification,,2025-03-05,,2025-03-06,,
";

#[test]
fn a_hubspot_export_reads_one_record_per_deal() {
    let parsed = read(HUBSPOT);
    assert_eq!(parsed.layout.shape, Shape::PerDeal);
    assert_eq!(parsed.layout.separator, ',');
    let roles: Vec<&str> = parsed
        .layout
        .columns
        .iter()
        .map(|(r, _)| r.as_str())
        .collect();
    assert_eq!(
        roles,
        [
            "id",
            "created",
            "amount",
            "stage",
            "close date",
            "entered Qualification",
            "entered Closed won"
        ]
    );
    assert_eq!(
        parsed.layout.columns[5].1,
        "Date entered \"Qualification (Sales Pipeline)\""
    );
    assert_eq!(parsed.rows, 2);
    assert_eq!(parsed.date_order, None);
    assert!(parsed.dropped.is_empty(), "{:?}", parsed.dropped);
    let first = &parsed.records[0];
    assert_eq!((first.line, first.deal.as_str()), (2, "101"));
    assert_eq!(
        first.kind,
        RecordKind::Deal {
            created: day("2025-03-04") + 9 * 3600,
            amount: Some(1200.5),
            stage: Some("Closed won".into()),
            close: Some(day("2025-04-01")),
            entered: vec![
                ("Qualification".into(), day("2025-03-10")),
                ("Closed won".into(), day("2025-04-01") + 10 * 3600 + 30 * 60),
            ],
        }
    );
    let RecordKind::Deal {
        amount,
        close,
        entered,
        ..
    } = &parsed.records[1].kind
    else {
        panic!("a deal record")
    };
    assert_eq!((*amount, *close, entered.len()), (None, None, 1));
}

#[test]
fn a_stage_change_log_reads_one_record_per_row() {
    let parsed = read(
        "OpportunityId,StageName,CreatedDate,Amount\n\
         006A,Prospecting,2025-03-04T14:22:05.000+0000,5000\n\
         006A,Closed Won,2025-03-20T08:00:00.000+0000,5500\n",
    );
    assert_eq!(parsed.layout.shape, Shape::PerChange);
    let roles: Vec<&str> = parsed
        .layout
        .columns
        .iter()
        .map(|(r, _)| r.as_str())
        .collect();
    assert_eq!(roles, ["id", "stage", "entered at", "amount"]);
    assert_eq!(parsed.records.len(), 2);
    assert_eq!(
        parsed.records[1].kind,
        RecordKind::Change {
            stage: "Closed Won".into(),
            at: day("2025-03-20") + 8 * 3600,
            amount: Some(5500.0),
        }
    );
}

#[test]
fn headers_match_ignoring_case_spaces_and_quotes() {
    let parsed = read(
        " record id ;\"CREATE DATE\"; \"Date Entered Qualification\" ;\"\"\"Deal Stage\"\"\"\n\
         7;2025-01-02;2025-01-03;Qualification\n",
    );
    assert_eq!(parsed.layout.shape, Shape::PerDeal);
    assert_eq!(parsed.layout.separator, ';');
    let RecordKind::Deal { stage, entered, .. } = &parsed.records[0].kind else {
        panic!("a deal record")
    };
    assert_eq!(stage.as_deref(), Some("Qualification"));
    assert_eq!(
        entered,
        &vec![("Qualification".to_string(), day("2025-01-03"))]
    );
}

#[test]
fn the_pipeline_bracket_leaves_the_label() {
    use columns::entered_label;
    assert_eq!(
        entered_label("Date entered \"Qualification (Sales Pipeline)\"").as_deref(),
        Some("Qualification")
    );
    assert_eq!(
        entered_label("date entered Demo (pipeline 2)").as_deref(),
        Some("Demo")
    );
    assert_eq!(
        entered_label("Date entered \"Demo (EMEA)\"").as_deref(),
        Some("Demo (EMEA)")
    );
    assert_eq!(entered_label("Date entered"), None);
    assert_eq!(entered_label("Date entered \"\""), None);
    assert_eq!(entered_label("Date enteredX"), None);
    assert_eq!(entered_label("Date exited \"Demo\""), None);
}

#[test]
fn the_amount_in_company_currency_is_preferred() {
    let parsed = read(
        "Deal ID,Amount,Amount in company currency,Currency,Created Date,Date entered Demo\n\
         1,100 EUR,110,EUR,2025-01-02,\n\
         2,200,200,USD,2025-01-02,\n\
         3,300,300,USD,2025-01-02,\n",
    );
    assert!(parsed.dropped.is_empty(), "{:?}", parsed.dropped);
    let amounts: Vec<Option<f64>> = parsed
        .records
        .iter()
        .map(|r| match &r.kind {
            RecordKind::Deal { amount, .. } => *amount,
            _ => None,
        })
        .collect();
    assert_eq!(amounts, [Some(110.0), Some(200.0), Some(300.0)]);
}

#[test]
fn a_row_in_another_currency_is_left_out() {
    let parsed = read(
        "Deal ID,Amount,Currency,Created Date,Date entered Demo\n\
         1,100,EUR,2025-01-02,\n\
         2,$200,USD,2025-01-02,\n\
         3,USD 300,,2025-01-02,\n\
         4,,EUR,2025-01-02,\n\
         5,500,,2025-01-02,\n",
    );
    assert_eq!(
        reasons(&parsed),
        [(
            2,
            "amount in EUR, the file's main currency is USD".to_string()
        )]
    );
    let deals: Vec<&str> = parsed.records.iter().map(|r| r.deal.as_str()).collect();
    assert_eq!(deals, ["2", "3", "4", "5"]);
}

#[test]
fn a_sep_line_sets_the_separator_and_counts_as_a_line() {
    let parsed = read(
        "sep=;\r\nRecord ID;Create Date;Amount;Date entered Demo\r\n1;2025-01-02;1.200,50;\r\n2;nope;5;\r\n",
    );
    assert_eq!(parsed.layout.separator, ';');
    let RecordKind::Deal { amount, .. } = &parsed.records[0].kind else {
        panic!("a deal record")
    };
    // A `;` file writes its decimals with a comma.
    assert_eq!(*amount, Some(1200.5));
    assert_eq!(parsed.records[0].line, 3);
    assert_eq!(
        reasons(&parsed),
        [(4, "column Create Date: \"nope\" is not a date".to_string())]
    );
}

#[test]
fn tabs_crlf_and_a_bom() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        b"Deal ID\tStage\tDate\r\n9\tDemo\t2025-01-02\r\n\r\n9\tWon\t2025-01-09\r\n",
    );
    let parsed = read_all(bytes, None).expect("a readable export");
    assert_eq!(parsed.layout.separator, '\t');
    assert_eq!(parsed.layout.columns[0].1, "Deal ID");
    let lines: Vec<usize> = parsed.records.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 4], "the empty line 3 is still a line");
    let old_mac = read("Deal ID,Stage,Date\r1,Demo,2025-01-02\r\r,Demo,2025-01-02\r");
    assert_eq!(old_mac.records[0].line, 2);
    assert_eq!(old_mac.dropped[0].row, 4);
}

#[test]
fn a_file_that_is_not_utf8_reads_as_windows_1252() {
    // `\x80` is the euro sign, `\xE9` an é.
    let bytes =
        b"Deal ID,Stage,Date,Amount\nd\xE9j\xE0,Demo,2025-01-02,\"\x801.200,50\"\n".to_vec();
    let parsed = read_all(bytes, None).expect("a readable export");
    assert_eq!(parsed.records[0].deal, "déjà");
    let RecordKind::Change { amount, .. } = &parsed.records[0].kind else {
        panic!("a change record")
    };
    assert_eq!(*amount, Some(1200.5));
}

#[test]
fn quoted_fields_hold_separators_quotes_and_newlines() {
    let parsed = read(
        "Deal ID,Note,Stage,Date\n\
         1,\"a, b \"\"c\"\"\",Demo,2025-01-02\n\
         2,\"line one\nline two\r\nline three\",Demo,2025-01-03\n\
         ,x,Demo,2025-01-04\n",
    );
    assert_eq!(parsed.records.len(), 2);
    assert_eq!(parsed.records[1].line, 3);
    // The row after a field of three lines starts on line 6.
    assert_eq!(
        reasons(&parsed),
        [(6, "no deal id (column Deal ID is empty)".to_string())]
    );
}
