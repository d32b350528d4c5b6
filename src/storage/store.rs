//! The storage port: the four calls the app makes on a key-value store, and
//! an in-memory store for native tests that can also be full or broken.

use super::StorageError;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// A string key-value store shaped like the browser's localStorage.
pub trait Store {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`; on error the store is unchanged.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key` (absent keys are fine).
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key that starts with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError>;
}

/// A store in memory. It can be given a quota (writes past it fail with
/// [`StorageError::Full`], like a full localStorage) or be broken (every
/// call fails, like a storage that throws on access).
#[derive(Debug, Default)]
pub struct MemoryStore {
    items: RefCell<BTreeMap<String, String>>,
    /// Most bytes (keys plus values) held; None for no limit.
    quota: Cell<Option<usize>>,
    /// When set, every call fails with this error.
    broken: RefCell<Option<StorageError>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits what the store holds to `bytes` (keys plus values); None lifts it.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    /// Makes every call fail with `error` (None repairs the store).
    pub fn set_broken(&self, error: Option<StorageError>) {
        *self.broken.borrow_mut() = error;
    }

    /// Everything stored, to compare before and after an operation.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.items.borrow().clone()
    }

    fn check(&self) -> Result<(), StorageError> {
        match &*self.broken.borrow() {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check()?;
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check()?;
        let mut items = self.items.borrow_mut();
        if let Some(quota) = self.quota.get() {
            let others: usize = items
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StorageError::Full);
            }
        }
        items.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.check()?;
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        self.check()?;
        Ok(self
            .items
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect())
    }
}
