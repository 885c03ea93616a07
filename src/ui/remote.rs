//! The group's files published beside the app (`config.json`, the demo board), fetched when the
//! app opens. The service worker keeps the last copy of each for offline use and marks it with
//! when it was saved, so a copy that did not come from the network is always named as such.

use gloo_net::http::Request;

/// The header the service worker adds to a saved copy it serves offline.
const SAVED_AT: &str = "x-circle-saved-at";

/// A published file's text.
pub struct Fetched {
    pub text: String,
    /// When the offline copy was saved, if this did not come from the network.
    pub saved_at_ms: Option<u64>,
}

/// Why a published file could not be had. A group may publish no file at all, so callers fall
/// back to defaults rather than show these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No network and no saved copy.
    Offline,
    /// The host answered with this status (404: the group publishes no such file).
    Status(u16),
}

/// Fetches `path`, relative to where the app is published.
pub async fn fetch_text(path: &str) -> Result<Fetched, FetchError> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|_| FetchError::Offline)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let saved_at_ms = response
        .headers()
        .get(SAVED_AT)
        .and_then(|value| value.parse().ok());
    let text = response.text().await.map_err(|_| FetchError::Offline)?;
    Ok(Fetched { text, saved_at_ms })
}
