//! Posts: an Ask (a need) or an Offer (goods, time, a skill), with the fields a neighbour fills
//! in and the status workflow a group follows. Every field carries the stamp of the edit that
//! set it. A signed post is its author's alone: a merge keeps the newest revision its author
//! signed, whole, and adds the records others made about it (responses, moderation).

use super::clock::Stamp;
use super::day::Day;
use super::id::RecordId;
use super::merge::{grow, Lww, Merge};
use super::moderation::Moderation;
use super::response::{Response, ResponseKey};
use super::sorted_map::SortedMap;
use super::sorted_set::SortedSet;
use super::trust::PostSeal;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A self-chosen name. There are no accounts.
pub type Handle = String;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PostKind {
    Ask,
    Offer,
}

/// How soon an ask needs an answer; ordered from most to least urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Urgency {
    Today,
    Days,
    Week,
    Anytime,
}

impl Urgency {
    pub const ALL: [Urgency; 4] = [
        Urgency::Today,
        Urgency::Days,
        Urgency::Week,
        Urgency::Anytime,
    ];
}

/// Why a post was closed without being fulfilled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CloseReason {
    Withdrawn,
    Expired,
    Duplicate,
    Referred,
}

/// Where a post stands: open → matched → fulfilled, or closed for a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Matched,
    Fulfilled,
    Closed(CloseReason),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactMethod {
    Call,
    Text,
    WhatsApp,
    Signal,
    Email,
}

impl ContactMethod {
    pub const ALL: [ContactMethod; 5] = [
        Self::Call,
        Self::Text,
        Self::WhatsApp,
        Self::Signal,
        Self::Email,
    ];
}

/// Who may see a contact detail or note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Only the author's device and the coordinator's.
    Private,
    /// Members holding the group passphrase.
    Group,
    Public,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Contact {
    pub method: ContactMethod,
    pub value: String,
    pub visibility: Visibility,
}

/// One dated, attributed status change. The history is a grow-only set, so no copy can lose one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StatusChange {
    pub at: Stamp,
    pub by: Handle,
    pub to: Status,
}

impl StatusChange {
    /// The first entry of every post's history: opened by its author when it was created.
    pub fn opening(created: Stamp, author: &str) -> Self {
        Self {
            at: created,
            by: author.to_owned(),
            to: Status::Open,
        }
    }

    /// Whether this is the opening entry of a post created at `created` by `author`.
    pub fn is_opening(&self, created: Stamp, author: &str) -> bool {
        self.at == created && self.to == Status::Open && self.by == author
    }
}

/// What a person fills in to create a post; everything but the first five fields is optional.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostDraft {
    pub kind: PostKind,
    pub title: String,
    pub category: String,
    pub area: String,
    pub contact: Option<Contact>,
    pub details: String,
    pub urgency: Urgency,
    pub quantity: Option<u32>,
    pub author: Handle,
    pub languages: Vec<String>,
    /// Needed by (an ask) or available until (an offer).
    pub until: Option<Day>,
    pub recurring: bool,
    /// A note only the author and the coordinator see.
    pub private_note: String,
}

/// Written in snapshots as `post_json` describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Post {
    pub id: RecordId,
    pub kind: PostKind,
    pub created: Stamp,
    pub author: Handle,
    pub title: Lww<String>,
    pub details: Lww<String>,
    pub category: Lww<String>,
    pub area: Lww<String>,
    pub urgency: Lww<Urgency>,
    pub quantity: Lww<Option<u32>>,
    pub contact: Lww<Option<Contact>>,
    pub languages: Lww<Vec<String>>,
    pub until: Lww<Option<Day>>,
    pub recurring: Lww<bool>,
    pub status: Lww<Status>,
    pub private_note: Lww<String>,
    pub history: SortedSet<StatusChange>,
    /// The tombstone: `true` once deleted. A later edit of any field brings the post back.
    pub removed: Lww<bool>,
    /// The author's signature over everything above; `None` on a post from before signing.
    pub seal: Option<PostSeal>,
    /// Offers of help ("I can help"), each its helper's own signed record.
    pub responses: SortedMap<ResponseKey, Response>,
    /// Coordinators' signed moderation: closing or hiding a post that is not theirs.
    pub moderation: SortedSet<Moderation>,
}

impl Post {
    /// A new open post from a draft, stamped `at` by its author's device.
    pub fn create(id: RecordId, draft: PostDraft, at: Stamp) -> Self {
        let history = SortedSet::from([StatusChange::opening(at, &draft.author)]);
        Self {
            id,
            kind: draft.kind,
            created: at,
            author: draft.author,
            title: Lww::new(draft.title, at),
            details: Lww::new(draft.details, at),
            category: Lww::new(draft.category, at),
            area: Lww::new(draft.area, at),
            urgency: Lww::new(draft.urgency, at),
            quantity: Lww::new(draft.quantity, at),
            contact: Lww::new(draft.contact, at),
            languages: Lww::new(draft.languages, at),
            until: Lww::new(draft.until, at),
            recurring: Lww::new(draft.recurring, at),
            status: Lww::new(Status::Open, at),
            private_note: Lww::new(draft.private_note, at),
            history,
            removed: Lww::new(false, at),
            seal: None,
            responses: SortedMap::new(),
            moderation: SortedSet::new(),
        }
    }

    /// The stamp of the newest edit to any field other than the tombstone.
    pub fn last_edit(&self) -> Stamp {
        [
            self.title.at,
            self.details.at,
            self.category.at,
            self.area.at,
            self.urgency.at,
            self.quantity.at,
            self.contact.at,
            self.languages.at,
            self.until.at,
            self.recurring.at,
            self.status.at,
            self.private_note.at,
        ]
        .into_iter()
        .max()
        .unwrap_or(self.created)
    }

    /// The stamp of the author's newest change, the tombstone included: what a signature
    /// covers and what decides between two signed copies.
    pub fn revision(&self) -> Stamp {
        self.last_edit().max(self.removed.at).max(self.created)
    }

    /// The status people see: the author's, unless a coordinator changed it since.
    pub fn current_status(&self) -> Status {
        self.moderation
            .iter()
            .filter_map(|entry| entry.status().map(|status| (entry.at, status)))
            .max()
            .filter(|(at, _)| *at > self.status.at)
            .map_or(self.status.value, |(_, status)| status)
    }

    /// When the status people see was set.
    pub fn status_since(&self) -> Stamp {
        self.moderation
            .iter()
            .filter(|entry| entry.status().is_some())
            .map(|entry| entry.at)
            .max()
            .map_or(self.status.at, |at| at.max(self.status.at))
    }

    /// Whether the newest hide-or-show moderation hides it.
    pub fn is_hidden(&self) -> bool {
        self.moderation
            .iter()
            .filter_map(|entry| entry.hides().map(|hides| (entry.at, hides)))
            .max()
            .is_some_and(|(_, hides)| hides)
    }

    /// Whether the post is signed by its author.
    pub fn is_signed(&self) -> bool {
        self.seal.is_some()
    }
}

impl Post {
    /// Merges `other` in and says whether that changed this post: the merge report's
    /// "updated" without comparing whole posts.
    ///
    /// Between signed copies the newer revision wins whole (its author is its only writer);
    /// two copies of one revision differ only in what redaction withheld, and the merge keeps
    /// whatever either shows. A signed copy wins over an unsigned one. Two unsigned copies
    /// (from before signing) merge field by field as they always did.
    pub fn merge_changed(&mut self, other: &Self) -> bool {
        let mut changed = match (&self.seal, &other.seal) {
            (Some(mine), Some(theirs)) => {
                match (self.revision(), mine.seal.sig).cmp(&(other.revision(), theirs.seal.sig)) {
                    Ordering::Less => self.take_authored(other),
                    Ordering::Greater => false,
                    Ordering::Equal => self.merge_same_revision(other),
                }
            }
            (None, Some(_)) => self.take_authored(other),
            (Some(_), None) => false,
            (None, None) => self.merge_fields(other),
        };
        for (key, theirs) in &other.responses {
            match self.responses.get_mut(key) {
                Some(mine) => changed |= mine.merge_changed(theirs),
                None => {
                    self.responses.insert(*key, theirs.clone());
                    changed = true;
                }
            }
        }
        changed |= grow(&mut self.moderation, &other.moderation);
        changed
    }

    /// Replaces everything the author wrote with `other`'s; keeps what others wrote.
    fn take_authored(&mut self, other: &Self) -> bool {
        let responses = std::mem::take(&mut self.responses);
        let moderation = std::mem::take(&mut self.moderation);
        *self = Post {
            responses,
            moderation,
            ..other.authored_clone()
        };
        true
    }

    /// A copy without others' records (they are merged separately).
    fn authored_clone(&self) -> Post {
        Post {
            id: self.id,
            kind: self.kind,
            created: self.created,
            author: self.author.clone(),
            title: self.title.clone(),
            details: self.details.clone(),
            category: self.category.clone(),
            area: self.area.clone(),
            urgency: self.urgency.clone(),
            quantity: self.quantity.clone(),
            contact: self.contact.clone(),
            languages: self.languages.clone(),
            until: self.until.clone(),
            recurring: self.recurring.clone(),
            status: self.status.clone(),
            private_note: self.private_note.clone(),
            history: self.history.clone(),
            removed: self.removed.clone(),
            seal: self.seal,
            responses: SortedMap::new(),
            moderation: SortedSet::new(),
        }
    }

    /// Two copies with the same revision and signature: the same signed content, unless one is
    /// forged. What either shows of a withheld value is kept; copies that sign different bytes
    /// are ordered by those bytes, so every device picks the same one.
    fn merge_same_revision(&mut self, other: &Self) -> bool {
        if self.same_authored(other) {
            return false;
        }
        let (mine, theirs) = (self.signed_bytes(), other.signed_bytes());
        match mine.cmp(&theirs) {
            Ordering::Less => self.take_authored(other),
            Ordering::Greater => false,
            Ordering::Equal => self.reveal_from(other),
        }
    }

    /// Whether both copies hold the same author's content, signature included (others'
    /// records aside).
    pub(crate) fn same_authored(&self, other: &Self) -> bool {
        self.seal == other.seal
            && self.title == other.title
            && self.details == other.details
            && self.category == other.category
            && self.area == other.area
            && self.urgency == other.urgency
            && self.quantity == other.quantity
            && self.contact == other.contact
            && self.languages == other.languages
            && self.until == other.until
            && self.recurring == other.recurring
            && self.status == other.status
            && self.private_note == other.private_note
            && self.history == other.history
            && self.removed == other.removed
            && (self.created, self.kind, &self.author) == (other.created, other.kind, &other.author)
    }

    /// Takes the values `other`, a copy of the same signed revision, shows and this copy
    /// withholds. (Only within one revision: revealing an older revision's value into a newer
    /// one would depend on the order copies meet in, and the merge would no longer be
    /// associative.)
    fn reveal_from(&mut self, other: &Self) -> bool {
        use super::trust::key::digest;
        use super::trust::seal::contact_bytes;
        use super::trust::Secret;
        let (Some(mine), Some(theirs)) = (self.seal.as_mut(), other.seal.as_ref()) else {
            return false;
        };
        let mut changed = false;
        if let (Secret::Withheld(wanted), Secret::Shown(salt)) = (mine.contact, theirs.contact) {
            if digest(&salt, &contact_bytes(other.contact.value.as_ref())) == wanted {
                mine.contact = theirs.contact;
                self.contact.value = other.contact.value.clone();
                changed = true;
            }
        }
        if let (Secret::Withheld(wanted), Secret::Shown(salt)) = (mine.note, theirs.note) {
            if digest(&salt, other.private_note.value.as_bytes()) == wanted {
                mine.note = theirs.note;
                self.private_note.value = other.private_note.value.clone();
                changed = true;
            }
        }
        changed
    }

    /// The field-by-field merge of posts from before signing.
    fn merge_fields(&mut self, other: &Self) -> bool {
        let mut changed = false;
        // Identity fields are written once; should two copies disagree (a forged copy), the
        // smaller one wins on both sides so the merge stays the same in any order.
        if (other.created, other.kind, &other.author) < (self.created, self.kind, &self.author) {
            self.created = other.created;
            self.kind = other.kind;
            self.author = other.author.clone();
            changed = true;
        }
        changed |= self.title.merge_changed(&other.title);
        changed |= self.details.merge_changed(&other.details);
        changed |= self.category.merge_changed(&other.category);
        changed |= self.area.merge_changed(&other.area);
        changed |= self.urgency.merge_changed(&other.urgency);
        changed |= self.quantity.merge_changed(&other.quantity);
        changed |= self.contact.merge_changed(&other.contact);
        changed |= self.languages.merge_changed(&other.languages);
        changed |= self.until.merge_changed(&other.until);
        changed |= self.recurring.merge_changed(&other.recurring);
        changed |= self.status.merge_changed(&other.status);
        changed |= self.private_note.merge_changed(&other.private_note);
        changed |= grow(&mut self.history, &other.history);
        changed |= self.removed.merge_changed(&other.removed);
        changed
    }
}

impl Merge for Post {
    fn merge(&mut self, other: &Self) {
        self.merge_changed(other);
    }
}

impl super::record::Record for Post {
    const KIND: super::record::RecordKind = super::record::RecordKind::Post;

    /// Deleted by its author (a tombstone newer than every edit), or hidden by a coordinator.
    fn is_removed(&self) -> bool {
        self.removed_by_author() || self.is_hidden()
    }

    fn merge_changed(&mut self, other: &Self) -> bool {
        Post::merge_changed(self, other)
    }

    /// A post is signed whole, by its author alone (`trust::authorship`): none of its fields
    /// carries a seal of its own.
    fn walk(&mut self, _walk: &mut dyn super::trust::sealed::Walk) {}

    fn check_limits(&self, checks: &mut super::validate::Checks) {
        use super::validate::Field;
        checks.text(Field::Author, &self.author, false);
        checks.text(Field::Title, &self.title.value, false);
        checks.text(Field::Details, &self.details.value, false);
        checks.text(Field::Category, &self.category.value, false);
        checks.text(Field::Area, &self.area.value, false);
        checks.contact(self.contact.value.as_ref());
        checks.list(Field::Languages, &self.languages.value);
        if let Some(quantity) = self.quantity.value {
            checks.number(Field::Quantity, u64::from(quantity), 0);
        }
        checks.text(Field::PrivateNote, &self.private_note.value, false);
        checks.count(Field::History, self.history.len());
        for change in &self.history {
            checks.text(Field::Handle, &change.by, false);
        }
        checks.count(Field::Responses, self.responses.len());
        for response in self.responses.values() {
            checks.text(Field::Handle, &response.by, false);
            checks.text(Field::Note, &response.message, false);
            checks.contact(response.contact.as_ref());
        }
        checks.count(Field::Moderation, self.moderation.len());
        for entry in &self.moderation {
            checks.text(Field::Handle, &entry.by, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{merged_either_way, sample_draft, DeviceId};

    /// Two copies of a post from before signing that disagree on who wrote it or when (one is
    /// forged) settle on the same copy on every phone, and on the one older versions of Circle
    /// settle on: the earlier, then the smaller author.
    #[test]
    fn unsigned_copies_that_disagree_on_their_author_settle_on_the_first_either_way() {
        let by = |author: &str, ms| {
            let draft = PostDraft {
                author: author.into(),
                ..sample_draft()
            };
            Post::create(RecordId(1), draft, Stamp::new(ms, 0, DeviceId(1)))
        };
        assert_eq!(
            merged_either_way(&by("ben", 5), &by("ana", 5)).author,
            "ana"
        );
        assert_eq!(
            merged_either_way(&by("ana", 6), &by("ben", 5)).author,
            "ben"
        );
    }
}
