//! Forgetting records on this device only: no tombstone, nothing that travels to another copy.
//! For what never was anyone's board, such as the group's invented demo posts: removing them
//! here must not delete them anywhere else, and must leave every other record as it was.

use super::{Board, RecordId};
use std::collections::BTreeSet;

impl Board {
    /// The ids of every record on the board, of every kind, tombstones included.
    pub fn ids(&self) -> BTreeSet<RecordId> {
        self.posts
            .keys()
            .chain(self.matches.keys())
            .chain(self.resources.keys())
            .chain(self.rosters.keys())
            .chain(self.shifts.keys())
            .chain(self.fund.keys())
            .chain(self.skills.keys())
            .copied()
            .collect()
    }

    /// Whether a record of any kind, tombstone included, has the id `id`.
    pub fn holds(&self, id: RecordId) -> bool {
        self.posts.contains_key(&id)
            || self.matches.contains_key(&id)
            || self.resources.contains_key(&id)
            || self.rosters.contains_key(&id)
            || self.shifts.contains_key(&id)
            || self.fund.contains_key(&id)
            || self.skills.contains_key(&id)
    }

    /// Drops every record whose id is in `ids`, of whatever kind; returns how many it dropped.
    pub fn forget(&mut self, ids: &BTreeSet<RecordId>) -> usize {
        let before = self.len();
        self.posts.retain(|id, _| !ids.contains(id));
        self.matches.retain(|id, _| !ids.contains(id));
        self.resources.retain(|id, _| !ids.contains(id));
        self.rosters.retain(|id, _| !ids.contains(id));
        self.shifts.retain(|id, _| !ids.contains(id));
        self.fund.retain(|id, _| !ids.contains(id));
        self.skills.retain(|id, _| !ids.contains(id));
        before - self.len()
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{board_with_posts, RecordId};
    use std::collections::BTreeSet;

    #[test]
    fn forgetting_drops_exactly_the_named_records() {
        let mut board = board_with_posts(5);
        let demo: BTreeSet<RecordId> = [RecordId(1), RecordId(3), RecordId(99)].into();
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
