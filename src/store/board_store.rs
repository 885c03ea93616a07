//! Saving and loading the board. A save writes the new copy, reads it back to verify it, and
//! keeps the previous good copy under a backup key; a full quota leaves the previous save as
//! it was. A load that finds the save damaged restores the backup and says so; when both are
//! damaged it touches neither and holds further saves until the person decides.
//!
//! Several tabs of the app share one save (a link opened from a chat app opens a second tab).
//! Each store remembers which stored copy its board already holds, and before every save
//! merges in a copy that another tab wrote since, so no tab saves over another's changes.

use super::frame::{self, Damage};
use super::{KeyValue, StoreError};
use crate::model::Board;
use std::cell::Cell;

/// The key of the save; the backup is `{key}.backup`.
pub const DEFAULT_KEY: &str = "circle.board";

/// What a load found besides the board, to tell the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The save was damaged (or gone); this is the last good copy from the backup.
    RestoredBackup { damage: Damage },
}

/// A loaded board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub board: Board,
    pub notice: Option<Notice>,
}

impl Loaded {
    pub fn recovered_from_backup(&self) -> bool {
        matches!(self.notice, Some(Notice::RestoredBackup { .. }))
    }
}

/// What a save wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaveInfo {
    /// Stored size in UTF-16 units (what browser quotas count).
    pub utf16_units: usize,
    /// Size of the snapshot JSON before compression.
    pub json_bytes: usize,
    /// Whether the save first merged in records another tab had stored, so the board in
    /// memory changed.
    pub merged: bool,
}

/// The board's save in a [`KeyValue`] store.
#[derive(Debug)]
pub struct BoardStore<S: KeyValue> {
    store: S,
    key: String,
    backup_key: String,
    held: Cell<bool>,
    /// The [`frame::fingerprint`] of the stored copy that the caller's board already holds:
    /// the one last loaded, merged or written through this store.
    seen: Cell<Option<u64>>,
}

impl<S: KeyValue> BoardStore<S> {
    pub fn new(store: S) -> Self {
        Self::with_key(store, DEFAULT_KEY)
    }

    /// A store under another key (a second board, a test).
    pub fn with_key(store: S, key: &str) -> Self {
        Self {
            store,
            key: key.to_string(),
            backup_key: format!("{key}.backup"),
            held: Cell::new(false),
            seen: Cell::new(None),
        }
    }

    pub fn inner(&self) -> &S {
        &self.store
    }

    /// Loads the save, or the backup when the save is damaged or gone, or an empty board when
    /// there is neither. Never writes.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let primary = match self.store.get(&self.key)? {
            None => Err(Damage::Missing),
            Some(text) => frame::decode(&text).inspect(|_| {
                self.seen.set(Some(frame::fingerprint(&text)));
            }),
        };
        let damage = match primary {
            Ok(board) => {
                return Ok(Loaded {
                    board,
                    notice: None,
                })
            }
            Err(damage) => damage,
        };
        match self.store.get(&self.backup_key)? {
            None if damage == Damage::Missing => Ok(Loaded {
                board: Board::default(),
                notice: None,
            }),
            None => {
                self.held.set(true);
                Err(StoreError::Corrupt {
                    primary: damage,
                    backup: None,
                })
            }
            Some(text) => match frame::decode(&text) {
                Ok(board) => Ok(Loaded {
                    board,
                    notice: Some(Notice::RestoredBackup { damage }),
                }),
                Err(backup) => {
                    self.held.set(true);
                    Err(StoreError::Corrupt {
                        primary: damage,
                        backup: Some(backup),
                    })
                }
            },
        }
    }

    /// The raw text of the save and of the backup, so damaged copies can be exported before
    /// they are released.
    pub fn raw_copies(&self) -> Result<(Option<String>, Option<String>), StoreError> {
        Ok((
            self.store.get(&self.key)?,
            self.store.get(&self.backup_key)?,
        ))
    }

    /// Lets saves overwrite copies that the last load found damaged.
    pub fn release_damaged(&self) {
        self.held.set(false);
    }

    /// Merges into `board` the stored copy, if another tab stored one since this store last
    /// read or wrote it; returns whether `board` changed. What another tab announces with a
    /// `storage` event comes in through here.
    pub fn merge_stored(&self, board: &mut Board) -> Result<bool, StoreError> {
        let stored = self.store.get(&self.key)?;
        Ok(stored.is_some_and(|text| self.merge_unseen(&text, board)))
    }

    /// Merges `stored` into `board` unless the board already holds it. A copy that does not
    /// decode adds nothing: the load that follows a reload reports the damage.
    fn merge_unseen(&self, stored: &str, board: &mut Board) -> bool {
        let print = frame::fingerprint(stored);
        if self.seen.get() == Some(print) {
            return false;
        }
        let Ok(theirs) = frame::decode(stored) else {
            return false;
        };
        self.seen.set(Some(print));
        let report = board.absorb(theirs);
        report.added + report.updated > 0
    }

    /// Saves the board, first merging into it what another tab stored since this store last
    /// read or wrote the save. On any error the previous good copy is still loadable.
    pub fn save(&self, board: &mut Board) -> Result<SaveInfo, StoreError> {
        if self.held.get() {
            return Err(StoreError::HeldForRecovery);
        }
        let previous = self.store.get(&self.key)?;
        let merged = previous
            .as_deref()
            .is_some_and(|text| self.merge_unseen(text, board));
        let framed = frame::encode(board);
        let info = SaveInfo {
            utf16_units: framed.utf16_units(),
            json_bytes: framed.json_bytes,
            merged,
        };
        if previous.as_deref() == Some(framed.text.as_str()) {
            return Ok(info);
        }
        // The current save becomes the backup only if it is intact; a damaged one must not
        // push out the good copy the backup holds.
        if let Some(previous) = previous.filter(|text| frame::verify(text).is_ok()) {
            self.store.set(&self.backup_key, &previous)?;
        }
        self.store.set(&self.key, &framed.text)?;
        if self.store.get(&self.key)?.as_deref() != Some(framed.text.as_str()) {
            return Err(StoreError::NotKept);
        }
        self.seen.set(Some(frame::fingerprint(&framed.text)));
        Ok(info)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{board_with_posts, DeviceId, RecordId, Stamp};
    use crate::store::MemoryStore;

    #[test]
    fn a_fresh_store_loads_an_empty_board_and_saves_round_trip() {
        let store = BoardStore::new(MemoryStore::new());
        assert_eq!(store.load().unwrap().board, Board::default());
        store.save(&mut board_with_posts(2)).unwrap();
        store.save(&mut board_with_posts(3)).unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.board, board_with_posts(3));
        assert!(!loaded.recovered_from_backup());
        let (_, backup) = store.raw_copies().unwrap();
        assert_eq!(frame::decode(&backup.unwrap()), Ok(board_with_posts(2)));
    }

    #[test]
    fn two_tabs_saving_in_turn_lose_nothing() {
        let all = board_with_posts(3);
        let post = |n| all.posts[&RecordId(n)].clone();
        let disk = MemoryStore::new();
        let (tab_a, tab_b) = (BoardStore::new(&disk), BoardStore::new(&disk));
        let mut a = tab_a.load().unwrap().board;
        let mut b = tab_b.load().unwrap().board;

        a.add_post(post(0));
        assert!(!tab_a.save(&mut a).unwrap().merged);
        b.add_post(post(1));
        assert!(tab_b.save(&mut b).unwrap().merged);
        assert_eq!(b.posts.len(), 2);
        a.add_post(post(2));
        assert!(tab_a.save(&mut a).unwrap().merged);
        assert_eq!(a, all);

        // The other tab hears of the save and merges it without saving.
        assert_eq!(tab_b.merge_stored(&mut b), Ok(true));
        assert_eq!(b, all);
        assert_eq!(tab_b.merge_stored(&mut b), Ok(false));
        assert!(!tab_b.save(&mut b).unwrap().merged);
        assert_eq!(BoardStore::new(&disk).load().unwrap().board, all);
    }

    #[test]
    fn a_tab_says_its_board_changed_only_when_another_tabs_save_brought_something() {
        let disk = MemoryStore::new();
        let (tab_a, tab_b) = (BoardStore::new(&disk), BoardStore::new(&disk));
        let mut a = board_with_posts(2);
        let mut b = board_with_posts(2);
        tab_a.save(&mut a).unwrap();
        // The same posts, written by the other tab: nothing to show again.
        assert_eq!(tab_b.merge_stored(&mut b), Ok(false));
        assert_eq!(b, board_with_posts(2));

        // An edit of a post this tab already holds is a change, though it adds no post.
        let edited = Stamp::new(100, 0, DeviceId(1));
        if let Some(post) = a.posts.get_mut(&RecordId(1)) {
            post.title.change("Rice and beans".into(), edited);
        }
        tab_a.save(&mut a).unwrap();
        assert_eq!(tab_b.merge_stored(&mut b), Ok(true));
        assert_eq!(b.posts[&RecordId(1)].title.value, "Rice and beans");
    }

    #[test]
    fn a_tab_that_saves_again_does_not_reread_its_own_save() {
        let disk = MemoryStore::new();
        let tab = BoardStore::new(&disk);
        let mut board = board_with_posts(2);
        tab.save(&mut board).unwrap();
        // Its own save is not merged back in, even when the board shrank since (a post that
        // was wiped here must not come back from this tab's own earlier save).
        let mut smaller = board_with_posts(1);
        assert!(!tab.save(&mut smaller).unwrap().merged);
        assert_eq!(tab.load().unwrap().board, board_with_posts(1));
    }

    #[test]
    fn a_full_quota_fails_typed_and_keeps_the_previous_save() {
        let small = frame::encode(&board_with_posts(1)).utf16_units();
        let quota = 2 * small + 2 * "circle.board.backup".len() + 40;
        let store = BoardStore::new(MemoryStore::with_quota(quota));
        store.save(&mut board_with_posts(1)).unwrap();
        assert_eq!(
            store.save(&mut board_with_posts(50)),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(store.load().unwrap().board, board_with_posts(1));
    }

    #[test]
    fn a_corrupt_save_restores_the_backup_and_says_so() {
        let store = BoardStore::new(MemoryStore::new());
        store.save(&mut board_with_posts(1)).unwrap();
        store.save(&mut board_with_posts(2)).unwrap();
        let (primary, _) = store.raw_copies().unwrap();
        let primary = primary.unwrap();
        let damaged: String = primary.chars().take(primary.chars().count() - 5).collect();
        store.inner().set(DEFAULT_KEY, &damaged).unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.board, board_with_posts(1));
        assert_eq!(
            loaded.notice,
            Some(Notice::RestoredBackup {
                damage: Damage::Checksum
            })
        );
        // The next save replaces the damaged copy and leaves the good backup alone.
        store.save(&mut board_with_posts(3)).unwrap();
        let (_, backup) = store.raw_copies().unwrap();
        assert_eq!(frame::decode(&backup.unwrap()), Ok(board_with_posts(1)));
        assert_eq!(store.load().unwrap().board, board_with_posts(3));
    }

    #[test]
    fn both_copies_corrupt_is_an_error_and_neither_is_overwritten() {
        let store = BoardStore::new(MemoryStore::new());
        store.inner().set(DEFAULT_KEY, "garbage").unwrap();
        store
            .inner()
            .set("circle.board.backup", "circle-z1:3:00:xyz")
            .unwrap();
        assert_eq!(
            store.load(),
            Err(StoreError::Corrupt {
                primary: Damage::NotASave,
                backup: Some(Damage::Checksum)
            })
        );
        // For whoever debugs it (people see a translated message), the error names each damage.
        assert_eq!(
            store.load().unwrap_err().to_string(),
            "the save is damaged (not a Circle save) and so is its backup (checksum mismatch)"
        );
        assert_eq!(
            store.save(&mut board_with_posts(1)),
            Err(StoreError::HeldForRecovery)
        );
        let copies = store.raw_copies().unwrap();
        assert_eq!(copies.0.as_deref(), Some("garbage"));
        assert_eq!(copies.1.as_deref(), Some("circle-z1:3:00:xyz"));
        store.release_damaged();
        store.save(&mut board_with_posts(1)).unwrap();
        assert_eq!(store.load().unwrap().board, board_with_posts(1));
    }

    #[test]
    fn a_damaged_first_save_with_no_backup_is_an_error_never_an_empty_board() {
        // The first save has no backup yet; if it is damaged, loading an empty board and
        // saying nothing would let the next save overwrite the only copy.
        let store = BoardStore::new(MemoryStore::new());
        store.save(&mut board_with_posts(2)).unwrap();
        let (primary, backup) = store.raw_copies().unwrap();
        assert_eq!(backup, None);
        let primary = primary.unwrap();
        let damaged: String = primary.chars().take(primary.chars().count() - 5).collect();
        store.inner().set(DEFAULT_KEY, &damaged).unwrap();
        assert_eq!(
            store.load(),
            Err(StoreError::Corrupt {
                primary: Damage::Checksum,
                backup: None
            })
        );
        assert_eq!(
            store.save(&mut board_with_posts(3)),
            Err(StoreError::HeldForRecovery)
        );
        assert_eq!(store.raw_copies().unwrap(), (Some(damaged), None));
    }

    #[test]
    fn a_write_that_does_not_read_back_is_reported_and_the_backup_loads() {
        let store = BoardStore::new(MemoryStore::new());
        store.save(&mut board_with_posts(1)).unwrap();
        store.inner().truncate_writes(Some((DEFAULT_KEY, 30)));
        assert_eq!(
            store.save(&mut board_with_posts(2)),
            Err(StoreError::NotKept)
        );
        store.inner().truncate_writes(None);
        let loaded = store.load().unwrap();
        assert_eq!(loaded.board, board_with_posts(1));
        assert!(loaded.recovered_from_backup());
    }
}
