//! The fitting rules on records built directly (no CSV): mapping and
//! assembly case by case here, the fit's other rules in `fit_tests`. The generator
//! and end-to-end tests on CSV text are in `crates/engine/tests/engine/history*.rs`.

use super::dates::{Day, Stamp};
use super::deals::{assemble, Labels};
use super::read::{Record, RecordKind};
use super::{fit, FitOptions, HistoryError, Target};

/// Seconds since 1970 of a wall-clock time (days_from_civil, Hinnant).
pub(super) fn at(y: i32, m: u32, d: u32, h: u32) -> Stamp {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400 + i64::from(h) * 3600
}

pub(super) fn day(y: i32, m: u32, d: u32) -> Day {
    Day::of(at(y, m, d, 0))
}

pub(super) fn deal(
    line: usize,
    created: Stamp,
    entered: &[(&str, Stamp)],
    stage: Option<&str>,
) -> Record {
    Record {
        line,
        deal: format!("D{line}"),
        kind: RecordKind::Deal {
            created,
            amount: Some(1000.0 * line as f64),
            stage: stage.map(str::to_owned),
            close: None,
            entered: entered.iter().map(|&(l, t)| (l.to_owned(), t)).collect(),
        },
    }
}

pub(super) fn changes(first_line: usize, id: &str, rows: &[(&str, Stamp)]) -> Vec<Record> {
    rows.iter()
        .enumerate()
        .map(|(i, &(stage, t))| Record {
            line: first_line + i,
            deal: id.to_owned(),
            kind: RecordKind::Change {
                stage: stage.to_owned(),
                at: t,
                amount: Some(500.0),
            },
        })
        .collect()
}

pub(super) fn fit_records(
    records: &[Record],
    options: &FitOptions,
) -> Result<fit::Fit, HistoryError> {
    let labels = Labels::collect(records, &options.stage_map);
    labels.check()?;
    let (deals, notes) = assemble(records, &labels);
    fit::fit(&deals, records.len(), notes, options)
}

pub(super) fn as_of(y: i32, m: u32, d: u32) -> FitOptions {
    FitOptions {
        as_of: Some(day(y, m, d)),
        ..FitOptions::default()
    }
}

/// (entered, moved_on, lost, open) of each stage.
pub(super) fn counts(fit: &fit::Fit) -> Vec<(u64, u64, u64, u64)> {
    fit.stages
        .iter()
        .map(|s| (s.entered, s.moved_on, s.lost, s.open))
        .collect()
}

#[test]
fn targets_read_back_from_their_names_and_default_by_name() {
    for t in [
        Target::Stage(0),
        Target::Stage(3),
        Target::Stage(5),
        Target::Won,
        Target::Lost,
        Target::Ignore,
    ] {
        assert_eq!(Target::parse(t.name()), Some(t));
    }
    assert_eq!(
        Target::parse(" \"needs ASSESSMENT\" "),
        Some(Target::Stage(2))
    );
    assert_eq!(Target::parse("Follow-up"), None);
    assert_eq!(Target::default_for("Closed Won"), Some(Target::Won));
    assert_eq!(Target::default_for("lost"), Some(Target::Lost));
    assert_eq!(Target::default_for("closing"), Some(Target::Stage(5)));
    assert_eq!(Target::default_for("ignore"), None);
    assert_eq!(Target::default_for("Demo booked"), None);
}

#[test]
fn unmapped_labels_are_an_error_naming_them_all_until_mapped() {
    let t = at(2025, 1, 6, 9);
    let records = vec![
        deal(
            2,
            t,
            &[("Demo booked", t), ("Qualification (Sales Pipeline)", t)],
            Some("Trial"),
        ),
        deal(3, t, &[("Contract sent", t)], Some("Archived")),
    ];
    let err = fit_records(&records, &as_of(2025, 3, 1)).expect_err("unmapped");
    let expected = ["Archived", "Contract sent", "Demo booked", "Trial"].map(String::from);
    assert_eq!(err, HistoryError::UnmappedLabels(expected.to_vec()));

    let labels = Labels::collect(&records, &[]);
    let qualification = labels.uses.iter().find(|u| u.label == "Qualification");
    assert!(qualification.is_some_and(|u| u.target == Some(Target::Stage(1)) && u.default));

    let options = FitOptions {
        stage_map: vec![
            ("demo booked".to_owned(), Target::Stage(2)),
            ("Contract Sent".to_owned(), Target::Stage(5)),
            ("Trial".to_owned(), Target::Stage(3)),
            ("\"Archived\"".to_owned(), Target::Ignore),
        ],
        ..as_of(2025, 3, 1)
    };
    let fit = fit_records(&records, &options).expect("mapped");
    // Deal 2 is open in Presentation (its current stage, placed at its latest date);
    // deal 3 is open in Closing; Archived is ignored.
    assert_eq!(fit.pipeline, [0, 0, 0, 1, 0, 1]);
}

#[test]
fn a_skipped_stage_counts_as_passed_and_not_in_days() {
    let records = vec![deal(
        2,
        at(2025, 1, 6, 0),
        &[
            ("Qualification", at(2025, 1, 8, 0)),
            ("Presentation", at(2025, 1, 18, 0)),
            ("Closed won", at(2025, 1, 20, 0)),
        ],
        Some("Closed won"),
    )];
    let fit = fit_records(&records, &as_of(2025, 2, 1)).expect("fits");
    assert_eq!(counts(&fit), vec![(1, 1, 0, 0); 6]);
    let days: Vec<Option<f64>> = fit.stages.iter().map(|s| s.days).collect();
    // Prospecting → Qualification 2 days; Qualification's next stage was skipped;
    // Presentation → Handling objections never entered; Closing never entered.
    assert_eq!(days, vec![Some(2.0), None, None, None, None, None]);
    assert!(fit.dropped.is_empty());
}

#[test]
fn re_entries_and_backward_moves_count_once_at_the_furthest_stage() {
    let mut records = changes(
        2,
        "A",
        &[
            ("Prospecting", at(2025, 1, 6, 0)),
            ("Qualification", at(2025, 1, 7, 0)),
            ("Needs assessment", at(2025, 1, 10, 0)),
            ("Qualification", at(2025, 1, 12, 0)),
            ("Needs assessment", at(2025, 1, 20, 0)),
        ],
    );
    records.extend(changes(
        7,
        "B",
        &[
            ("Prospecting", at(2025, 1, 6, 0)),
            ("Presentation", at(2025, 1, 9, 0)),
            ("Qualification", at(2025, 1, 11, 0)),
            ("Closed lost", at(2025, 1, 13, 0)),
        ],
    ));
    let fit = fit_records(&records, &as_of(2025, 2, 1)).expect("fits");
    // A: open at Needs assessment. B: moved back, lost: lost at Presentation.
    assert_eq!(
        counts(&fit),
        vec![
            (2, 2, 0, 0),
            (2, 2, 0, 0),
            (2, 1, 0, 1),
            (1, 0, 1, 0),
            (0, 0, 0, 0),
            (0, 0, 0, 0)
        ]
    );
    assert_eq!(fit.stages[3].rate, Some(0.0));
    assert_eq!(fit.stages[4].rate, None);
    // First entries only: A's Qualification took 3 days (7th to 10th), not 8.
    assert_eq!(fit.stages[1].days, Some(3.0));
    assert_eq!(fit.stages[1].days_n, 1);
    // Both deals entered Qualification after creation (B after moving back).
    assert_eq!(fit.stages[0].days_n, 2);
    assert_eq!(fit.pipeline, [0, 0, 1, 0, 0, 0]);
}

#[test]
fn an_open_deal_in_a_long_stage_is_open_not_lost() {
    let records = vec![
        deal(
            2,
            at(2024, 1, 1, 0),
            &[("Needs assessment", at(2024, 2, 1, 0))],
            Some("Needs assessment"),
        ),
        deal(
            3,
            at(2025, 1, 1, 0),
            &[
                ("Needs assessment", at(2025, 1, 2, 0)),
                ("Closed lost", at(2025, 1, 3, 0)),
            ],
            Some("Closed lost"),
        ),
    ];
    let fit = fit_records(&records, &as_of(2025, 6, 1)).expect("fits");
    assert_eq!(counts(&fit)[2], (2, 0, 1, 1));
    assert_eq!(fit.stages[2].rate, Some(0.0));
    assert_eq!(fit.pipeline, [0, 0, 1, 0, 0, 0]);
}

#[test]
fn a_closed_current_stage_without_its_date_closes_at_the_close_date() {
    let mut won = deal(
        2,
        at(2025, 1, 6, 0),
        &[("Closing", at(2025, 1, 10, 0))],
        Some("Won"),
    );
    if let RecordKind::Deal { close, .. } = &mut won.kind {
        *close = Some(at(2025, 1, 15, 0));
    }
    let lost = deal(
        3,
        at(2025, 1, 6, 0),
        &[("Presentation", at(2025, 1, 9, 0))],
        Some("Lost"),
    );
    let fit = fit_records(&[won, lost], &as_of(2025, 2, 1)).expect("fits");
    assert_eq!(fit.stages[5].days, Some(5.0));
    assert_eq!(counts(&fit)[3], (2, 1, 1, 0));
    assert_eq!(fit.pipeline, [0; 6]);
    let value = fit.deal_value.expect("one won");
    assert_eq!((value.median, value.won), (2000.0, 1));
}

#[test]
fn stage_dates_out_of_order_are_kept_and_flagged() {
    let records = vec![
        deal(
            2,
            at(2025, 1, 6, 0),
            &[
                ("Qualification", at(2025, 1, 10, 0)),
                ("Needs assessment", at(2025, 1, 8, 0)),
            ],
            None,
        ),
        deal(
            3,
            at(2025, 1, 6, 0),
            &[("Qualification", at(2025, 1, 5, 0))],
            None,
        ),
    ];
    let fit = fit_records(&records, &as_of(2025, 2, 1)).expect("fits");
    assert_eq!(fit.dropped.len(), 2);
    assert!(fit
        .dropped
        .iter()
        .all(|n| n.kept && n.reason.ends_with("kept")));
    assert_eq!(fit.dropped[0].row, 2);
    assert!(
        fit.dropped[0].reason.contains(
            "Needs assessment” (2025-01-08) is before “Date entered Qualification” (2025-01-10)"
        ),
        "{}",
        fit.dropped[0].reason
    );
    assert!(
        fit.dropped[1]
            .reason
            .contains("before the deal was created (2025-01-06)"),
        "{}",
        fit.dropped[1].reason
    );
    // Used anyway: counted at the furthest stage; the negative time is not a duration.
    assert_eq!(fit.pipeline, [0, 1, 1, 0, 0, 0]);
    assert_eq!(fit.stages[1].days_n, 0);
}
