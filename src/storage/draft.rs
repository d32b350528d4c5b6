//! The draft: the scenario being edited, autosaved under [`DRAFT_KEY`] in a
//! versioned envelope.

use super::{
    load_kept_aside, to_json, DecodeError, EncodeError, Load, StorageError, Store, APP_TAG,
};
use engine::ScenarioInput;
use serde::{Deserialize, Serialize};

/// Key of the autosaved draft.
pub const DRAFT_KEY: &str = "funnelcast.draft";
/// Version of the stored envelope written by this build.
pub const STORAGE_VERSION: u32 = 1;

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

/// Serialises the draft for storage; `saved_at` in ms since the Unix epoch.
pub fn encode_draft(scenario: &ScenarioInput, saved_at: f64) -> Result<String, EncodeError> {
    to_json(&Envelope {
        app: APP_TAG.to_owned(),
        version: STORAGE_VERSION,
        saved_at,
        scenario,
    })
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

/// The outcome of loading the draft at start-up.
pub type DraftLoad = Load<ScenarioInput>;

/// Loads the draft; an unreadable one is copied aside first, under a key
/// made from `now` (ms since the Unix epoch).
pub fn load_draft(store: &dyn Store, now: f64) -> DraftLoad {
    load_kept_aside(store, DRAFT_KEY, "", now, decode_draft)
}

/// Saves the draft, stamped with `now` (ms since the Unix epoch).
pub fn save_draft(
    store: &dyn Store,
    scenario: &ScenarioInput,
    now: f64,
) -> Result<(), StorageError> {
    store.set(DRAFT_KEY, &encode_draft(scenario, now)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    const V1: &str = include_str!("../../tests/fixtures/storage/draft-v1.json");

    #[test]
    fn round_trip() {
        let mut input = ScenarioInput::default();
        input.stages[1].rate = 0.3;
        let raw = encode_draft(&input, 1_700_000_000_000.0).expect("encodes");
        assert_eq!(decode_draft(&raw), Ok(input));
    }

    #[test]
    fn lead_bursts_and_market_swings_round_trip() {
        let mut input = ScenarioInput {
            leads: engine::LeadsInput::PerWeek(120.0),
            lead_dispersion: Some(8.0),
            horizon_weeks: Some(13.0),
            market: Some(engine::MarketInput { sd: 0.15 }),
            ..ScenarioInput::default()
        };
        input.stages[1].rate = 0.3;
        let raw = encode_draft(&input, 1_700_000_000_000.0).expect("encodes");
        assert!(
            raw.contains("\"dispersion\":8") && raw.contains("\"sd\":0.15"),
            "{raw}"
        );
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

    #[test]
    fn a_damaged_draft_is_copied_aside_before_its_key_is_freed() {
        let store = MemoryStore::new();
        store.set(DRAFT_KEY, "{\"app\":").expect("writes");
        let DraftLoad::Unreadable { kept_as, raw, .. } = load_draft(&store, 42.0) else {
            panic!("reported as unreadable");
        };
        assert_eq!(kept_as.as_deref(), Some("funnelcast.unreadable.42"));
        assert_eq!(store.get("funnelcast.unreadable.42"), Ok(Some(raw)));
        assert_eq!(load_draft(&store, 43.0), DraftLoad::Empty);
    }

    #[test]
    fn a_full_storage_keeps_the_damaged_draft_in_place() {
        let store = MemoryStore::new();
        store.set(DRAFT_KEY, "garbage").expect("writes");
        store.set_quota(Some(20));
        let before = store.snapshot();
        let DraftLoad::Unreadable { kept_as, .. } = load_draft(&store, 1.0) else {
            panic!("reported as unreadable");
        };
        assert_eq!(kept_as, None, "autosave must pause");
        assert_eq!(store.snapshot(), before);
    }

    #[test]
    fn a_broken_storage_is_reported() {
        let store = MemoryStore::new();
        store.set_broken(Some(StorageError::Unavailable));
        assert_eq!(
            load_draft(&store, 0.0),
            DraftLoad::Unavailable(StorageError::Unavailable)
        );
        assert_eq!(
            save_draft(&store, &ScenarioInput::default(), 0.0),
            Err(StorageError::Unavailable)
        );
    }
}
