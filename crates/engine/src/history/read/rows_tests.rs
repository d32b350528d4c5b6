//! Rows left out and why, the date order, caps, progress and messages.

use super::tests::{day, read, reasons};
use super::*;
use crate::history::dates::Stamp;

#[test]
fn every_reason_a_row_is_left_out() {
    let parsed = read(
        "Record ID,Create Date,Amount,Date entered \"Demo\",Close Date\n\
         ,2025-01-02,,,\n\
         2,02/30/2025,,,\n\
         3,2025-01-02,lots,,\n\
         4,2025-01-02,,yesterday,\n\
         5,2025-01-02,10,,\n\
         5,2025-01-02,10,,\n\
         5,2025-01-03,20,,\n\
         6,2025-01-02,,,soon\n\
         7,,,,\n\
         8,13/01/2025,,,\n",
    );
    assert_eq!(
        reasons(&parsed),
        [
            (2, "no deal id (column Record ID is empty)".to_string()),
            (
                3,
                "column Create Date: \"02/30/2025\" is not a date (dates are read day first)"
                    .to_string()
            ),
            (4, "column Amount: \"lots\" is not a number".to_string()),
            (
                5,
                "column Date entered \"Demo\": \"yesterday\" is not a date".to_string()
            ),
            (7, "duplicate row: identical to line 6".to_string()),
            (8, "duplicate deal: the same deal id as line 6".to_string()),
            (9, "column Close Date: \"soon\" is not a date".to_string()),
            (10, "column Create Date is empty".to_string()),
        ]
    );
    assert!(parsed.dropped.iter().all(|n| !n.kept));
    let deals: Vec<&str> = parsed.records.iter().map(|r| r.deal.as_str()).collect();
    assert_eq!(deals, ["5", "8"]);
    assert_eq!(parsed.rows, 10);
}

#[test]
fn per_change_rows_need_a_stage_and_may_repeat_a_deal() {
    let parsed = read(
        "deal_id,stage,entered_at\n\
         1,Demo,2025-01-02\n\
         1,,2025-01-03\n\
         1,Won,2025-01-04\n\
         1,Won,2025-01-04\n",
    );
    assert_eq!(
        reasons(&parsed),
        [
            (3, "no stage (column stage is empty)".to_string()),
            (5, "duplicate row: identical to line 4".to_string()),
        ]
    );
    assert_eq!(parsed.records.len(), 2);
}

#[test]
fn the_date_order_is_detected_over_the_whole_file() {
    let file = |dates: [&str; 2]| {
        format!(
            "deal_id,stage,Date\n1,Demo,{}\n2,Demo,{}\n",
            dates[0], dates[1]
        )
    };
    let order = |dates| read_all(file(dates).into_bytes(), None).map(|p| p.date_order);
    assert_eq!(
        order(["03/04/2025", "25/04/2025"]),
        Ok(Some(DateOrder::Dmy))
    );
    assert_eq!(
        order(["03/04/2025", "04/25/2025 3:00 PM"]),
        Ok(Some(DateOrder::Mdy))
    );
    assert_eq!(order(["2025-03-04", "04/04/2025"]), Ok(None));
    assert_eq!(
        order(["13/04/2025", "04/25/2025"]),
        Err(HistoryError::MixedDateOrders {
            day_first: "13/04/2025".into(),
            month_first: "04/25/2025".into()
        })
    );
    assert_eq!(
        order(["03/04/2025", "2025-01-01"]),
        Err(HistoryError::AmbiguousDates {
            example: "03/04/2025".into()
        })
    );
    // Given: used as is; dates against it are rows left out.
    let parsed = read_all(
        file(["03/04/2025", "04/25/2025"]).into_bytes(),
        Some(DateOrder::Dmy),
    )
    .expect("a readable export");
    assert_eq!(parsed.date_order, Some(DateOrder::Dmy));
    let RecordKind::Change { at, .. } = &parsed.records[0].kind else {
        panic!("a change record")
    };
    assert_eq!(*at, day("2025-04-03"));
    assert_eq!(parsed.dropped.len(), 1);
    assert_eq!(parsed.dropped[0].row, 3);
}

#[test]
fn epoch_milliseconds_and_zones_in_a_file() {
    let parsed =
        read("Deal ID,Stage,Date\n1,Demo,1741098125000\n2,Demo,2025-03-04T23:30:00-08:00\n");
    let ats: Vec<Stamp> = parsed
        .records
        .iter()
        .map(|r| match &r.kind {
            RecordKind::Change { at, .. } => *at,
            _ => 0,
        })
        .collect();
    assert_eq!(
        ats,
        [
            day("2025-03-04") + 14 * 3600 + 22 * 60 + 5,
            day("2025-03-04") + 23 * 3600 + 30 * 60
        ]
    );
}

#[test]
fn a_file_that_is_not_a_deals_export_says_what_was_looked_for() {
    let error = read_all(b"Name,Email\nAda,ada@example.com\n".to_vec(), None).err();
    let Some(HistoryError::NotADealsExport { found }) = &error else {
        panic!("not a deals export: {error:?}")
    };
    assert_eq!(found, &["Name", "Email"]);
    let message = error.as_ref().map(ToString::to_string).unwrap_or_default();
    for looked_for in [
        "Record ID",
        "Create Date",
        "Date entered",
        "OpportunityId",
        "StageName",
        "CreatedDate",
        "Name, Email",
    ] {
        assert!(message.contains(looked_for), "{looked_for} in {message}");
    }
    // A created column without stage columns is not a per-deal export either.
    assert!(matches!(
        read_all(b"Record ID,Create Date\n1,2025-01-01\n".to_vec(), None),
        Err(HistoryError::NotADealsExport { .. })
    ));
}

#[test]
fn empty_files_and_header_only_files_are_empty() {
    for text in [
        "",
        "\n\n",
        "\u{feff}",
        ",,,\n",
        "Deal ID,Stage,Date\n",
        "Deal ID,Stage,Date\n,,\n",
    ] {
        assert_eq!(
            read_all(text.as_bytes().to_vec(), None).err(),
            Some(HistoryError::Empty),
            "{text:?}"
        );
    }
}

#[test]
fn the_caps_are_checked() {
    let text = "Deal ID,Stage,Date\n1,Demo,2025-01-02\n2,Demo,2025-01-02\n3,Demo,2025-01-02\n";
    let bytes = text.as_bytes().to_vec();
    assert_eq!(
        Reader::with_caps(bytes.clone(), 10, 100).err(),
        Some(HistoryError::TooLarge { bytes: bytes.len() })
    );
    let exact = Reader::with_caps(bytes.clone(), bytes.len(), 3).and_then(|r| r.finish(None));
    assert_eq!(exact.map(|p| p.records.len()), Ok(3));
    let over = Reader::with_caps(bytes, 1000, 2).and_then(|r| r.finish(None));
    assert_eq!(over.err(), Some(HistoryError::TooManyRows));
    let message = HistoryError::TooLarge { bytes: 300 << 20 }.to_string();
    assert!(
        message.contains("300 MB") && message.contains("200 MB"),
        "{message}"
    );
}

#[test]
fn reading_in_steps_reports_progress_by_bytes() {
    let mut text = String::from("Deal ID,Stage,Date\n");
    for i in 0..100 {
        text.push_str(&format!("{i},Demo,2025-01-02\n"));
    }
    let mut reader = Reader::new(text.into_bytes()).expect("a readable header");
    assert!(reader.progress() < 0.1);
    let mut last = reader.progress();
    let mut steps = 0;
    while !reader.step(10).expect("readable rows") {
        assert!(reader.progress() >= last);
        last = reader.progress();
        steps += 1;
    }
    assert_eq!(steps, 10);
    assert_eq!(reader.progress(), 1.0);
    assert_eq!(reader.finish(None).map(|p| p.records.len()), Ok(100));
}

#[test]
fn every_error_reads_as_one_sentence() {
    let errors = [
        HistoryError::TooLarge { bytes: 1 },
        HistoryError::TooManyRows,
        HistoryError::Empty,
        HistoryError::NotADealsExport { found: vec![] },
        HistoryError::Unreadable {
            line: 3,
            message: "bad".into(),
        },
        HistoryError::AmbiguousDates {
            example: "03/04/2025".into(),
        },
        HistoryError::MixedDateOrders {
            day_first: "13/01/2025".into(),
            month_first: "01/13/2025".into(),
        },
        HistoryError::UnmappedLabels(vec!["Demo".into(), "Pilot".into()]),
        HistoryError::NoDeals,
        HistoryError::NoCompleteWeek,
    ];
    for error in errors {
        let message = error.to_string();
        assert!(
            message.starts_with(char::is_uppercase) && message.ends_with('.'),
            "{message}"
        );
    }
}
