//! The board page's wasm workers, both ends: the reader (`reader`) and the signature checker
//! (`signatures`). Trunk builds each beside the board page as `<name>_loader.js`, `<name>.js`
//! and `<name>_bg.wasm`, fetched only by a phone that needs it; the service worker keeps each for
//! offline use from the first time this phone starts it (`public/sw.js`).
//!
//! A worker starts, says it is ready (a message sent earlier could be lost while its wasm
//! loads), then answers each message the page sends, one at a time, until the page ends it.

use super::platform;
use super::sync::TIMEOUT;
use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

/// What a worker says once it listens.
const READY: &str = "ready";

/// The worker could not be started or gave no answer (a phone offline before it ever kept the
/// worker, or one from another release).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoWorker;

/// A worker Trunk builds beside the board page.
#[derive(Clone, Copy, Debug)]
pub struct WasmWorker {
    /// Trunk's name for it: `reader` is started from `reader_loader.js`.
    pub name: &'static str,
}

impl WasmWorker {
    /// Starts a worker; its wasm loads while the page goes on.
    pub fn start(self) -> Result<Running, NoWorker> {
        let loader = format!("{}_loader.js", self.name);
        let worker = Worker::new(&platform::site_url(&loader)).map_err(|_| NoWorker)?;
        // Told to `boot.js`, which tells the service worker to keep this worker's files.
        if let Ok(used) = web_sys::Event::new(&format!("circle-{}-used", self.name)) {
            let _ = leptos::prelude::window().dispatch_event(&used);
        }
        // A worker that has not started within TIMEOUT (its wasm never came) counts as none;
        // once started, its work takes what it takes.
        let ready = Promise::new(&mut |resolve, reject| {
            // Once the worker is ready, this rejects a settled promise: nothing.
            let late = reject.clone();
            leptos::prelude::set_timeout(
                move || {
                    let _ = late.call0(&JsValue::NULL);
                },
                TIMEOUT,
            );
            let refused = reject.clone();
            let on_message = Closure::once_into_js(move |event: MessageEvent| {
                let ready = event.data().as_string().as_deref() == Some(READY);
                let _ = if ready { &resolve } else { &refused }.call0(&JsValue::NULL);
            });
            worker.set_onmessage(Some(on_message.unchecked_ref()));
            worker.set_onerror(Some(&reject));
        });
        Ok(Running { worker, ready })
    }

    /// Starts a worker for one message, and ends it with the answer.
    pub async fn ask(self, message: &JsValue) -> Result<JsValue, NoWorker> {
        let running = self.start()?;
        JsFuture::from(running.ask(message))
            .await
            .map_err(|_| NoWorker)
    }
}

/// A started worker, ended when this is dropped.
pub struct Running {
    worker: Worker,
    /// Resolves once the worker listens.
    ready: Promise,
}

impl Running {
    /// Sends `message` once the worker listens; the promise resolves to its answer, and
    /// rejects if the worker never starts or fails. One message at a time.
    pub fn ask(&self, message: &JsValue) -> Promise {
        let (worker, ready, message) = (self.worker.clone(), self.ready.clone(), message.clone());
        wasm_bindgen_futures::future_to_promise(async move {
            JsFuture::from(ready).await?;
            let reply = Promise::new(&mut |resolve, reject| {
                let on_message = Closure::once_into_js(move |event: MessageEvent| {
                    let _ = resolve.call1(&JsValue::NULL, &event.data());
                });
                worker.set_onmessage(Some(on_message.unchecked_ref()));
                worker.set_onerror(Some(&reject));
            });
            worker.post_message(&message)?;
            JsFuture::from(reply).await
        })
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The worker's side: says it is ready, then answers each message the page sends with `answer`.
pub fn serve(answer: fn(&JsValue) -> JsValue) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let _ = replies.post_message(&answer(&event.data()));
    });
    scope.set_onmessage(Some(on_message.into_js_value().unchecked_ref()));
    let _ = scope.post_message(&JsValue::from_str(READY));
}
