//! The few browser facilities the screens need, each behind one small function so the rest of
//! the UI stays plain Rust: storage of small settings, randomness, time, the page's base path,
//! the person's languages and the clipboard.

use crate::store::{LocalStorage, Scope};
use gloo_storage::Storage as _;
use serde::{de::DeserializeOwned, Serialize};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The keys of the Circle published under this page's path; the path never changes while
    /// the page is open.
    static SCOPE: Scope = Scope::for_base(&site_base());
}

/// The storage key of `name` (`board`, `prefs`, `draft.ask`) for the Circle published under
/// this page's path, so two Circles on one origin never share a key.
pub fn key(name: &str) -> String {
    SCOPE.with(|scope| scope.key(name))
}

/// Moves what a Circle under this path saved before keys were scoped into its own keys; run
/// once at start, before anything is read.
pub fn adopt_unscoped() {
    if let Ok(storage) = LocalStorage::open() {
        let _ = SCOPE.with(|scope| scope.adopt_unscoped(&storage));
    }
}

/// A small saved value (settings, a draft), or `None` when absent, unreadable or when the
/// browser gives no storage: these are conveniences, and a broken one must never stop the app
/// from starting.
pub fn load<T: DeserializeOwned>(name: &str) -> Option<T> {
    has_storage()
        .then(|| gloo_storage::LocalStorage::get(key(name)).ok())
        .flatten()
}

/// Saves a small value; `false` when the browser refused (storage full or disabled).
pub fn save<T: Serialize>(name: &str, value: &T) -> bool {
    has_storage() && gloo_storage::LocalStorage::set(key(name), value).is_ok()
}

pub fn forget(name: &str) {
    if has_storage() {
        gloo_storage::LocalStorage::delete(key(name));
    }
}

/// Whether the browser gives this page local storage. Small values go through gloo-storage,
/// whose calls throw, stopping the app, when it does not (a private window, storage turned
/// off); the store's `LocalStorage` asks without throwing.
fn has_storage() -> bool {
    LocalStorage::open().is_ok()
}

/// Removes every key this Circle wrote on this device, and nothing that other apps on the same
/// host wrote, other Circles included.
pub fn forget_everything() {
    if let Ok(storage) = LocalStorage::open() {
        let _ = SCOPE.with(|scope| scope.forget_all(&storage));
    }
}

thread_local! {
    static ASKED_TO_PERSIST: Cell<bool> = const { Cell::new(false) };
}

/// Asks the browser to keep this site's storage when the device runs short of space
/// (`navigator.storage.persist()`), so a phone does not silently drop a board with posts on
/// it. Asked at most once a page, and not when the browser already keeps it; some browsers
/// ask the person, which is why this waits until they have posted something worth keeping.
pub fn ask_to_persist_storage() {
    if ASKED_TO_PERSIST.replace(true) {
        return;
    }
    let navigator = leptos::prelude::window().navigator();
    let has_storage = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    if !has_storage {
        return;
    }
    let storage = navigator.storage();
    leptos::task::spawn_local(async move {
        let persisted = match storage.persisted() {
            Ok(promise) => JsFuture::from(promise).await.ok(),
            Err(_) => None,
        };
        if persisted.and_then(|granted| granted.as_bool()) == Some(true) {
            return;
        }
        if let Ok(promise) = storage.persist() {
            let _ = JsFuture::from(promise).await;
        }
    });
}

/// Fills `bytes` from the browser's cryptographic generator; `false` where there is none.
pub fn random_bytes(bytes: &mut [u8]) -> bool {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(bytes).is_ok())
}

/// 64 bits from the browser's cryptographic generator, for device and record ids; falls back
/// to `Math.random` only where `crypto` is missing, since a clash there only costs a duplicate.
pub fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    if random_bytes(&mut bytes) {
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

/// Marks a moment in the browser's performance timeline, for the page benchmark to measure
/// between (`performance.getEntriesByName`). Nothing else reads it.
pub fn mark(name: &str) {
    if let Some(performance) = leptos::prelude::window().performance() {
        let _ = performance.mark(name);
    }
}

/// The SHA-512 of `bytes` by the browser's own Web Crypto (several times faster than this
/// crate's compiled to WebAssembly on a big board); `None` where the page has none (a page
/// not served over HTTPS).
pub async fn sha512(bytes: &[u8]) -> Option<[u8; 64]> {
    let subtle = leptos::prelude::window().crypto().ok()?.subtle();
    // Web Crypto copies what it is given before the promise settles.
    let promise = subtle.digest_with_str_and_u8_array("SHA-512", bytes).ok()?;
    let digest = js_sys::Uint8Array::new(&JsFuture::from(promise).await.ok()?);
    let mut out = [0u8; 64];
    (digest.length() == 64).then(|| digest.copy_to(&mut out))?;
    Some(out)
}

/// Resolves in a later task, so that the browser may draw and answer a tap in between: long
/// work split this way never holds a slow phone's page for the whole of it.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// Runs `work` just after the browser next draws the page: a timer set from an animation frame
/// fires once that frame is on screen. A hidden page draws no frames, so there it runs soon.
pub fn after_paint(work: impl FnOnce() + 'static) {
    use leptos::prelude::{document, request_animation_frame, set_timeout};
    let soon = move || set_timeout(work, std::time::Duration::ZERO);
    if document().hidden() {
        soon();
    } else {
        request_animation_frame(soon);
    }
}

/// Resolves just after the browser next draws the page ([`after_paint`]).
pub async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_paint(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = JsFuture::from(promise).await;
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

/// The path of the board page, which the workspace shares its storage and the group's files
/// with. The workspace's HTML names the board page relative to itself
/// (`<html data-circle-site="../">`); the board page is its own site.
pub fn site_base() -> String {
    match site_from_workspace() {
        Some(site) => web_sys::Url::new_with_base(&site, &page_base_uri())
            .map(|url| url.pathname().trim_end_matches('/').to_string())
            .unwrap_or_default(),
        None => page_base(),
    }
}

/// A path the group publishes (`config.json`, a source), relative to the board page, as this
/// page must ask for it; a full URL is left as it is.
pub fn site_url(path: &str) -> String {
    match site_from_workspace() {
        Some(site) if !path.contains("://") && !path.starts_with('/') => format!("{site}{path}"),
        _ => path.to_string(),
    }
}

fn site_from_workspace() -> Option<String> {
    leptos::prelude::document()
        .document_element()?
        .get_attribute("data-circle-site")
}

fn page_base_uri() -> String {
    format!("{}{}/", origin(), page_base())
}

/// The page's origin (`https://example.org`).
fn origin() -> String {
    leptos::prelude::window()
        .location()
        .origin()
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
