use super::*;

fn stage(moved_on: u64, lost: u64, rate: Option<f64>) -> StageFit {
    StageFit {
        name: "Qualification".to_owned(),
        entered: moved_on + lost,
        moved_on,
        lost,
        open: 0,
        rate,
        rate_p05: 0.351,
        rate_p95: 0.492,
        days: None,
        days_n: 0,
    }
}

#[test]
fn days_read_like_a_calendar() {
    let day = Day::parse_iso("2026-11-30").expect("a date");
    assert_eq!(day_long(day), "30 Nov 2026");
    assert_eq!(
        fitted_notice("hubspot-deals.csv", 3412, day),
        "Fitted from hubspot-deals.csv: 3,412 deals, as of 30 Nov 2026"
    );
}

#[test]
fn a_rate_comes_with_its_interval() {
    assert_eq!(
        rate_with_interval(&stage(42, 58, Some(0.42))),
        "42 % (35.1–49.2 %)"
    );
    assert_eq!(rate_with_interval(&stage(0, 0, None)), "–");
}

#[test]
fn k_of_n_rounds_the_rate_back_to_deals() {
    assert_eq!(
        k_of_n(1, "41.6666666667", "12").as_deref(),
        Some("5 of 12 moved on")
    );
    assert_eq!(k_of_n(5, "25", "1200").as_deref(), Some("300 of 1,200 won"));
    assert_eq!(k_of_n(1, "40", ""), None);
    assert_eq!(k_of_n(1, "40", "0"), None);
    assert_eq!(k_of_n(1, "40", "2.5"), None);
    assert_eq!(k_of_n(6, "40", "10"), None);
}

#[test]
fn notes_are_a_neutralised_csv() {
    let notes = [
        RowNote {
            row: 7,
            reason: "=HYPERLINK(\"x\"), no id".to_owned(),
            kept: false,
        },
        RowNote {
            row: 9,
            reason: "stage dates out of order; kept".to_owned(),
            kept: true,
        },
    ];
    assert_eq!(
        notes_csv(&notes),
        "line,reason,used\n7,\"'=HYPERLINK(\"\"x\"\"), no id\",no\n9,stage dates out of order; kept,yes (flagged)\n"
    );
}
