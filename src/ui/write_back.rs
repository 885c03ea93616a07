//! Sending this phone's changes to the group's spreadsheet, when its settings name a write-back
//! endpoint (`sources::write_back` says what is sent and why nothing can be lost). The app
//! sends when it opens, after each change the person makes, on "Sync now", when the phone is
//! back online, and again a while after a try that failed. What the endpoint confirmed is kept
//! on the device, by endpoint, so each change goes once to each sheet a group uses.

use super::state::AppState;
use super::{platform, remote};
use crate::model::RecordId;
use crate::sources::write_back::{self, AnswerError, Change, BATCH};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::time::Duration;

/// The ids each endpoint confirmed holding, by its URL.
const SENT_KEY: &str = "written-back";
/// A slow network gets this long before the endpoint counts as not answering. The endpoint may
/// still have stored the changes: they go again, and the sheet keeps one row each.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// After a failed try the next one waits this long, twice as long after each further failure,
/// up to [`RETRY_MAX`].
const RETRY_FIRST: Duration = Duration::from_secs(30);
const RETRY_MAX: Duration = Duration::from_secs(600);

/// Where sending stands, for the screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WriteBackState {
    pub sending: bool,
    /// Changes made here that the sheet has not confirmed.
    pub waiting: usize,
    /// How the last try that had something to send ended: when the sheet confirmed the last
    /// of it, or why it stopped.
    pub last: Option<Result<u64, SendError>>,
    /// How long to wait before trying again after the next failure.
    retry: Option<Duration>,
}

/// Why a try sent nothing more. What waits stays on the phone for the next try.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendError {
    /// No network, no answer in time, or an error status.
    Fetch(remote::FetchError),
    Answer(AnswerError),
}

impl From<remote::FetchError> for SendError {
    fn from(error: remote::FetchError) -> Self {
        Self::Fetch(error)
    }
}

impl AppState {
    /// Starts the app's watch on the board: once the group's settings name an endpoint, every
    /// change to the board (and coming back online) sends what waits.
    pub(super) fn watch_write_back(self) {
        Effect::new(move |_| {
            self.board.track();
            if self.config.with(|config| config.write_back.is_some()) {
                self.send_changes();
            }
        });
        let listener = window_event_listener_untyped("online", move |_| self.send_changes());
        std::mem::forget(listener);
    }

    /// Sends what waits, unless a try is under way (it sends whatever is made meanwhile too).
    pub fn send_changes(self) {
        let endpoint = self
            .config
            .with_untracked(|config| config.write_back.as_ref().map(|to| to.url.clone()));
        let Some(url) = endpoint else {
            return;
        };
        if self.write_back.with_untracked(|state| state.sending) {
            return;
        }
        self.write_back.update(|state| state.sending = true);
        leptos::task::spawn_local(async move {
            let outcome = self.send_all(&url).await;
            self.write_back.update(|state| {
                state.sending = false;
                match outcome {
                    Ok(0) if state.last.is_some_and(|last| last.is_ok()) => {}
                    // Nothing to send: another tab sent it, or there never was anything.
                    Ok(0) => state.last = None,
                    Ok(_) => state.last = Some(Ok(platform::now_ms())),
                    Err(error) => state.last = Some(Err(error)),
                }
            });
            if outcome.is_err() {
                self.retry_later();
            }
        });
    }

    /// Sends what waits in batches, until nothing does or a batch fails. Gives how many
    /// changes the sheet confirmed.
    async fn send_all(self, url: &str) -> Result<usize, SendError> {
        let group = self.config.with_untracked(|config| config.name.clone());
        let mut confirmed = 0;
        loop {
            // Read afresh each time: another tab may have sent some meanwhile.
            let pending = self.pending_changes(url);
            self.write_back
                .update(|state| state.waiting = pending.len());
            if pending.is_empty() {
                self.write_back.update(|state| state.retry = None);
                return Ok(confirmed);
            }
            let batch = &pending[..pending.len().min(BATCH)];
            let body = write_back::request(&group, batch);
            let answer = remote::post_text(url, body, TIMEOUT).await?;
            let stored = write_back::stored(&answer, batch).map_err(SendError::Answer)?;
            if stored.is_empty() {
                // An answer that takes none of what it was sent would be asked again forever.
                return Err(SendError::Answer(AnswerError::Refused));
            }
            confirmed += stored.len();
            let mut sent: BTreeMap<String, Vec<String>> =
                platform::load(SENT_KEY).unwrap_or_default();
            let held = sent.entry(url.to_string()).or_default();
            for id in stored {
                if !held.contains(&id) {
                    held.push(id);
                }
            }
            platform::save(SENT_KEY, &sent);
        }
    }

    /// This phone's changes that `url` has not confirmed, oldest first.
    fn pending_changes(self, url: &str) -> Vec<Change> {
        let mut sent: BTreeMap<String, Vec<String>> = platform::load(SENT_KEY).unwrap_or_default();
        let sent = sent.remove(url).unwrap_or_default();
        let origin = window().location().origin().unwrap_or_default();
        let link = |id: RecordId| format!("{origin}{}", self.site_href(&format!("/post/{id}")));
        let here = crate::model::Stamp::new(0, 0, self.device());
        self.with_signer(|me| {
            self.board
                .with_untracked(|board| write_back::pending(board, me, here, &sent, link))
        })
    }

    /// Tries again after a wait that doubles with each failure in a row.
    fn retry_later(self) {
        let mut wait = RETRY_FIRST;
        self.write_back.update(|state| {
            wait = state.retry.unwrap_or(RETRY_FIRST);
            state.retry = Some((wait * 2).min(RETRY_MAX));
        });
        set_timeout(move || self.send_changes(), wait);
    }
}
