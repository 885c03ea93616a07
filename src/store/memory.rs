//! A [`KeyValue`] store in memory: what native tests use, with an optional quota counted the
//! way browsers count local storage (UTF-16 units of keys and values), and a way to damage
//! writes to test verification.

use super::{KeyValue, StoreError};
use std::cell::RefCell;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
    /// When set, writes to this key keep only this many leading characters.
    truncate_writes: RefCell<Option<(String, usize)>>,
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// A store holding at most `units` UTF-16 units of keys and values, like a browser's quota.
    pub fn with_quota(units: usize) -> Self {
        Self {
            quota: Some(units),
            ..Self::default()
        }
    }

    /// UTF-16 units used by keys and values.
    pub fn used(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|(key, value)| units(key) + units(value))
            .sum()
    }

    /// Makes later writes to `key` store only their first `chars` characters (a failing
    /// disk), or every write whole again with `None`.
    pub fn truncate_writes(&self, fault: Option<(&str, usize)>) {
        *self.truncate_writes.borrow_mut() = fault.map(|(key, chars)| (key.to_string(), chars));
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut entries = self.entries.borrow_mut();
        if let Some(quota) = self.quota {
            let replaced = entries.get(key).map_or(0, |old| units(key) + units(old));
            let used: usize = entries.iter().map(|(k, v)| units(k) + units(v)).sum();
            if used - replaced + units(key) + units(value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        let kept = match &*self.truncate_writes.borrow() {
            Some((faulty, chars)) if faulty == key => value.chars().take(*chars).collect(),
            _ => value.to_string(),
        };
        entries.insert(key.to_string(), kept);
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_over_quota_fails_and_keeps_the_old_value() {
        let store = MemoryStore::with_quota(10);
        store.set("k", "12345").unwrap();
        assert_eq!(store.set("k", "1234567890"), Err(StoreError::QuotaExceeded));
        assert_eq!(store.get("k").unwrap().as_deref(), Some("12345"));
        store.set("k", "123456789").unwrap();
        assert_eq!(store.used(), 10);
    }
}
