//! Saved scenarios in a store: load them all (damaged ones copied aside),
//! save with a revision check, read, delete and restore one; and the link
//! from the draft to the saved scenario it was opened from.

use super::library::{self, Entry};
use super::{write_json, DecodeError, StorageError, Store, UNREADABLE_PREFIX};
use serde::{Deserialize, Serialize};

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
    pub entries: Vec<Entry>,
    pub unusable: Vec<Unusable>,
    pub error: Option<StorageError>,
}

/// Loads every saved scenario. A damaged entry is copied aside (under
/// [`UNREADABLE_PREFIX`]) before its key is freed; an entry from a newer
/// version stays where it is, untouched.
pub fn load_library(store: &dyn Store) -> LibraryLoad {
    let mut load = LibraryLoad::default();
    let keys = match store.keys_with_prefix(library::ENTRY_PREFIX) {
        Ok(keys) => keys,
        Err(e) => {
            load.error = Some(e);
            return load;
        }
    };
    for key in keys {
        let Ok(Some(raw)) = store.get(&key) else {
            continue;
        };
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
                let kept = if store.set(&aside, &raw).is_ok() {
                    let _ = store.remove(&key);
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
    Conflict(Box<Entry>),
}

/// Saves `entry`, which was based on revision `based_on` (None for a new
/// entry). Refuses if the stored entry has moved past that revision.
pub fn save_entry(
    store: &dyn Store,
    entry: &Entry,
    based_on: Option<u64>,
) -> Result<(), SaveError> {
    let key = library::entry_key(&entry.id);
    if let Ok(Some(raw)) = store.get(&key) {
        if let Ok(stored) = library::decode_entry(&raw) {
            if based_on.is_none_or(|rev| stored.revision > rev) {
                return Err(SaveError::Conflict(Box::new(stored)));
            }
        }
    }
    restore_entry(store, entry).map_err(SaveError::Storage)
}

/// Writes `entry` whatever is stored (Undo of a delete puts it back).
pub fn restore_entry(store: &dyn Store, entry: &Entry) -> Result<(), StorageError> {
    let raw = library::encode_entry(entry)?;
    store.set(&library::entry_key(&entry.id), &raw)
}

/// The saved scenario `id`, if it is stored and readable.
pub fn read_entry(store: &dyn Store, id: &str) -> Option<Entry> {
    store
        .get(&library::entry_key(id))
        .ok()
        .flatten()
        .and_then(|raw| library::decode_entry(&raw).ok())
}

/// Deletes a saved scenario.
pub fn delete_entry(store: &dyn Store, id: &str) -> Result<(), StorageError> {
    store.remove(&library::entry_key(id))
}

/// Key remembering which saved scenario the draft belongs to.
pub const OPEN_KEY: &str = "funnelcast.open";

#[derive(Serialize, Deserialize)]
struct OpenLink {
    id: String,
    revision: u64,
}

/// Remembers (or forgets) the saved scenario the draft was opened from.
pub fn save_open_link(store: &dyn Store, link: Option<(&str, u64)>) -> Result<(), StorageError> {
    match link {
        Some((id, revision)) => write_json(
            store,
            OPEN_KEY,
            &OpenLink {
                id: id.to_owned(),
                revision,
            },
        ),
        None => store.remove(OPEN_KEY),
    }
}

/// The saved scenario the draft was opened from, if it still exists.
pub fn load_open_link(store: &dyn Store) -> Option<(String, u64)> {
    let raw = store.get(OPEN_KEY).ok().flatten()?;
    let link: OpenLink = serde_json::from_str(&raw).ok()?;
    store.get(&library::entry_key(&link.id)).ok().flatten()?;
    Some((link.id, link.revision))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;
    use engine::ScenarioInput;

    fn entry(id: &str, modified: f64) -> Entry {
        Entry {
            id: id.to_owned(),
            name: id.to_uppercase(),
            modified,
            revision: 1,
            scenario: ScenarioInput::default(),
        }
    }

    #[test]
    fn damaged_entries_go_aside_newer_ones_stay_and_the_rest_load_newest_first() {
        let store = MemoryStore::new();
        for e in [entry("old", 1.0), entry("new", 2.0)] {
            save_entry(&store, &e, None).expect("saves");
        }
        store.set("funnelcast.scenario.bad", "{").expect("writes");
        let newer = library::encode_entry(&entry("future", 3.0))
            .expect("encodes")
            .replace("\"version\":1", "\"version\":9");
        store
            .set("funnelcast.scenario.future", &newer)
            .expect("writes");

        let load = load_library(&store);
        let ids: Vec<_> = load.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["new", "old"]);
        let kept: Vec<_> = load.unusable.iter().map(|u| u.key.as_str()).collect();
        assert_eq!(
            kept,
            [
                "funnelcast.unreadable.scenario.bad",
                "funnelcast.scenario.future"
            ]
        );
        assert_eq!(
            store.get("funnelcast.unreadable.scenario.bad"),
            Ok(Some("{".to_owned()))
        );
        assert_eq!(store.get("funnelcast.scenario.bad"), Ok(None));
        assert_eq!(store.get("funnelcast.scenario.future"), Ok(Some(newer)));
    }

    #[test]
    fn a_damaged_entry_stays_in_place_when_it_cannot_be_copied() {
        let store = MemoryStore::new();
        store.set("funnelcast.scenario.bad", "{").expect("writes");
        store.set_quota(Some(30));
        let load = load_library(&store);
        assert_eq!(load.unusable[0].key, "funnelcast.scenario.bad");
        assert_eq!(
            store.get("funnelcast.scenario.bad"),
            Ok(Some("{".to_owned()))
        );
        store.set_broken(Some(StorageError::Unavailable));
        assert_eq!(load_library(&store).error, Some(StorageError::Unavailable));
    }

    #[test]
    fn the_open_link_holds_only_while_its_entry_exists() {
        let store = MemoryStore::new();
        save_open_link(&store, Some(("a", 4))).expect("saves");
        assert_eq!(
            store.get(OPEN_KEY),
            Ok(Some(r#"{"id":"a","revision":4}"#.to_owned()))
        );
        assert_eq!(load_open_link(&store), None, "no entry a");
        save_entry(&store, &entry("a", 1.0), None).expect("saves");
        assert_eq!(load_open_link(&store), Some(("a".to_owned(), 4)));
        save_open_link(&store, None).expect("forgets");
        assert_eq!(load_open_link(&store), None);
    }
}
