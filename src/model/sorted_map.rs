//! A small map kept as a list in key order: a post's responses, and beneath
//! [`SortedSet`](super::sorted_set::SortedSet), its status history and moderation.
//!
//! `BTreeMap`'s code is compiled again for every key and value type, and it allocates a node of
//! eleven places for a map of one; a post holds a few responses, and a board holds thousands of
//! posts. A sorted list is smaller in the wasm (issue #13) and in memory, and keeps the same
//! order, so it compares, merges and is written exactly as the `BTreeMap` was.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::iter::Map;
use std::marker::PhantomData;
use std::slice;

/// Where an item goes in `items`, kept in order, by `compare`, which says how an item stands to
/// the one sought: `Ok` with its place if it is there, else `Err` with where it would go.
/// Items mostly come in order (a response is newer than the last, a log's entry too), so the
/// end is looked at first. [`Entries`](super::entry::Entries) places its entries with it too.
pub(crate) fn place<I>(items: &[I], compare: impl Fn(&I) -> Ordering) -> Result<usize, usize> {
    match items.last() {
        None => Err(0),
        Some(last) if compare(last) == Ordering::Less => Err(items.len()),
        Some(_) => items.binary_search_by(compare),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortedMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<K, V> SortedMap<K, V> {
    pub const fn new() -> Self {
        Self(Vec::new())
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// Where `key` is, or where it would go.
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        place(&self.0, |(each, _)| each.borrow().cmp(key))
    }

    /// Puts `value` under `key`, and gives back the value it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    /// The value under `key`, put there by `make` if there was none.
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.find(&key) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (key, make()));
                at
            }
        };
        &mut self.0[at].1
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|at| &mut self.0[at].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }
}

impl<K, V> SortedMap<K, V> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Keys and values in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    pub fn keys(&self) -> Keys<'_, K, V> {
        self.0.iter().map(|(key, _)| key)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.0.iter().map(|(_, value)| value)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.0.iter_mut().map(|(_, value)| value)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain_mut(|(key, value)| keep(key, value));
    }
}

/// Keys and values in key order.
pub type Iter<'a, K, V> = Map<slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

/// Keys in order.
pub type Keys<'a, K, V> = Map<slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> &'a K>;

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    /// Keys and values in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = Self::new();
        map.extend(pairs);
        map
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (key, value) in pairs {
            self.insert(key, value);
        }
    }
}

// Written as the `BTreeMap` was: an object (in JSON) in key order.
impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

// Read as the `BTreeMap` was: any order, and of a key given twice, the last.
impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_map(deserializer, "a map")
    }
}

/// Reads a map pair by pair into `C`, as a `BTreeMap` reads one: in any order, and of a key
/// given twice, the last (each pair goes in by `C`'s `Extend`, which replaces). `expecting`
/// names what is read, for the error when it is not a map.
pub(crate) fn read_map<'de, D, C, K, V>(
    deserializer: D,
    expecting: &'static str,
) -> Result<C, D::Error>
where
    D: Deserializer<'de>,
    C: Default + Extend<(K, V)>,
    K: Deserialize<'de>,
    V: Deserialize<'de>,
{
    struct Reader<C, K, V> {
        expecting: &'static str,
        read: PhantomData<(C, K, V)>,
    }

    impl<'de, C, K, V> Visitor<'de> for Reader<C, K, V>
    where
        C: Default + Extend<(K, V)>,
        K: Deserialize<'de>,
        V: Deserialize<'de>,
    {
        type Value = C;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut pairs: A) -> Result<C, A::Error> {
            let mut all = C::default();
            while let Some(pair) = pairs.next_entry()? {
                all.extend([pair]);
            }
            Ok(all)
        }
    }

    deserializer.deserialize_map(Reader {
        expecting,
        read: PhantomData,
    })
}

#[cfg(test)]
mod tests {
    use super::SortedMap;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// Whatever is put in, replaced, changed or dropped, the map holds and lists exactly
        /// what a `BTreeMap` would.
        #[test]
        fn it_is_a_btree_map_by_another_name(
            pairs in prop::collection::vec((0u16..100, any::<u8>()), 0..80),
            probe in 0u16..100,
        ) {
            let (mut map, mut expected) = (SortedMap::new(), BTreeMap::new());
            for (key, value) in &pairs {
                prop_assert_eq!(map.insert(*key, *value), expected.insert(*key, *value));
            }
            prop_assert!(map.iter().eq(expected.iter()));
            prop_assert!(map.keys().rev().eq(expected.keys().rev()));
            prop_assert_eq!(map.get(&probe), expected.get(&probe));
            prop_assert_eq!(map.contains_key(&probe), expected.contains_key(&probe));
            if let (Some(value), Some(wanted)) = (map.get_mut(&probe), expected.get_mut(&probe)) {
                *value = value.wrapping_add(1);
                *wanted = wanted.wrapping_add(1);
            }
            for value in map.values_mut() {
                *value = value.wrapping_mul(3);
            }
            for value in expected.values_mut() {
                *value = value.wrapping_mul(3);
            }
            map.retain(|key, value| (*key + u16::from(*value)) % 3 != 0);
            expected.retain(|key, value| (*key + u16::from(*value)) % 3 != 0);
            prop_assert!(map.iter().eq(expected.iter()));
            prop_assert_eq!(map.len(), expected.len());
            let backwards: SortedMap<u16, u8> = expected.iter().rev().map(|(k, v)| (*k, *v)).collect();
            prop_assert_eq!(&backwards, &map);
            let written = serde_json::to_string(&map).unwrap();
            prop_assert_eq!(&written, &serde_json::to_string(&expected).unwrap());
            let read: SortedMap<u16, u8> = serde_json::from_str(&written).unwrap();
            prop_assert_eq!(&read, &map);
            prop_assert!(map.into_iter().eq(expected));
        }
    }

    #[test]
    fn anything_but_an_object_is_refused_saying_what_was_expected() {
        let error = serde_json::from_str::<SortedMap<String, String>>("[\"a\"]").unwrap_err();
        assert!(error.to_string().contains("a map"), "{error}");
    }
}
