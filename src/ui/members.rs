//! The members' board: a source the group publishes encrypted with its passphrase
//! (`sources::encrypted_board`). A member types the passphrase once; the key it gives (never the
//! passphrase) is kept for this tab, or on the device if they choose, and every sync then opens
//! the members' board like any other source. Holding the key is also what lets this phone show
//! the contact details members share with the group.

use super::state::AppState;
use super::sync::{SyncError, TIMEOUT};
use super::{platform, reader, remote};
use crate::i18n::Msg;
use crate::model::SourceKind;
use crate::sources::encrypted_board::{self, GroupKey, OpenError};
use crate::sources::reader_job::{Answer, Job};
use leptos::prelude::*;

/// Where a remembered key is kept.
pub const GROUP_KEY: &str = "group-key";

/// Why the passphrase did not open the members' board. Nothing changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// None of the group's sources is a members' board that could be fetched.
    NoMembersBoard,
    Open(OpenError),
    /// The reader worker, which derives the key, could not be started.
    NoReader,
}

impl UnlockError {
    pub fn message(self) -> Msg {
        match self {
            Self::NoMembersBoard | Self::Open(OpenError::NotEncrypted) => Msg::ErrNoMembersBoard,
            Self::Open(OpenError::WrongPassphrase) => Msg::ErrWrongPassphrase,
            Self::Open(OpenError::Damaged) => Msg::ErrMembersDamaged,
            Self::Open(OpenError::Newer { .. } | OpenError::Unsupported) => Msg::ErrMembersNewer,
            Self::NoReader => Msg::ErrNoReader,
        }
    }
}

/// The key this device remembered, if any.
pub fn remembered_key() -> Option<GroupKey> {
    platform::load(GROUP_KEY)
}

impl AppState {
    /// Whether this phone holds the key to the members' board.
    pub fn is_member(self) -> bool {
        self.group_key.with(Option::is_some)
    }

    /// Opens the members' board with `passphrase`: finds it among the group's sources, derives
    /// the key (slow on purpose, so the screen says so first), checks that it opens the board,
    /// keeps it (on the device too when `remember`), and syncs. The reader worker derives the
    /// key, so the page stays responsive meanwhile.
    pub async fn unlock(self, passphrase: String, remember: bool) -> Result<(), UnlockError> {
        let sources = self.config.with_untracked(|config| config.sources.clone());
        for source in sources
            .iter()
            .filter(|source| source.kind == SourceKind::Json)
        {
            let Ok(fetched) = remote::fetch_bytes(&source.url, TIMEOUT).await else {
                continue;
            };
            if !encrypted_board::is_encrypted(&fetched.bytes) {
                continue;
            }
            let job = Job::Unlock {
                passphrase: passphrase.clone(),
            };
            let key = match reader::ask(&job, &fetched.bytes).await {
                Ok(Answer::Unlocked(result)) => result.map_err(UnlockError::Open)?,
                _ => return Err(UnlockError::NoReader),
            };
            if remember {
                platform::save(GROUP_KEY, &key);
            } else {
                platform::forget(GROUP_KEY);
            }
            self.group_key.set(Some(key));
            self.sync_now();
            return Ok(());
        }
        Err(UnlockError::NoMembersBoard)
    }

    /// Forgets the key, on this tab and on the device.
    pub fn forget_group_key(self) {
        platform::forget(GROUP_KEY);
        self.group_key.set(None);
    }

    /// A source's bytes as a board file: an encrypted one opened with the key this phone
    /// holds, anything else as it came. Locked when the phone holds no key that fits.
    pub(super) async fn open_members_board(self, bytes: Vec<u8>) -> Result<Vec<u8>, SyncError> {
        if !encrypted_board::is_encrypted(&bytes) {
            return Ok(bytes);
        }
        let key = self.group_key.get_untracked().ok_or(SyncError::Locked)?;
        match reader::ask(&Job::Open { key }, &bytes).await? {
            Answer::Opened(Ok(snapshot)) => Ok(snapshot.into_bytes()),
            // A new passphrase (or new parameters): the kept key no longer fits.
            Answer::Opened(Err(OpenError::WrongPassphrase)) => Err(SyncError::Locked),
            Answer::Opened(Err(error)) => Err(SyncError::Encrypted(error)),
            _ => Err(SyncError::NoReader),
        }
    }
}
