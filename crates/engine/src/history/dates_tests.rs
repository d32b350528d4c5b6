use super::*;

fn at(y: i32, m: u32, d: u32, hh: i64, mm: i64, ss: i64) -> Stamp {
    Day::from_ymd(y, m, d).expect("a real date").start() + hh * 3600 + mm * 60 + ss
}

#[test]
fn days_round_trip_through_the_calendar() {
    assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
    assert_eq!(Day::from_ymd(2000, 3, 1), Some(Day(11_017)));
    assert_eq!(Day(-1).ymd(), (1969, 12, 31));
    for n in -800_000..800_000 {
        let (y, m, d) = Day(n).ymd();
        assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
    }
}

#[test]
fn a_day_displays_and_reads_as_iso() {
    let day = Day::from_ymd(2025, 3, 4).expect("a real date");
    assert_eq!(day.to_string(), "2025-03-04");
    assert_eq!(Day::parse_iso("2025-03-04"), Some(day));
    assert_eq!(Day::parse_iso(" 2025-03-04 "), Some(day));
    assert_eq!(Day::parse_iso("2025-02-29"), None);
    assert_eq!(
        Day::parse_iso("2024-02-29").map(|d| d.ymd()),
        Some((2024, 2, 29))
    );
    assert_eq!(Day::parse_iso("2025-03-04 10:00"), None);
    assert_eq!(Day::parse_iso("04/03/2025"), None);
}

#[test]
fn a_stamp_falls_on_its_day() {
    let stamp = at(2025, 3, 4, 23, 59, 59);
    assert_eq!(Day::of(stamp).to_string(), "2025-03-04");
    assert_eq!(Day::of(-1), Day(-1));
    assert_eq!(Day::of(Day(5).start()), Day(5));
}

#[test]
fn iso_dates_and_times_read_as_written() {
    let p = |t: &str| parse_stamp(t, None);
    assert_eq!(p("2025-03-04"), Some(at(2025, 3, 4, 0, 0, 0)));
    assert_eq!(p("2025-03-04 14:22"), Some(at(2025, 3, 4, 14, 22, 0)));
    assert_eq!(p("2025-03-04 14:22:05"), Some(at(2025, 3, 4, 14, 22, 5)));
    assert_eq!(p("2025-03-04T14:22:05"), Some(at(2025, 3, 4, 14, 22, 5)));
    assert_eq!(p(" 2025-03-04 "), Some(at(2025, 3, 4, 0, 0, 0)));
}

#[test]
fn a_zone_is_read_and_not_applied() {
    let wall = Some(at(2025, 3, 4, 14, 22, 5));
    for text in [
        "2025-03-04T14:22:05.000+0000",
        "2025-03-04T14:22:05Z",
        "2025-03-04T14:22:05.123Z",
        "2025-03-04T14:22:05+01:00",
        "2025-03-04T14:22:05-0800",
        "2025-03-04T14:22:05+05",
        "2025-03-04 14:22:05 UTC",
    ] {
        assert_eq!(parse_stamp(text, None), wall, "{text}");
    }
    assert_eq!(parse_stamp("2025-03-04T14:22:05+1", None), None);
    assert_eq!(parse_stamp("2025-03-04T14:22:05 CET", None), None);
}

#[test]
fn epoch_milliseconds_are_integers_of_11_to_13_digits() {
    // 1741098125000 ms = 2025-03-04 14:22:05 UTC.
    assert_eq!(
        parse_stamp("1741098125000", None),
        Some(at(2025, 3, 4, 14, 22, 5))
    );
    assert_eq!(
        parse_stamp("1741098125999", None),
        Some(at(2025, 3, 4, 14, 22, 5))
    );
    assert_eq!(parse_stamp("10000000000", None), Some(10_000_000));
    // Ten digits would be seconds, 14 a stray number: neither is read.
    assert_eq!(parse_stamp("1741098125", None), None);
    assert_eq!(parse_stamp("17410981250000", None), None);
}

#[test]
fn year_last_dates_follow_the_order() {
    let dmy = Some(DateOrder::Dmy);
    let mdy = Some(DateOrder::Mdy);
    assert_eq!(
        parse_stamp("03/04/2025", dmy),
        Some(at(2025, 4, 3, 0, 0, 0))
    );
    assert_eq!(
        parse_stamp("03/04/2025", mdy),
        Some(at(2025, 3, 4, 0, 0, 0))
    );
    assert_eq!(parse_stamp("3.4.2025", dmy), Some(at(2025, 4, 3, 0, 0, 0)));
    assert_eq!(
        parse_stamp("03-04-2025", mdy),
        Some(at(2025, 3, 4, 0, 0, 0))
    );
    // Without an order: read only when the file's evidence is in the cell.
    assert_eq!(parse_stamp("03/04/2025", None), None);
    assert_eq!(
        parse_stamp("25/04/2025", None),
        Some(at(2025, 4, 25, 0, 0, 0))
    );
    assert_eq!(
        parse_stamp("04/25/2025", None),
        Some(at(2025, 4, 25, 0, 0, 0))
    );
    assert_eq!(
        parse_stamp("04/04/2025", None),
        Some(at(2025, 4, 4, 0, 0, 0))
    );
    // Against the order, or no such day.
    assert_eq!(parse_stamp("04/25/2025", dmy), None);
    assert_eq!(parse_stamp("31/02/2025", dmy), None);
    assert_eq!(parse_stamp("13/13/2025", None), None);
    // Mixed separators, two-digit years.
    assert_eq!(parse_stamp("03/04.2025", dmy), None);
    assert_eq!(parse_stamp("03/04/25", dmy), None);
}

#[test]
fn year_last_dates_take_a_clock_and_am_pm() {
    let mdy = Some(DateOrder::Mdy);
    assert_eq!(
        parse_stamp("03/04/2025 14:22", mdy),
        Some(at(2025, 3, 4, 14, 22, 0))
    );
    assert_eq!(
        parse_stamp("03/04/2025 14:22:05", mdy),
        Some(at(2025, 3, 4, 14, 22, 5))
    );
    assert_eq!(
        parse_stamp("03/04/2025 2:22 PM", mdy),
        Some(at(2025, 3, 4, 14, 22, 0))
    );
    assert_eq!(
        parse_stamp("03/04/2025 2:22:05 pm", mdy),
        Some(at(2025, 3, 4, 14, 22, 5))
    );
    assert_eq!(
        parse_stamp("03/04/2025 12:05 AM", mdy),
        Some(at(2025, 3, 4, 0, 5, 0))
    );
    assert_eq!(
        parse_stamp("03/04/2025 12:05 PM", mdy),
        Some(at(2025, 3, 4, 12, 5, 0))
    );
    assert_eq!(
        parse_stamp("03/04/2025 9:05a.m.", mdy),
        Some(at(2025, 3, 4, 9, 5, 0))
    );
    assert_eq!(parse_stamp("03/04/2025 13:05 PM", mdy), None);
    assert_eq!(parse_stamp("03/04/2025 24:00", mdy), None);
    assert_eq!(parse_stamp("03/04/2025 x", mdy), None);
}

#[test]
fn the_parts_of_a_year_last_date_are_the_order_evidence() {
    assert_eq!(year_last_parts("25/04/2025 10:00"), Some((25, 4)));
    assert_eq!(year_last_parts(" 4.25.2025"), Some((4, 25)));
    assert_eq!(year_last_parts("2025-04-25"), None);
    assert_eq!(year_last_parts("1741098125000"), None);
}

#[test]
fn other_text_is_not_a_date() {
    for text in [
        "",
        " ",
        "tomorrow",
        "2025-13-01",
        "2025-02-30",
        "2025/03/04",
        "-",
        "2025-03-04 14",
        "2025-03-04 14:2",
    ] {
        assert_eq!(parse_stamp(text, Some(DateOrder::Dmy)), None, "{text}");
    }
}
