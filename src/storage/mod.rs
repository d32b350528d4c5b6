//! Saved data: the schema of what Funnelcast keeps in localStorage, its
//! migrations, and thin wrappers around the browser's storage.
//!
//! The draft (the scenario being edited) is stored under [`DRAFT_KEY`] in a
//! versioned envelope. Decoding is pure and tested natively against fixtures
//! of every stored version. Nothing that fails to decode is deleted: it is
//! copied aside under its own key, and the user is told and can download it.

pub mod files;
pub mod library;

use engine::ScenarioInput;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Key of the autosaved draft.
pub const DRAFT_KEY: &str = "funnelcast.draft";
/// Prefix of keys holding stored values that could not be read.
pub const UNREADABLE_PREFIX: &str = "funnelcast.unreadable.";
/// Version of the stored envelope written by this build.
pub const STORAGE_VERSION: u32 = 1;
/// Marks our envelopes, so a foreign value under our key is recognised.
const APP_TAG: &str = "funnelcast";

/// The stored envelope, as written by this version.
#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    app: String,
    version: u32,
    /// Milliseconds since the Unix epoch when the value was saved.
    saved_at: f64,
    scenario: T,
}

/// Only the fields every envelope version has, to read the version first.
#[derive(Deserialize)]
struct EnvelopeHeader {
    app: String,
    version: u32,
}

/// Why a stored value could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum DecodeError {
    /// Not JSON at all (truncated, edited by hand, another app's data).
    NotJson(String),
    /// JSON, but not a Funnelcast envelope.
    NotOurs,
    /// Written by a newer Funnelcast; left untouched.
    NewerVersion(u32),
    /// A Funnelcast envelope whose scenario does not fit the format.
    BadScenario(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            DecodeError::NotOurs => f.write_str("it is not a Funnelcast scenario"),
            DecodeError::NewerVersion(v) => write!(
                f,
                "it was saved by a newer version of Funnelcast (storage version {v}; this one reads up to {STORAGE_VERSION})"
            ),
            DecodeError::BadScenario(e) => write!(f, "its scenario is damaged ({e})"),
        }
    }
}

/// Serialises the draft for storage.
pub fn encode_draft(scenario: &ScenarioInput, saved_at: f64) -> String {
    let envelope = Envelope {
        app: APP_TAG.to_owned(),
        version: STORAGE_VERSION,
        saved_at,
        scenario,
    };
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads a stored draft of any version this build knows.
pub fn decode_draft(raw: &str) -> Result<ScenarioInput, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let header: EnvelopeHeader =
        serde_json::from_value(value.clone()).map_err(|_| DecodeError::NotOurs)?;
    if header.app != APP_TAG {
        return Err(DecodeError::NotOurs);
    }
    match header.version {
        // Version 1 is the current one; older versions get a migration arm here.
        1 => {
            let envelope: Envelope<ScenarioInput> = serde_json::from_value(value)
                .map_err(|e| DecodeError::BadScenario(e.to_string()))?;
            Ok(envelope.scenario)
        }
        v if v > STORAGE_VERSION => Err(DecodeError::NewerVersion(v)),
        _ => Err(DecodeError::NotOurs),
    }
}

/// Why a write to storage failed.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser's quota for this site is used up.
    Full,
    /// Storage is switched off or blocked (some private modes, policies).
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => f.write_str("the browser's storage for this site is full"),
            StorageError::Unavailable => {
                f.write_str("the browser does not allow this site to store data")
            }
            StorageError::Other(e) => write!(f, "the browser refused to store data ({e})"),
        }
    }
}

/// The outcome of loading the draft at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftLoad {
    /// Nothing saved yet.
    Empty,
    Loaded(ScenarioInput),
    /// Something is stored but cannot be used. `kept_as` names the key it was
    /// copied to (None if even that failed: then autosave must not overwrite it).
    Unreadable {
        reason: DecodeError,
        raw: String,
        kept_as: Option<String>,
    },
    /// Storage cannot be read at all.
    Unavailable(StorageError),
}

/// Names the error of a storage call, in any browser's spelling.
pub fn classify_error(err: &wasm_bindgen::JsValue) -> StorageError {
    let prop = |name: &str| js_sys::Reflect::get(err, &name.into()).ok();
    let name = prop("name").and_then(|v| v.as_string()).unwrap_or_default();
    let code = prop("code").and_then(|v| v.as_f64()).unwrap_or(0.0);
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable,
        _ if code == 22.0 || code == 1014.0 => StorageError::Full,
        _ => {
            let message = prop("message").and_then(|v| v.as_string()).unwrap_or(name);
            StorageError::Other(message)
        }
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable),
        Err(e) => Err(classify_error(&e)),
    }
}

/// Reads a raw value.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|e| classify_error(&e))
}

/// Writes a raw value.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, value)
        .map_err(|e| classify_error(&e))
}

/// Loads the draft; an unreadable one is copied aside first.
pub fn load_draft() -> DraftLoad {
    let raw = match read(DRAFT_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return DraftLoad::Empty,
        Err(e) => return DraftLoad::Unavailable(e),
    };
    match decode_draft(&raw) {
        Ok(scenario) => DraftLoad::Loaded(scenario),
        // A newer version's draft stays where it is, untouched; autosave
        // pauses (kept_as None) so this version does not overwrite it.
        Err(reason @ DecodeError::NewerVersion(_)) => DraftLoad::Unreadable {
            reason,
            raw,
            kept_as: None,
        },
        Err(reason) => {
            // Copied aside once; only then is the draft's key freed, so the
            // next visit does not copy it again (and nothing is ever lost).
            let key = format!("{UNREADABLE_PREFIX}{}", js_sys::Date::now() as u64);
            let kept_as = write(&key, &raw).ok().map(|()| key);
            if kept_as.is_some() {
                let _ = remove(DRAFT_KEY);
            }
            DraftLoad::Unreadable {
                reason,
                raw,
                kept_as,
            }
        }
    }
}

/// Key of the app's settings (not part of any scenario).
pub const SETTINGS_KEY: &str = "funnelcast.settings";

/// Settings kept across visits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub version: u32,
    /// ISO 4217 code of the currency money is shown in.
    pub currency: String,
    /// Colour theme: "auto" (follow the system), "light" or "dark".
    pub theme: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: 1,
            currency: "USD".to_owned(),
            theme: "auto".to_owned(),
        }
    }
}

/// Settings from storage; defaults when absent or unreadable (they are
/// preferences, not data: nothing is lost by starting afresh).
pub fn load_settings() -> Settings {
    read(SETTINGS_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> Result<(), StorageError> {
    write(
        SETTINGS_KEY,
        &serde_json::to_string(settings).unwrap_or_default(),
    )
}

/// Saves the draft.
pub fn save_draft(scenario: &ScenarioInput) -> Result<(), StorageError> {
    write(DRAFT_KEY, &encode_draft(scenario, js_sys::Date::now()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: &str = include_str!("../../tests/fixtures/storage/draft-v1.json");

    #[test]
    fn round_trip() {
        let mut input = ScenarioInput::default();
        input.stages[1].rate = 0.3;
        let raw = encode_draft(&input, 1_700_000_000_000.0);
        assert_eq!(decode_draft(&raw), Ok(input));
    }

    #[test]
    fn version_1_fixture_loads() {
        let s = decode_draft(V1).expect("v1 fixture decodes");
        assert_eq!(s.name, "Q1 forecast");
        assert_eq!(s.stages[1].rate, 0.35);
        assert_eq!(s.seed, 7);
    }

    #[test]
    fn damaged_values_are_reported_not_guessed() {
        assert!(matches!(
            decode_draft("{\"app\":\"funnel"),
            Err(DecodeError::NotJson(_))
        ));
        assert_eq!(decode_draft("[1,2]"), Err(DecodeError::NotOurs));
        assert_eq!(
            decode_draft(r#"{"app":"other","version":1}"#),
            Err(DecodeError::NotOurs)
        );
        let newer = V1.replace(
            "\"version\": 1,\n  \"saved_at\"",
            "\"version\": 9,\n  \"saved_at\"",
        );
        assert_eq!(decode_draft(&newer), Err(DecodeError::NewerVersion(9)));
        let bad = V1.replace("\"rate\": 0.35", "\"rate\": \"high\"");
        assert!(matches!(
            decode_draft(&bad),
            Err(DecodeError::BadScenario(_))
        ));
    }
}

/// Removes a key.
pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|e| classify_error(&e))
}

/// Every key that starts with `prefix`.
pub fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let count = storage.length().map_err(|e| classify_error(&e))?;
    Ok((0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect())
}

/// A stored entry that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct Unusable {
    /// Where it is now (moved aside for damaged entries, in place for newer ones).
    pub key: String,
    pub reason: DecodeError,
    pub raw: String,
}

/// The saved scenarios, newest first, and those that could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryLoad {
    pub entries: Vec<library::Entry>,
    pub unusable: Vec<Unusable>,
    pub error: Option<StorageError>,
}

/// Loads every saved scenario. A damaged entry is copied aside (under
/// [`UNREADABLE_PREFIX`]) before its key is freed; an entry from a newer
/// version stays where it is, untouched.
pub fn load_library() -> LibraryLoad {
    let mut load = LibraryLoad::default();
    let keys = match keys_with_prefix(library::ENTRY_PREFIX) {
        Ok(keys) => keys,
        Err(e) => {
            load.error = Some(e);
            return load;
        }
    };
    for key in keys {
        let Ok(Some(raw)) = read(&key) else { continue };
        match library::decode_entry(&raw) {
            Ok(entry) => load.entries.push(entry),
            Err(reason @ DecodeError::NewerVersion(_)) => {
                load.unusable.push(Unusable { key, reason, raw })
            }
            Err(reason) => {
                let aside = format!(
                    "{UNREADABLE_PREFIX}{}",
                    key.trim_start_matches("funnelcast.")
                );
                let kept = if write(&aside, &raw).is_ok() {
                    let _ = remove(&key);
                    aside
                } else {
                    key
                };
                load.unusable.push(Unusable {
                    key: kept,
                    reason,
                    raw,
                });
            }
        }
    }
    load.entries
        .sort_by(|a, b| b.modified.total_cmp(&a.modified));
    load
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    Storage(StorageError),
    /// Another tab saved a newer revision; here it is.
    Conflict(Box<library::Entry>),
}

/// Saves `entry`, which was based on revision `based_on` (None for a new
/// entry). Refuses if the stored entry has moved past that revision.
pub fn save_entry(entry: &library::Entry, based_on: Option<u64>) -> Result<(), SaveError> {
    let key = library::entry_key(&entry.id);
    if let Ok(Some(raw)) = read(&key) {
        if let Ok(stored) = library::decode_entry(&raw) {
            if based_on.is_none_or(|rev| stored.revision > rev) {
                return Err(SaveError::Conflict(Box::new(stored)));
            }
        }
    }
    write(&key, &library::encode_entry(entry)).map_err(SaveError::Storage)
}

/// Deletes a saved scenario.
pub fn delete_entry(id: &str) -> Result<(), StorageError> {
    remove(&library::entry_key(id))
}

/// A fresh entry id: time and randomness in base 36.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e12) as u64;
    format!("{}{}", radix36(t), radix36(r))
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

/// Key remembering which saved scenario the draft belongs to.
pub const OPEN_KEY: &str = "funnelcast.open";

#[derive(Serialize, Deserialize)]
struct OpenLink {
    id: String,
    revision: u64,
}

/// Remembers (or forgets) the saved scenario the draft was opened from.
pub fn save_open_link(link: Option<(&str, u64)>) -> Result<(), StorageError> {
    match link {
        Some((id, revision)) => write(
            OPEN_KEY,
            &serde_json::to_string(&OpenLink {
                id: id.to_owned(),
                revision,
            })
            .unwrap_or_default(),
        ),
        None => remove(OPEN_KEY),
    }
}

/// The saved scenario the draft was opened from, if it still exists.
pub fn load_open_link() -> Option<(String, u64)> {
    let raw = read(OPEN_KEY).ok().flatten()?;
    let link: OpenLink = serde_json::from_str(&raw).ok()?;
    read(&library::entry_key(&link.id)).ok().flatten()?;
    Some((link.id, link.revision))
}
