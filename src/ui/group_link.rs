//! "Group members only" links (`sources::sealed_link`): sealed with the group's key, which
//! this phone holds once a member typed the passphrase (`members`), and opened with it. The
//! reader worker does both, so the board page carries none of the cipher; the page draws the
//! nonce from the browser's cryptographic generator and hands it over with the link's JSON.

use super::components::share::problem::ImportError;
use super::state::AppState;
use super::{platform, reader};
use crate::i18n::Msg;
use crate::sources::reader_job::{Answer, Job};
use crate::sources::sealed_link::NONCE_BYTES;
use crate::sources::share_link::{LinkError, Opened, SealedLink, ShareLink, ToSeal};
use leptos::prelude::*;

/// Why a group link could not be made. Nothing is shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotSealed {
    /// This phone no longer holds the group's key (forgotten in another tab).
    NoKey,
    /// The reader worker could not be started, or the browser gave no random bytes.
    NoReader,
}

impl NotSealed {
    pub fn message(self) -> Msg {
        match self {
            Self::NoKey => Msg::ErrNoGroupKey,
            Self::NoReader => Msg::ErrNoReader,
        }
    }
}

impl AppState {
    /// The fragment of a group link holding `content`, sealed with this phone's key.
    pub async fn seal_link(self, content: ToSeal) -> Result<String, NotSealed> {
        let key = self.group_key.get_untracked().ok_or(NotSealed::NoKey)?;
        let mut nonce = [0u8; NONCE_BYTES];
        if !platform::random_bytes(&mut nonce) {
            return Err(NotSealed::NoReader);
        }
        let job = Job::SealLink {
            key,
            tag: content.tag,
            nonce,
        };
        match reader::ask(&job, &content.json).await {
            Ok(Answer::LinkSealed(Some(fragment))) => Ok(fragment),
            _ => Err(NotSealed::NoReader),
        }
    }

    /// Opens a link someone sent (a URL, a fragment or a whole message): a public link at
    /// once, a group link with this phone's key in the reader worker. Nothing is merged here.
    pub async fn open_link(self, text: &str) -> Result<ShareLink, ImportError> {
        match ShareLink::read(text).map_err(ImportError::Link)? {
            Opened::Open(link) => Ok(link),
            Opened::Sealed(sealed) => self.open_sealed(sealed).await,
        }
    }

    /// Opens a group link with this phone's key, in the reader worker.
    pub async fn open_sealed(self, sealed: SealedLink) -> Result<ShareLink, ImportError> {
        let key = self
            .group_key
            .get_untracked()
            .ok_or(ImportError::Link(LinkError::Locked))?;
        let job = Job::OpenLink {
            key,
            tag: sealed.tag(),
        };
        match reader::ask(&job, sealed.body()).await {
            Ok(Answer::LinkOpened(Ok(json))) => sealed.open(&json).map_err(ImportError::Link),
            Ok(Answer::LinkOpened(Err(error))) => Err(ImportError::Link(error.into())),
            _ => Err(ImportError::NoReader),
        }
    }
}
