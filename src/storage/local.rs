//! The browser's localStorage behind the [`Store`] port.

use super::{StorageError, Store};

/// The page's localStorage. Every call looks it up afresh, so a storage
/// that the browser blocks later is reported, not cached.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

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

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        local_storage()?
            .get_item(key)
            .map_err(|e| classify_error(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        local_storage()?
            .set_item(key, value)
            .map_err(|e| classify_error(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        local_storage()?
            .remove_item(key)
            .map_err(|e| classify_error(&e))
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        let storage = local_storage()?;
        let count = storage.length().map_err(|e| classify_error(&e))?;
        Ok((0..count)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect())
    }
}
