//! The group's shared board: the sources its settings name (`sources` in `config.json`: a
//! `board.json`, published sheets of asks, offers or places), fetched when the app opens and on
//! "Sync now", passed through the trust gate and merged in. Each source's outcome is kept for
//! the board screen: what it brought and when, or why it could not be read. A source that
//! fails leaves the board exactly as it was; what an earlier sync merged stays on the device,
//! so offline the board still holds the group's posts, and the screen says how old they are.
//! A members' board (encrypted with the group's passphrase) is opened first (`members`).

use super::reader::{self, NoReader};
use super::signatures::Warm;
use super::state::AppState;
use super::{platform, remote};
use crate::i18n::Worded;
use crate::model::sorted_map::SortedMap;
use crate::model::trust::{vouch, AuthorKey};
use crate::model::{Board, DataSource, MergeReport, SourceKind};
use crate::sources::group_source::SourceError;
use crate::sources::reader_job::{Answer, Job};
use crate::sources::snapshot_file;
use leptos::prelude::*;
use std::time::Duration;

/// When each source was last read, by its URL; kept on the device for the offline line.
const SYNCED_KEY: &str = "synced";
/// A slow network gets this long before a source counts as not answering.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// A board of more posts than this, not vouched for as a whole, is checked and shown a page
/// first. Below it, all of it is checked in about a tenth of a second on a 2-core phone.
const CHECK_A_PAGE_FIRST: usize = 500;

/// Where syncing stands, for the screen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncState {
    pub running: bool,
    /// One line a source, in the order the settings name them; empty before the first sync.
    pub sources: Vec<SourceStatus>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceStatus {
    /// The source's name in the settings, or its URL.
    pub name: String,
    pub outcome: Result<Synced, SyncError>,
    /// When this device last read the source, before this attempt.
    pub last_read_ms: Option<u64>,
}

/// What one source brought.
#[derive(Clone, Debug, PartialEq)]
pub struct Synced {
    pub merged: MergeReport,
    /// Records the trust gate left out.
    pub refused: usize,
    /// Sheet rows left out, each with its row number and reason.
    pub skipped: Vec<Worded>,
    /// When the offline copy was saved, if the network was not reached.
    pub saved_at_ms: Option<u64>,
    pub read_ms: u64,
}

/// Why a source brought nothing. The board is left as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum SyncError {
    Offline,
    Timeout,
    Status(u16),
    Unreadable(SourceError),
    /// The members' board, and this phone holds no key that opens it.
    Locked,
    /// The members' board, which the key this phone holds does not open: damaged, or newer.
    Encrypted(crate::sources::encrypted_board::OpenError),
    /// A sheet or the members' board, and the reader worker could not be started.
    NoReader,
}

impl From<NoReader> for SyncError {
    fn from(_: NoReader) -> Self {
        Self::NoReader
    }
}

impl From<remote::FetchError> for SyncError {
    fn from(error: remote::FetchError) -> Self {
        match error {
            remote::FetchError::Offline => Self::Offline,
            remote::FetchError::Timeout => Self::Timeout,
            remote::FetchError::Status(status) => Self::Status(status),
        }
    }
}

impl AppState {
    /// "Sync now": reads every source again, and sends what waits for the group's sheet. A tap
    /// while a sync runs does nothing more.
    pub fn sync_now(self) {
        self.send_changes();
        if !self.sync.with_untracked(|sync| sync.running) {
            leptos::task::spawn_local(self.sync_sources());
        }
    }

    /// Reads the group's sources one after the other, in the order its settings give.
    pub(super) async fn sync_sources(self) {
        let sources = self.config.with_untracked(|config| config.sources.clone());
        if sources.is_empty() {
            return;
        }
        self.sync.update(|sync| sync.running = true);
        let mut last_read: SortedMap<String, u64> = platform::load(SYNCED_KEY).unwrap_or_default();
        for (index, source) in sources.iter().enumerate() {
            let outcome = self.sync_one(source).await;
            if let Ok(synced) = &outcome {
                last_read.insert(
                    source.url.clone(),
                    synced.saved_at_ms.unwrap_or(synced.read_ms),
                );
            }
            let status = SourceStatus {
                name: source.display_name().to_string(),
                last_read_ms: last_read.get(&source.url).copied(),
                outcome,
            };
            // Each source's line is replaced as soon as it is read, so a slow one does not
            // hold back what the others brought.
            self.sync.update(|sync| match sync.sources.get_mut(index) {
                Some(line) => *line = status,
                None => sync.sources.push(status),
            });
        }
        platform::save(SYNCED_KEY, &last_read);
        self.sync.update(|sync| {
            sync.sources.truncate(sources.len());
            sync.running = false;
        });
    }

    async fn sync_one(self, source: &DataSource) -> Result<Synced, SyncError> {
        // A board's signature as a whole is fetched beside it: it is small, and comes in while
        // the board is still on its way.
        let (fetched, sig) = futures::future::join(
            remote::fetch_bytes(&source.url, TIMEOUT),
            self.fetch_sig(source),
        )
        .await;
        let fetched = fetched?;
        // The page benchmark times a sync from here to the board on screen.
        platform::mark("circle-sync-fetched");
        let vouched = vouched(&fetched, sig).await;
        platform::mark("circle-sync-vouched");
        let warm = if vouched || source.kind != SourceKind::Json {
            None
        } else {
            Warm::for_board_of(fetched.bytes.len())
        };
        if warm.is_some() {
            // The workers' files are asked for only once the page's task ends; reading a big
            // board is one long task.
            platform::next_task().await;
        }
        let (bytes, skipped) = match source.kind {
            SourceKind::Csv => self.read_sheet(source, fetched.bytes).await?,
            SourceKind::Json => (self.open_members_board(fetched.bytes).await?, Vec::new()),
        };
        let board = snapshot_file::import(&bytes)
            .map_err(|error| SyncError::Unreadable(SourceError::Snapshot(error)))?;
        platform::mark("circle-sync-read");
        // Reading a big board, checking it and merging it are each long: between them the page
        // may draw and answer a tap.
        platform::next_task().await;
        let (merged, refused) = self.admit_a_page_first(board, vouched).await;
        platform::mark("circle-sync-done");
        Ok(Synced {
            merged,
            refused,
            skipped,
            saved_at_ms: fetched.saved_at_ms,
            read_ms: platform::now_ms(),
        })
    }

    /// Checks and merges a board. A big one whose every signature is checked here is taken in
    /// two parts (`model::first_page`): the posts the board lists first, on screen once they
    /// are checked, then the rest, which take about a second for 10,000 on a 2-core phone.
    async fn admit_a_page_first(self, mut board: Board, vouched: bool) -> (MergeReport, usize) {
        let page = (!vouched && board.posts.len() > CHECK_A_PAGE_FIRST).then(|| {
            self.filter
                .with_untracked(|filter| board.take_first_page(filter))
        });
        let mut merged = MergeReport::default();
        let mut refused = 0;
        for (part, board) in page.into_iter().chain([board]).enumerate() {
            if part > 0 {
                // The page is drawn before the rest is checked: preparing the rest's checks
                // would otherwise hold the first posts off the screen.
                platform::painted().await;
            }
            let admitted = if vouched {
                self.admit_vouched(board)
            } else {
                self.admit(board).await
            };
            platform::next_task().await;
            merged += self.merge_synced(&admitted.board);
            refused += admitted.refused.len();
            platform::mark("circle-sync-merged");
        }
        (merged, refused)
    }

    /// The signature `publish` wrote beside a board (`trust::vouch`), when the group names the
    /// key that makes it; `None` when there is none to be had.
    async fn fetch_sig(self, source: &DataSource) -> Option<(AuthorKey, Vec<u8>)> {
        let key = self.config.with_untracked(|config| config.publish_key)?;
        if source.kind != SourceKind::Json {
            return None;
        }
        let sig = remote::fetch_bytes(&vouch::sig_url(&source.url), TIMEOUT).await;
        Some((key, sig.ok()?.bytes))
    }

    /// A published sheet read by the reader worker: its records as a board file, and the rows it
    /// left out.
    async fn read_sheet(
        self,
        source: &DataSource,
        bytes: Vec<u8>,
    ) -> Result<(Vec<u8>, Vec<Worded>), SyncError> {
        let job = Job::Sheet {
            holds: source.holds,
            config: self.config.get_untracked(),
            columns: source.columns.clone(),
        };
        match reader::ask(&job, &bytes).await? {
            Answer::Sheet(Ok(sheet)) => Ok((sheet.snapshot.into_bytes(), sheet.problems)),
            Answer::Sheet(Err(error)) => Err(SyncError::Unreadable(SourceError::Sheet(error))),
            _ => Err(SyncError::NoReader),
        }
    }
}

/// Whether the group's publishing key signed exactly the bytes fetched. An offline copy is
/// never taken as vouched for: its signature may be from another day. A signature that cannot
/// be had vouches for nothing, and every post is checked.
async fn vouched(fetched: &remote::FetchedBytes, sig: Option<(AuthorKey, Vec<u8>)>) -> bool {
    let Some((key, sig)) = sig.filter(|_| fetched.saved_at_ms.is_none()) else {
        return false;
    };
    let digest = match platform::sha512(&fetched.bytes).await {
        Some(digest) => digest,
        None => vouch::digest(&fetched.bytes),
    };
    vouch::holds_for_digest(&key, &digest, &sig)
}
