//! Messy exports: each case gives its documented outcome; mangled files
//! never panic.

use crate::history_export::{generate, per_change_csv, per_deal_csv, Truth};
use engine::history::{analyse, DateOrder, Day, Fit, FitOptions, HistoryError, Target};
use rand::{RngExt, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

fn options(as_of: &str) -> FitOptions {
    FitOptions {
        as_of: Day::parse_iso(as_of),
        ..FitOptions::default()
    }
}

fn fit(csv: &str, options: &FitOptions) -> Fit {
    analyse(csv.as_bytes(), options).fit.expect("fits")
}

/// (entered, moved_on, lost, open) of each stage.
fn counts(fit: &Fit) -> Vec<(u64, u64, u64, u64)> {
    fit.stages
        .iter()
        .map(|s| (s.entered, s.moved_on, s.lost, s.open))
        .collect()
}

const HEADER: &str = "Deal ID,Create Date,Deal Stage,Amount,Date entered Prospecting,Date entered Qualification,Date entered Needs assessment,Date entered Presentation,Date entered Closed won,Date entered Closed lost\n";

#[test]
fn skipped_re_entered_backward_and_long_open_deals() {
    let csv = "deal_id,stage,entered_at\n\
        A,Prospecting,2025-01-06\n\
        A,Needs assessment,2025-01-08\n\
        A,Closed won,2025-01-10\n\
        B,Prospecting,2025-01-06\n\
        B,Qualification,2025-01-07\n\
        B,Qualification,2025-01-09\n\
        B,Needs assessment,2025-01-11\n\
        C,Prospecting,2025-01-06\n\
        C,Presentation,2025-01-08\n\
        C,Qualification,2025-01-12\n\
        D,Prospecting,2024-01-06\n\
        D,Qualification,2024-01-07\n\
        E,Prospecting,2025-01-13\n\
        E,Closed lost,2025-01-14\n";
    let fit = fit(csv, &options("2025-01-26"));
    // A skipped Qualification (passed, not timed) and won; B re-entered
    // Qualification (once) and is open at Needs assessment; C moved back from
    // Presentation (open there); D has been open in Qualification a year
    // (open, not lost); E was lost in Prospecting.
    assert_eq!(
        counts(&fit),
        vec![
            (5, 4, 1, 0),
            (4, 3, 0, 1),
            (3, 2, 0, 1),
            (2, 1, 0, 1),
            (1, 1, 0, 0),
            (1, 1, 0, 0)
        ]
    );
    assert_eq!(fit.stages[1].rate, Some(1.0));
    assert_eq!(fit.pipeline, [0, 1, 1, 1, 0, 0]);
    // Qualification → Needs assessment: B only, from its first entry (4 days).
    assert_eq!((fit.stages[1].days, fit.stages[1].days_n), (Some(4.0), 1));
}

#[test]
fn deals_created_after_as_of_do_not_exist() {
    let csv = format!(
        "{HEADER}1,2025-01-06,Qualification,100,2025-01-06,2025-01-08,,,,\n\
         2,2025-01-30,Closed won,100,2025-01-30,,,,2025-01-31,\n"
    );
    let fit = fit(&csv, &options("2025-01-26"));
    assert_eq!(fit.deals, 1);
    assert_eq!(fit.deal_value, None);
    assert_eq!(fit.pipeline, [0, 1, 0, 0, 0, 0]);
}

#[test]
fn a_row_in_another_currency_is_left_out() {
    let csv = "Deal ID,Create Date,Deal Stage,Amount,Currency,Date entered \"Closed won\"\n\
        1,2025-01-06,Closed won,100,USD,2025-01-07\n\
        2,2025-01-06,Closed won,300,USD,2025-01-07\n\
        3,2025-01-06,Closed won,900,EUR,2025-01-07\n";
    let fit = fit(csv, &options("2025-01-26"));
    assert_eq!(fit.deals, 2);
    assert_eq!(fit.dropped.len(), 1);
    assert_eq!(fit.dropped[0].row, 4);
    assert!(!fit.dropped[0].kept);
    assert_eq!(fit.deal_value.map(|v| v.median), Some(200.0));
}

#[test]
fn day_month_ambiguity_is_an_error_until_an_order_is_given() {
    let csv = "Deal ID,Create Date,Deal Stage,Amount,Date entered Qualification\n\
        1,01/02/2025,Qualification,100,03/02/2025\n\
        2,05/02/2025,Prospecting,100,\n";
    let report = analyse(csv.as_bytes(), &FitOptions::default());
    assert!(
        matches!(report.fit, Err(HistoryError::AmbiguousDates { .. })),
        "{:?}",
        report.fit
    );
    let dmy = FitOptions {
        date_order: Some(DateOrder::Dmy),
        ..options("2025-02-28")
    };
    let report = analyse(csv.as_bytes(), &dmy);
    let fit = report.fit.expect("fits with an order");
    assert_eq!(report.date_order, Some(DateOrder::Dmy));
    assert_eq!(
        fit.leads.first_week,
        Day::parse_iso("2025-02-01").expect("day")
    );
    assert_eq!(fit.stages[0].days, Some(2.0));
}

#[test]
fn bom_semicolons_and_quoted_headers_read_like_the_plain_file() {
    let plain = format!(
        "{HEADER}1,2025-01-06,Qualification,100,2025-01-06,2025-01-08,,,,\n\
         2,2025-01-07,Closed won,250,2025-01-07,2025-01-08,2025-01-10,,2025-01-20,\n"
    );
    let expected = fit(&plain, &options("2025-01-26"));
    let quoted = plain.replace(
        "Date entered Qualification",
        "\"Date entered \"\"Qualification (Sales Pipeline)\"\"\"",
    );
    let semicolons = plain.replace(',', ";");
    let bom = format!("\u{feff}{plain}");
    for csv in [quoted, semicolons, bom] {
        assert_eq!(fit(&csv, &options("2025-01-26")), expected, "{csv}");
    }
    assert_eq!(expected.pipeline, [0, 1, 0, 0, 0, 0]);
}

#[test]
fn an_unmapped_label_is_named_until_mapped_and_ignore_drops_it() {
    let csv = "deal_id,stage,entered_at\n\
        A,Prospecting,2025-01-06\n\
        A,Demo booked,2025-01-08\n\
        A,On hold,2025-01-09\n\
        B,Prospecting,2025-01-13\n";
    let report = analyse(csv.as_bytes(), &options("2025-01-26"));
    assert_eq!(
        report.fit,
        Err(HistoryError::UnmappedLabels(vec![
            "Demo booked".to_owned(),
            "On hold".to_owned()
        ]))
    );
    assert!(report
        .labels
        .iter()
        .any(|l| l.label == "Demo booked" && l.target.is_none()));
    let mapped = FitOptions {
        stage_map: vec![
            ("Demo booked".to_owned(), Target::Stage(3)),
            ("on hold".to_owned(), Target::Ignore),
        ],
        ..options("2025-01-26")
    };
    let fit = fit(csv, &mapped);
    assert_eq!(fit.pipeline, [1, 0, 0, 1, 0, 0]);
}

/// Mangles a file: bytes flipped, deleted, duplicated, quotes, separators
/// and line breaks inserted, the end cut off.
fn mangle(bytes: &[u8], rng: &mut Xoshiro256PlusPlus) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..rng.random_range(1..20) {
        if out.is_empty() {
            break;
        }
        let i = rng.random_range(0..out.len());
        match rng.random_range(0..7) {
            0 => out[i] = rng.random(),
            1 => {
                out.remove(i);
            }
            2 => out.insert(i, b'"'),
            3 => out.insert(i, [b',', b';', b'\t'][rng.random_range(0..3)]),
            4 => out.insert(i, b'\n'),
            5 => out.truncate(i),
            _ => {
                let end = (i + rng.random_range(1..200)).min(out.len());
                let copy = out[i..end].to_vec();
                out.splice(i..i, copy);
            }
        }
    }
    out
}

#[test]
fn mangled_exports_never_panic() {
    let truth = Truth {
        weeks: 6,
        leads_per_week: 5.0,
        ..Truth::default()
    };
    let deals = generate(&truth, 9);
    let files = [
        per_deal_csv(&deals, truth.last_day()),
        per_change_csv(&deals, truth.last_day()),
    ];
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(2026);
    for i in 0..1_000 {
        let bytes = mangle(files[i % 2].as_bytes(), &mut rng);
        let options = FitOptions {
            as_of: (i % 3 == 0).then_some(Day(19_500 + i as i32 % 200)),
            date_order: [None, Some(DateOrder::Dmy)][i % 2],
            ..FitOptions::default()
        };
        let report = analyse(&bytes, &options);
        if let Ok(fit) = report.fit {
            engine::Scenario::new(&fit.scenario(13)).expect("the fitted scenario validates");
        }
    }
}
