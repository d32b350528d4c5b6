use super::*;

fn value(text: &str, comma_decimal: bool) -> Option<f64> {
    parse_amount(text, comma_decimal).map(|a| a.value)
}

fn currency(text: &str) -> Option<String> {
    parse_amount(text, false).and_then(|a| a.currency)
}

#[test]
fn plain_and_grouped_numbers() {
    assert_eq!(value("1200", false), Some(1200.0));
    assert_eq!(value(" 1200 ", false), Some(1200.0));
    assert_eq!(value("1200.5", false), Some(1200.5));
    assert_eq!(value("1,200.50", false), Some(1200.5));
    assert_eq!(value("1.200,50", false), Some(1200.5));
    assert_eq!(value("1 200", false), Some(1200.0));
    assert_eq!(value("1\u{a0}200,50", true), Some(1200.5));
    assert_eq!(value("1,234,567", false), Some(1_234_567.0));
    assert_eq!(value("1.234.567", false), Some(1_234_567.0));
    assert_eq!(value("0", false), Some(0.0));
    assert_eq!(value("-1200", false), Some(-1200.0));
    assert_eq!(value("1.2E+05", false), Some(120_000.0));
}

#[test]
fn a_lone_comma_is_decimal_in_a_semicolon_file_else_thousands_when_grouped() {
    assert_eq!(value("1,200", false), Some(1200.0));
    assert_eq!(value("1,5", false), Some(1.5));
    assert_eq!(value("1,50", false), Some(1.5));
    assert_eq!(value("1,200", true), Some(1.2));
    assert_eq!(value("1200,50", true), Some(1200.5));
    assert_eq!(value("1,200,300", true), Some(1_200_300.0));
}

#[test]
fn currency_symbols_and_codes() {
    assert_eq!(value("$1,200", false), Some(1200.0));
    assert_eq!(currency("$1,200").as_deref(), Some("$"));
    assert_eq!(value("USD 1200", false), Some(1200.0));
    assert_eq!(currency("USD 1200").as_deref(), Some("USD"));
    assert_eq!(currency("1200 EUR").as_deref(), Some("EUR"));
    assert_eq!(currency("1200eur").as_deref(), Some("EUR"));
    assert_eq!(value("€1.200,50", false), Some(1200.5));
    assert_eq!(currency("€1.200,50").as_deref(), Some("EUR"));
    assert_eq!(currency("1 200 €").as_deref(), Some("EUR"));
    assert_eq!(currency("£5").as_deref(), Some("GBP"));
    assert_eq!(currency("US$5").as_deref(), Some("USD"));
    assert_eq!(value("-$1,200", false), Some(-1200.0));
    assert_eq!(value("$-1,200", false), Some(-1200.0));
    assert_eq!(currency("1200"), None);
}

#[test]
fn other_text_is_not_a_number() {
    for text in [
        "",
        "abc",
        "USD",
        "$",
        "(1,200)",
        "1,2,3",
        "12 34",
        "1.2.3",
        "1-2",
        "--5",
        "1,200.50.3",
        "1200 EURO",
        "tbd",
        "NaN",
        "inf",
        "1e",
        "e5",
    ] {
        assert_eq!(parse_amount(text, false), None, "{text}");
    }
}

#[test]
fn currency_columns_and_comparisons() {
    assert_eq!(currency_of(" usd ").as_deref(), Some("USD"));
    assert_eq!(currency_of("€").as_deref(), Some("EUR"));
    assert_eq!(currency_of("$").as_deref(), Some("$"));
    assert_eq!(currency_of("dollars"), None);
    assert!(same_currency("USD", "USD"));
    assert!(same_currency("$", "USD"));
    assert!(same_currency("CAD", "$"));
    assert!(same_currency("¥", "JPY"));
    assert!(!same_currency("EUR", "USD"));
    assert!(!same_currency("$", "EUR"));
}
