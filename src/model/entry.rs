//! Entries: what people add to a record that is not theirs. A condition report on a resource, a
//! check-in with a person on a roster, a sign-up for a shift: each is its maker's own record,
//! signed with the maker's author key over its content, its stamp and the record it belongs to,
//! so nobody else can write it, change it or move it to another record.
//!
//! A record keeps one entry per identity. In a log (reports, check-ins) a signed entry is known
//! by its stamp, its key and its signature: copies of it (one redacted, say) are one entry, and
//! two different entries never take each other's place, even made at the same moment in two tabs.
//! Sign-ups keep one entry per maker, their latest choice. Merging is a union that keeps, of two
//! copies of one entry, the same one on every device, so it is commutative, associative and
//! idempotent, and a signed entry never shows twice. Past its limit a log keeps its newest
//! entries; sign-ups stop taking new makers instead, so nobody's place on a shift is dropped.

use super::clock::Stamp;
use super::id::RecordId;
use super::merge::Merge;
use super::post::Handle;
use super::sorted_map::place;
use super::trust::check::{Checker, Local};
use super::trust::seal::Signed;
use super::trust::{AuthorKey, Seal, Signature};
use super::validate::Field;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Who made an entry: the key that signed it, or for an entry from before signing, the handle it
/// was made under (which anyone could have typed).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Maker {
    Key(AuthorKey),
    Unsigned(Handle),
}

impl Maker {
    /// The maker of an entry made under `by`, signed by `key` if it is signed.
    pub fn of(key: Option<AuthorKey>, by: &str) -> Self {
        key.map_or_else(|| Self::Unsigned(by.to_owned()), Self::Key)
    }
}

/// Which entry of a log: when, by whom, and for a signed one its signature (which covers all
/// the rest, and stays the same when redaction withholds a value).
pub type LogKey = (Stamp, Maker, Option<Signature>);

/// One kind of entry.
pub trait Entry: Clone + Eq {
    /// Which entry this is: copies with the same key are copies of one entry.
    type Key: Ord + Clone + fmt::Debug;
    /// The list the entries form, which names their limit (see [`Field::limit`]).
    const FIELD: Field;
    /// Whether the list is a log that keeps its newest entries past its limit (otherwise it
    /// takes no new maker once full).
    const ROTATES: bool;

    fn key(&self) -> Self::Key;

    fn at(&self) -> Stamp;

    /// The key that signed it; `None` for an entry from before signing.
    fn signer(&self) -> Option<AuthorKey>;

    /// Merges in `other`, a copy of the same entry, and says whether that changed this one.
    /// Every device must keep the same copy whichever it had first.
    fn merge_copy(&mut self, other: &Self) -> bool;

    /// What the entry belongs to, which its signature covers: a place, a shift, a person on
    /// a roster.
    type Owner: Copy;

    /// Its seal and the bytes the seal signs, for an entry on `owner`; `None` when unsigned.
    fn sealed(&self, owner: Self::Owner) -> Option<(Seal, Signed)>;

    /// Whether its maker's key signed exactly this entry, on `owner`. An unsigned entry passes
    /// nothing.
    fn verifies(&self, owner: Self::Owner) -> bool {
        self.verifies_by(owner, &Local)
    }

    /// As [`Entry::verifies`], asking `checker` (see [`crate::model::trust::check`]).
    fn verifies_by(&self, owner: Self::Owner, checker: &dyn Checker) -> bool {
        self.sealed(owner)
            .is_some_and(|(seal, signed)| seal.verifies_by(&signed, checker))
    }

    fn is_signed(&self) -> bool {
        self.signer().is_some()
    }
}

/// The merge of two copies of one entry that differ only by forgery or corruption: the greater
/// one, the same on every device.
pub fn keep_greater<T: Ord + Clone>(mine: &mut T, other: &T) -> bool {
    if *other > *mine {
        *mine = other.clone();
        return true;
    }
    false
}

/// A record's entries of one kind, one per key, in key order (for logs, oldest first).
///
/// A list sorted by key rather than a map: a record's lists are short (a few hundred entries at
/// most, [`Field::limit`]) and arrive in key order, and a map's code would be compiled again for
/// every kind of entry, where a list's is mostly shared (issue #13: each map cost the board
/// page about 9 KB of wasm).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entries<T: Entry>(Vec<T>);

impl<T: Entry> Default for Entries<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T: Entry> Entries<T> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries in key order: for a log, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.0.iter()
    }

    pub fn get(&self, key: &T::Key) -> Option<&T> {
        self.find(key).ok().map(|at| &self.0[at])
    }

    /// Where the entry with `key` is, or where it would go.
    fn find(&self, key: &T::Key) -> Result<usize, usize> {
        place(&self.0, |entry| entry.key().cmp(key))
    }

    /// Adds `entry`, or merges it into the copy already here, and says whether the list
    /// changed. A log that is full keeps its newest entries, so an entry older than all of them
    /// changes nothing.
    pub fn insert(&mut self, entry: T) -> bool {
        let key = entry.key();
        let changed = self.put(entry);
        self.trim();
        changed && self.find(&key).is_ok()
    }

    /// Keeps the entries `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.0.retain(keep);
    }

    /// Every entry passed through `change`, which must keep each one's key (redaction).
    pub fn map(&self, change: impl Fn(&T) -> T) -> Self {
        let mut out = Self::default();
        for entry in self.iter() {
            out.put(change(entry));
        }
        out
    }

    fn put(&mut self, entry: T) -> bool {
        match self.find(&entry.key()) {
            Ok(at) => self.0[at].merge_copy(&entry),
            Err(at) => {
                self.0.insert(at, entry);
                true
            }
        }
    }

    /// Keeps a log's newest entries. Keeping the top entries of a union is itself a merge (any
    /// order of merging gives the same log), so a log trimmed after every merge and every
    /// addition stays within the limit incoming records are held to, and two full copies still
    /// merge into one that loads.
    fn trim(&mut self) {
        if T::ROTATES {
            let over = self.0.len().saturating_sub(T::FIELD.limit());
            self.0.drain(..over);
        }
    }
}

impl<T: Entry> Merge for Entries<T> {
    fn merge(&mut self, other: &Self) {
        for entry in other.iter() {
            self.put(entry.clone());
        }
        self.trim();
    }
}

// Written as a list of entries: each one's key is part of it.
impl<T: Entry + Serialize> Serialize for Entries<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.0)
    }
}

impl<'de, T: Entry + Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Not trimmed: a list over its limit must reach the limit checks and be refused there.
        let mut entries = Self::default();
        for entry in Vec::<T>::deserialize(deserializer)? {
            entries.put(entry);
        }
        Ok(entries)
    }
}

/// Why an entry could not be added. None of them changes the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryError {
    /// No live record (or person on a roster) has this id.
    NotFound(RecordId),
    /// Newer than this entry: the same maker's later choice, or a full log's oldest entry. It
    /// would not take effect.
    Stale,
    /// The list holds as many makers as it may.
    Full,
    /// The record is someone else's: only its author or a coordinator may change it.
    NotAllowed,
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(id) => write!(f, "no record {id}"),
            Self::Stale => f.write_str("a newer entry is already here"),
            Self::Full => f.write_str("the list is full"),
            Self::NotAllowed => f.write_str("only its author or a coordinator may change it"),
        }
    }
}

impl std::error::Error for EntryError {}

/// The [`Entry`] of a log entry kept on one record (a condition report on a place, a swap on a
/// childcare listing): a struct with `at`, `by` and `seal: Option<Seal>`, and a
/// `signed(owner, key)` giving the bytes its seal covers. Written once here, so the logs cannot
/// drift apart in how they are keyed, merged or checked.
macro_rules! record_log_entry {
    ($entry:ty, $field:expr) => {
        impl $crate::model::entry::Entry for $entry {
            type Owner = $crate::model::id::RecordId;
            type Key = $crate::model::entry::LogKey;
            const FIELD: $crate::model::validate::Field = $field;
            const ROTATES: bool = true;

            fn key(&self) -> $crate::model::entry::LogKey {
                (
                    self.at,
                    $crate::model::entry::Maker::of(self.signer(), &self.by),
                    self.seal.map(|seal| seal.sig),
                )
            }

            fn at(&self) -> $crate::model::clock::Stamp {
                self.at
            }

            fn signer(&self) -> Option<$crate::model::trust::AuthorKey> {
                self.seal.map(|seal| seal.key)
            }

            fn sealed(
                &self,
                owner: $crate::model::id::RecordId,
            ) -> Option<(
                $crate::model::trust::Seal,
                $crate::model::trust::seal::Signed,
            )> {
                self.seal.map(|seal| (seal, self.signed(owner, &seal.key)))
            }

            fn merge_copy(&mut self, other: &Self) -> bool {
                $crate::model::entry::keep_greater(self, other)
            }
        }
    };
}
pub(crate) use record_log_entry;

#[cfg(test)]
mod tests {
    use super::{keep_greater, Entries, Entry};
    use crate::model::merge::Merge;
    use crate::model::trust::seal::Signed;
    use crate::model::trust::{AuthorKey, Seal};
    use crate::model::validate::Field;
    use crate::model::Stamp;
    use proptest::prelude::*;

    /// A log entry reduced to its key and a value that copies of it may differ in.
    #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
    struct Note(u16, u8);

    impl Entry for Note {
        type Key = u16;
        type Owner = ();
        const FIELD: Field = Field::Reports;
        const ROTATES: bool = true;

        fn key(&self) -> u16 {
            self.0
        }

        fn at(&self) -> Stamp {
            Stamp::default()
        }

        fn signer(&self) -> Option<AuthorKey> {
            None
        }

        fn merge_copy(&mut self, other: &Self) -> bool {
            keep_greater(self, other)
        }

        fn sealed(&self, _: ()) -> Option<(Seal, Signed)> {
            None
        }
    }

    fn entries(notes: &[Note]) -> Entries<Note> {
        let mut list = Entries::default();
        for note in notes {
            list.insert(note.clone());
        }
        list
    }

    proptest! {
        /// The list is kept in key order, one entry a key, so the same entries added in any
        /// order, or merged either way, make equal lists that are written the same.
        #[test]
        fn the_same_entries_in_any_order_make_the_same_list(
            notes in prop::collection::vec((0u16..300, 0u8..3).prop_map(|(key, value)| Note(key, value)), 0..400),
            seed in any::<u64>(),
        ) {
            let mut shuffled = notes.clone();
            // A cheap shuffle from the seed: proptest shrinks the seed like any value.
            let mut state = seed | 1;
            for at in (1..shuffled.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                shuffled.swap(at, (state % (at as u64 + 1)) as usize);
            }
            let (first, second) = (entries(&notes), entries(&shuffled));
            prop_assert_eq!(&first, &second);
            let keys: Vec<u16> = first.iter().map(|note| note.0).collect();
            prop_assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "out of order: {:?}", keys);
            prop_assert!(first.len() <= Field::Reports.limit());
            // Each kept key holds the greatest copy given for it.
            for note in first.iter() {
                let greatest = notes.iter().filter(|each| each.0 == note.0).max();
                prop_assert_eq!(Some(note), greatest);
            }
            let (half, rest) = shuffled.split_at(shuffled.len() / 2);
            let mut merged = entries(half);
            merged.merge(&entries(rest));
            prop_assert_eq!(&merged, &first);
            prop_assert_eq!(merged.get(&keys.first().copied().unwrap_or(0)).is_some(), !keys.is_empty());
        }
    }

    #[test]
    fn keeping_the_greater_copy_says_whether_anything_changed() {
        let mut mine = 3;
        assert!(
            !keep_greater(&mut mine, &2),
            "a lesser copy changes nothing"
        );
        assert!(
            !keep_greater(&mut mine, &3),
            "the same copy again changes nothing"
        );
        assert_eq!(mine, 3);
        assert!(keep_greater(&mut mine, &5));
        assert_eq!(mine, 5);
    }
}
