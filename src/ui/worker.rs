//! The board page's wasm workers, both ends: the reader (`reader`) and the signature checker
//! (`signatures`). Trunk builds each beside the board page as `<name>_loader.js`, `<name>.js`
//! and `<name>_bg.wasm`, fetched only by a phone that needs it; the service worker keeps each for
//! offline use from the first time this phone starts it (`public/sw.js`).
//!
//! A worker starts, says it is ready (a message sent earlier could be lost while its wasm
//! loads), then answers the page's messages in the order they came, until the page ends it.
//! The page may send several before the first answer: a message sent once the worker listens
//! goes at once, even from inside a long task, so a worker can start on the first part of a
//! long job while the page still prepares the rest (`signatures`).

use super::platform;
use super::sync::TIMEOUT;
use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::rc::Rc;
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
        let link = Rc::new(Link {
            worker: worker.clone(),
            state: RefCell::new(State::Starting(Vec::new())),
            waiting: RefCell::new(Vec::new()),
        });
        // A worker that has not started within TIMEOUT (its wasm never came) counts as none;
        // once started, its work takes what it takes.
        let late = link.clone();
        leptos::prelude::set_timeout(
            move || {
                if matches!(*late.state.borrow(), State::Starting(_)) {
                    late.fail();
                }
            },
            TIMEOUT,
        );
        let heard = link.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            heard.hear(event.data());
        });
        let failed = link.clone();
        let on_error = Closure::<dyn FnMut()>::new(move || failed.fail());
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Running {
            link,
            _on_message: on_message,
            _on_error: on_error,
        })
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
    link: Rc<Link>,
    // The worker's handlers, which live as long as it does.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut()>,
}

impl Running {
    /// Sends `message`, at once when the worker listens, else as soon as it does; the promise
    /// resolves to its answer, and rejects if the worker never starts or fails.
    pub fn ask(&self, message: &JsValue) -> Promise {
        let link = &self.link;
        Promise::new(&mut |resolve, reject| {
            let sent = match &mut *link.state.borrow_mut() {
                State::Starting(unsent) => {
                    unsent.push(message.clone());
                    true
                }
                State::Listening => link.worker.post_message(message).is_ok(),
                State::Gone => false,
            };
            if sent {
                link.waiting.borrow_mut().push((resolve, reject));
            } else {
                let _ = reject.call0(&JsValue::NULL);
            }
        })
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.link.worker.terminate();
    }
}

/// What the page knows of one worker, shared with its handlers.
struct Link {
    worker: Worker,
    state: RefCell<State>,
    /// Each message's promise, resolved and rejected, in the order the messages were sent.
    waiting: RefCell<Vec<(Function, Function)>>,
}

enum State {
    /// Not listening yet: the messages it will be sent once it does.
    Starting(Vec<JsValue>),
    Listening,
    /// It failed or never started: every message is refused.
    Gone,
}

impl Link {
    fn hear(&self, data: JsValue) {
        let starting = std::mem::replace(&mut *self.state.borrow_mut(), State::Listening);
        match starting {
            State::Starting(unsent) if data.as_string().as_deref() == Some(READY) => {
                for message in unsent {
                    if self.worker.post_message(&message).is_err() {
                        return self.fail();
                    }
                }
            }
            // Anything else before "ready" is a worker from another release.
            State::Starting(_) | State::Gone => self.fail(),
            State::Listening => {
                // A few messages wait at most (a part of a board's checks each).
                let mut waiting = self.waiting.borrow_mut();
                if !waiting.is_empty() {
                    let (resolve, _) = waiting.remove(0);
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            }
        }
    }

    fn fail(&self) {
        *self.state.borrow_mut() = State::Gone;
        let waiting = std::mem::take(&mut *self.waiting.borrow_mut());
        for (_, reject) in waiting {
            let _ = reject.call0(&JsValue::NULL);
        }
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
