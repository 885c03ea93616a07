//! Matches: an ask paired with an offer or a volunteer, with who made the match, when, and
//! notes for the people involved. Making a match moves the ask to "matched".

use super::board::Board;
use super::clock::Stamp;
use super::edit::{EditError, NotFound};
use super::id::RecordId;
use super::merge::Merge;
use super::moderation::Action;
use super::post::{Handle, PostKind, Status};
use super::record::{tombstoned, Record, RecordKind};
use super::status::StatusError;
use super::trust::sealed::{identity, Sealed, Walk};
use super::trust::AuthorKey;
use super::trust::Signer;
use super::validate::{Checks, Field, ValidationError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Who answers the ask.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Partner {
    Offer(RecordId),
    Volunteer(Handle),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    pub id: RecordId,
    pub ask: RecordId,
    pub with: Partner,
    /// Who made the match.
    pub by: Handle,
    /// When it was made.
    pub created: Stamp,
    /// Whose record it is: with the group's coordinators, the only keys whose signed edits
    /// change it (`trust::sealed`). `None` on a record from before signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<AuthorKey>,
    /// Notes for the people involved; private.
    pub notes: Sealed<String>,
    pub removed: Sealed<bool>,
}

impl Match {
    pub fn create(
        id: RecordId,
        ask: RecordId,
        with: Partner,
        by: Handle,
        notes: String,
        at: Stamp,
    ) -> Self {
        Self {
            id,
            ask,
            with,
            by,
            created: at,
            author: None,
            notes: Sealed::new(notes, at),
            removed: Sealed::new(false, at),
        }
    }
}

impl Merge for Match {
    fn merge(&mut self, other: &Self) {
        self.author = self.author.max(other.author);
        // Written once; a forged disagreement resolves to the smaller side everywhere.
        let key = |m: &Match| (m.created, m.ask, m.with.clone(), m.by.clone());
        if key(other) < key(self) {
            self.created = other.created;
            self.ask = other.ask;
            self.with = other.with.clone();
            self.by = other.by.clone();
        }
        self.notes.merge(&other.notes);
        self.removed.merge(&other.removed);
    }
}

impl Record for Match {
    const KIND: RecordKind = RecordKind::Match;

    fn is_removed(&self) -> bool {
        tombstoned(&self.removed, self.notes.at.max(self.created))
    }

    fn walk(&mut self, walk: &mut dyn Walk) {
        walk.author(&mut self.author, self.created);
        walk.identity(None, identity(&(self.ask, &self.with, &self.by)));
        walk.field(None, "notes", &mut self.notes);
        walk.field(None, "removed", &mut self.removed);
    }

    fn check_limits(&self, checks: &mut Checks) {
        checks.text(Field::Handle, &self.by, true);
        if let Partner::Volunteer(handle) = &self.with {
            checks.text(Field::Handle, handle, true);
        }
        checks.text(Field::Note, &self.notes.value, false);
    }
}

/// Why a match could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MatchError {
    NotFound(RecordId),
    /// The first record is an offer, not an ask.
    NotAnAsk(RecordId),
    /// The partner record is an ask, not an offer.
    NotAnOffer(RecordId),
    Status(StatusError),
    Invalid(ValidationError),
}

impl fmt::Display for MatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(id) => write!(f, "no post {id}"),
            Self::NotAnAsk(id) => write!(f, "post {id} is not an ask"),
            Self::NotAnOffer(id) => write!(f, "post {id} is not an offer"),
            Self::Status(error) => error.fmt(f),
            Self::Invalid(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for MatchError {}

impl Board {
    /// Pairs an open ask with an offer or a volunteer and marks the ask matched: as its author
    /// when `signer` wrote it, otherwise as a coordinator's moderation (the caller checks that
    /// `signer` is one). An offer may answer several asks, so it stays as it is.
    pub fn match_ask(&mut self, made: Match, signer: &Signer) -> Result<(), MatchError> {
        let mut checks = Checks::new();
        made.check_limits(&mut checks);
        checks.first().map_err(MatchError::Invalid)?;
        let ask = self.post(made.ask).ok_or(MatchError::NotFound(made.ask))?;
        if ask.kind != PostKind::Ask {
            return Err(MatchError::NotAnAsk(made.ask));
        }
        if let Partner::Offer(offer) = made.with {
            let offer_post = self.post(offer).ok_or(MatchError::NotFound(offer))?;
            if offer_post.kind != PostKind::Offer {
                return Err(MatchError::NotAnOffer(offer));
            }
        }
        let by_author = self.set_status(made.ask, Status::Matched, &made.by, made.created, signer);
        match by_author {
            Err(StatusError::Edit(EditError::NotAuthor)) => self.moderate(
                made.ask,
                Action::Status(Status::Matched),
                &made.by,
                made.created,
                signer,
            ),
            other => other,
        }
        .map_err(MatchError::Status)?;
        self.matches.insert(made.id, made);
        Ok(())
    }

    /// Live matches of one ask, oldest first.
    pub fn matches_of(&self, ask: RecordId) -> Vec<&Match> {
        let mut found: Vec<&Match> = self
            .matches
            .values()
            .filter(|m| m.ask == ask && !m.is_removed())
            .collect();
        found.sort_by_key(|m| m.created);
        found
    }

    /// Undoes a match (tombstone) without touching the ask's status.
    pub fn remove_match(&mut self, id: RecordId, at: Stamp) -> Result<(), NotFound> {
        let found = self
            .matches
            .get_mut(&id)
            .filter(|m| !m.is_removed())
            .ok_or(NotFound(id))?;
        found.removed.set(true, at);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::signer;
    use crate::model::{sample_draft, DeviceId, Post};

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    #[test]
    fn matching_an_ask_marks_it_matched() {
        let mut board = Board::default();
        board.add_post(Post::create(RecordId(1), sample_draft(), at(1)));
        let mut offer = sample_draft();
        offer.kind = PostKind::Offer;
        board.add_post(Post::create(RecordId(2), offer, at(1)));
        let made = Match::create(
            RecordId(10),
            RecordId(1),
            Partner::Offer(RecordId(2)),
            "coord".into(),
            "call after 5".into(),
            at(2),
        );
        board.match_ask(made, &signer()).unwrap();
        assert_eq!(
            board.post(RecordId(1)).unwrap().status.value,
            Status::Matched
        );
        assert_eq!(board.matches_of(RecordId(1)).len(), 1);

        let again = Match::create(
            RecordId(11),
            RecordId(2),
            Partner::Volunteer("ana".into()),
            "coord".into(),
            String::new(),
            at(3),
        );
        assert_eq!(
            board.match_ask(again, &signer()),
            Err(MatchError::NotAnAsk(RecordId(2)))
        );
        board.remove_match(RecordId(10), at(4)).unwrap();
        assert!(board.matches_of(RecordId(1)).is_empty());
    }

    fn volunteer_match(by: &str, notes: String) -> Match {
        Match::create(
            RecordId(10),
            RecordId(1),
            Partner::Volunteer("ana".into()),
            by.into(),
            notes,
            at(2),
        )
    }

    #[test]
    fn two_copies_that_disagree_on_who_made_a_match_settle_on_the_first_maker_either_way() {
        let merged = crate::model::merged_either_way(
            &volunteer_match("ben", String::new()),
            &volunteer_match("cy", String::new()),
        );
        // The smaller maker: every version of Circle must settle on the same one.
        assert_eq!(merged.by, "ben");
    }

    #[test]
    fn a_match_past_a_limit_is_named() {
        let mut board = Board::default();
        let long = "n".repeat(crate::model::Field::Note.limit() + 1);
        board
            .matches
            .insert(RecordId(10), volunteer_match("ben", long));
        let error = board.check_limits().unwrap_err();
        assert_eq!(error.record.id, RecordId(10));
        assert_eq!(error.error.field, crate::model::Field::Note);
    }
}
