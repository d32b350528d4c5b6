//! Amounts as CRMs write them: plain numbers, thousands separators, a
//! currency symbol or code.

/// An amount and the currency it names, if any (`"USD"`, `"EUR"`, or the
/// symbol as written when it has no unique code, e.g. `"$"`).
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub currency: Option<String>,
}

/// Reads one amount cell. `comma_decimal`: the file uses `,` as the decimal
/// mark (a `;`-separated file). None: not a number.
pub fn parse_amount(text: &str, comma_decimal: bool) -> Option<Amount> {
    todo!("E1")
}
