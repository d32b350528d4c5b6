//! Saved scenarios: one stored entry per scenario, so a damaged entry never
//! takes the others with it. Pure encoding and decoding, tested natively.
//!
//! Each entry lives under `funnelcast.scenario.<id>` as
//! `{"app":"funnelcast","version":1,"kind":"scenario","id","name","modified","revision","scenario"}`.
//! `revision` grows with every save, so a tab can tell that another tab
//! saved a newer version and must not overwrite it.

use super::DecodeError;
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

pub fn encode_entry(entry: &Entry) -> String {
    let stored = StoredEntry {
        app: "funnelcast".to_owned(),
        version: ENTRY_VERSION,
        kind: "scenario".to_owned(),
        entry: entry.clone(),
    };
    serde_json::to_string(&stored).unwrap_or_default()
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
        assert_eq!(decode_entry(&encode_entry(&entry())), Ok(entry()));
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
}
