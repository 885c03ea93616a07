//! Saving and loading the board. A save writes the new copy, reads it back to verify it, and
//! keeps the previous good copy under a backup key; a full quota leaves the previous save as
//! it was. A load that finds the save damaged restores the backup and says so; when both are
//! damaged it touches neither and holds further saves until the person decides.

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
}

/// The board's save in a [`KeyValue`] store.
#[derive(Debug)]
pub struct BoardStore<S: KeyValue> {
    store: S,
    key: String,
    backup_key: String,
    held: Cell<bool>,
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
            Some(text) => frame::decode(&text),
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

    /// Saves the board. On any error the previous good copy is still loadable.
    pub fn save(&self, board: &Board) -> Result<SaveInfo, StoreError> {
        if self.held.get() {
            return Err(StoreError::HeldForRecovery);
        }
        let framed = frame::encode(board);
        let info = SaveInfo {
            utf16_units: framed.utf16_units(),
            json_bytes: framed.json_bytes,
        };
        let previous = self.store.get(&self.key)?;
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
        Ok(info)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::board_with_posts;
    use crate::store::MemoryStore;

    #[test]
    fn a_fresh_store_loads_an_empty_board_and_saves_round_trip() {
        let store = BoardStore::new(MemoryStore::new());
        assert_eq!(store.load().unwrap().board, Board::default());
        store.save(&board_with_posts(2)).unwrap();
        store.save(&board_with_posts(3)).unwrap();
        let loaded = store.load().unwrap();
        assert_eq!(loaded.board, board_with_posts(3));
        assert!(!loaded.recovered_from_backup());
        let (_, backup) = store.raw_copies().unwrap();
        assert_eq!(frame::decode(&backup.unwrap()), Ok(board_with_posts(2)));
    }

    #[test]
    fn a_full_quota_fails_typed_and_keeps_the_previous_save() {
        let small = frame::encode(&board_with_posts(1)).utf16_units();
        let quota = 2 * small + 2 * "circle.board.backup".len() + 40;
        let store = BoardStore::new(MemoryStore::with_quota(quota));
        store.save(&board_with_posts(1)).unwrap();
        assert_eq!(
            store.save(&board_with_posts(50)),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(store.load().unwrap().board, board_with_posts(1));
    }

    #[test]
    fn a_corrupt_save_restores_the_backup_and_says_so() {
        let store = BoardStore::new(MemoryStore::new());
        store.save(&board_with_posts(1)).unwrap();
        store.save(&board_with_posts(2)).unwrap();
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
        store.save(&board_with_posts(3)).unwrap();
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
        assert_eq!(
            store.save(&board_with_posts(1)),
            Err(StoreError::HeldForRecovery)
        );
        let copies = store.raw_copies().unwrap();
        assert_eq!(copies.0.as_deref(), Some("garbage"));
        assert_eq!(copies.1.as_deref(), Some("circle-z1:3:00:xyz"));
        store.release_damaged();
        store.save(&board_with_posts(1)).unwrap();
        assert_eq!(store.load().unwrap().board, board_with_posts(1));
    }

    #[test]
    fn a_write_that_does_not_read_back_is_reported_and_the_backup_loads() {
        let store = BoardStore::new(MemoryStore::new());
        store.save(&board_with_posts(1)).unwrap();
        store.inner().truncate_writes(Some((DEFAULT_KEY, 30)));
        assert_eq!(store.save(&board_with_posts(2)), Err(StoreError::NotKept));
        store.inner().truncate_writes(None);
        let loaded = store.load().unwrap();
        assert_eq!(loaded.board, board_with_posts(1));
        assert!(loaded.recovered_from_backup());
    }
}
