//! Local edits of a post: changing its fields and deleting it. An edit stamps only the fields
//! whose value changed, so it never overrides a concurrent edit of another field on another
//! device.

use super::board::Board;
use super::clock::Stamp;
use super::id::RecordId;
use super::post::{Post, PostDraft};
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
}

impl Board {
    /// Edits a live post from a (validated) draft; returns whether anything changed.
    pub fn edit_post(
        &mut self,
        id: RecordId,
        draft: PostDraft,
        at: Stamp,
    ) -> Result<bool, NotFound> {
        let post = self
            .posts
            .get_mut(&id)
            .filter(|post| !post.is_removed())
            .ok_or(NotFound(id))?;
        Ok(post.apply(draft, at))
    }

    /// Deletes a post by leaving a tombstone, so the deletion reaches every other copy. A later
    /// edit elsewhere brings the post back rather than being lost.
    pub fn remove_post(&mut self, id: RecordId, at: Stamp) -> Result<(), NotFound> {
        let post = self
            .posts
            .get_mut(&id)
            .filter(|post| !post.is_removed())
            .ok_or(NotFound(id))?;
        post.removed.set(true, at);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::Merge;
    use crate::model::{sample_draft, DeviceId};

    fn at(ms: u64, device: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(device))
    }

    #[test]
    fn an_edit_stamps_only_changed_fields() {
        let mut board = Board::default();
        let id = RecordId(3);
        board.add_post(Post::create(id, sample_draft(), at(1, 1)));
        let mut draft = board.post(id).unwrap().draft();
        assert_eq!(board.edit_post(id, draft.clone(), at(2, 1)), Ok(false));
        draft.title = "Rice and beans".into();
        assert_eq!(board.edit_post(id, draft, at(3, 1)), Ok(true));
        let post = board.post(id).unwrap();
        assert_eq!(post.title.at, at(3, 1));
        assert_eq!(post.details.at, at(1, 1));
    }

    #[test]
    fn concurrent_edits_of_different_fields_both_survive() {
        let mut phone = Board::default();
        let id = RecordId(3);
        phone.add_post(Post::create(id, sample_draft(), at(1, 1)));
        let mut laptop = phone.clone();
        let mut draft = phone.post(id).unwrap().draft();
        draft.title = "New title".into();
        phone.edit_post(id, draft, at(5, 1)).unwrap();
        let mut draft = laptop.post(id).unwrap().draft();
        draft.area = "south".into();
        laptop.edit_post(id, draft, at(4, 2)).unwrap();
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
        board.remove_post(id, at(5, 1)).unwrap();
        assert!(board.post(id).is_none());
        assert_eq!(board.remove_post(id, at(6, 1)), Err(NotFound(id)));

        let mut older = other.post(id).unwrap().draft();
        older.title = "older".into();
        other.edit_post(id, older, at(4, 2)).unwrap();
        let mut merged = board.clone();
        merged.merge(&other);
        assert!(merged.post(id).is_none());

        let mut newer = other.post(id).unwrap().draft();
        newer.title = "newer".into();
        other.edit_post(id, newer, at(6, 2)).unwrap();
        merged.merge(&other);
        assert_eq!(
            merged.post(id).map(|p| p.title.value.as_str()),
            Some("newer")
        );
    }
}
