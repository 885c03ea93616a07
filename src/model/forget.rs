//! Forgetting records on this device only: no tombstone, nothing that travels to another copy.
//! For what never was anyone's board, such as the group's invented demo posts: removing them
//! here must not delete them anywhere else, and must leave every other record as it was.

use super::kinds::EachKind;
use super::sorted_set::SortedSet;
use super::{Board, Record, RecordId};

impl Board {
    /// The ids of every record on the board, of every kind, tombstones included.
    pub fn ids(&self) -> SortedSet<RecordId> {
        struct Ids<'a>(&'a Board, SortedSet<RecordId>);
        impl EachKind for Ids<'_> {
            fn kind<T: Record>(&mut self) {
                self.1.extend(T::all(self.0).keys().copied());
            }
        }
        let mut ids = Ids(self, SortedSet::new());
        Board::each_kind(&mut ids);
        ids.1
    }

    /// Whether a record of any kind, tombstone included, has the id `id`.
    pub fn holds(&self, id: RecordId) -> bool {
        struct Holds<'a>(&'a Board, RecordId, bool);
        impl EachKind for Holds<'_> {
            fn kind<T: Record>(&mut self) {
                self.2 |= T::all(self.0).contains_key(&self.1);
            }
        }
        let mut holds = Holds(self, id, false);
        Board::each_kind(&mut holds);
        holds.2
    }

    /// Drops every record whose id is in `ids`, of whatever kind; returns how many it dropped.
    pub fn forget(&mut self, ids: &SortedSet<RecordId>) -> usize {
        struct Forget<'a>(&'a mut Board, &'a SortedSet<RecordId>);
        impl EachKind for Forget<'_> {
            fn kind<T: Record>(&mut self) {
                T::all_mut(self.0).retain(|id, _| !self.1.contains(id));
            }
        }
        let before = self.len();
        Board::each_kind(&mut Forget(self, ids));
        before - self.len()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::sorted_set::SortedSet;
    use crate::model::{board_with_posts, RecordId};

    #[test]
    fn forgetting_drops_exactly_the_named_records() {
        let mut board = board_with_posts(5);
        let demo: SortedSet<RecordId> = [RecordId(1), RecordId(3), RecordId(99)].into();
        assert_eq!(board.forget(&demo), 2);
        let left: Vec<u64> = board.posts().map(|post| post.id.0).collect();
        assert_eq!(left, [0, 2, 4]);
        assert!(!board.holds(RecordId(1)) && board.holds(RecordId(2)));
        assert_eq!(board.forget(&demo), 0, "forgetting twice changes nothing");
    }

    #[test]
    fn ids_name_every_record() {
        let board = board_with_posts(3);
        assert_eq!(board.ids(), (0..3).map(RecordId).collect());
        let mut all = board.clone();
        assert_eq!(all.forget(&board.ids()), 3);
        assert!(all.is_empty());
    }
}
