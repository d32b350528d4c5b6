//! The number checks every scenario field goes through, and how bounds and
//! rates are written in their messages.

/// Checks that `value` is a whole number in `[min, max]`.
pub(super) fn whole_number(value: f64, min: f64, max: f64, what: &str) -> Result<u64, String> {
    let v = number(value, min, max, what)?;
    if v.fract() != 0.0 {
        return Err(format!("{what} must be a whole number (got {v})"));
    }
    // In range and whole, so the conversion is exact.
    Ok(v as u64)
}

/// Checks that `value` is a finite number in `[min, max]`.
pub(super) fn number(value: f64, min: f64, max: f64, what: &str) -> Result<f64, String> {
    if !value.is_finite() {
        return Err(format!("{what} must be a number"));
    }
    if value < min {
        return Err(format!(
            "{what} must be at least {} (got {value})",
            plain(min)
        ));
    }
    if value > max {
        return Err(format!(
            "{what} must be at most {} (got {value})",
            plain(max)
        ));
    }
    Ok(value)
}

/// `1000000000000` → `1e12`, `5` → `5`: short bounds in messages.
pub(super) fn plain(v: f64) -> String {
    if v.abs() >= 1e6 {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

pub(super) fn format_percent(rate: f64) -> String {
    if rate.is_finite() {
        format!("{} %", (rate * 1e4).round() / 1e2)
    } else {
        "not a number".to_owned()
    }
}
