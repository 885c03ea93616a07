//! Board files for group members only: the board redacted for the group (contacts shared with
//! the group included), locked with the group's key in the reader worker, in the members'
//! board's own format (`sources::encrypted_board`), and opened again with that key. A phone
//! that holds no key saves the group's file unlocked, and the share screen says so
//! (`components::share::export`).

use super::components::share::problem::ImportError;
use super::group_link::NotSealed;
use super::reader;
use super::state::AppState;
use crate::sources::encrypted_board;
use crate::sources::reader_job::{Answer, Job};
use leptos::prelude::*;

/// A board file as the share screen read it: its snapshot's bytes, and whether it came locked.
pub struct Unlocked {
    pub bytes: Vec<u8>,
    pub locked: bool,
}

impl AppState {
    /// Whether a group file saved now is locked: this phone holds the group's key.
    pub fn locks_group_files(self) -> bool {
        self.is_member()
    }

    /// `snapshot` (a board file's text) locked with this phone's key: the locked file's text.
    pub async fn lock_board_file(self, snapshot: String) -> Result<String, NotSealed> {
        let key = self.group_key.get_untracked().ok_or(NotSealed::NoKey)?;
        match reader::ask(&Job::SealBoard { key }, snapshot.as_bytes()).await {
            Ok(Answer::BoardSealed(file)) => Ok(file),
            _ => Err(NotSealed::NoReader),
        }
    }

    /// A board file's bytes as a snapshot's: a locked file opened with this phone's key, any
    /// other as it came. Nothing is merged here.
    pub async fn unlock_board_file(self, bytes: Vec<u8>) -> Result<Unlocked, ImportError> {
        if !encrypted_board::is_encrypted(&bytes) {
            return Ok(Unlocked {
                bytes,
                locked: false,
            });
        }
        let key = self
            .group_key
            .get_untracked()
            .ok_or(ImportError::FileLocked)?;
        match reader::ask(&Job::Open { key }, &bytes).await {
            Ok(Answer::Opened(Ok(snapshot))) => Ok(Unlocked {
                bytes: snapshot.into_bytes(),
                locked: true,
            }),
            Ok(Answer::Opened(Err(error))) => Err(ImportError::GroupFile(error)),
            _ => Err(ImportError::NoReader),
        }
    }
}
