//! Which storage keys belong to this Circle. Two Circles published under one origin (two
//! repositories of one owner on static pages: `/eastside/` and `/riverside/`) share the
//! browser's local storage, so every key carries the path the app is published under and no
//! Circle reads, overwrites or wipes another's board, settings or device id.
//!
//! A Circle at the root of its origin keeps the keys Circle has always written
//! (`circle.board`), so its saves load as before. One under a path writes
//! `circle@/eastside#board`: `#` never appears in a URL's path, so no path's keys can start with
//! another path's prefix, however the paths nest. Before keys were scoped, a Circle under a path
//! wrote the root's keys; the first start after the upgrade moves them into its own scope
//! ([`Scope::adopt_unscoped`]), so its board, drafts and device id carry over.

use super::{KeyValue, StoreError};

/// The unscoped prefix: a Circle at the root of its origin, and every Circle before scoping.
const UNSCOPED: &str = "circle.";

/// The storage keys of the Circle published under one path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    prefix: String,
}

impl Scope {
    /// The scope of the app published under `base`: `/eastside` (no trailing slash), or empty
    /// at the root.
    pub fn for_base(base: &str) -> Self {
        let base = base.trim_end_matches('/');
        let prefix = if base.is_empty() {
            UNSCOPED.to_string()
        } else {
            format!("circle@{base}#")
        };
        Self { prefix }
    }

    /// The key this app stores `name` under (`board`, `prefs`, `draft.ask`).
    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Whether `key` is one of this app's.
    pub fn owns(&self, key: &str) -> bool {
        key.starts_with(&self.prefix)
    }

    /// Moves the keys written before scoping (`circle.board`…) into this scope, when this is a
    /// Circle under a path that holds no key of its own yet; returns how many moved. Each key
    /// is removed before its copy is written, so a nearly full storage still has room; a write
    /// that fails puts the old key back and stops.
    pub fn adopt_unscoped(&self, store: &impl KeyValue) -> Result<usize, StoreError> {
        let keys = store.keys()?;
        // At the root the unscoped keys are this scope's own, so this also leaves them be.
        if keys.iter().any(|key| self.owns(key)) {
            return Ok(0);
        }
        let mut moved = 0;
        for old in keys.iter().filter(|key| key.starts_with(UNSCOPED)) {
            let Some(value) = store.get(old)? else {
                continue;
            };
            store.remove(old)?;
            if let Err(error) = store.set(&self.key(&old[UNSCOPED.len()..]), &value) {
                store.set(old, &value)?;
                return Err(error);
            }
            moved += 1;
        }
        Ok(moved)
    }

    /// Removes every key of this app, and none of any other app on the same origin.
    pub fn forget_all(&self, store: &impl KeyValue) -> Result<(), StoreError> {
        for key in store.keys()?.iter().filter(|key| self.owns(key)) {
            store.remove(key)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    fn store_with(keys: &[&str]) -> MemoryStore {
        let store = MemoryStore::new();
        for key in keys {
            store.set(key, &format!("value of {key}")).unwrap();
        }
        store
    }

    #[test]
    fn the_root_keeps_todays_keys_and_paths_get_their_own() {
        assert_eq!(Scope::for_base("").key("board"), "circle.board");
        assert_eq!(Scope::for_base("/").key("board"), "circle.board");
        assert_eq!(Scope::for_base("/a").key("board"), "circle@/a#board");
        assert_eq!(Scope::for_base("/a/").key("board"), "circle@/a#board");
    }

    #[test]
    fn no_scope_owns_another_scopes_keys_however_paths_nest() {
        let bases = ["", "/a", "/a/b", "/a.b", "/ab", "/a%23b"];
        for mine in bases {
            for theirs in bases.iter().filter(|theirs| **theirs != mine) {
                let key = Scope::for_base(theirs).key("board");
                assert!(!Scope::for_base(mine).owns(&key), "{mine} owns {key}");
            }
        }
    }

    #[test]
    fn a_circle_under_a_path_adopts_the_unscoped_keys_once() {
        let store = store_with(&["circle.board", "circle.device", "other-app.x"]);
        let scope = Scope::for_base("/a");
        assert_eq!(scope.adopt_unscoped(&store), Ok(2));
        assert_eq!(
            store.get("circle@/a#board").unwrap().as_deref(),
            Some("value of circle.board")
        );
        assert_eq!(
            store.get("circle@/a#device").unwrap().as_deref(),
            Some("value of circle.device")
        );
        assert_eq!(store.get("circle.board"), Ok(None));
        assert!(store.get("other-app.x").unwrap().is_some());

        // Once it has keys of its own, nothing more is adopted, and another path adopts
        // only what is still unscoped.
        store.set("circle.prefs", "later").unwrap();
        assert_eq!(scope.adopt_unscoped(&store), Ok(0));
        assert_eq!(Scope::for_base("/b").adopt_unscoped(&store), Ok(1));
        assert_eq!(
            store.get("circle@/b#prefs").unwrap().as_deref(),
            Some("later")
        );
    }

    #[test]
    fn the_root_adopts_nothing() {
        let store = store_with(&["circle.board"]);
        assert_eq!(Scope::for_base("").adopt_unscoped(&store), Ok(0));
        assert!(store.get("circle.board").unwrap().is_some());
    }

    #[test]
    fn adopting_into_a_nearly_full_storage_moves_what_fits_and_keeps_the_rest() {
        let store = MemoryStore::with_quota(50);
        store.set("circle.board", &"x".repeat(30)).unwrap();
        // The scoped key is longer than the old one, so its copy does not fit.
        assert_eq!(
            Scope::for_base("/a-long-path").adopt_unscoped(&store),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(store.get("circle.board").unwrap(), Some("x".repeat(30)));
    }

    #[test]
    fn wiping_one_circle_leaves_the_others_alone() {
        let keys = [
            "circle.board",
            "circle@/a#board",
            "circle@/a#prefs",
            "circle@/a/b#board",
        ];
        let store = store_with(&keys);
        Scope::for_base("/a").forget_all(&store).unwrap();
        assert_eq!(store.keys().unwrap(), ["circle.board", "circle@/a/b#board"]);
        Scope::for_base("").forget_all(&store).unwrap();
        assert_eq!(store.keys().unwrap(), ["circle@/a/b#board"]);
    }

    /// Two tabs see one storage: what one moves or wipes is gone for the other too.
    #[test]
    fn a_wipe_in_one_tab_is_seen_by_the_other() {
        let disk = store_with(&["circle.board", "circle.prefs", "circle@/b#board"]);
        let (tab_a, tab_b) = (&disk, &disk);
        assert_eq!(Scope::for_base("/a").adopt_unscoped(&tab_a), Ok(2));
        assert_eq!(
            tab_b.keys().unwrap(),
            ["circle@/a#board", "circle@/a#prefs", "circle@/b#board"]
        );
        Scope::for_base("/a").forget_all(&tab_b).unwrap();
        assert_eq!(tab_a.keys().unwrap(), ["circle@/b#board"]);
    }
}
