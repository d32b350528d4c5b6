//! Settings kept across visits (currency, theme): preferences, not part of
//! any scenario.

use super::{write_json, StorageError, Store};
use serde::{Deserialize, Serialize};

/// Key of the app's settings.
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
pub fn load_settings(store: &dyn Store) -> Settings {
    store
        .get(SETTINGS_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default()
}

pub fn save_settings(store: &dyn Store, settings: &Settings) -> Result<(), StorageError> {
    write_json(store, SETTINGS_KEY, settings)
}

/// Changes one setting, keeping the others as stored.
pub fn update_settings(
    store: &dyn Store,
    change: impl FnOnce(&mut Settings),
) -> Result<(), StorageError> {
    let mut settings = load_settings(store);
    change(&mut settings);
    save_settings(store, &settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn one_setting_changes_and_the_others_stay() {
        let store = MemoryStore::new();
        assert_eq!(load_settings(&store), Settings::default());
        update_settings(&store, |s| s.currency = "EUR".to_owned()).expect("saves");
        update_settings(&store, |s| s.theme = "dark".to_owned()).expect("saves");
        assert_eq!(
            store.get(SETTINGS_KEY).expect("reads").as_deref(),
            Some(r#"{"version":1,"currency":"EUR","theme":"dark"}"#)
        );
        store.set(SETTINGS_KEY, "not json").expect("writes");
        assert_eq!(load_settings(&store), Settings::default());
    }
}
