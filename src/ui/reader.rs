//! The board page's reader worker, both ends of it: the page asks ([`ask`]) and the worker
//! answers ([`serve`], started by `src/bin/reader.rs`). The worker reads published sheets and
//! opens the members' board (`sources::reader_job` says why these live apart); `worker` says
//! how it is built, started and kept. A job goes as JSON text with the source's bytes beside
//! it, and comes back as JSON text. Deriving the group's key there also keeps the page
//! responsive.

use super::worker::{self, WasmWorker};
use crate::i18n::sheet::skipped_rows;
use crate::i18n::Worded;
use crate::sources::reader_job::{self, Answer, Job};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

const READER: WasmWorker = WasmWorker { name: "reader" };

/// The reader could not be started or gave no answer it can be trusted with.
pub use super::worker::NoWorker as NoReader;

/// What the page hears: a sheet's problems come as the rows it left out, already worded.
pub type Heard = Answer<Worded>;

/// Runs `job` on `bytes` in a new reader worker.
pub async fn ask(job: &Job, bytes: &[u8]) -> Result<Heard, NoReader> {
    let job = serde_json::to_string(job).map_err(|_| NoReader)?;
    let message = Array::of2(&JsValue::from_str(&job), &Uint8Array::from(bytes));
    let answer = READER.ask(&message).await?.as_string().ok_or(NoReader)?;
    serde_json::from_str(&answer).map_err(|_| NoReader)
}

/// The worker's side: answers each job the page sends.
pub fn serve() {
    worker::serve(|data| JsValue::from_str(&answer(data)));
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
