//! The errors of the storage layer, and the one JSON encoder every writer
//! uses (so a value that cannot be serialised is an error, never an empty
//! write).

use super::Store;
use serde::Serialize;
use std::fmt;

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
    /// A Funnelcast envelope whose calibration game is damaged.
    BadGame(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "it is not valid JSON ({e})"),
            DecodeError::NotOurs => f.write_str("it is not a Funnelcast scenario"),
            DecodeError::NewerVersion(v) => write!(
                f,
                "it was saved by a newer version of Funnelcast (storage version {v}; this one reads up to {})",
                super::STORAGE_VERSION
            ),
            DecodeError::BadScenario(e) => write!(f, "its scenario is damaged ({e})"),
            DecodeError::BadGame(e) => write!(f, "its game is damaged ({e})"),
        }
    }
}

/// A value could not be turned into JSON (serde's message inside).
#[derive(Clone, Debug, PartialEq)]
pub struct EncodeError(pub String);

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the data could not be turned into JSON ({})", self.0)
    }
}

/// Why a read or write of storage failed.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser's quota for this site is used up.
    Full,
    /// Storage is switched off or blocked (some private modes, policies).
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
    /// The value to write could not be serialised; nothing was written.
    Encode(EncodeError),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => f.write_str("the browser's storage for this site is full"),
            StorageError::Unavailable => {
                f.write_str("the browser does not allow this site to store data")
            }
            StorageError::Other(e) => write!(f, "the browser refused to store data ({e})"),
            StorageError::Encode(e) => e.fmt(f),
        }
    }
}

impl From<EncodeError> for StorageError {
    fn from(e: EncodeError) -> Self {
        StorageError::Encode(e)
    }
}

/// Compact JSON of `value`.
pub(crate) fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, EncodeError> {
    serde_json::to_string(value).map_err(|e| EncodeError(e.to_string()))
}

/// Indented JSON of `value`, for files people may read.
pub(crate) fn to_json_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, EncodeError> {
    serde_json::to_string_pretty(value).map_err(|e| EncodeError(e.to_string()))
}

/// Writes `value` as JSON under `key`; if it cannot be serialised, the
/// store is not touched.
pub(crate) fn write_json<T: Serialize + ?Sized>(
    store: &dyn Store,
    key: &str,
    value: &T,
) -> Result<(), StorageError> {
    store.set(key, &to_json(value)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;
    use std::collections::HashMap;

    #[test]
    fn a_value_that_cannot_be_serialised_is_an_error_never_an_empty_write() {
        // serde_json refuses maps whose keys are not strings.
        let unserialisable: HashMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        let store = MemoryStore::new();
        store.set("funnelcast.kept", "old").expect("writes");
        let before = store.snapshot();
        let err = write_json(&store, "funnelcast.kept", &unserialisable).expect_err("refused");
        assert!(matches!(err, StorageError::Encode(_)));
        assert!(err
            .to_string()
            .starts_with("the data could not be turned into JSON ("));
        assert_eq!(store.snapshot(), before, "nothing written, nothing emptied");
        assert!(to_json_pretty(&unserialisable).is_err());
    }
}
