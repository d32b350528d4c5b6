//! The fit's rules on records built directly: as of, leads, deal values,
//! rates and intervals, and the scenario they make.

use super::beta;
use super::read::{Record, RecordKind};
use super::tests::{as_of, at, changes, day, deal, fit_records};
use super::{FitOptions, HistoryError};
use crate::scenario::{Scenario, ScenarioInput};

#[test]
fn nothing_after_as_of_is_known() {
    let records = vec![
        deal(
            2,
            at(2025, 1, 6, 0),
            &[
                ("Qualification", at(2025, 1, 31, 23)),
                ("Closed won", at(2025, 2, 1, 0)),
            ],
            Some("Closed won"),
        ),
        deal(3, at(2025, 2, 1, 0), &[], Some("Prospecting")),
    ];
    let fit = fit_records(&records, &as_of(2025, 1, 31)).expect("fits");
    // The win on 1 February is not known; the deal created that day does not exist.
    assert_eq!(fit.deals, 1);
    assert_eq!(fit.pipeline, [0, 1, 0, 0, 0, 0]);
    assert_eq!(fit.deal_value, None);
    // Default as_of: the latest date, here 1 February.
    let fit = fit_records(&records, &FitOptions::default()).expect("fits");
    assert_eq!(fit.as_of, day(2025, 2, 1));
    assert_eq!(fit.deals, 2);
}

#[test]
fn an_open_deal_s_close_date_is_not_a_date_of_the_file() {
    let mut record = deal(2, at(2025, 1, 6, 0), &[], Some("Qualification"));
    if let RecordKind::Deal { close, .. } = &mut record.kind {
        *close = Some(at(2025, 12, 31, 0));
    }
    let later = deal(3, at(2025, 1, 20, 0), &[], Some("Prospecting"));
    let fit = fit_records(&[record, later], &FitOptions::default()).expect("fits");
    assert_eq!(fit.as_of, day(2025, 1, 20));
}

#[test]
fn leads_count_complete_weeks_from_since_or_the_first_creation() {
    // Mondays 6, 13, 20 January; as of Sunday 26 January: three complete weeks.
    let records: Vec<Record> = [(6, 0), (7, 0), (13, 0), (26, 0), (27, 0)]
        .iter()
        .enumerate()
        .map(|(i, &(d, h))| deal(i + 2, at(2025, 1, d, h), &[], None))
        .collect();
    let fit = fit_records(&records, &as_of(2025, 1, 26)).expect("fits");
    assert_eq!(fit.leads.counts, vec![2, 1, 1]);
    assert_eq!(fit.leads.first_week, day(2025, 1, 6));
    assert!((fit.leads.per_week - 4.0 / 3.0).abs() < 1e-12);
    let since = FitOptions {
        since: Some(day(2025, 1, 13)),
        ..as_of(2025, 1, 26)
    };
    let fit = fit_records(&records, &since).expect("fits");
    assert_eq!((fit.deals, fit.leads.counts.clone()), (2, vec![1, 1]));
    let too_soon = fit_records(&records, &as_of(2025, 1, 11));
    assert_eq!(too_soon.err(), Some(HistoryError::NoCompleteWeek));
    let none = fit_records(&records, &as_of(2024, 1, 1));
    assert_eq!(none.err(), Some(HistoryError::NoDeals));
}

#[test]
fn deal_values_are_numpy_quantiles_of_won_amounts_above_zero() {
    let won = |line: usize, amount: Option<f64>| {
        let t = at(2025, 1, 6, 0);
        let mut r = deal(line, t, &[("Closed won", t)], None);
        if let RecordKind::Deal { amount: a, .. } = &mut r.kind {
            *a = amount;
        }
        r
    };
    let records = vec![
        won(2, Some(10.0)),
        won(3, Some(40.0)),
        won(4, Some(20.0)),
        won(5, Some(30.0)),
        won(6, Some(0.0)),
        won(7, None),
    ];
    let fit = fit_records(&records, &as_of(2025, 2, 1)).expect("fits");
    let value = fit.deal_value.expect("won deals");
    // numpy.quantile([10, 20, 30, 40], [0.5, 0.9]) = [25, 37].
    assert_eq!(value.won, 4);
    assert!((value.median - 25.0).abs() < 1e-12 && (value.p90 - 37.0).abs() < 1e-12);
}

#[test]
fn per_change_amounts_are_the_latest_known_at_as_of() {
    let mut records = changes(
        2,
        "A",
        &[
            ("Prospecting", at(2025, 1, 6, 0)),
            ("Closed won", at(2025, 1, 9, 0)),
        ],
    );
    records.extend(changes(4, "A", &[("Closed won", at(2025, 3, 1, 0))]));
    if let RecordKind::Change { amount, .. } = &mut records[2].kind {
        *amount = Some(900.0);
    }
    let early = fit_records(&records, &as_of(2025, 2, 1)).expect("fits");
    assert_eq!(early.deal_value.map(|v| v.median), Some(500.0));
    let late = fit_records(&records, &as_of(2025, 3, 1)).expect("fits");
    assert_eq!(late.deal_value.map(|v| v.median), Some(900.0));
}

#[test]
fn rates_intervals_and_the_scenario_follow_the_counts() {
    let t = at(2025, 1, 6, 0);
    let mut records = Vec::new();
    for i in 0..10 {
        let end = if i < 7 {
            "Qualification"
        } else {
            "Closed lost"
        };
        records.push(deal(i + 2, t, &[(end, t + 86_400 * (i as i64 + 1))], None));
    }
    let fit = fit_records(&records, &as_of(2025, 3, 1)).expect("fits");
    let prospecting = &fit.stages[0];
    assert_eq!((prospecting.moved_on, prospecting.lost), (7, 3));
    assert_eq!(prospecting.rate, Some(0.7));
    assert_eq!(prospecting.rate_p05, beta::quantile(8.0, 4.0, 0.05));
    assert_eq!(prospecting.rate_p95, beta::quantile(8.0, 4.0, 0.95));
    // Open-only stage: no rate, the uniform prior's interval.
    assert_eq!(fit.stages[1].rate, None);
    assert!((fit.stages[1].rate_p05 - 0.05).abs() < 1e-12);

    let scenario = fit.scenario(13);
    Scenario::new(&scenario).expect("the fitted scenario validates");
    assert_eq!(scenario.stages[0].rate, 0.7);
    assert_eq!(scenario.stages[0].evidence, Some(10.0));
    assert_eq!(scenario.stages[0].days, Some(4.0));
    assert_eq!(scenario.stages[1].evidence, None);
    assert_eq!(scenario.stages[6].rate, 0.0);
    assert_eq!(scenario.pipeline, Some(vec![0.0, 7.0, 0.0, 0.0, 0.0, 0.0]));
    assert_eq!((scenario.trials, scenario.seed), (10_000.0, 42));
    assert_eq!(scenario.name, "Fitted from history");

    let mut base = ScenarioInput::default();
    base.name = "Mine".to_owned();
    base.stages[6].rate = 0.3;
    let applied = fit.apply(&base);
    Scenario::new(&applied).expect("validates");
    assert_eq!(
        (applied.name.as_str(), applied.stages[6].rate),
        ("Mine", 0.3)
    );
    assert_eq!(applied.horizon_weeks, Some(13.0));
    assert_eq!(fit.scenario(0).horizon_weeks, Some(1.0));
}

#[test]
fn absurd_durations_still_give_a_valid_scenario() {
    let records = vec![deal(
        2,
        at(1971, 1, 4, 0),
        &[
            ("Qualification", at(2060, 1, 1, 0)),
            ("Closed won", at(2060, 1, 2, 0)),
        ],
        None,
    )];
    let fit = fit_records(&records, &FitOptions::default()).expect("fits");
    assert!(fit.stages[0].days.is_some_and(|d| d > 3650.0));
    Scenario::new(&fit.scenario(520)).expect("validates");
}
