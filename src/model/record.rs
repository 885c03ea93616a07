//! What every kind of record on a board has in common: a kind, a random id, a tombstone, and
//! limits on what it holds. Board-wide steps (merge reports, limit checks, redaction) walk every
//! collection through this one trait (see `kinds`).

use super::clock::Stamp;
use super::id::RecordId;
use super::kinds::OnBoard;
use super::merge::Merge;
use super::redact::Redact;
use super::trust::sealed::{Sealed, Walk};
use super::validate::Checks;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The collections of a board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    Post,
    Match,
    Resource,
    Roster,
    Shift,
    FundEntry,
    Skill,
}

impl RecordKind {
    pub const ALL: [RecordKind; 7] = [
        Self::Post,
        Self::Match,
        Self::Resource,
        Self::Roster,
        Self::Shift,
        Self::FundEntry,
        Self::Skill,
    ];
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Self::Post => "post",
            Self::Match => "match",
            Self::Resource => "resource",
            Self::Roster => "roster",
            Self::Shift => "shift",
            Self::FundEntry => "fund entry",
            Self::Skill => "skill",
        };
        f.write_str(name)
    }
}

/// Names one record, for messages such as "post 00ab… has a title that is too long".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordRef {
    pub kind: RecordKind,
    pub id: RecordId,
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind, self.id)
    }
}

/// A record kept in one of a board's collections (`kinds` lists them).
pub trait Record:
    Merge + Redact + OnBoard + Clone + PartialEq + Serialize + DeserializeOwned
{
    const KIND: RecordKind;

    /// Whether the tombstone is newer than every edit.
    fn is_removed(&self) -> bool;

    /// Merges `other` in and says whether that changed this record. Kinds on the hot path
    /// (posts) answer without a copy.
    fn merge_changed(&mut self, other: &Self) -> bool {
        let before = self.clone();
        self.merge(other);
        *self != before
    }

    /// Checks stored values against the input limits (not against a group's lists: a board
    /// from another group may use other categories).
    fn check_limits(&self, checks: &mut Checks);

    /// Walks the record's own content: its author, what never changes, and each field a
    /// signed edit may change (see `trust::sealed`). Every kind lists its fields here once.
    fn walk(&mut self, walk: &mut dyn Walk);
}

/// Deletions win over older edits and lose to newer ones.
pub fn tombstoned(removed: &Sealed<bool>, last_edit: Stamp) -> bool {
    removed.value && removed.at > last_edit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeviceId;

    #[test]
    fn a_deletion_wins_over_older_edits_and_loses_to_newer_ones() {
        let at = |ms| Stamp::new(ms, 0, DeviceId(1));
        assert!(tombstoned(&Sealed::new(true, at(5)), at(4)));
        assert!(!tombstoned(&Sealed::new(true, at(5)), at(6)));
        // Undone: not deleted, however new the undoing.
        assert!(!tombstoned(&Sealed::new(false, at(5)), at(4)));
    }
}
