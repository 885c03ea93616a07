//! Responses: a helper's "I can help" on an ask (or "I'd like this" on an offer). A response is
//! the helper's own record, signed with the helper's key, and rides along with the post it
//! answers; the author reads it and may accept it. Nobody else can write or change it.

use super::board::Board;
use super::clock::Stamp;
use super::edit::EditError;
use super::id::RecordId;
use super::post::{Contact, Handle};
use super::record::Record;
use super::trust::check::{Checker, Local};
use super::trust::seal::{contact_bytes, Seal, Secret, Signed};
use super::trust::{AuthorKey, Signer};
use serde::{Deserialize, Serialize};

/// Which response: when it was made and by whose key. A forger can copy a stamp but not a key,
/// so no response can take another's place.
pub type ResponseKey = (Stamp, AuthorKey);

/// One helper's answer to a post.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Response {
    pub at: Stamp,
    pub by: Handle,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// How the author can reach the helper, as the helper chose; `None` when there is none or
    /// redaction withheld it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    pub secret: Secret,
    #[serde(flatten)]
    pub seal: Seal,
}

impl Response {
    /// A new response to post `post`, signed by the helper.
    pub fn new(
        post: RecordId,
        at: Stamp,
        by: &str,
        message: String,
        contact: Option<Contact>,
        signer: &Signer,
    ) -> Self {
        let secret = Secret::Shown(signer.salt(post.0 ^ at.ms, "response"));
        let mut response = Self {
            at,
            by: by.to_owned(),
            message,
            contact,
            secret,
            seal: Seal {
                key: signer.key(),
                sig: super::trust::Signature([0; 64]),
            },
        };
        response.seal = super::trust::seal::seal(signer, &response.signed(post));
        response
    }

    pub fn key(&self) -> ResponseKey {
        (self.at, self.seal.key)
    }

    /// The bytes its helper signed, for the post `post`.
    pub fn signed(&self, post: RecordId) -> Signed {
        let mut signed = Signed::new("circle.response.v1");
        signed
            .id(post)
            .stamp(self.at)
            .text(&self.by)
            .text(&self.message)
            .raw(&self.secret.digest(&contact_bytes(self.contact.as_ref())).0)
            .raw(&self.seal.key.0);
        signed
    }

    /// Whether the helper's key signed this response to `post`.
    pub fn verifies(&self, post: RecordId) -> bool {
        self.verifies_by(post, &Local)
    }

    /// As `verifies`, asking `checker` (see [`crate::model::trust::check`]).
    pub fn verifies_by(&self, post: RecordId, checker: &dyn Checker) -> bool {
        self.seal.verifies_by(&self.signed(post), checker)
    }

    /// This response as a public copy shows it: the contact withheld, only its digest kept.
    pub fn withheld(&self) -> Self {
        let digest = self.secret.digest(&contact_bytes(self.contact.as_ref()));
        Self {
            contact: None,
            secret: Secret::Withheld(digest),
            ..self.clone()
        }
    }

    /// Merges another copy of the same response: of two copies of one signed response, the one
    /// that shows the contact wins; copies that disagree otherwise (a forgery) resolve by
    /// order, the same on every device.
    pub fn merge_changed(&mut self, other: &Self) -> bool {
        if self == other {
            return false;
        }
        let rank = |response: &Self| (response.withheld(), response.secret.is_shown());
        if rank(other) > rank(self) {
            *self = other.clone();
            return true;
        }
        false
    }
}

impl Board {
    /// A helper answers a live post with their own signed response. The author cannot answer
    /// their own post.
    pub fn respond(
        &mut self,
        post: RecordId,
        at: Stamp,
        by: &str,
        message: String,
        contact: Option<Contact>,
        signer: &Signer,
    ) -> Result<ResponseKey, EditError> {
        let found = self
            .posts
            .get_mut(&post)
            .filter(|found| !found.is_removed())
            .ok_or(EditError::NotFound(post))?;
        if found.is_author(signer, at) {
            return Err(EditError::NotAuthor);
        }
        if found.responses.len() >= super::validate::Field::Responses.limit() {
            // A post holds so many offers of help and no more: past that its own save would
            // fail the limits it is loaded with.
            return Err(EditError::Stale);
        }
        let response = Response::new(post, at, by, message, contact, signer);
        let key = response.key();
        found.responses.insert(key, response);
        Ok(key)
    }
}
