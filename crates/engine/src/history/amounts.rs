//! Amounts as CRMs write them: plain numbers, thousands separators, a
//! currency symbol or code.

/// An amount and the currency it names, if any (`"USD"`, `"EUR"`, or the
/// symbol as written when it has no unique code, e.g. `"$"`).
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub value: f64,
    pub currency: Option<String>,
}

/// Symbols with one currency each, longest first so `US$` wins over `$`.
/// `$`, `¥` and `kr` name several currencies and stay as written.
const SYMBOLS: [(&str, &str); 22] = [
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("MX$", "MXN"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₴", "UAH"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("₫", "VND"),
    ("฿", "THB"),
];
const AMBIGUOUS_SYMBOLS: [&str; 3] = ["$", "¥", "kr"];

/// Reads one amount cell. `comma_decimal`: the file uses `,` as the decimal
/// mark (a `;`-separated file). None: not a number.
pub fn parse_amount(text: &str, comma_decimal: bool) -> Option<Amount> {
    let mut rest = text.trim();
    let mut negative = false;
    if let Some(after) = rest.strip_prefix('-') {
        negative = true;
        rest = after.trim_start();
    }
    let (number, currency) = split_currency(rest)?;
    let mut number = number.trim();
    if let Some(after) = number.strip_prefix('-').filter(|_| !negative) {
        negative = true;
        number = after.trim_start();
    }
    let value = parse_number(number, comma_decimal)?;
    let value = if negative { -value } else { value };
    Some(Amount { value, currency })
}

/// Whether two currencies can be the same: equal, or a `$`/`¥` symbol
/// beside a code it may stand for (USD, CAD…; JPY, CNY).
pub fn same_currency(a: &str, b: &str) -> bool {
    let may_be = |symbol: &str, code: &str| match symbol {
        "$" => code.len() == 3 && code.ends_with('D'),
        "¥" => code == "JPY" || code == "CNY",
        "kr" => matches!(code, "SEK" | "NOK" | "DKK" | "ISK"),
        _ => false,
    };
    a == b || may_be(a, b) || may_be(b, a)
}

/// A currency column's cell as a currency: a code (any case) or a symbol.
pub fn currency_of(cell: &str) -> Option<String> {
    let cell = cell.trim();
    if is_code(cell) {
        return Some(cell.to_ascii_uppercase());
    }
    if let Some((_, code)) = SYMBOLS.iter().find(|(symbol, _)| *symbol == cell) {
        return Some((*code).to_string());
    }
    AMBIGUOUS_SYMBOLS.contains(&cell).then(|| cell.to_string())
}

fn is_code(text: &str) -> bool {
    text.len() == 3 && text.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Splits off a currency written before or after the number. None when
/// letters remain that are not a currency.
fn split_currency(text: &str) -> Option<(&str, Option<String>)> {
    for (symbol, code) in SYMBOLS {
        if let Some(rest) = text
            .strip_prefix(symbol)
            .or_else(|| text.strip_suffix(symbol))
        {
            return Some((rest, Some(code.to_string())));
        }
    }
    for symbol in AMBIGUOUS_SYMBOLS {
        if let Some(rest) = text
            .strip_prefix(symbol)
            .or_else(|| text.strip_suffix(symbol))
        {
            return Some((rest, Some(symbol.to_string())));
        }
    }
    let prefix = text.get(..3).filter(|head| is_code(head));
    if let Some(code) = prefix {
        let rest = &text[3..];
        if !rest.starts_with(|c: char| c.is_alphabetic()) {
            return Some((rest, Some(code.to_ascii_uppercase())));
        }
    }
    let split = text
        .len()
        .checked_sub(3)
        .filter(|at| text.is_char_boundary(*at));
    if let Some(at) = split {
        let (rest, code) = text.split_at(at);
        if is_code(code) && !rest.ends_with(|c: char| c.is_alphabetic()) {
            return Some((rest, Some(code.to_ascii_uppercase())));
        }
    }
    Some((text, None))
}

/// Group separators that are never a decimal mark.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’')
}

/// A number with thousands separators and a decimal mark: the rules of
/// `docs/history-import.md`.
fn parse_number(text: &str, comma_decimal: bool) -> Option<f64> {
    if text.is_empty() {
        return None;
    }
    if let Some(value) = scientific(text) {
        return Some(value);
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.' || is_group_space(c))
    {
        return None;
    }
    let commas = text.matches(',').count();
    let dots = text.matches('.').count();
    let groups_of_three = |mark: char| text.split(mark).skip(1).all(|g| leading_digits(g) == 3);
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, 0) if comma_decimal && commas == 1 => Some(','),
        (_, 0) if groups_of_three(',') => None,
        (1, 0) => Some(','),
        (0, 1) => Some('.'),
        (0, _) if groups_of_three('.') => None,
        (0, _) => return None,
        _ => text
            .rfind([',', '.'])
            .and_then(|at| text[at..].chars().next()),
    };
    let (whole, fraction) = match decimal {
        Some(mark) => {
            let at = text.rfind(mark)?;
            (&text[..at], &text[at + mark.len_utf8()..])
        }
        None => (text, ""),
    };
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = grouped_digits(whole)?;
    if digits.is_empty() && fraction.is_empty() {
        return None;
    }
    let plain = format!(
        "{}.{}",
        if digits.is_empty() { "0" } else { &digits },
        fraction
    );
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn leading_digits(text: &str) -> usize {
    text.chars().take_while(char::is_ascii_digit).count()
}

/// The digits of a whole part written with group separators (`,` `.` or a
/// space): every group after the first has three digits.
fn grouped_digits(whole: &str) -> Option<String> {
    let groups: Vec<&str> = whole
        .split(|c: char| c == ',' || c == '.' || is_group_space(c))
        .collect();
    let first_ok = groups.len() == 1 || (1..=3).contains(&groups[0].len());
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    Some(groups.concat())
}

/// `1.2E+05`, as spreadsheets write large numbers.
fn scientific(text: &str) -> Option<f64> {
    let (mantissa, exponent) = text.split_once(['e', 'E'])?;
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let exponent_ok = exponent
        .strip_prefix('-')
        .unwrap_or(exponent)
        .bytes()
        .all(|b| b.is_ascii_digit());
    let mantissa_ok = mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if exponent.is_empty() || !exponent_ok || mantissa.is_empty() || !mantissa_ok {
        return None;
    }
    format!("{mantissa}e{exponent}")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
#[path = "amounts_tests.rs"]
mod tests;
