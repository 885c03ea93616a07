//! Local edits of a post by its author: changing its fields and deleting it. An edit stamps
//! only the fields whose value changed and signs the post's new revision. Only the author may
//! edit, and an edit that would not be the newest revision is refused rather than lost.

use super::board::Board;
use super::clock::Stamp;
use super::id::RecordId;
use super::post::{Post, PostDraft};
use super::record::Record;
use super::trust::Signer;
use std::fmt;

/// No live record has this id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFound(pub RecordId);

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no record {}", self.0)
    }
}

impl std::error::Error for NotFound {}

/// Why an edit of a post was refused. None of them changes the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No live post has this id.
    NotFound(RecordId),
    /// The post is someone else's.
    NotAuthor,
    /// A newer revision is already here (from another tab, or a phone whose clock runs ahead):
    /// this edit would not take effect.
    Stale,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(id) => write!(f, "no post {id}"),
            Self::NotAuthor => f.write_str("only its author can change this post"),
            Self::Stale => f.write_str("a newer change to this post is already here"),
        }
    }
}

impl std::error::Error for EditError {}

impl Post {
    /// The post's current values, to fill in an edit form.
    pub fn draft(&self) -> PostDraft {
        PostDraft {
            kind: self.kind,
            title: self.title.value.clone(),
            category: self.category.value.clone(),
            area: self.area.value.clone(),
            contact: self.contact.value.clone(),
            details: self.details.value.clone(),
            urgency: self.urgency.value,
            quantity: self.quantity.value,
            author: self.author.clone(),
            languages: self.languages.value.clone(),
            until: self.until.value,
            recurring: self.recurring.value,
            private_note: self.private_note.value.clone(),
        }
    }

    /// Applies the fields of `draft` that differ. Kind and author are part of who made the post
    /// and never change. Returns whether anything changed.
    pub fn apply(&mut self, draft: PostDraft, at: Stamp) -> bool {
        let mut changed = self.title.change(draft.title, at);
        changed |= self.details.change(draft.details, at);
        changed |= self.category.change(draft.category, at);
        changed |= self.area.change(draft.area, at);
        changed |= self.urgency.change(draft.urgency, at);
        changed |= self.quantity.change(draft.quantity, at);
        changed |= self.contact.change(draft.contact, at);
        changed |= self.languages.change(draft.languages, at);
        changed |= self.until.change(draft.until, at);
        changed |= self.recurring.change(draft.recurring, at);
        changed |= self.private_note.change(draft.private_note, at);
        changed
    }

    /// Deleted by its author (a coordinator's hiding aside): a tombstone newer than every edit,
    /// so an edit made after the delete, on a phone that had not seen it, brings the post back.
    pub fn removed_by_author(&self) -> bool {
        self.removed.value && self.removed.at > self.last_edit()
    }

    /// Signs the new revision, if the post is a signed one (a post from before signing stays
    /// unsigned: its id is not bound to a key).
    pub(crate) fn resign(&mut self, signer: &Signer) {
        if self.seal.is_some() {
            self.sign(signer);
        }
    }

    /// Whether the holder of `signer`, stamping from `device`, wrote this post. A post from
    /// before signing is its creating device's.
    pub fn is_author(&self, signer: &Signer, at: Stamp) -> bool {
        match &self.seal {
            Some(_) => self.is_by(signer),
            None => self.created.device == at.device,
        }
    }
}

impl Board {
    /// The live post `id`, for its author to change at `at`.
    pub(crate) fn authored(
        &mut self,
        id: RecordId,
        at: Stamp,
        signer: &Signer,
    ) -> Result<&mut Post, EditError> {
        let post = self
            .posts
            .get_mut(&id)
            .filter(|post| !post.is_removed())
            .ok_or(EditError::NotFound(id))?;
        if !post.is_author(signer, at) {
            return Err(EditError::NotAuthor);
        }
        if at <= post.revision() {
            return Err(EditError::Stale);
        }
        Ok(post)
    }

    /// The author edits a live post from a (validated) draft; returns whether anything
    /// changed.
    pub fn edit_post(
        &mut self,
        id: RecordId,
        draft: PostDraft,
        at: Stamp,
        signer: &Signer,
    ) -> Result<bool, EditError> {
        let post = self.authored(id, at, signer)?;
        let changed = post.apply(draft, at);
        if changed {
            post.resign(signer);
        }
        Ok(changed)
    }

    /// The author deletes a post by leaving a tombstone, so the deletion reaches every other
    /// copy.
    pub fn remove_post(
        &mut self,
        id: RecordId,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), EditError> {
        let post = self.authored(id, at, signer)?;
        post.removed.set(true, at);
        post.resign(signer);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::Merge;
    use crate::model::signer;
    use crate::model::{sample_draft, DeviceId, Signer};

    fn at(ms: u64, device: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(device))
    }

    #[test]
    fn an_edit_stamps_only_changed_fields() {
        let mut board = Board::default();
        let id = RecordId(3);
        board.add_post(Post::create(id, sample_draft(), at(1, 1)));
        let mut draft = board.post(id).unwrap().draft();
        assert_eq!(
            board.edit_post(id, draft.clone(), at(2, 1), &signer()),
            Ok(false)
        );
        draft.title = "Rice and beans".into();
        assert_eq!(board.edit_post(id, draft, at(3, 1), &signer()), Ok(true));
        let post = board.post(id).unwrap();
        assert_eq!(post.title.at, at(3, 1));
        assert_eq!(post.details.at, at(1, 1));
    }

    /// Posts from before signing keep their old rule: two tabs of the device that made one
    /// edit different fields, and both edits survive.
    #[test]
    fn concurrent_edits_of_an_unsigned_post_both_survive() {
        let mut phone = Board::default();
        let id = RecordId(3);
        phone.add_post(Post::create(id, sample_draft(), at(1, 1)));
        let mut laptop = phone.clone();
        let mut draft = phone.post(id).unwrap().draft();
        draft.title = "New title".into();
        phone.edit_post(id, draft, at(5, 1), &signer()).unwrap();
        let mut draft = laptop.post(id).unwrap().draft();
        draft.area = "south".into();
        laptop.edit_post(id, draft, at(4, 1), &signer()).unwrap();
        phone.merge(&laptop);
        let post = phone.post(id).unwrap();
        assert_eq!(post.title.value, "New title");
        assert_eq!(post.area.value, "south");
    }

    #[test]
    fn a_deletion_loses_to_a_later_edit_and_wins_over_an_older_one() {
        let mut board = Board::default();
        let id = RecordId(3);
        board.add_post(Post::create(id, sample_draft(), at(1, 1)));
        let mut other = board.clone();
        board.remove_post(id, at(5, 1), &signer()).unwrap();
        assert!(board.post(id).is_none());
        assert_eq!(
            board.remove_post(id, at(6, 1), &signer()),
            Err(EditError::NotFound(id))
        );

        let mut older = other.post(id).unwrap().draft();
        older.title = "older".into();
        other.edit_post(id, older, at(4, 1), &signer()).unwrap();
        let mut merged = board.clone();
        merged.merge(&other);
        assert!(merged.post(id).is_none());

        let mut newer = other.post(id).unwrap().draft();
        newer.title = "newer".into();
        other.edit_post(id, newer, at(7, 1), &signer()).unwrap();
        merged.merge(&other);
        assert_eq!(
            merged.post(id).map(|p| p.title.value.as_str()),
            Some("newer")
        );
    }

    #[test]
    fn only_the_author_edits_a_signed_post_and_each_revision_verifies() {
        let mut board = Board::default();
        let post = Post::create_signed(sample_draft(), at(1, 1), &signer());
        let id = post.id;
        board.add_post(post);
        let before = board.clone();
        let mut draft = board.post(id).unwrap().draft();
        draft.title = "Spam".into();
        let stranger = Signer::from_seed([1; 32]);
        assert_eq!(
            board.edit_post(id, draft.clone(), at(2, 2), &stranger),
            Err(EditError::NotAuthor)
        );
        assert_eq!(
            board.remove_post(id, at(2, 2), &stranger),
            Err(EditError::NotAuthor)
        );
        assert_eq!(board, before);
        assert_eq!(board.edit_post(id, draft, at(2, 1), &signer()), Ok(true));
        let post = board.post(id).unwrap();
        assert_eq!(post.title.value, "Spam");
        assert!(post.verifies());
    }

    #[test]
    fn an_edit_that_would_not_be_newest_reports_failure_and_changes_nothing() {
        let mut board = Board::default();
        let post = Post::create_signed(sample_draft(), at(100, 1), &signer());
        let id = post.id;
        board.add_post(post);
        let before = board.clone();
        let mut draft = board.post(id).unwrap().draft();
        draft.title = "Late".into();
        assert_eq!(
            board.edit_post(id, draft, at(100, 1), &signer()),
            Err(EditError::Stale)
        );
        assert_eq!(board, before);
    }
}
