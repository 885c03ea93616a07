//! Seals: the signatures records carry, and the exact bytes each one signs.
//!
//! A post is signed whole, one signature per revision: its author is its only writer, so the
//! newest signed revision is the post. Values that redaction may strip (a contact, a private
//! note) are signed through a salted digest, so a redacted copy still verifies, and merging it
//! with a full copy gives the full copy back.

use super::check::Checker;
use super::key::{digest, AuthorKey, Digest, Salt, Signature, Signer};
use crate::model::clock::Stamp;
use crate::model::day::Day;
use crate::model::id::RecordId;
use crate::model::post::{Contact, ContactMethod, PostKind, Status, Urgency, Visibility};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Who signed a record, and the signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Seal {
    pub key: AuthorKey,
    pub sig: Signature,
}

/// How a value that redaction may strip is signed: while the value is shown, its salt (the
/// digest is computed from both); once withheld, only the digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Secret {
    Shown(Salt),
    Withheld(Digest),
}

impl Secret {
    /// The digest the signature covers, for the value `bytes` (ignored once withheld).
    pub fn digest(&self, bytes: &[u8]) -> Digest {
        match self {
            Self::Shown(salt) => digest(salt, bytes),
            Self::Withheld(digest) => *digest,
        }
    }

    pub fn is_shown(&self) -> bool {
        matches!(self, Self::Shown(_))
    }
}

// A salt is 32 hex digits and a digest 64, so one string says which it is.
impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Shown(salt) => salt.serialize(serializer),
            Self::Withheld(digest) => digest.serialize(serializer),
        }
    }
}

struct SecretVisitor;

impl Visitor<'_> for SecretVisitor {
    type Value = Secret;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a salt (32 hex digits) or a digest (64 hex digits)")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Secret, E> {
        match text.len() {
            32 => text.parse().map(Secret::Shown).map_err(E::custom),
            _ => text.parse().map(Secret::Withheld).map_err(E::custom),
        }
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(SecretVisitor)
    }
}

/// The author's seal on a post revision, with the secrets of its two strippable values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PostSeal {
    #[serde(flatten)]
    pub seal: Seal,
    pub contact: Secret,
    pub note: Secret,
}

/// The id of a signed post: bound to its author's key and creation stamp, so no other key can
/// sign a post under it.
pub fn post_id(key: &AuthorKey, created: Stamp) -> RecordId {
    let mut stamp = [0u8; 20];
    stamp[..8].copy_from_slice(&created.ms.to_le_bytes());
    stamp[8..12].copy_from_slice(&created.count.to_le_bytes());
    stamp[12..].copy_from_slice(&created.device.0.to_le_bytes());
    RecordId(super::key::short_hash(&[
        b"circle.post-id.v1",
        &key.0,
        &stamp,
    ]))
}

/// The bytes a signature covers, written field by field with lengths, so no two different
/// records ever write the same bytes.
#[derive(Default)]
pub struct Signed(Vec<u8>);

impl Signed {
    pub fn new(domain: &str) -> Self {
        let mut signed = Self(Vec::with_capacity(256));
        signed.text(domain);
        signed
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }

    pub fn u64(&mut self, n: u64) -> &mut Self {
        self.0.extend_from_slice(&n.to_le_bytes());
        self
    }

    pub fn byte(&mut self, n: u8) -> &mut Self {
        self.0.push(n);
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Self {
        self.u64(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
        self
    }

    pub fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.extend_from_slice(bytes);
        self
    }

    pub fn stamp(&mut self, stamp: Stamp) -> &mut Self {
        self.u64(stamp.ms)
            .u64(u64::from(stamp.count))
            .u64(stamp.device.0)
    }

    pub fn id(&mut self, id: RecordId) -> &mut Self {
        self.u64(id.0)
    }

    pub fn status(&mut self, status: Status) -> &mut Self {
        self.byte(status_code(status))
    }

    pub fn option<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) -> &mut Self {
        match value {
            None => self.byte(0),
            Some(value) => {
                self.byte(1);
                write(self, value);
                self
            }
        }
    }

    pub fn day(&mut self, day: Option<Day>) -> &mut Self {
        self.option(day, |signed, day| {
            signed.u64(day.0 as u32 as u64);
        })
    }
}

/// The bytes a contact is committed by.
pub fn contact_bytes(contact: Option<&Contact>) -> Vec<u8> {
    let mut signed = Signed::default();
    signed.option(contact, |signed, contact| {
        signed
            .byte(method_code(contact.method))
            .text(&contact.value)
            .byte(visibility_code(contact.visibility));
    });
    signed.into_bytes()
}

pub fn status_code(status: Status) -> u8 {
    use crate::model::post::CloseReason::*;
    match status {
        Status::Open => 0,
        Status::Matched => 1,
        Status::Fulfilled => 2,
        Status::Closed(Withdrawn) => 3,
        Status::Closed(Expired) => 4,
        Status::Closed(Duplicate) => 5,
        Status::Closed(Referred) => 6,
    }
}

pub fn kind_code(kind: PostKind) -> u8 {
    match kind {
        PostKind::Ask => 0,
        PostKind::Offer => 1,
    }
}

pub fn urgency_code(urgency: Urgency) -> u8 {
    match urgency {
        Urgency::Today => 0,
        Urgency::Days => 1,
        Urgency::Week => 2,
        Urgency::Anytime => 3,
    }
}

fn method_code(method: ContactMethod) -> u8 {
    match method {
        ContactMethod::Call => 0,
        ContactMethod::Text => 1,
        ContactMethod::WhatsApp => 2,
        ContactMethod::Signal => 3,
        ContactMethod::Email => 4,
    }
}

fn visibility_code(visibility: Visibility) -> u8 {
    match visibility {
        Visibility::Private => 0,
        Visibility::Group => 1,
        Visibility::Public => 2,
    }
}

/// Signs `signed` as `signer`.
pub fn seal(signer: &Signer, signed: &Signed) -> Seal {
    Seal {
        key: signer.key(),
        sig: signer.sign(signed.bytes()),
    }
}

impl Seal {
    /// Whether this seal's key signed exactly `signed`, asking `checker` (see
    /// [`super::check`]).
    pub fn verifies_by(&self, signed: &Signed, checker: &dyn Checker) -> bool {
        checker.check(&self.key, signed.bytes(), &self.sig)
    }
}
