//! Number formatting for labels: thousands separators, compact forms and
//! percentages.

/// `1234567.4` → `"1,234,567"`: rounded, with thousands separators.
pub fn count(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let rounded = value.round();
    let negative = rounded < 0.0;
    let digits = format!("{}", rounded.abs() as u64);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if negative {
        out.push('−');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A mean with one decimal below 100 (`12.3`), else a rounded count.
pub fn mean(value: f64) -> String {
    if value.is_finite() && value.abs() < 100.0 && value.fract() != 0.0 {
        format!("{value:.1}")
    } else {
        count(value)
    }
}

/// Small quantities such as standard errors: two significant digits below
/// 10 (`0.031`, `2.4`), else like [`mean`].
pub fn small(value: f64) -> String {
    if !value.is_finite() || value == 0.0 || value.abs() >= 10.0 {
        return mean(value);
    }
    format!("{value:.0$}", error_decimals(value))
}

/// The decimals that show `error` with two significant digits (`0.025` → 3,
/// `2.4` → 1), none from 10 up: whole numbers are precise enough there.
fn error_decimals(error: f64) -> usize {
    (1 - error.abs().log10().floor() as i32).max(0) as usize
}

/// `value` with `decimals` decimals and thousands separators:
/// `(1234.567, 2)` → `"1,234.57"`.
fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{:.decimals$}", value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = count(whole.parse::<f64>().unwrap_or(0.0));
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
    // The sign of what was written: `-0.0004` at 3 decimals is "0.000".
    if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.insert(0, '−');
    }
    out
}

/// A mean and its standard error, the error with two significant digits and
/// the mean to the same decimal place: `(25.0312, 0.0253)` →
/// `"25.031 ± 0.025"` (a rounded error of 0 would hide that there is one).
/// An error of 0 (or not finite) shows the mean as [`mean`] does.
pub fn mean_with_error(value: f64, error: f64) -> String {
    if !value.is_finite() {
        return count(value);
    }
    if !error.is_finite() || error <= 0.0 {
        return format!("{} ± 0", mean(value));
    }
    let decimals = error_decimals(error);
    format!("{} ± {}", fixed(value, decimals), fixed(error, decimals))
}

/// Axis labels: `950`, `1.2k`, `3.4M`.
pub fn compact(value: f64) -> String {
    let a = value.abs();
    let (scaled, suffix) = if a >= 1e9 {
        (value / 1e9, "B")
    } else if a >= 1e6 {
        (value / 1e6, "M")
    } else if a >= 1e4 {
        (value / 1e3, "k")
    } else {
        return count(value);
    };
    let text = format!("{scaled:.1}");
    format!("{}{suffix}", text.trim_end_matches(".0"))
}

/// A fraction as a percentage: `0.4` → `"40 %"`, `0.125` → `"12.5 %"`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "–".to_owned();
    }
    let p = (fraction * 1000.0).round() / 10.0;
    if p.fract() == 0.0 {
        format!("{p:.0} %")
    } else {
        format!("{p:.1} %")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_separators() {
        assert_eq!(count(0.0), "0");
        assert_eq!(count(999.4), "999");
        assert_eq!(count(1000.0), "1,000");
        assert_eq!(count(1_234_567.0), "1,234,567");
        assert_eq!(count(-1500.0), "−1,500");
        assert_eq!(count(f64::NAN), "–");
    }

    #[test]
    fn means_and_compact() {
        assert_eq!(mean(12.345), "12.3");
        assert_eq!(mean(12.0), "12");
        assert_eq!(mean(1234.5), "1,235");
        assert_eq!(compact(950.0), "950");
        assert_eq!(compact(12_000.0), "12k");
        assert_eq!(compact(3_450_000.0), "3.5M");
    }

    #[test]
    fn small_values_keep_two_significant_digits() {
        assert_eq!(small(0.0312), "0.031");
        assert_eq!(small(2.44), "2.4");
        assert_eq!(small(0.0), "0");
        assert_eq!(small(12.3), "12.3");
    }

    #[test]
    fn a_mean_matches_the_precision_of_its_error() {
        assert_eq!(mean_with_error(25.0312, 0.0253), "25.031 ± 0.025");
        assert_eq!(mean_with_error(25.0, 0.004), "25.0000 ± 0.0040");
        assert_eq!(mean_with_error(1234.5678, 0.31), "1,234.57 ± 0.31");
        assert_eq!(mean_with_error(812.4, 2.44), "812.4 ± 2.4");
        assert_eq!(mean_with_error(12_345.6, 48.7), "12,346 ± 49");
        assert_eq!(mean_with_error(1_234_567.0, 3_456.0), "1,234,567 ± 3,456");
        assert_eq!(mean_with_error(-3.2184, 0.012), "−3.218 ± 0.012");
        assert_eq!(mean_with_error(-0.0002, 0.012), "0.000 ± 0.012");
    }

    #[test]
    fn a_mean_without_error_is_written_plainly() {
        assert_eq!(mean_with_error(25.0, 0.0), "25 ± 0");
        assert_eq!(mean_with_error(12.34, 0.0), "12.3 ± 0");
        assert_eq!(mean_with_error(12.34, f64::NAN), "12.3 ± 0");
        assert_eq!(mean_with_error(f64::NAN, 0.1), "–");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0.4), "40 %");
        assert_eq!(percent(0.125), "12.5 %");
        assert_eq!(percent(1.0), "100 %");
    }
}

/// A CSV field: quoted when it holds a separator, quote or line break, and
/// prefixed with `'` when a spreadsheet would read it as a formula.
pub fn csv_field(text: &str) -> String {
    let guarded =
        if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err() {
            format!("'{text}")
        } else {
            text.to_owned()
        };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod csv_tests {
    use super::csv_field;

    #[test]
    fn fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_field("Qualification"), "Qualification");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(csv_field("@cmd"), "'@cmd");
        assert_eq!(csv_field("-12.5"), "-12.5", "negative numbers stay numbers");
        assert_eq!(csv_field("-x"), "'-x");
    }
}
