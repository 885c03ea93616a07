//! The status workflow of a post: open → matched → fulfilled, or closed for a reason, with a
//! transition table that refuses moves the workflow does not allow. Every accepted change is
//! dated and attributed in the post's history.

use super::board::Board;
use super::clock::Stamp;
use super::id::RecordId;
use super::post::{CloseReason, Status, StatusChange};
use std::fmt;

/// Why a status change was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusError {
    /// No live post has this id.
    NotFound(RecordId),
    /// The workflow has no arrow from `from` to `to`.
    NotAllowed { from: Status, to: Status },
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(id) => write!(f, "no post {id}"),
            Self::NotAllowed { from, to } => write!(f, "a post cannot go from {from:?} to {to:?}"),
        }
    }
}

impl std::error::Error for StatusError {}

impl Status {
    /// Whether the workflow allows moving from `self` to `to`.
    ///
    /// - open → matched, or closed for any reason;
    /// - matched → fulfilled, back to open (the match fell through), or closed;
    /// - closed as expired → open (the author renews it);
    /// - fulfilled and every other closing are final.
    pub fn can_become(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Open, Matched | Closed(_))
                | (Matched, Fulfilled | Open | Closed(_))
                | (Closed(CloseReason::Expired), Open)
        )
    }

    /// Open or matched: still something to do.
    pub fn is_active(self) -> bool {
        matches!(self, Status::Open | Status::Matched)
    }
}

impl Board {
    /// Moves a post to `to`, recording who did it and when.
    pub fn set_status(
        &mut self,
        id: RecordId,
        to: Status,
        by: &str,
        at: Stamp,
    ) -> Result<(), StatusError> {
        let post = self
            .posts
            .get_mut(&id)
            .filter(|post| !post.is_removed())
            .ok_or(StatusError::NotFound(id))?;
        let from = post.status.value;
        if !from.can_become(to) {
            return Err(StatusError::NotAllowed { from, to });
        }
        post.status.set(to, at);
        post.history.insert(StatusChange {
            at,
            by: by.to_string(),
            to,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample_draft;
    use crate::model::{DeviceId, Post};

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    fn board_with_post() -> (Board, RecordId) {
        let mut board = Board::default();
        let id = RecordId(9);
        board.add_post(Post::create(id, sample_draft(), at(1)));
        (board, id)
    }

    #[test]
    fn the_happy_path_is_recorded_in_history() {
        let (mut board, id) = board_with_post();
        board.set_status(id, Status::Matched, "ana", at(2)).unwrap();
        board
            .set_status(id, Status::Fulfilled, "ana", at(3))
            .unwrap();
        let post = board.post(id).unwrap();
        assert_eq!(post.status.value, Status::Fulfilled);
        let steps: Vec<_> = post.history.iter().map(|c| (c.to, c.by.as_str())).collect();
        assert_eq!(
            steps,
            [
                (Status::Open, "rosa"),
                (Status::Matched, "ana"),
                (Status::Fulfilled, "ana")
            ]
        );
    }

    #[test]
    fn invalid_moves_are_refused_and_change_nothing() {
        let (mut board, id) = board_with_post();
        let before = board.clone();
        assert_eq!(
            board.set_status(id, Status::Fulfilled, "ana", at(2)),
            Err(StatusError::NotAllowed {
                from: Status::Open,
                to: Status::Fulfilled
            })
        );
        assert_eq!(board, before);
        assert_eq!(
            board.set_status(RecordId(1), Status::Matched, "ana", at(2)),
            Err(StatusError::NotFound(RecordId(1)))
        );
    }

    #[test]
    fn only_expired_posts_reopen() {
        let closed = |reason| Status::Closed(reason);
        assert!(closed(CloseReason::Expired).can_become(Status::Open));
        for reason in [
            CloseReason::Withdrawn,
            CloseReason::Duplicate,
            CloseReason::Referred,
        ] {
            assert!(!closed(reason).can_become(Status::Open));
        }
        assert!(!Status::Fulfilled.can_become(Status::Open));
        assert!(!Status::Open.can_become(Status::Open));
        assert!(Status::Matched.can_become(Status::Open));
    }
}
