//! A small set kept as a list in order ([`SortedMap`] says why): a post's status history and
//! its moderation.
//!
//! `BTreeSet`'s code is compiled again for every kind of item, and it allocates a node of
//! eleven places for a set of one; a post's history holds a few changes, and a board holds
//! thousands of posts. A sorted list is smaller in the wasm (issue #13) and in memory, and
//! keeps the same order, so it compares, merges and is written exactly as the `BTreeSet` was.

use super::merge::Merge;
use super::sorted_map::{Keys, SortedMap};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::iter::Map;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortedSet<T>(SortedMap<T, ()>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        Self(SortedMap::default())
    }
}

impl<T: Ord> SortedSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `item` in its place, and says whether it was new.
    pub fn insert(&mut self, item: T) -> bool {
        self.0.insert(item, ()).is_none()
    }

    pub fn contains(&self, item: &T) -> bool {
        self.0.contains_key(item)
    }

    pub fn is_subset(&self, other: &Self) -> bool {
        self.iter().all(|item| other.contains(item))
    }
}

impl<T> SortedSet<T> {
    /// The least item.
    pub fn first(&self) -> Option<&T> {
        self.iter().next()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> Keys<'_, T, ()> {
        self.0.keys()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.0.retain(|item, _| keep(item));
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = Self::new();
        set.extend(items);
        set
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = Map<std::vec::IntoIter<(T, ())>, fn((T, ())) -> T>;

    /// The items in order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter().map(|(item, ())| item)
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = Keys<'a, T, ()>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Ord + Clone> Merge for SortedSet<T> {
    fn merge(&mut self, other: &Self) {
        self.extend(other.iter().cloned());
    }
}

impl<T: Serialize> Serialize for SortedSet<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

// Read as a `BTreeSet` reads: any order, a repeat kept once.
impl<'de, T: Ord + Deserialize<'de>> Deserialize<'de> for SortedSet<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<T>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::SortedSet;
    use crate::model::merge::Merge;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// The set holds, says and writes exactly what a `BTreeSet` of the same items would,
        /// whatever order they came in and however they were merged.
        #[test]
        fn it_is_a_btree_set_by_another_name(
            items in prop::collection::vec(0u16..200, 0..120),
            split in any::<prop::sample::Index>(),
            probe in 0u16..200,
        ) {
            let expected: BTreeSet<u16> = items.iter().copied().collect();
            let set: SortedSet<u16> = items.iter().copied().collect();
            prop_assert!(set.iter().eq(expected.iter()));
            prop_assert_eq!(set.len(), expected.len());
            prop_assert_eq!(set.contains(&probe), expected.contains(&probe));
            prop_assert_eq!(
                serde_json::to_string(&set).unwrap(),
                serde_json::to_string(&expected).unwrap()
            );
            let reversed: Vec<u16> = items.iter().rev().copied().collect();
            let read: SortedSet<u16> = serde_json::from_str(&serde_json::to_string(&reversed).unwrap()).unwrap();
            prop_assert_eq!(&read, &set);
            let (left, right) = items.split_at(split.index(items.len() + 1));
            let mut merged: SortedSet<u16> = left.iter().copied().collect();
            let right: SortedSet<u16> = right.iter().copied().collect();
            prop_assert!(right.is_subset(&set));
            prop_assert_eq!(
                set.is_subset(&right),
                expected.is_subset(&right.iter().copied().collect())
            );
            merged.merge(&right);
            prop_assert_eq!(&merged, &set);
            let mut fresh = set.clone();
            prop_assert_eq!(fresh.insert(probe), !expected.contains(&probe));
            prop_assert!(fresh.contains(&probe));
        }
    }
}
