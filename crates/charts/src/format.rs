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
    let digits = (1 - value.abs().log10().floor() as i32).max(0) as usize;
    format!("{value:.digits$}")
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
