//! The status workflow of a post: open → matched → fulfilled, or closed for a reason, with a
//! transition table that refuses moves the workflow does not allow. Only the post's author
//! moves it (a signed revision), or a coordinator (a signed moderation record beside it); a
//! helper's "I can help" is a response, never a status change. Every accepted change is dated
//! and attributed.

use super::board::Board;
use super::clock::Stamp;
use super::edit::EditError;
use super::id::RecordId;
use super::moderation::{Action, Moderation};
use super::post::{CloseReason, Status, StatusChange};
use super::trust::Signer;
use super::validate::Field;
use std::fmt;

/// Why a status change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusError {
    /// No live post has this id, the person is not its author, or the change would not be the
    /// newest.
    Edit(EditError),
    /// The workflow has no arrow from `from` to `to`.
    NotAllowed { from: Status, to: Status },
}

impl From<EditError> for StatusError {
    fn from(error: EditError) -> Self {
        Self::Edit(error)
    }
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Edit(error) => error.fmt(f),
            Self::NotAllowed { from, to } => write!(f, "a post cannot go from {from:?} to {to:?}"),
        }
    }
}

impl std::error::Error for StatusError {}

impl Status {
    /// Whether the workflow allows moving from `self` to `to`.
    ///
    /// - open → matched (the author accepted a response), fulfilled (help came another way),
    ///   or closed for any reason;
    /// - matched → fulfilled, back to open (the match fell through), or closed;
    /// - fulfilled, withdrawn or expired → open (the author reopens or renews it);
    /// - closed as a duplicate or referred elsewhere is final: a coordinator's decision.
    pub fn can_become(self, to: Status) -> bool {
        use CloseReason::*;
        use Status::*;
        matches!(
            (self, to),
            (Open, Matched | Fulfilled | Closed(_))
                | (Matched, Fulfilled | Open | Closed(_))
                | (Fulfilled | Closed(Expired | Withdrawn), Open)
        )
    }

    /// Open or matched: still something to do.
    pub fn is_active(self) -> bool {
        matches!(self, Status::Open | Status::Matched)
    }
}

impl Board {
    /// The author moves their post to `to`: a new revision, signed by `signer`, recording who
    /// did it and when.
    pub fn set_status(
        &mut self,
        id: RecordId,
        to: Status,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), StatusError> {
        let post = self.authored(id, at, signer)?;
        let from = post.current_status();
        if at <= post.status_since() {
            // A coordinator's later word would still show: this change would not take effect.
            return Err(EditError::Stale.into());
        }
        if !from.can_become(to) || post.history.len() >= Field::History.limit() {
            // A full history would make the save itself fail its limits on the next load.
            return Err(StatusError::NotAllowed { from, to });
        }
        let post = self.authored(id, at, signer)?;
        post.status.set(to, at);
        post.history.insert(StatusChange {
            at,
            by: by.to_string(),
            to,
        });
        post.resign(signer);
        Ok(())
    }

    /// A coordinator acts on a post that is not theirs: sets its status, or hides or shows it.
    /// The board holds no config, so the caller checks `signer` is one of the group's
    /// coordinators; other devices check it again when the record reaches them.
    pub fn moderate(
        &mut self,
        id: RecordId,
        action: Action,
        by: &str,
        at: Stamp,
        signer: &Signer,
    ) -> Result<(), StatusError> {
        let post = self
            .posts
            .get_mut(&id)
            .filter(|post| !post.removed_by_author())
            .ok_or(EditError::NotFound(id))?;
        if at <= post.status_since() || post.moderation.iter().any(|entry| entry.at >= at) {
            return Err(EditError::Stale.into());
        }
        if post.moderation.len() >= Field::Moderation.limit() {
            return Err(EditError::Stale.into());
        }
        if let Action::Status(to) = action {
            let from = post.current_status();
            if from == to {
                return Err(StatusError::NotAllowed { from, to });
            }
        }
        post.moderation
            .insert(Moderation::new(id, at, by, action, signer));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::EditError;
    use crate::model::{sample_draft, signer, DeviceId, Post};

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    fn helper() -> Signer {
        Signer::from_seed([9; 32])
    }

    /// A board with one post signed by `signer()`.
    fn board_with_post() -> (Board, RecordId) {
        let mut board = Board::default();
        let post = Post::create_signed(sample_draft(), at(1), &signer());
        let id = post.id;
        board.add_post(post);
        (board, id)
    }

    #[test]
    fn the_happy_path_is_recorded_in_history_and_signed() {
        let (mut board, id) = board_with_post();
        board
            .set_status(id, Status::Matched, "rosa", at(2), &signer())
            .unwrap();
        board
            .set_status(id, Status::Fulfilled, "rosa", at(3), &signer())
            .unwrap();
        let post = board.post(id).unwrap();
        assert_eq!(post.current_status(), Status::Fulfilled);
        assert!(post.verifies());
        let steps: Vec<_> = post.history.iter().map(|c| (c.to, c.by.as_str())).collect();
        assert_eq!(
            steps,
            [
                (Status::Open, "rosa"),
                (Status::Matched, "rosa"),
                (Status::Fulfilled, "rosa")
            ]
        );
    }

    #[test]
    fn invalid_moves_are_refused_and_change_nothing() {
        let (mut board, id) = board_with_post();
        let before = board.clone();
        assert_eq!(
            board.set_status(id, Status::Open, "rosa", at(2), &signer()),
            Err(StatusError::NotAllowed {
                from: Status::Open,
                to: Status::Open
            })
        );
        assert_eq!(board, before);
        assert_eq!(
            board.set_status(RecordId(1), Status::Matched, "rosa", at(2), &signer()),
            Err(StatusError::Edit(EditError::NotFound(RecordId(1))))
        );
    }

    #[test]
    fn a_helper_cannot_mark_someone_elses_ask_fulfilled() {
        let (mut board, id) = board_with_post();
        let before = board.clone();
        assert_eq!(
            board.set_status(id, Status::Fulfilled, "sam", at(2), &helper()),
            Err(StatusError::Edit(EditError::NotAuthor))
        );
        assert_eq!(board, before);
    }

    #[test]
    fn the_author_can_reopen_a_fulfilled_ask() {
        let (mut board, id) = board_with_post();
        board
            .set_status(id, Status::Fulfilled, "rosa", at(2), &signer())
            .unwrap();
        board
            .set_status(id, Status::Open, "rosa", at(3), &signer())
            .unwrap();
        assert_eq!(board.post(id).unwrap().current_status(), Status::Open);
    }

    #[test]
    fn an_edit_older_than_the_post_reports_failure() {
        let (mut board, id) = board_with_post();
        board
            .set_status(id, Status::Matched, "rosa", at(50), &signer())
            .unwrap();
        let before = board.clone();
        assert_eq!(
            board.set_status(id, Status::Fulfilled, "rosa", at(40), &signer()),
            Err(StatusError::Edit(EditError::Stale))
        );
        assert_eq!(board, before);
    }

    #[test]
    fn a_coordinator_closes_beside_the_post_and_the_author_can_answer() {
        let (mut board, id) = board_with_post();
        let coordinator = Signer::from_seed([5; 32]);
        let duplicate = Status::Closed(CloseReason::Duplicate);
        board
            .moderate(id, Action::Status(duplicate), "coord", at(2), &coordinator)
            .unwrap();
        let post = board.post(id).unwrap();
        assert_eq!(post.current_status(), duplicate);
        assert_eq!(
            post.status.value,
            Status::Open,
            "the author's own record is untouched"
        );
        assert!(post.verifies());
        board
            .moderate(id, Action::Hide, "coord", at(3), &coordinator)
            .unwrap();
        assert!(board.post(id).is_none());
        board
            .moderate(id, Action::Show, "coord", at(4), &coordinator)
            .unwrap();
        assert!(board.post(id).is_some());
    }

    /// A coordinator's action dated before one already on the post (a phone with a slow clock)
    /// would not be the newest word: refused as stale, and the post stays as it was.
    #[test]
    fn a_moderation_older_than_the_last_one_is_stale() {
        let (mut board, id) = board_with_post();
        let coordinator = Signer::from_seed([5; 32]);
        board
            .moderate(id, Action::Hide, "coord", at(10), &coordinator)
            .unwrap();
        assert_eq!(
            board.moderate(id, Action::Show, "coord", at(5), &coordinator),
            Err(StatusError::Edit(EditError::Stale))
        );
        assert!(board.post(id).is_none(), "still hidden");
        assert_eq!(board.posts[&id].moderation.len(), 1);
    }

    #[test]
    fn duplicates_and_referrals_are_final() {
        let closed = |reason| Status::Closed(reason);
        for reason in [CloseReason::Expired, CloseReason::Withdrawn] {
            assert!(closed(reason).can_become(Status::Open));
        }
        for reason in [CloseReason::Duplicate, CloseReason::Referred] {
            assert!(!closed(reason).can_become(Status::Open));
        }
        assert!(Status::Fulfilled.can_become(Status::Open));
        assert!(!Status::Open.can_become(Status::Open));
        assert!(Status::Matched.can_become(Status::Open));
    }
}
