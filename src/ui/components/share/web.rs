//! The browser facilities sharing needs, each behind one small function: the app's own
//! address, the fragment a share link arrives in, the system share sheet, saving a file and
//! reading a picked or dropped one.

use crate::ui::state::AppState;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The address of the app's board (`https://example.org/circle/`), which a share link's
/// fragment is added to: any screen can open a link, and the board is where a neighbour lands.
/// From the workspace too: a link it shares opens on the board page, which a neighbour's phone
/// already has.
pub fn app_url() -> String {
    let origin = leptos::prelude::window()
        .location()
        .origin()
        .unwrap_or_default();
    format!("{origin}{}", AppState::get().site_href("/"))
}

/// The public link to `post` (its private details stripped by the redaction step): what every
/// way of sending a post hands on.
pub fn public_post_url(post: &crate::model::Post) -> String {
    use crate::sources::share_link::{share_url, LinkAudience, ShareLink};
    share_url(&app_url(), &ShareLink::for_post(post, LinkAudience::Public))
}

/// The link to shift `id` as this board holds it, with every sign-up on it: the coordinator's
/// call for people, or a neighbour's answer on its way back. Kept up to date as sign-ups
/// arrive; empty when the shift is gone.
pub fn shift_url(state: AppState, id: crate::model::RecordId) -> leptos::prelude::Signal<String> {
    use crate::sources::share_link::{share_url, ShareLink};
    use leptos::prelude::*;
    Signal::derive(move || {
        state
            .board
            .with(|board| ShareLink::for_shift(board, id))
            .map(|fragment| share_url(&app_url(), &fragment))
            .unwrap_or_default()
    })
}

/// The page's fragment without its `#`; empty when there is none.
pub fn fragment() -> String {
    let hash = leptos::prelude::window()
        .location()
        .hash()
        .unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// The path of the screen now showing, base included, as notices are addressed.
pub fn current_path() -> String {
    leptos::prelude::window()
        .location()
        .pathname()
        .unwrap_or_default()
}

/// Drops the fragment from the address without a reload or a new history entry, so reloading
/// or going back does not open the same link again.
pub fn clear_fragment() {
    let window = leptos::prelude::window();
    let location = window.location();
    let path = location.pathname().unwrap_or_default() + &location.search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
}

/// Whether the browser has a system share sheet (`navigator.share`): most phones do, most
/// desktop browsers do not.
pub fn can_share() -> bool {
    let navigator = leptos::prelude::window().navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false)
}

/// How the share sheet ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    Sent,
    /// The person closed the sheet: nothing to report and nothing to fall back to.
    Cancelled,
    /// The browser refused (no permission, nothing to share with): fall back to copying.
    Refused,
}

/// Opens the system share sheet with `url`, and `text` before it when there is one (the chat
/// app then sends a readable message, not a bare link). `navigator.share` is called through
/// `Reflect` because web-sys still files `Navigator::share` under its unstable APIs.
pub async fn share(url: &str, title: &str, text: Option<&str>) -> Shared {
    let navigator = leptos::prelude::window().navigator();
    let data = web_sys::ShareData::new();
    data.set_url(url);
    data.set_title(title);
    if let Some(text) = text {
        data.set_text(text);
    }
    let promise = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()
        .and_then(|share| share.dyn_into::<js_sys::Function>().ok())
        .and_then(|share| share.call1(&navigator, &data).ok())
        .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        return Shared::Refused;
    };
    match JsFuture::from(promise).await {
        Ok(_) => Shared::Sent,
        Err(error) if error_name(&error) == "AbortError" => Shared::Cancelled,
        Err(_) => Shared::Refused,
    }
}

fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// Hands `text` to the browser as a download named `name`; `false` when the browser refused.
/// The object URL is released a minute later: revoking it at once can cancel the download in
/// some browsers.
pub fn download(name: &str, media_type: &str, text: &str) -> bool {
    let saved = (|| -> Result<(), JsValue> {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        let document = leptos::prelude::document();
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        // Some browsers only follow a download link that is in the document.
        let body = document.body().ok_or(JsValue::NULL)?;
        body.append_child(&link)?;
        link.click();
        link.remove();
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            Duration::from_secs(60),
        );
        Ok(())
    })();
    saved.is_ok()
}

/// The bytes of a picked or dropped file; `None` when the browser could not read it (moved,
/// deleted, permission withdrawn since it was picked).
pub async fn read_file(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
