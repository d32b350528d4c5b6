//! Loading one stored value whose damage must never lose it: an unreadable
//! value is copied aside under [`UNREADABLE_PREFIX`] before its key is
//! freed, and a newer version's is left where it is. The draft and the
//! calibration game load through here.

use super::{DecodeError, StorageError, Store, UNREADABLE_PREFIX};

/// The outcome of loading a stored value at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    /// Nothing saved yet.
    Empty,
    Loaded(T),
    /// Something is stored but cannot be used. `kept_as` names the key it was
    /// copied to (None if even that failed, or it is a newer version's: then
    /// it must not be saved over).
    Unreadable {
        reason: DecodeError,
        raw: String,
        kept_as: Option<String>,
    },
    /// Storage cannot be read at all.
    Unavailable(StorageError),
}

/// Loads `key` with `decode`; an unreadable value is copied aside first,
/// under `funnelcast.unreadable.<aside><now>` (`now` in ms since the Unix
/// epoch).
pub fn load_kept_aside<T>(
    store: &dyn Store,
    key: &str,
    aside: &str,
    now: f64,
    decode: impl FnOnce(&str) -> Result<T, DecodeError>,
) -> Load<T> {
    let raw = match store.get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Load::Empty,
        Err(e) => return Load::Unavailable(e),
    };
    match decode(&raw) {
        Ok(value) => Load::Loaded(value),
        // A newer version's value stays where it is, untouched; saving
        // pauses (kept_as None) so this version does not overwrite it.
        Err(reason @ DecodeError::NewerVersion(_)) => Load::Unreadable {
            reason,
            raw,
            kept_as: None,
        },
        Err(reason) => {
            // Copied aside once; only then is the key freed, so the next
            // visit does not copy it again (and nothing is ever lost).
            let copy = format!("{UNREADABLE_PREFIX}{aside}{}", now as u64);
            let kept_as = store.set(&copy, &raw).ok().map(|()| copy);
            if kept_as.is_some() {
                let _ = store.remove(key);
            }
            Load::Unreadable {
                reason,
                raw,
                kept_as,
            }
        }
    }
}
