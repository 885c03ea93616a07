//! Stable random record ids. An id never changes, so every copy of a board agrees on which
//! record an edit belongs to.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A record's id: 64 random bits, written as 16 hex digits. A neighbourhood board stays far
/// below the ~4 billion records where a collision would become likely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordId(pub u64);

impl RecordId {
    /// An id from fresh random bits (the caller supplies them: `crypto.getRandomValues` in the
    /// browser, a seeded generator in tests).
    pub fn from_random(bits: u64) -> Self {
        Self(bits)
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for RecordId {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.len() != 16 {
            return Err(format!("id `{text}` is not 16 hex digits"));
        }
        u64::from_str_radix(text, 16)
            .map(Self)
            .map_err(|_| format!("id `{text}` is not 16 hex digits"))
    }
}

impl Serialize for RecordId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 16];
        for (i, digit) in buf.iter_mut().enumerate() {
            *digit = b"0123456789abcdef"[((self.0 >> (60 - 4 * i)) & 0xf) as usize];
        }
        // Only ASCII hex digits were written.
        serializer.serialize_str(std::str::from_utf8(&buf).unwrap_or_default())
    }
}

struct IdVisitor;

impl Visitor<'_> for IdVisitor {
    type Value = RecordId;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a record id of 16 hex digits")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<RecordId, E> {
        text.parse().map_err(E::custom)
    }
}

// Ids are also map keys, which serde_json hands over as strings, so this reads both.
impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(IdVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_reject_garbage() {
        let id = RecordId(0x00ab_cdef_0123_4567);
        assert_eq!(id.to_string(), "00abcdef01234567");
        assert_eq!(id.to_string().parse::<RecordId>(), Ok(id));
        assert!("xyz".parse::<RecordId>().is_err());
        assert!("00abcdef0123456g".parse::<RecordId>().is_err());
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"00abcdef01234567\"");
        assert_eq!(
            serde_json::from_str::<RecordId>("\"00abcdef01234567\"").unwrap(),
            id
        );
    }
}
