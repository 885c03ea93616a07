//! The few browser facilities the screens need, each behind one small function so the rest of
//! the UI stays plain Rust: storage of small settings, randomness, time, the page's base path,
//! the person's languages and the clipboard.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Every key Circle writes starts with this, so "wipe my data" can find them all.
pub const KEY_PREFIX: &str = "circle.";

/// A small saved value (settings, a draft), or `None` when absent or unreadable: these are
/// conveniences, and a broken one must never stop the app from starting.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

/// Saves a small value; `false` when the browser refused (storage full or disabled).
pub fn save<T: Serialize>(key: &str, value: &T) -> bool {
    LocalStorage::set(key, value).is_ok()
}

pub fn forget(key: &str) {
    LocalStorage::delete(key);
}

/// Removes every key Circle wrote on this device, and nothing that other apps on the same
/// host wrote.
pub fn forget_everything() {
    let Ok(Some(storage)) = web_sys::window().map_or(Ok(None), |w| w.local_storage()) else {
        return;
    };
    let length = storage.length().unwrap_or(0);
    let ours: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(KEY_PREFIX))
        .collect();
    for key in ours {
        let _ = storage.remove_item(&key);
    }
}

/// 64 bits from the browser's cryptographic generator, for device and record ids; falls back
/// to `Math.random` only where `crypto` is missing, since a clash there only costs a duplicate.
pub fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        (high << 32) | low
    }
}

/// Wall time in milliseconds since 1970.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The path the app is published under, without a trailing slash: `/circle` for
/// `https://example.org/circle/`, empty at the root. Trunk's `--public-url` writes it into
/// `<base href>`; without a `<base>` element the app assumes the root, because the document's
/// own URL may be a deep link.
pub fn page_base() -> String {
    let document = leptos::prelude::document();
    let has_base = document
        .query_selector("base[href]")
        .ok()
        .flatten()
        .is_some();
    let base_uri = if has_base {
        document.base_uri().ok().flatten()
    } else {
        None
    };
    base_uri
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// The person's languages in order of preference (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    let navigator = leptos::prelude::window().navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

/// Sets `<html lang dir>` so screen readers pronounce the page right and the layout mirrors
/// for right-to-left languages.
pub fn set_document_language(code: &str, dir: &str) {
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Puts `text` on the clipboard; `false` when the browser refused (no permission, insecure
/// page), so the caller can show the text for copying by hand.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = leptos::prelude::window().navigator().clipboard();
    let promise = clipboard.write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Removes the element with `id`, if the page has one.
pub fn remove_id(id: &str) {
    if let Some(element) = leptos::prelude::document().get_element_by_id(id) {
        element.remove();
    }
}

/// Moves keyboard and screen-reader focus to the element with `id`, after a page change or a
/// failed submit, so nobody is left at a control that disappeared.
pub fn focus_id(id: &str) {
    let element = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
