//! Checks a board's signatures with the browser's own Ed25519 (Web Crypto), for the gate's
//! second run (`model::trust::check` says why there are two runs). Chromium's Ed25519 is about
//! three times faster than this crate's compiled to WebAssembly, but it runs on the thread that
//! calls it, so the checks are split among a few workers (`public/verify-worker.js`), one per
//! core up to four: a 10,000-post import is then checked in parallel while the page stays
//! responsive (docs/performance.md has the figures).
//! Where the browser has no Ed25519 in Web Crypto (before Chrome 137, Firefox 129, Safari 17),
//! or a worker cannot start, the answer is `None`, and the gate checks with this crate's own
//! Ed25519: slower, same answers.

use crate::model::trust::check::Check;
use crate::model::trust::AuthorKey;
use js_sys::{Array, Object, Promise, Reflect, Uint32Array, Uint8Array};
use std::collections::HashMap;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Beside the board page; the workspace finds it there too.
const WORKER: &str = "verify-worker.js";
const MOST_WORKERS: usize = 4;
/// Fewer checks than this are not worth starting a second worker for.
const SMALLEST_SHARE: usize = 256;

/// One answer per check, in order; `None` when the browser cannot check them.
pub async fn check_all(checks: &[Check]) -> Option<Vec<bool>> {
    if checks.is_empty() {
        return Some(Vec::new());
    }
    let window = web_sys::window()?;
    let cores = window.navigator().hardware_concurrency() as usize;
    let workers = cores
        .clamp(1, MOST_WORKERS)
        .min(checks.len().div_ceil(SMALLEST_SHARE));
    let share = checks.len().div_ceil(workers);
    let replies = Array::new();
    for part in checks.chunks(share) {
        replies.push(&ask_a_worker(part)?.into());
    }
    let replies: Array = JsFuture::from(Promise::all(&replies))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let mut answers = Vec::with_capacity(checks.len());
    for reply in replies.iter() {
        let verdicts: Uint8Array = reply.dyn_into().ok()?;
        answers.extend(verdicts.to_vec().into_iter().map(|verdict| verdict == 1));
    }
    (answers.len() == checks.len()).then_some(answers)
}

/// Starts a worker on `checks`; its promise resolves to one byte a check, or to null when the
/// worker has no Ed25519, and rejects if the worker cannot start.
fn ask_a_worker(checks: &[Check]) -> Option<Promise> {
    let worker = Worker::new(&super::platform::site_url(WORKER)).ok()?;
    let message = message_for(checks)?;
    let reply = Promise::new(&mut |resolve, reject| {
        let answered = worker.clone();
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            answered.terminate();
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let failed = worker.clone();
        let on_error = Closure::once_into_js(move |error: JsValue| {
            failed.terminate();
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    worker.post_message(&message).ok()?;
    Some(reply)
}

/// The worker's message for `checks` (its shape is described in `public/verify-worker.js`).
fn message_for(checks: &[Check]) -> Option<Object> {
    let mut keys: HashMap<AuthorKey, u32> = HashMap::new();
    let key_list = Array::new();
    let mut key_index = Vec::with_capacity(checks.len());
    let mut signatures = Vec::with_capacity(checks.len() * 64);
    let mut messages = Vec::new();
    let mut ends = Vec::with_capacity(checks.len());
    for check in checks {
        let index = *keys.entry(check.key).or_insert_with(|| {
            key_list.push(&Uint8Array::from(&check.key.0[..]));
            key_list.length() - 1
        });
        key_index.push(index);
        signatures.extend_from_slice(&check.signature.0);
        messages.extend_from_slice(&check.message);
        ends.push(u32::try_from(messages.len()).ok()?);
    }
    let message = Object::new();
    let set = |name: &str, value: &JsValue| Reflect::set(&message, &JsValue::from_str(name), value);
    set("keys", &key_list).ok()?;
    set("keyIndex", &Uint32Array::from(&key_index[..])).ok()?;
    set("signatures", &Uint8Array::from(&signatures[..])).ok()?;
    set("messages", &Uint8Array::from(&messages[..])).ok()?;
    set("ends", &Uint32Array::from(&ends[..])).ok()?;
    Some(message)
}
