//! Saved scenarios: one stored entry per scenario, so a damaged entry never
//! takes the others with it. Pure encoding and decoding, tested natively.
//!
//! Each entry lives under `funnelcast.scenario.<id>` as
//! `{"app":"funnelcast","version":1,"kind":"scenario","id","name","modified","revision","scenario"}`.
//! `revision` grows with every save, so a tab can tell that another tab
//! saved a newer version and must not overwrite it.

use super::{to_json, DecodeError, EncodeError};
use engine::ScenarioInput;
use serde::{Deserialize, Serialize};

/// Prefix of saved-scenario keys.
pub const ENTRY_PREFIX: &str = "funnelcast.scenario.";
/// Entry format version written by this build.
pub const ENTRY_VERSION: u32 = 1;
/// Longest scenario name kept.
pub const MAX_NAME: usize = 200;

/// A saved scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    /// Milliseconds since the Unix epoch of the last save.
    pub modified: f64,
    /// Grows by one with every save.
    pub revision: u64,
    pub scenario: ScenarioInput,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    app: String,
    version: u32,
    kind: String,
    #[serde(flatten)]
    entry: Entry,
}

#[derive(Deserialize)]
struct Header {
    app: String,
    version: u32,
    kind: Option<String>,
}

/// A name as shown and stored: control characters removed, whitespace
/// trimmed, at most [`MAX_NAME`] characters, never empty.
pub fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|c| !c.is_control())
        .collect::<String>()
        .trim()
        .chars()
        .take(MAX_NAME)
        .collect();
    if cleaned.is_empty() {
        "Untitled scenario".to_owned()
    } else {
        cleaned
    }
}

/// The storage key of entry `id`.
pub fn entry_key(id: &str) -> String {
    format!("{ENTRY_PREFIX}{id}")
}

/// Serialises an entry for storage.
pub fn encode_entry(entry: &Entry) -> Result<String, EncodeError> {
    to_json(&StoredEntry {
        app: "funnelcast".to_owned(),
        version: ENTRY_VERSION,
        kind: "scenario".to_owned(),
        entry: entry.clone(),
    })
}

/// Reads a stored entry of any version this build knows.
pub fn decode_entry(raw: &str) -> Result<Entry, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let header: Header = serde_json::from_value(value.clone()).map_err(|_| DecodeError::NotOurs)?;
    if header.app != "funnelcast" || header.kind.as_deref() != Some("scenario") {
        return Err(DecodeError::NotOurs);
    }
    match header.version {
        1 => {
            let stored: StoredEntry = serde_json::from_value(value)
                .map_err(|e| DecodeError::BadScenario(e.to_string()))?;
            let mut entry = stored.entry;
            entry.name = clean_name(&entry.name);
            Ok(entry)
        }
        v if v > ENTRY_VERSION => Err(DecodeError::NewerVersion(v)),
        _ => Err(DecodeError::NotOurs),
    }
}

/// A name not yet used among `taken`: `name`, else `name (2)`, `name (3)`…
pub fn unique_name(name: &str, taken: &[&str]) -> String {
    let base = clean_name(name);
    if !taken.contains(&base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|candidate| !taken.contains(&candidate.as_str()))
        .unwrap_or(base)
}

/// A fresh entry id from the time (ms since the Unix epoch) and a random
/// number in [0, 1): both in base 36.
pub fn new_id(now: f64, random: f64) -> String {
    format!("{}{}", radix36(now as u64), radix36((random * 1e12) as u64))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = include_str!("../../tests/fixtures/storage/entry-v1.json");

    fn entry() -> Entry {
        Entry {
            id: "abc123".to_owned(),
            name: "Q1 baseline".to_owned(),
            modified: 1_764_000_000_000.0,
            revision: 3,
            scenario: ScenarioInput::default(),
        }
    }

    #[test]
    fn round_trip() {
        let raw = encode_entry(&entry()).expect("encodes");
        assert_eq!(decode_entry(&raw), Ok(entry()));
    }

    #[test]
    fn version_1_fixture_loads() {
        let e = decode_entry(V1).expect("fixture decodes");
        assert_eq!(
            (e.id.as_str(), e.name.as_str(), e.revision),
            ("k2x9", "Enterprise, long cycles", 7)
        );
        assert_eq!(e.scenario.horizon_weeks, Some(26.0));
    }

    #[test]
    fn damaged_and_foreign_entries_are_reported() {
        assert!(matches!(decode_entry("{"), Err(DecodeError::NotJson(_))));
        assert_eq!(
            decode_entry(r#"{"app":"funnelcast","version":1}"#),
            Err(DecodeError::NotOurs)
        );
        let newer = V1.replace("\"version\": 1,\n  \"kind\"", "\"version\": 4,\n  \"kind\"");
        assert_eq!(decode_entry(&newer), Err(DecodeError::NewerVersion(4)));
        let broken = V1.replace("\"revision\": 7", "\"revision\": \"seven\"");
        assert!(matches!(
            decode_entry(&broken),
            Err(DecodeError::BadScenario(_))
        ));
    }

    #[test]
    fn names_are_cleaned_and_made_unique() {
        assert_eq!(clean_name("  A\u{0}B\n "), "AB");
        assert_eq!(clean_name(""), "Untitled scenario");
        assert_eq!(clean_name(&"x".repeat(500)).chars().count(), MAX_NAME);
        assert_eq!(unique_name("Plan", &["Plan", "Plan (2)"]), "Plan (3)");
        assert_eq!(unique_name("New", &["Plan"]), "New");
    }

    #[test]
    fn ids_are_base_36_of_time_and_randomness() {
        assert_eq!(radix36(0), "0");
        assert_eq!(radix36(35), "z");
        assert_eq!(radix36(36), "10");
        assert_eq!(new_id(36.0, 0.0), "100");
        assert_ne!(new_id(1e12, 0.1), new_id(1e12, 0.2));
    }
}
