//! Signed fields: how the records a group keeps together (places, check-in lists, shifts, the
//! fund, skills, matches) change only through edits their author or a coordinator signed.
//!
//! Unlike a post, such a record has several writers, so it is not signed whole: each field
//! carries the seal of the edit that set it, and two coordinators editing different fields (or
//! different people on one list) both keep their edits. Each kind lists its fields once, in its
//! [`Record::walk`]; sealing an edit, the gate's check and the merge report all use that walk.
//!
//! Redaction does not withhold a signed value behind a digest, as a post's contact is: it blanks
//! the field (no value, no stamp, no seal). A blank claims nothing, loses every merge, and so
//! can neither hide nor change what a fuller copy holds.

use super::check::Checker;
use super::key::{AuthorKey, Signer};
use super::seal::{seal, Seal, Signed};
use crate::model::board::Board;
use crate::model::clock::Stamp;
use crate::model::id::RecordId;
use crate::model::kinds::EachKind;
use crate::model::record::Record;
use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// One field's value, the stamp of the edit that set it, and the seal of whoever made that
/// edit (`None` for an edit from before signing, or one not sealed yet).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sealed<T> {
    pub value: T,
    pub at: Stamp,
    pub seal: Option<Seal>,
}

impl<T> Sealed<T> {
    /// A value set by an edit at `at`, to be sealed with the rest of that edit
    /// ([`seal_edit`]).
    pub fn new(value: T, at: Stamp) -> Self {
        Self {
            value,
            at,
            seal: None,
        }
    }

    /// A local edit: kept only if it is newer than what is there.
    pub fn set(&mut self, value: T, at: Stamp) {
        if at > self.at {
            *self = Self::new(value, at);
        }
    }
}

impl<T: PartialEq> Sealed<T> {
    /// A local edit that stamps the field only when the value really differs, so saving a form
    /// unchanged never overrides a concurrent edit made elsewhere. Returns whether it changed.
    pub fn change(&mut self, value: T, at: Stamp) -> bool {
        if self.value == value || at <= self.at {
            return false;
        }
        *self = Self::new(value, at);
        true
    }
}

impl<T: Default> Sealed<T> {
    /// What redaction leaves of a field its reader may not see.
    pub fn blank() -> Self {
        Self::new(T::default(), Stamp::default())
    }

    pub fn withhold(&mut self) {
        *self = Self::blank();
    }
}

impl<T: Ord + Clone> Sealed<T> {
    /// Merges `other` in and says whether that changed this field. The newer edit wins; a tie
    /// (only a forged or corrupted copy reuses a stamp) goes the same way on every device.
    pub fn merge_changed(&mut self, other: &Self) -> bool {
        let newer = (other.at, &other.value, &other.seal) > (self.at, &self.value, &self.seal);
        if newer {
            *self = other.clone();
        }
        newer
    }

    pub fn merge(&mut self, other: &Self) {
        self.merge_changed(other);
    }
}

// Stored as `[value, "stamp"]` like any field, with the seal third once it has one.
impl<T: Serialize> Serialize for Sealed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = if self.seal.is_some() { 3 } else { 2 };
        let mut tuple = serializer.serialize_tuple(len)?;
        tuple.serialize_element(&self.value)?;
        tuple.serialize_element(&self.at)?;
        if let Some(seal) = &self.seal {
            tuple.serialize_element(seal)?;
        }
        tuple.end()
    }
}

struct SealedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SealedVisitor<T> {
    type Value = Sealed<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("[value, stamp] or [value, stamp, seal]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let value = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let at = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let seal = seq.next_element()?;
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(4, &self));
        }
        Ok(Sealed { value, at, seal })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sealed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(SealedVisitor(PhantomData))
    }
}

/// A field of any type, as the walk sees it.
pub trait AnyField {
    fn at(&self) -> Stamp;
    /// The value's JSON, which the seal covers.
    fn value_json(&self) -> Vec<u8>;
    fn seal(&self) -> Option<Seal>;
    fn put_seal(&mut self, seal: Seal);
    /// Whether redaction blanked it: such a field says nothing, so it needs no seal.
    fn is_blank(&self) -> bool;
}

impl<T: Serialize + Default + PartialEq> AnyField for Sealed<T> {
    fn at(&self) -> Stamp {
        self.at
    }

    fn value_json(&self) -> Vec<u8> {
        // Every field type here (text, numbers, lists, contacts, ids) writes as JSON.
        serde_json::to_vec(&self.value).unwrap_or_default()
    }

    fn seal(&self) -> Option<Seal> {
        self.seal
    }

    fn put_seal(&mut self, seal: Seal) {
        self.seal = Some(seal);
    }

    fn is_blank(&self) -> bool {
        self.at == Stamp::default() && self.seal.is_none() && self.value == T::default()
    }
}

/// A part of a record: the record itself (`None`), or one of its parts, such as a person on a
/// check-in list.
pub type Part = Option<RecordId>;

/// A walk through a record's own content. Each kind lists its content once, in
/// [`Record::walk`].
pub trait Walk {
    /// The record's author and when it was made: set once, never changed.
    fn author(&mut self, author: &mut Option<AuthorKey>, created: Stamp);
    /// Whatever else of the record, or of one of its parts, never changes once made.
    fn identity(&mut self, part: Part, identity: Vec<u8>);
    /// A field anyone allowed may change, by a signed edit.
    fn field(&mut self, part: Part, name: &'static str, field: &mut dyn AnyField);
}

/// The JSON of a record's unchanging values, for [`Walk::identity`].
pub fn identity(values: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(values).unwrap_or_default()
}

/// The bytes a field's seal covers: which record, which part and field, the edit's stamp and
/// the value, so a seal cannot be moved to another record or field, or to another value.
fn field_bytes<T: Record>(id: RecordId, part: Part, name: &str, field: &dyn AnyField) -> Signed {
    let mut signed = Signed::new("circle.field.v1");
    signed
        .text(T::FIELD)
        .id(id)
        .option(part, |signed, part| {
            signed.id(part);
        })
        .text(name)
        .stamp(field.at())
        .raw(&field.value_json());
    signed
}

/// Seals every field an edit at `at` set, as `signer`'s, and names `signer` the author of a
/// record that edit made.
pub fn seal_edit<T: Record>(record: &mut T, at: Stamp, signer: &Signer) {
    struct SealAt<'a> {
        id: RecordId,
        at: Stamp,
        signer: &'a Signer,
        sign: fn(RecordId, Part, &str, &dyn AnyField) -> Signed,
    }
    impl Walk for SealAt<'_> {
        fn author(&mut self, author: &mut Option<AuthorKey>, created: Stamp) {
            if created == self.at && author.is_none() {
                *author = Some(self.signer.key());
            }
        }
        fn identity(&mut self, _part: Part, _identity: Vec<u8>) {}
        fn field(&mut self, part: Part, name: &'static str, field: &mut dyn AnyField) {
            if field.at() == self.at && field.seal().is_none() {
                let signed = (self.sign)(self.id, part, name, field);
                field.put_seal(seal(self.signer, &signed));
            }
        }
    }
    let mut walk = SealAt {
        id: record.id(),
        at,
        signer,
        sign: field_bytes::<T>,
    };
    record.walk(&mut walk);
}

impl Board {
    /// Seals, as `signer`'s, whatever this device's edit at `at` changed in the records a group
    /// keeps together.
    pub fn seal_edit(&mut self, at: Stamp, signer: &Signer) {
        struct SealAll<'a> {
            board: &'a mut Board,
            at: Stamp,
            signer: &'a Signer,
        }
        impl EachKind for SealAll<'_> {
            fn kind<T: Record>(&mut self) {
                for record in T::all_mut(self.board).values_mut() {
                    seal_edit(record, self.at, self.signer);
                }
            }
        }
        Board::each_kind(&mut SealAll {
            board: self,
            at,
            signer,
        });
    }
}

/// A field's state, for comparing two copies.
#[derive(PartialEq, Eq)]
struct FieldState {
    at: Stamp,
    value: Vec<u8>,
    seal: Option<Seal>,
    blank: bool,
}

/// A record's own content, read by its walk.
#[derive(Default)]
struct Own {
    author: Option<AuthorKey>,
    identities: BTreeMap<Part, Vec<u8>>,
    fields: BTreeMap<(Part, &'static str), FieldState>,
}

impl Walk for Own {
    fn author(&mut self, author: &mut Option<AuthorKey>, created: Stamp) {
        self.author = *author;
        self.identities
            .insert(None, identity(&(created, author.as_ref())));
    }

    fn identity(&mut self, part: Part, identity: Vec<u8>) {
        self.identities.entry(part).or_default().extend(identity);
    }

    fn field(&mut self, part: Part, name: &'static str, field: &mut dyn AnyField) {
        self.fields.insert(
            (part, name),
            FieldState {
                at: field.at(),
                value: field.value_json(),
                seal: field.seal(),
                blank: field.is_blank(),
            },
        );
    }
}

fn own_of<T: Record>(record: &T) -> Own {
    let mut own = Own::default();
    record.clone().walk(&mut own);
    own
}

/// Why a copy's change to a record's own content is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnRefused {
    /// It changes what never changes (who made the record, when), or changes a field
    /// without a seal.
    Unsigned,
    /// A seal that does not verify, or a new record naming an author who did not seal it.
    BadSeal,
    /// Sealed by a key that is neither the record's author nor a coordinator's.
    NotAllowed,
}

/// Checks what merging `incoming` into `mine` (this board's copy, if any) would change in the
/// record's own content: every changed field must be sealed, by the record's author or one of
/// `coordinators`, over exactly its value. A new record from before signing (no author, no
/// seals) is welcome whole, as an unsigned post is.
pub fn check_own<T: Record>(
    incoming: &T,
    mine: Option<&T>,
    coordinators: &[AuthorKey],
    checker: &dyn Checker,
) -> Result<(), OwnRefused> {
    let merged = match mine {
        Some(mine) => {
            let mut merged = mine.clone();
            merged.merge(incoming);
            merged
        }
        None => incoming.clone(),
    };
    let before = mine.map(own_of).unwrap_or_default();
    let after = own_of(&merged);
    for (part, identity) in &after.identities {
        if before
            .identities
            .get(part)
            .is_some_and(|was| was != identity)
        {
            return Err(OwnRefused::Unsigned);
        }
    }
    for ((part, name), field) in &after.fields {
        if before.fields.get(&(*part, *name)) == Some(field) || field.blank {
            continue;
        }
        let Some(seal) = field.seal else {
            match (mine, after.author) {
                (None, None) => continue,
                (None, Some(_)) => return Err(OwnRefused::BadSeal),
                (Some(_), _) => return Err(OwnRefused::Unsigned),
            }
        };
        if after.author != Some(seal.key) && !coordinators.contains(&seal.key) {
            return Err(OwnRefused::NotAllowed);
        }
        let state = SealedState(field);
        if !seal.verifies_by(&field_bytes::<T>(merged.id(), *part, name, &state), checker) {
            return Err(OwnRefused::BadSeal);
        }
    }
    Ok(())
}

/// A field's recorded state, readable as a field again to rebuild the bytes its seal covers.
struct SealedState<'a>(&'a FieldState);

impl AnyField for SealedState<'_> {
    fn at(&self) -> Stamp {
        self.0.at
    }

    fn value_json(&self) -> Vec<u8> {
        self.0.value.clone()
    }

    fn seal(&self) -> Option<Seal> {
        self.0.seal
    }

    fn put_seal(&mut self, _seal: Seal) {}

    fn is_blank(&self) -> bool {
        self.0.blank
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::clock::DeviceId;

    fn at(ms: u64) -> Stamp {
        Stamp::new(ms, 0, DeviceId(1))
    }

    #[test]
    fn a_local_edit_takes_only_when_newer_and_a_change_only_when_the_value_differs() {
        let mut field = Sealed::new("rice".to_string(), at(5));
        // One stamp names one edit: a second value under it is not taken.
        field.set("beans".into(), at(5));
        assert_eq!(field, Sealed::new("rice".into(), at(5)));
        field.set("beans".into(), at(6));
        assert_eq!(field, Sealed::new("beans".into(), at(6)));

        // Saving a form unchanged stamps nothing, so it overrides no edit made elsewhere.
        assert!(!field.change("beans".into(), at(9)));
        assert_eq!(field.at, at(6));
        // An older edit does not take either.
        assert!(!field.change("lentils".into(), at(4)));
        assert!(field.change("lentils".into(), at(7)));
        assert_eq!(field, Sealed::new("lentils".into(), at(7)));
    }

    #[test]
    fn merging_the_same_field_again_changes_nothing_and_says_so() {
        let mut field = Sealed::new(3u32, at(5));
        // Otherwise every copy opened again would count as "updated" in the preview.
        assert!(!field.merge_changed(&field.clone()));
        assert!(!field.merge_changed(&Sealed::new(4, at(4))), "older");
        assert!(field.merge_changed(&Sealed::new(4, at(6))), "newer");
        assert_eq!(field, Sealed::new(4, at(6)));
    }

    #[test]
    fn a_field_reads_with_or_without_its_seal_and_nothing_more() {
        let plain: Sealed<u32> = serde_json::from_str(r#"[3,"5.0.1"]"#).expect("two items");
        assert_eq!(plain, Sealed::new(3, at(5)));
        assert_eq!(
            serde_json::to_string(&plain).expect("JSON"),
            r#"[3,"5.0.1"]"#
        );
        let mut sealed = plain.clone();
        let signer = Signer::from_seed([7; 32]);
        sealed.put_seal(seal(&signer, &Signed::new("test")));
        let text = serde_json::to_string(&sealed).expect("JSON");
        let read: Sealed<u32> = serde_json::from_str(&text).expect("three items");
        assert_eq!(read, sealed);
        let four = text.replace("}]", r#"},1]"#);
        assert!(serde_json::from_str::<Sealed<u32>>(&four).is_err());
        assert!(serde_json::from_str::<Sealed<u32>>(r#"[3]"#).is_err());
    }

    #[test]
    fn a_blank_loses_to_any_value_and_a_newer_edit_wins() {
        let mut field = Sealed::new("Key under the mat".to_string(), at(5));
        assert!(!field.merge_changed(&Sealed::blank()));
        let mut blank = Sealed::<String>::blank();
        assert!(blank.merge_changed(&field));
        assert_eq!(blank, field);
        assert!(field.merge_changed(&Sealed::new(String::new(), at(6))));
        assert_eq!(field.value, "");
        assert!(Sealed::<String>::blank().is_blank());
        assert!(!Sealed::new(String::new(), at(6)).is_blank());
    }
}
