//! The one list of a board's record kinds. Board-wide steps (merging, the limit check, redaction,
//! forgetting, reading a snapshot) are written once as an [`EachKind`] step and walked through
//! every kind by [`Board::each_kind`], so none of them lists the kinds by hand, and a kind added
//! here cannot be left out of any of them: a redaction that skipped it would leak it.

use super::board::Board;
use super::fund::FundEntry;
use super::id::RecordId;
use super::matching::Match;
use super::post::Post;
use super::record::Record;
use super::records::Records;
use super::resource::Resource;
use super::roster::Roster;
use super::shift::Shift;
use super::skill::Skill;

/// Where a kind of record is kept on a board.
pub trait OnBoard: Sized {
    /// The collection's name in a board's JSON.
    const FIELD: &'static str;
    fn id(&self) -> RecordId;
    fn all(board: &Board) -> &Records<Self>;
    fn all_mut(board: &mut Board) -> &mut Records<Self>;
}

/// A step taken once for every kind of record, in the order of `RecordKind::ALL`.
pub trait EachKind {
    fn kind<T: Record>(&mut self);
}

macro_rules! kinds {
    ($($field:ident: $kind:ty),* $(,)?) => {
        $(impl OnBoard for $kind {
            const FIELD: &'static str = stringify!($field);
            fn id(&self) -> RecordId {
                self.id
            }
            fn all(board: &Board) -> &Records<Self> {
                &board.$field
            }
            fn all_mut(board: &mut Board) -> &mut Records<Self> {
                &mut board.$field
            }
        })*

        impl Board {
            /// Takes `step` through every kind of record.
            pub fn each_kind(step: &mut impl EachKind) {
                $(step.kind::<$kind>();)*
            }
        }
    };
}

kinds! {
    posts: Post,
    matches: Match,
    resources: Resource,
    rosters: Roster,
    shifts: Shift,
    fund: FundEntry,
    skills: Skill,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RecordKind;

    /// A merge report files each kind's counts under `RecordKind as usize`: the walk must
    /// visit the kinds in that order, each once.
    #[test]
    fn the_walk_visits_every_kind_once_in_order() {
        struct Seen(Vec<(RecordKind, &'static str)>);
        impl EachKind for Seen {
            fn kind<T: Record>(&mut self) {
                self.0.push((T::KIND, T::FIELD));
            }
        }
        let mut seen = Seen(Vec::new());
        Board::each_kind(&mut seen);
        let kinds: Vec<RecordKind> = seen.0.iter().map(|(kind, _)| *kind).collect();
        assert_eq!(kinds, RecordKind::ALL);
        // A board's JSON with a number where the collection goes is refused only if the board
        // reads a collection under that name.
        for (kind, field) in seen.0 {
            let wrong = format!("{{\"{field}\": 5}}");
            let read = serde_json::from_str::<Board>(&wrong);
            assert!(read.is_err(), "{kind} is not kept under \"{field}\"");
        }
    }
}
