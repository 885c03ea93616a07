//! The board page's reader worker, both ends of it: the page asks ([`ask`]) and the worker
//! answers ([`serve`], started by `src/bin/reader.rs`). The worker reads published sheets and
//! opens the members' board (`sources::reader_job` says why these live apart). Trunk builds it
//! beside the board page as `reader_loader.js`, `reader.js` and `reader_bg.wasm`, never
//! fetched by a phone that does not need them; the service worker keeps them for offline use
//! from the first time this phone starts the reader.
//!
//! One worker a job: it starts, says it is ready (a job sent earlier could be lost while its
//! wasm loads), takes the job as JSON text with the source's bytes beside it, answers with
//! JSON text, and is ended. Deriving the group's key there also keeps the page responsive.

use super::platform;
use super::sync::TIMEOUT;
use crate::i18n::sheet::skipped_rows;
use crate::i18n::Worded;
use crate::sources::reader_job::{self, Answer, Job};
use js_sys::{Array, Promise, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// The loader Trunk writes for the worker, beside the board page.
const LOADER: &str = "reader_loader.js";
/// What the worker says once it listens.
const READY: &str = "ready";
/// Told to `boot.js` when a worker starts: a phone keeps the reader for offline only once it
/// has used it (`public/sw.js`).
const USED: &str = "circle-reader-used";

/// The reader could not be started or gave no answer it can be trusted with (a phone offline
/// before it ever kept the reader, or a reader from another release).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoReader;

/// What the page hears: a sheet's problems come as the rows it left out, already worded.
pub type Heard = Answer<Worded>;

/// Runs `job` on `bytes` in a new reader worker. A reader that has not started within
/// [`TIMEOUT`] (its wasm never came) counts as none; once started, its job takes what it takes.
pub async fn ask(job: &Job, bytes: &[u8]) -> Result<Heard, NoReader> {
    let worker = Worker::new(&platform::site_url(LOADER)).map_err(|_| NoReader)?;
    if let Ok(used) = web_sys::Event::new(USED) {
        let _ = leptos::prelude::window().dispatch_event(&used);
    }
    let job = serde_json::to_string(job).map_err(|_| NoReader)?;
    let message = Array::of2(&JsValue::from_str(&job), &Uint8Array::from(bytes));
    let started = Rc::new(Cell::new(false));
    let mut give_up = None;
    let reply = Promise::new(&mut |resolve, reject| {
        let listening = worker.clone();
        let message = message.clone();
        let refused = reject.clone();
        let ready = started.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if data.as_string().as_deref() == Some(READY) {
                ready.set(true);
                if listening.post_message(&message).is_err() {
                    listening.terminate();
                    let _ = refused.call0(&JsValue::NULL);
                }
            } else {
                listening.terminate();
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
        let (waited, ready, late) = (worker.clone(), started.clone(), reject.clone());
        give_up = leptos::prelude::set_timeout_with_handle(
            move || {
                if !ready.get() {
                    waited.terminate();
                    let _ = late.call0(&JsValue::NULL);
                }
            },
            TIMEOUT,
        )
        .ok();
        let failed = worker.clone();
        let on_error = Closure::once_into_js(move |error: JsValue| {
            failed.terminate();
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        worker.set_onmessage(Some(on_message.into_js_value().unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let answer = JsFuture::from(reply).await;
    if let Some(timer) = give_up {
        timer.clear();
    }
    let answer = answer.map_err(|_| NoReader)?.as_string().ok_or(NoReader)?;
    serde_json::from_str(&answer).map_err(|_| NoReader)
}

/// The worker's side: says it is ready, then answers each job the page sends.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let _ = replies.post_message(&JsValue::from_str(&answer(&event.data())));
    });
    scope.set_onmessage(Some(on_message.into_js_value().unchecked_ref()));
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// The answer to one message, as JSON text; empty when the message is not a job this reader
/// knows, which the page takes as no answer.
fn answer(data: &JsValue) -> String {
    let message: Array = data.clone().unchecked_into();
    let job = message.get(0).as_string().unwrap_or_default();
    let bytes = message
        .get(1)
        .dyn_into::<Uint8Array>()
        .map(|bytes| bytes.to_vec())
        .unwrap_or_default();
    serde_json::from_str::<Job>(&job)
        .ok()
        .map(|job| reader_job::run(job, &bytes).map_problems(skipped_rows))
        .and_then(|answer| serde_json::to_string(&answer).ok())
        .unwrap_or_default()
}
