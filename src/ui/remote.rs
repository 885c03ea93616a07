//! The group's files published beside the app (`config.json`, the demo board, its sources),
//! fetched when the app opens, and what the app sends its write-back endpoint. The service worker keeps the last copy of each for offline use and marks it with
//! when it was saved, so a copy that did not come from the network is always named as such.

use gloo_net::http::{Request, RequestBuilder, Response};
use std::time::Duration;

/// The header the service worker adds to a saved copy it serves offline.
const SAVED_AT: &str = "x-circle-saved-at";

/// A published file's text.
pub struct Fetched {
    pub text: String,
    /// When the offline copy was saved, if this did not come from the network.
    pub saved_at_ms: Option<u64>,
}

/// A published file's bytes, as a source's reader takes them.
pub struct FetchedBytes {
    pub bytes: Vec<u8>,
    pub saved_at_ms: Option<u64>,
}

/// Why a published file could not be had. A group may publish no file at all, so callers of
/// [`fetch_text`] fall back to defaults rather than show these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No network and no saved copy, or the host refused the page's origin.
    Offline,
    /// No answer in time.
    Timeout,
    /// The host answered with this status (404: the group publishes no such file).
    Status(u16),
}

/// Fetches `path`, relative to where the app is published.
pub async fn fetch_text(path: &str) -> Result<Fetched, FetchError> {
    let (response, saved_at_ms) = send(Request::get(&super::platform::site_url(path))).await?;
    let text = response.text().await.map_err(|_| FetchError::Offline)?;
    Ok(Fetched { text, saved_at_ms })
}

/// Fetches `url` (relative to where the app is published, or on another origin the page's
/// Content Security Policy allows), giving up after `timeout`.
pub async fn fetch_bytes(url: &str, timeout: Duration) -> Result<FetchedBytes, FetchError> {
    let url = super::platform::site_url(url);
    within(timeout, |signal| async move {
        let (response, saved_at_ms) =
            send(Request::get(&url).abort_signal(signal.as_ref())).await?;
        let bytes = response.binary().await.map_err(|_| FetchError::Offline)?;
        Ok(FetchedBytes { bytes, saved_at_ms })
    })
    .await
}

/// Posts `body` to `url` as plain text (which needs no CORS preflight) and gives the answer's
/// bytes, giving up after `timeout`. A host that answers with an error status is an error.
pub async fn post_text(url: &str, body: String, timeout: Duration) -> Result<Vec<u8>, FetchError> {
    let url = super::platform::site_url(url);
    within(timeout, |signal| async move {
        let request = Request::post(&url)
            .header("Content-Type", "text/plain;charset=utf-8")
            .abort_signal(signal.as_ref())
            .body(body)
            .map_err(|_| FetchError::Offline)?;
        let (response, _) = send_request(request).await?;
        response.binary().await.map_err(|_| FetchError::Offline)
    })
    .await
}

/// Runs `fetch` with a signal that aborts it after `timeout`; an abort is a timeout.
async fn within<T, F>(
    timeout: Duration,
    fetch: impl FnOnce(Option<web_sys::AbortSignal>) -> F,
) -> Result<T, FetchError>
where
    F: std::future::Future<Output = Result<T, FetchError>>,
{
    let controller = web_sys::AbortController::new().ok();
    let timer = controller.clone().and_then(|controller| {
        leptos::prelude::set_timeout_with_handle(move || controller.abort(), timeout).ok()
    });
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let outcome = fetch(signal.clone()).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let timed_out = signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
    match outcome {
        Err(FetchError::Offline) if timed_out => Err(FetchError::Timeout),
        outcome => outcome,
    }
}

async fn send(request: RequestBuilder) -> Result<(Response, Option<u64>), FetchError> {
    send_request(request.build().map_err(|_| FetchError::Offline)?).await
}

async fn send_request(
    request: gloo_net::http::Request,
) -> Result<(Response, Option<u64>), FetchError> {
    let response = request.send().await.map_err(|_| FetchError::Offline)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let saved_at_ms = response
        .headers()
        .get(SAVED_AT)
        .and_then(|value| value.parse().ok());
    Ok((response, saved_at_ms))
}
