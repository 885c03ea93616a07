//! A board's records of one kind, by id: what [`Board`](super::board::Board) keeps its posts,
//! places, rosters, shifts and the rest in.
//!
//! A `BTreeMap<RecordId, T>` compiles the map's code once for every kind of record: seven
//! copies, about 9 KB of wasm each on the board page (issue #13). Here the records sit in a
//! plain list beside one map from id to place, whose code every kind shares. Everything that
//! reads, writes or compares the records goes in id order, exactly as the map did, so a board
//! is written, merged and compared as before.

use super::id::RecordId;
use super::merge::Merge;
use super::sorted_map::read_map;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{btree_map, BTreeMap};
use std::fmt;

#[derive(Clone)]
pub struct Records<T> {
    /// Where each record is in `list`.
    index: BTreeMap<RecordId, usize>,
    list: Vec<(RecordId, T)>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Self {
            index: BTreeMap::new(),
            list: Vec::new(),
        }
    }
}

impl<T> Records<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn contains_key(&self, id: &RecordId) -> bool {
        self.index.contains_key(id)
    }

    pub fn get(&self, id: &RecordId) -> Option<&T> {
        self.index.get(id).map(|&at| &self.list[at].1)
    }

    pub fn get_mut(&mut self, id: &RecordId) -> Option<&mut T> {
        self.index.get(id).map(|&at| &mut self.list[at].1)
    }

    /// Puts `record` under `id`, and gives back the record it replaced. One search of the
    /// index either way: a board read from a file puts every record in through here.
    pub fn insert(&mut self, id: RecordId, record: T) -> Option<T> {
        match self.index.entry(id) {
            btree_map::Entry::Occupied(slot) => {
                Some(std::mem::replace(&mut self.list[*slot.get()].1, record))
            }
            btree_map::Entry::Vacant(slot) => {
                slot.insert(self.list.len());
                self.list.push((id, record));
                None
            }
        }
    }

    /// The record under `id`, put there by `make` if there was none.
    pub fn get_or_insert_with(&mut self, id: RecordId, make: impl FnOnce() -> T) -> &mut T {
        let at = match self.index.get(&id) {
            Some(&at) => at,
            None => {
                self.insert(id, make());
                self.list.len() - 1
            }
        };
        &mut self.list[at].1
    }

    pub fn remove(&mut self, id: &RecordId) -> Option<T> {
        let at = self.index.remove(id)?;
        let (_, record) = self.list.swap_remove(at);
        if let Some((moved, _)) = self.list.get(at) {
            self.index.insert(*moved, at);
        }
        Some(record)
    }

    /// Keeps the records `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&RecordId, &mut T) -> bool) {
        self.list.retain_mut(|(id, record)| keep(id, record));
        self.reindex();
    }

    pub fn clear(&mut self) {
        self.index.clear();
        self.list.clear();
    }

    /// Ids and records in id order.
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            index: self.index.iter(),
            list: &self.list,
        }
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &RecordId> + ExactSizeIterator {
        self.index.keys()
    }

    /// The records in id order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.index.values().map(|&at| &self.list[at].1)
    }

    /// Ids and records in id order, the records to change.
    pub fn iter_mut(&mut self) -> IterMut<'_, T> {
        self.sort();
        self.list.iter_mut().map(split)
    }

    /// The records in id order, to change.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut T> + ExactSizeIterator {
        self.iter_mut().map(|(_, record)| record)
    }

    /// Puts the list in id order, where records added out of order or a removal left it
    /// otherwise. A board read from its save or a file is in order already.
    fn sort(&mut self) {
        if in_id_order(&self.index) {
            return;
        }
        let mut slots: Vec<Option<(RecordId, T)>> = self.list.drain(..).map(Some).collect();
        self.list = self
            .index
            .values()
            .filter_map(|&at| slots[at].take())
            .collect();
        renumber(&mut self.index);
    }

    fn reindex(&mut self) {
        self.index = index_of(self.list.iter().map(|(id, _)| *id).collect());
    }
}

/// Whether the list an index points into is in id order.
fn in_id_order(index: &BTreeMap<RecordId, usize>) -> bool {
    index.values().enumerate().all(|(n, &at)| n == at)
}

/// Points an index at a list that is now in id order: the nth id is at place n.
fn renumber(index: &mut BTreeMap<RecordId, usize>) {
    for (n, at) in index.values_mut().enumerate() {
        *at = n;
    }
}

/// The index of a list holding these ids, in this order. Outside `Records<T>`, so the wasm holds
/// one copy of the map's bulk build and its sort, where a `collect` in `reindex` held one for
/// every kind of record: 20 KB of sort code before gzip on the board page (issue #13).
fn index_of(ids: Vec<RecordId>) -> BTreeMap<RecordId, usize> {
    ids.into_iter()
        .enumerate()
        .map(|(at, id)| (id, at))
        .collect()
}

impl<T> Records<T> {
    /// The records in id order, kept.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = T> + ExactSizeIterator {
        self.into_iter().map(|(_, record)| record)
    }
}

// As a map of records merges: each of theirs merged into ours, or added.
impl<T: Merge + Clone> Merge for Records<T> {
    fn merge(&mut self, other: &Self) {
        for (id, theirs) in other {
            match self.get_mut(id) {
                Some(ours) => ours.merge(theirs),
                None => {
                    self.insert(*id, theirs.clone());
                }
            }
        }
    }
}

impl<T> IntoIterator for Records<T> {
    type Item = (RecordId, T);
    type IntoIter = std::vec::IntoIter<(RecordId, T)>;

    /// Ids and records in id order.
    fn into_iter(mut self) -> Self::IntoIter {
        self.sort();
        self.list.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Records<T> {
    type Item = (&'a RecordId, &'a T);
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Records<T> {
    type Item = (&'a RecordId, &'a mut T);
    type IntoIter = IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// Ids and records in id order, the records to change.
pub type IterMut<'a, T> = std::iter::Map<
    std::slice::IterMut<'a, (RecordId, T)>,
    fn(&'a mut (RecordId, T)) -> (&'a RecordId, &'a mut T),
>;

fn split<T>((id, record): &mut (RecordId, T)) -> (&RecordId, &mut T) {
    (id, record)
}

/// Ids and records in id order.
pub struct Iter<'a, T> {
    index: btree_map::Iter<'a, RecordId, usize>,
    list: &'a [(RecordId, T)],
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = (&'a RecordId, &'a T);

    fn next(&mut self) -> Option<Self::Item> {
        let (id, &at) = self.index.next()?;
        Some((id, &self.list[at].1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.index.size_hint()
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let (id, &at) = self.index.next_back()?;
        Some((id, &self.list[at].1))
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Self {
            index: self.index.clone(),
            list: self.list,
        }
    }
}

impl<T> FromIterator<(RecordId, T)> for Records<T> {
    fn from_iter<I: IntoIterator<Item = (RecordId, T)>>(records: I) -> Self {
        let mut all = Self::new();
        all.extend(records);
        all
    }
}

impl<T> Extend<(RecordId, T)> for Records<T> {
    fn extend<I: IntoIterator<Item = (RecordId, T)>>(&mut self, records: I) {
        for (id, record) in records {
            self.insert(id, record);
        }
    }
}

impl<T> std::ops::Index<&RecordId> for Records<T> {
    type Output = T;

    fn index(&self, id: &RecordId) -> &T {
        self.get(id).expect("no record with this id")
    }
}

impl<T: PartialEq> PartialEq for Records<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl<T: Eq> Eq for Records<T> {}

impl<T: fmt::Debug> fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

// Written as the map was: an object keyed by id, in id order.
impl<T: Serialize> Serialize for Records<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

// Read as the map was: any order, and of an id given twice, the last.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Records<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_map(deserializer, "records by id")
    }
}

#[cfg(test)]
mod tests {
    use super::Records;
    use crate::model::id::RecordId;
    use crate::model::merge::Merge;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// One step on a board's records.
    #[derive(Clone, Debug)]
    enum Step {
        Insert(u64, u32),
        Remove(u64),
        /// Adds one to the record, or puts a new one there.
        Bump(u64),
        /// Keeps the records whose value is even.
        KeepEven,
        /// Adds the record's id to every record, in id order.
        Number,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            4 => (0u64..60, any::<u32>()).prop_map(|(id, value)| Step::Insert(id, value)),
            2 => (0u64..60).prop_map(Step::Remove),
            2 => (0u64..60).prop_map(Step::Bump),
            1 => Just(Step::KeepEven),
            1 => Just(Step::Number),
        ]
    }

    fn take(records: &mut Records<u32>, map: &mut BTreeMap<RecordId, u32>, step: &Step) {
        match *step {
            Step::Insert(id, value) => {
                assert_eq!(
                    records.insert(RecordId(id), value),
                    map.insert(RecordId(id), value)
                );
            }
            Step::Remove(id) => {
                assert_eq!(records.remove(&RecordId(id)), map.remove(&RecordId(id)));
            }
            Step::Bump(id) => {
                *records.get_or_insert_with(RecordId(id), || 7) += 1;
                *map.entry(RecordId(id)).or_insert(7) += 1;
            }
            Step::KeepEven => {
                records.retain(|_, value| *value % 2 == 0);
                map.retain(|_, value| *value % 2 == 0);
            }
            Step::Number => {
                for (n, value) in records.values_mut().enumerate() {
                    *value = value.wrapping_add(n as u32);
                }
                for (n, value) in map.values_mut().enumerate() {
                    *value = value.wrapping_add(n as u32);
                }
            }
        }
    }

    proptest! {
        /// Whatever is done to them, the records hold, list, write and read back exactly what a
        /// map by id would; and records built in another order are equal to them.
        #[test]
        fn records_are_a_map_by_id(steps in prop::collection::vec(step(), 0..80)) {
            let (mut records, mut map) = (Records::new(), BTreeMap::new());
            for step in &steps {
                take(&mut records, &mut map, step);
                prop_assert_eq!(records.len(), map.len());
            }
            prop_assert!(records.iter().eq(map.iter()));
            prop_assert!(records.iter().rev().eq(map.iter().rev()));
            prop_assert_eq!(records.iter().len(), map.len());
            prop_assert_eq!(records.values().len(), map.len());
            prop_assert_eq!(format!("{records:?}"), format!("{map:?}"));
            prop_assert!(records.keys().eq(map.keys()));
            for id in (0..60).map(RecordId) {
                prop_assert_eq!(records.get(&id), map.get(&id));
                prop_assert_eq!(records.contains_key(&id), map.contains_key(&id));
            }
            let written = serde_json::to_string(&records).unwrap();
            prop_assert_eq!(&written, &serde_json::to_string(&map).unwrap());
            let read: Records<u32> = serde_json::from_str(&written).unwrap();
            prop_assert_eq!(&read, &records);
            let backwards: Records<u32> = map.iter().rev().map(|(id, value)| (*id, *value)).collect();
            prop_assert_eq!(&backwards, &records);
            prop_assert!(records.clone().into_iter().eq(map.clone()));
        }

        /// Merging records merges each of theirs into ours by id, as merging two maps does.
        #[test]
        fn records_merge_as_maps_do(
            ours in prop::collection::btree_map(0u64..40, any::<u32>(), 0..30),
            theirs in prop::collection::btree_map(0u64..40, any::<u32>(), 0..30),
        ) {
            let by_id = |map: &BTreeMap<u64, u32>| -> BTreeMap<RecordId, Max> {
                map.iter().map(|(id, value)| (RecordId(*id), Max(*value))).collect()
            };
            let (mut expected, theirs_map) = (by_id(&ours), by_id(&theirs));
            Merge::merge(&mut expected, &theirs_map);
            let mut merged: Records<Max> = by_id(&ours).into_iter().rev().collect();
            Merge::merge(&mut merged, &theirs_map.into_iter().collect());
            prop_assert!(merged.iter().eq(expected.iter()));
        }
    }

    #[test]
    fn anything_but_an_object_of_records_is_refused_saying_what_was_expected() {
        let error = serde_json::from_str::<Records<u32>>("[1, 2]").unwrap_err();
        assert!(error.to_string().contains("records by id"), "{error}");
    }

    /// A value that merges to the greater of two.
    #[derive(Clone, Debug, PartialEq, Eq)]
    struct Max(u32);

    impl Merge for Max {
        fn merge(&mut self, other: &Self) {
            self.0 = self.0.max(other.0);
        }
    }
}
