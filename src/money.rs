//! Money in the user's currency, formatted for the browser's locale
//! (`Intl.NumberFormat`).

use wasm_bindgen::JsValue;

/// Currencies offered, ISO 4217 codes with a name for the picker.
pub const CURRENCIES: [(&str, &str); 10] = [
    ("USD", "US dollar"),
    ("EUR", "Euro"),
    ("GBP", "British pound"),
    ("JPY", "Japanese yen"),
    ("CHF", "Swiss franc"),
    ("CAD", "Canadian dollar"),
    ("AUD", "Australian dollar"),
    ("INR", "Indian rupee"),
    ("BRL", "Brazilian real"),
    ("SEK", "Swedish krona"),
];

/// Whether `code` is one of [`CURRENCIES`] (anything else could make
/// `Intl.NumberFormat` throw).
pub fn is_known(code: &str) -> bool {
    CURRENCIES.iter().any(|(c, _)| *c == code)
}

fn format_with(value: f64, currency: &str, compact: bool) -> Option<String> {
    if !is_known(currency) || !value.is_finite() {
        return None;
    }
    let options = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&options, &k.into(), &v).ok();
    set("style", "currency".into())?;
    set("currency", currency.into())?;
    set("maximumFractionDigits", if compact { 1 } else { 0 }.into())?;
    if compact {
        set("notation", "compact".into())?;
    }
    let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::new(), &options).format();
    format
        .call1(&JsValue::NULL, &value.into())
        .ok()?
        .as_string()
}

/// `268000` → `"$268,000"` (in the browser's locale).
pub fn money(value: f64, currency: &str) -> String {
    format_with(value.round(), currency, false)
        .unwrap_or_else(|| format!("{} {currency}", charts::format::count(value)))
}

/// Axis labels: `"$250K"`.
pub fn money_compact(value: f64, currency: &str) -> String {
    format_with(value, currency, true)
        .unwrap_or_else(|| format!("{} {currency}", charts::format::compact(value)))
}
