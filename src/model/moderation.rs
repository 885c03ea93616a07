//! Moderation: what a group's coordinators may do to a post that is not theirs. A coordinator
//! (a key the group names in its config) may close a post or hide it; each action is the
//! coordinator's own signed record, kept beside the post, never an edit of it.

use super::clock::Stamp;
use super::id::RecordId;
use super::post::{Handle, Status};
use super::trust::check::{Checker, Local};
use super::trust::seal::{seal, Seal, Signed};
use super::trust::Signer;
use serde::{Deserialize, Serialize};

/// What a coordinator did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Set the post's status (fulfilled, or closed for a reason).
    Status(Status),
    /// Take the post off the board.
    Hide,
    /// Put a hidden post back.
    Show,
}

/// One signed moderation action on a post.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Moderation {
    pub at: Stamp,
    pub by: Handle,
    pub action: Action,
    #[serde(flatten)]
    pub seal: Seal,
}

impl Moderation {
    pub fn new(post: RecordId, at: Stamp, by: &str, action: Action, signer: &Signer) -> Self {
        let mut entry = Self {
            at,
            by: by.to_owned(),
            action,
            seal: Seal {
                key: signer.key(),
                sig: super::trust::Signature([0; 64]),
            },
        };
        entry.seal = seal(signer, &entry.signed(post));
        entry
    }

    /// The status this action sets, if it sets one.
    pub fn status(&self) -> Option<Status> {
        match self.action {
            Action::Status(status) => Some(status),
            Action::Hide | Action::Show => None,
        }
    }

    /// Whether it hides (`Some(true)`) or shows (`Some(false)`) the post.
    pub fn hides(&self) -> Option<bool> {
        match self.action {
            Action::Hide => Some(true),
            Action::Show => Some(false),
            Action::Status(_) => None,
        }
    }

    pub fn signed(&self, post: RecordId) -> Signed {
        let mut signed = Signed::new("circle.moderation.v1");
        signed.id(post).stamp(self.at).text(&self.by);
        match self.action {
            Action::Status(status) => signed.byte(0).status(status),
            Action::Hide => signed.byte(1),
            Action::Show => signed.byte(2),
        };
        signed.raw(&self.seal.key.0);
        signed
    }

    pub fn verifies(&self, post: RecordId) -> bool {
        self.verifies_by(post, &Local)
    }

    /// As `verifies`, asking `checker` (see [`crate::model::trust::check`]).
    pub fn verifies_by(&self, post: RecordId, checker: &dyn Checker) -> bool {
        self.seal.verifies_by(&self.signed(post), checker)
    }
}
