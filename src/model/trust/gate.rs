//! The gate every board from outside the device passes before it is merged: a link, a file, a
//! group's published board. Whatever fails is left out and reported with its reason; what
//! passes can then be merged like any copy. Nothing that fails changes the board.

use super::check::Checker;
use super::key::AuthorKey;
use crate::model::board::Board;
use crate::model::clock::Stamp;
use crate::model::post::Post;
use crate::model::record::{RecordKind, RecordRef};
use crate::model::validate::Field;

/// How far ahead of this device's clock a stamp may be: phones' clocks drift, but a stamp a
/// day ahead would win every later edit.
pub const MAX_AHEAD_MS: u64 = 86_400_000;

/// Why an incoming record was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Refused {
    /// The signature does not verify: the post was changed by someone other than its author.
    BadSignature,
    /// Signed by one key under an id bound to another: a claim on someone else's post.
    ForgedAuthor,
    /// An unsigned copy that would change a record this board already has.
    UnsignedChange,
    /// Stamped more than a day ahead of this device's clock.
    FutureStamp,
    /// More entries than a record may hold (history, responses, moderation, reports,
    /// check-ins, sign-ups).
    TooMany(Field),
    /// A response whose helper's signature does not verify.
    BadResponse,
    /// Moderation by a key the group has not named as a coordinator, or not verifying.
    NotCoordinator,
    /// A condition report, check-in, sign-up or childcare swap whose maker's signature does not
    /// verify: made or changed by someone else, or copied from another record.
    BadEntry,
}

/// One refused record, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Refusal {
    pub record: RecordRef,
    pub reason: Refused,
}

/// What passed the gate, and what did not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Admitted {
    pub board: Board,
    pub refused: Vec<Refusal>,
}

/// What the gate checks against: this board, the device's clock and the group's coordinators.
pub struct Gate<'a> {
    pub current: &'a Board,
    pub now_ms: u64,
    pub coordinators: &'a [AuthorKey],
    /// Who checks signatures: [`Local`](super::check::Local) unless the browser checked
    /// them already (see [`super::check`]).
    pub checker: &'a dyn Checker,
}

impl Gate<'_> {
    /// Splits `incoming` into what may be merged and what is refused. Nothing is merged here.
    pub fn admit(&self, mut incoming: Board) -> Admitted {
        let mut refused = Vec::new();
        let latest = Stamp::new(
            self.now_ms.saturating_add(MAX_AHEAD_MS),
            u32::MAX,
            crate::model::DeviceId(u64::MAX),
        );
        incoming.posts.retain(|id, post| {
            let verdict = self.check_post(post, latest);
            if let Err(reason) = verdict {
                refused.push(Refusal {
                    record: RecordRef {
                        kind: RecordKind::Post,
                        id: *id,
                    },
                    reason,
                });
            }
            verdict.is_ok()
        });
        for post in incoming.posts.values_mut() {
            self.check_others(post, latest, &mut refused);
        }
        self.admit_with_entries(
            &mut incoming.matches,
            &self.current.matches,
            latest,
            &mut refused,
        );
        self.admit_with_entries(
            &mut incoming.resources,
            &self.current.resources,
            latest,
            &mut refused,
        );
        self.admit_with_entries(
            &mut incoming.rosters,
            &self.current.rosters,
            latest,
            &mut refused,
        );
        self.admit_with_entries(
            &mut incoming.shifts,
            &self.current.shifts,
            latest,
            &mut refused,
        );
        self.admit_with_entries(&mut incoming.fund, &self.current.fund, latest, &mut refused);
        self.admit_with_entries(
            &mut incoming.skills,
            &self.current.skills,
            latest,
            &mut refused,
        );
        refused.sort();
        Admitted {
            board: incoming,
            refused,
        }
    }

    /// The author's part of a post: signed by the key its id binds, dated no later than
    /// `latest`, within its limits. An unsigned post is let in only as a new one.
    fn check_post(&self, post: &Post, latest: Stamp) -> Result<(), Refused> {
        if post.revision() > latest || post.history.iter().any(|change| change.at > latest) {
            return Err(Refused::FutureStamp);
        }
        if post.history.len() > Field::History.limit() {
            return Err(Refused::TooMany(Field::History));
        }
        if post.responses.len() > Field::Responses.limit() {
            return Err(Refused::TooMany(Field::Responses));
        }
        if post.moderation.len() > Field::Moderation.limit() {
            return Err(Refused::TooMany(Field::Moderation));
        }
        if post.seal.is_none() {
            // Unsigned posts are from before signing: welcome as new ones, never as a change,
            // and never in place of a signed post.
            return match self.current.posts.get(&post.id) {
                Some(mine) if mine.is_signed() || mine.clone().merge_changed(post) => {
                    Err(Refused::UnsignedChange)
                }
                _ => Ok(()),
            };
        }
        if !post.id_is_bound() {
            return Err(Refused::ForgedAuthor);
        }
        if let Some(mine) = self.current.posts.get(&post.id) {
            // Already verified here: only a different revision needs checking.
            if mine.same_authored(post) {
                return Ok(());
            }
        }
        if !post.signature_holds(self.checker) {
            return Err(Refused::BadSignature);
        }
        Ok(())
    }

    /// Others' records on a post: each response signed by its helper, each moderation by a
    /// coordinator, none dated ahead, and no more than a post may hold together with what this
    /// board already has. A bad one is dropped alone, with its reason; the post stays.
    fn check_others(&self, post: &mut Post, latest: Stamp, refused: &mut Vec<Refusal>) {
        let id = post.id;
        let mut refuse = |reason| {
            let refusal = Refusal {
                record: RecordRef {
                    kind: RecordKind::Post,
                    id,
                },
                reason,
            };
            if !refused.contains(&refusal) {
                refused.push(refusal);
            }
        };
        let known = self.current.posts.get(&id);
        let mut room = Field::Responses
            .limit()
            .saturating_sub(known.map_or(0, |mine| mine.responses.len()));
        post.responses.retain(|key, response| {
            if known.is_some_and(|mine| mine.responses.get(key) == Some(response)) {
                return true;
            }
            let verdict = if response.at > latest {
                Err(Refused::FutureStamp)
            } else if *key != response.key() || !response.verifies_by(id, self.checker) {
                Err(Refused::BadResponse)
            } else if !known.is_some_and(|mine| mine.responses.contains_key(key)) && room == 0 {
                Err(Refused::TooMany(Field::Responses))
            } else {
                Ok(())
            };
            match verdict {
                Ok(()) => {
                    if !known.is_some_and(|mine| mine.responses.contains_key(key)) {
                        room -= 1;
                    }
                    true
                }
                Err(reason) => {
                    refuse(reason);
                    false
                }
            }
        });
        let mut room = Field::Moderation
            .limit()
            .saturating_sub(known.map_or(0, |mine| mine.moderation.len()));
        post.moderation.retain(|entry| {
            if known.is_some_and(|mine| mine.moderation.contains(entry)) {
                return true;
            }
            let verdict = if entry.at > latest {
                Err(Refused::FutureStamp)
            } else if !self.coordinators.contains(&entry.seal.key)
                || !entry.verifies_by(id, self.checker)
            {
                Err(Refused::NotCoordinator)
            } else if room == 0 {
                Err(Refused::TooMany(Field::Moderation))
            } else {
                Ok(())
            };
            match verdict {
                Ok(()) => {
                    room -= 1;
                    true
                }
                Err(reason) => {
                    refuse(reason);
                    false
                }
            }
        });
    }
}
