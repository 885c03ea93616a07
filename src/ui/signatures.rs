//! Checks a board's signatures for the gate's second run (`model::trust::check` says why there
//! are two runs), in the signature worker, both ends of it: the page asks ([`Checking`]) and
//! the worker answers ([`serve`], started by `src/bin/verifier.rs`). The worker checks them as a
//! batch (`model::trust::batch`), with ed25519-compact's verdicts, in about half the time the
//! browser's own Ed25519 took one by one (docs/performance.md). The checks are split among a few
//! workers, one per core up to four, so a 10,000-post board is checked in parallel while the
//! page stays responsive; a few checks are made on the page, sooner than a worker starts.
//! A sync of a big board starts its workers before it reads the board ([`Warm`]), keeps them
//! for both parts it checks, and sends them checks while the gate is still listing the rest.
//! Where a worker cannot start (a phone offline that never kept its wasm), the answer is
//! `None`, and the gate checks on the page: slower, same answers.

use super::worker::{self, Running, WasmWorker};
use crate::model::trust::batch;
use crate::model::trust::check::{self, Check, Checker, Local};
use js_sys::{Array, Promise, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const VERIFIER: WasmWorker = WasmWorker { name: "verifier" };
const MOST_WORKERS: usize = 4;
/// Fewer checks than this are not worth starting a second worker for.
const SMALLEST_SHARE: usize = 256;
/// Fewer checks than this are checked on the page: 64 take about 14 ms there (about 215 µs a
/// check, gate included), less than starting a worker, which added about 35 ms to a 100-post
/// sync (docs/performance.md).
const ON_THE_PAGE: usize = 64;
/// A board.json of this many bytes holds about 600 posts (the benchmark's boards take about
/// 860 bytes a post).
const BIG_BOARD_BYTES: usize = 512 * 1024;

thread_local! {
    /// Workers started ahead of a sync's checks ([`Warm`]); `None` outside a sync, when each
    /// check starts its own workers and ends them with the answers.
    static WARM: RefCell<Option<Vec<Running>>> = const { RefCell::new(None) };
}

/// Signature workers started ahead of one big board's checks, so their wasm loads while the
/// page reads the board, and kept for each part of it the sync checks; ended with the sync.
pub struct Warm;

impl Warm {
    /// Workers for a board of `bytes`, when it is big enough to be checked in several (about
    /// 600 posts and up); `None` for a smaller one, whose checks start what they need.
    pub fn for_board_of(bytes: usize) -> Option<Self> {
        if bytes < BIG_BOARD_BYTES {
            return None;
        }
        let mut warm = Vec::new();
        while warm.len() < workers_for(usize::MAX) {
            warm.push(VERIFIER.start().ok()?);
        }
        WARM.set(Some(warm));
        Some(Warm)
    }
}

impl Drop for Warm {
    fn drop(&mut self) {
        WARM.take();
    }
}

/// How many workers `checks` checks are split among: one per core up to four, and none with
/// fewer than its share.
fn workers_for(checks: usize) -> usize {
    let cores = web_sys::window()
        .map(|window| window.navigator().hardware_concurrency() as usize)
        .unwrap_or(1);
    cores
        .clamp(1, MOST_WORKERS)
        .min(checks.div_ceil(SMALLEST_SHARE))
}

/// Checks on their way to the signature workers. During a sync of a big board, whose workers
/// were started ahead ([`Warm`]), the gate's first run passes its checks on in runs of [`PART`]
/// as it records them ([`Checking::send`]), so the workers check while the gate still runs;
/// what is left when it ends goes with [`Checking::answers`]. Elsewhere all of them go then.
pub struct Checking {
    running: Vec<Running>,
    /// Each part sent, in order, with how many checks it holds.
    asked: Vec<(Promise, usize)>,
    /// How many checks each worker was sent.
    load: Vec<usize>,
}

/// How many checks go to a worker at a time while the gate still lists them: the gate lists
/// 1,024 in 5–10 ms, so the workers start early, and a 10,000-post board takes ten messages.
pub const PART: usize = 1024;

impl Checking {
    /// Takes the sync's workers, when it started some.
    pub fn new() -> Self {
        let running = WARM
            .with_borrow_mut(|warm| warm.as_mut().map(std::mem::take))
            .unwrap_or_default();
        Self {
            load: vec![0; running.len()],
            running,
            asked: Vec::new(),
        }
    }

    /// Sends `part`, the checks listed after those already sent, to the worker with the least
    /// to do; without workers started, keeps it for [`Checking::answers`].
    pub fn send(&mut self, part: &[Check]) {
        let least = (0..self.running.len()).min_by_key(|worker| self.load[*worker]);
        if let Some(worker) = least {
            self.ask(worker, part);
        }
    }

    fn ask(&mut self, worker: usize, part: &[Check]) {
        let bytes = Uint8Array::from(&check::to_bytes(part)[..]);
        self.asked
            .push((self.running[worker].ask(&bytes), part.len()));
        self.load[worker] += part.len();
    }

    /// How many checks were sent so far: the first of the gate's list.
    fn sent(&self) -> usize {
        self.load.iter().sum()
    }

    /// One answer per check of `checks` (what the gate recorded, of which the first were sent
    /// already), in order; `None` when no worker could check them.
    pub async fn answers(mut self, checks: &[Check]) -> Option<Vec<bool>> {
        if self.sent() == 0 && checks.len() < ON_THE_PAGE {
            let local = |check: &Check| Local.check(&check.key, &check.message, &check.signature);
            return Some(checks.iter().map(local).collect());
        }
        let rest = checks.get(self.sent()..)?;
        while self.running.len() < workers_for(rest.len()) {
            self.running.push(VERIFIER.start().ok()?);
            self.load.push(0);
        }
        // What is left is shared so that every worker ends with about as much to do.
        let fair = checks.len().div_ceil(self.running.len());
        let mut rest = rest;
        for worker in 0..self.running.len() {
            let room = fair.saturating_sub(self.load[worker]).min(rest.len());
            if room > 0 {
                let (part, after) = rest.split_at(room);
                self.ask(worker, part);
                rest = after;
            }
        }
        let asked: Array = self.asked.iter().map(|(promise, _)| promise).collect();
        let replies = JsFuture::from(Promise::all(&asked)).await;
        let replies: Array = replies.ok()?.dyn_into().ok()?;
        let mut answers = Vec::with_capacity(checks.len());
        for (reply, (_, size)) in replies.iter().zip(&self.asked) {
            let verdicts = reply.dyn_into::<Uint8Array>().ok()?.to_vec();
            if verdicts.len() != *size {
                return None;
            }
            answers.extend(verdicts.into_iter().map(|verdict| verdict == 1));
        }
        (answers.len() == checks.len()).then_some(answers)
    }
}

impl Drop for Checking {
    /// The workers go back for the sync's next part; outside a sync, they end here.
    fn drop(&mut self) {
        WARM.with_borrow_mut(|warm| {
            if let Some(warm) = warm {
                warm.append(&mut self.running);
            }
        });
    }
}

/// The worker's side: answers each list of checks with one byte a check, 1 where it holds.
/// Bytes that are no list of checks get no verdicts, which the page takes as no answer.
pub fn serve() {
    worker::serve(|data| {
        let bytes = data
            .dyn_ref::<Uint8Array>()
            .map(Uint8Array::to_vec)
            .unwrap_or_default();
        let verdicts: Vec<u8> = check::from_bytes(&bytes)
            .map(|checks| batch::verdicts(&checks))
            .unwrap_or_default()
            .into_iter()
            .map(u8::from)
            .collect();
        Uint8Array::from(&verdicts[..]).into()
    });
}
