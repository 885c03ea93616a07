//! The browser's local storage as a [`KeyValue`] store.

use super::{KeyValue, StoreError};
use wasm_bindgen::JsValue;

/// `window.localStorage`.
#[derive(Clone, Debug)]
pub struct LocalStorage {
    storage: web_sys::Storage,
}

impl LocalStorage {
    /// The page's local storage; `Unavailable` when the browser has none or refuses it
    /// (storage disabled, some private modes).
    pub fn open() -> Result<Self, StoreError> {
        let storage = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .ok_or(StoreError::Unavailable)?;
        Ok(Self { storage })
    }
}

/// A full quota is a `DOMException` named `QuotaExceededError` (older Firefox:
/// `NS_ERROR_DOM_QUOTA_REACHED`); anything else means storage cannot be used.
fn classify(error: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StoreError::QuotaExceeded
    } else {
        StoreError::Unavailable
    }
}

impl KeyValue for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.storage.length().map_err(classify)?;
        (0..length)
            .map(|index| self.storage.key(index).map_err(classify))
            .filter_map(Result::transpose)
            .collect()
    }
}
