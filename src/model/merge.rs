//! The merge rules every record is built from: last-writer-wins registers for fields and
//! grow-only sets for logs (history, reports, check-ins). Each rule is commutative, associative
//! and idempotent, so records and whole boards built from them are too.

use super::clock::Stamp;
use super::sorted_set::SortedSet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, BTreeSet};

/// Something two copies of which can be combined without losing either's edits.
pub trait Merge {
    fn merge(&mut self, other: &Self);
}

/// One field's value with the stamp of the edit that set it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Lww<T> {
    pub value: T,
    pub at: Stamp,
}

impl<T> Lww<T> {
    pub fn new(value: T, at: Stamp) -> Self {
        Self { value, at }
    }

    /// A local edit: kept only if it is newer than what is there.
    pub fn set(&mut self, value: T, at: Stamp) {
        if at > self.at {
            *self = Self { value, at };
        }
    }
}

impl<T: PartialEq> Lww<T> {
    /// A local edit that stamps the field only when the value really differs, so saving a form
    /// unchanged never overrides a concurrent edit made elsewhere. Returns whether it changed.
    pub fn change(&mut self, value: T, at: Stamp) -> bool {
        if self.value == value || at <= self.at {
            return false;
        }
        *self = Self { value, at };
        true
    }
}

impl<T: Ord + Clone> Lww<T> {
    /// Merges `other` in and says whether that changed this field.
    pub fn merge_changed(&mut self, other: &Self) -> bool {
        // Stamps are unique per edit; comparing values too keeps the rule deterministic even
        // for forged or corrupted copies that reuse a stamp.
        let newer = (other.at, &other.value) > (self.at, &self.value);
        if newer {
            *self = other.clone();
        }
        newer
    }
}

impl<T: Ord + Clone> Merge for Lww<T> {
    fn merge(&mut self, other: &Self) {
        self.merge_changed(other);
    }
}

/// Adds the entries of `other` a grow-only log lacks; says whether there were any.
pub fn grow<T: Ord + Clone>(log: &mut SortedSet<T>, other: &SortedSet<T>) -> bool {
    let before = log.len();
    log.extend(other.iter().cloned());
    log.len() != before
}

// A field is stored as `[value, "stamp"]`: short, and still readable in a published file. Posts,
// nearly all of a board, write their fields more compactly still (see `post_json`).
impl<T: Serialize> Serialize for Lww<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (&self.value, &self.at).serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lww<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (value, at) = <(T, Stamp)>::deserialize(deserializer)?;
        Ok(Self { value, at })
    }
}

impl<T: Ord + Clone> Merge for BTreeSet<T> {
    fn merge(&mut self, other: &Self) {
        self.extend(other.iter().cloned());
    }
}

impl<K: Ord + Clone, V: Merge + Clone> Merge for BTreeMap<K, V> {
    fn merge(&mut self, other: &Self) {
        for (key, theirs) in other {
            match self.get_mut(key) {
                Some(ours) => ours.merge(theirs),
                None => {
                    self.insert(key.clone(), theirs.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::DeviceId;

    fn at(ms: u64, device: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(device))
    }

    #[test]
    fn the_newer_edit_wins_from_either_side() {
        let older = Lww::new("soup", at(1, 1));
        let newer = Lww::new("bread", at(2, 1));
        let mut a = older.clone();
        a.merge(&newer);
        let mut b = newer.clone();
        b.merge(&older);
        assert_eq!(a, newer);
        assert_eq!(b, newer);
    }

    #[test]
    fn a_stale_local_set_is_ignored() {
        let mut field = Lww::new(3, at(10, 1));
        field.set(4, at(5, 1));
        assert_eq!(field.value, 3);
    }

    #[test]
    fn a_newer_local_set_takes_effect() {
        let mut field = Lww::new(3, at(10, 1));
        field.set(4, at(11, 1));
        assert_eq!(field, Lww::new(4, at(11, 1)));
    }

    /// A stamp names one edit: a second value under the same stamp (a forged or corrupt copy)
    /// must not replace the first, or two devices could hold different values for one edit.
    #[test]
    fn a_local_set_with_the_same_stamp_keeps_the_first_value() {
        let mut field = Lww::new(3, at(10, 1));
        field.set(4, at(10, 1));
        assert_eq!(field.value, 3);
    }

    #[test]
    fn a_change_says_whether_it_took_effect() {
        let mut field = Lww::new("soup", at(10, 1));
        assert!(
            !field.change("soup", at(11, 1)),
            "the same value is no change"
        );
        assert_eq!(field.at, at(10, 1), "an unchanged value keeps its stamp");
        assert!(!field.change("bread", at(10, 1)), "not newer");
        assert!(!field.change("bread", at(9, 1)), "older");
        assert_eq!(field.value, "soup");
        assert!(field.change("bread", at(11, 1)));
        assert_eq!(field, Lww::new("bread", at(11, 1)));
    }

    #[test]
    fn merge_changed_says_whether_the_other_side_was_newer() {
        let mut field = Lww::new("soup", at(10, 1));
        assert!(!field.merge_changed(&Lww::new("bread", at(9, 1))));
        assert!(!field.merge_changed(&field.clone()));
        assert!(field.merge_changed(&Lww::new("bread", at(11, 1))));
        assert_eq!(field.value, "bread");
    }

    #[test]
    fn grow_adds_what_is_missing_and_says_so() {
        let mut log = SortedSet::from([1, 2]);
        assert!(!grow(&mut log, &SortedSet::from([2])));
        assert!(grow(&mut log, &SortedSet::from([2, 3])));
        assert_eq!(log, SortedSet::from([1, 2, 3]));
    }

    #[test]
    fn merging_maps_keeps_every_key_and_merges_shared_ones() {
        let mut ours = BTreeMap::from([("a", Lww::new(1, at(1, 1))), ("b", Lww::new(1, at(5, 1)))]);
        let theirs = BTreeMap::from([("b", Lww::new(2, at(6, 2))), ("c", Lww::new(3, at(1, 2)))]);
        Merge::merge(&mut ours, &theirs);
        assert_eq!(
            ours,
            BTreeMap::from([
                ("a", Lww::new(1, at(1, 1))),
                ("b", Lww::new(2, at(6, 2))),
                ("c", Lww::new(3, at(1, 2))),
            ])
        );
        let mut set = BTreeSet::from([1]);
        Merge::merge(&mut set, &BTreeSet::from([2]));
        assert_eq!(set, BTreeSet::from([1, 2]));
    }

    #[test]
    fn a_field_serializes_as_value_and_stamp() {
        let field = Lww::new("rice".to_string(), at(255, 2));
        let json = serde_json::to_string(&field).unwrap();
        assert_eq!(json, r#"["rice","ff.0.2"]"#);
        assert_eq!(serde_json::from_str::<Lww<String>>(&json).unwrap(), field);
    }
}
