//! Author keys: every device holds an Ed25519 key pair, and its public half is the author of
//! the posts and responses it makes. There are no accounts; the key is the only identity a
//! record carries that cannot be claimed by someone else.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A public author key. Written as 64 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AuthorKey(pub [u8; 32]);

/// An Ed25519 signature. Written as 128 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Signature(pub [u8; 64]);

/// What a salted SHA-512 commitment to a withheld value keeps: its first 32 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Digest(pub [u8; 32]);

/// The random salt that keeps a withheld value's digest from being guessed (a phone number has
/// few enough digits to try them all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Salt(pub [u8; 16]);

/// This device's signing key. The seed never leaves the device.
#[derive(Clone)]
pub struct Signer {
    pair: ed25519_compact::KeyPair,
}

impl fmt::Debug for Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signer({})", self.key())
    }
}

impl Signer {
    /// The key pair grown from 32 random bytes (`crypto.getRandomValues` in the browser).
    /// The all-zero seed, which no generator gives, stands in for any seed the curve refuses.
    pub fn from_seed(seed: [u8; 32]) -> Self {
        Self::try_from_seed(seed).unwrap_or_else(|| {
            let mut one = [0u8; 32];
            one[0] = 1;
            Self::try_from_seed(one).unwrap_or_else(|| unreachable!("a fixed valid seed"))
        })
    }

    /// The key pair from `seed`, or `None` for a seed Ed25519 refuses (all zeros).
    pub fn try_from_seed(seed: [u8; 32]) -> Option<Self> {
        ed25519_compact::KeyPair::try_from_seed(ed25519_compact::Seed::new(seed))
            .ok()
            .map(|pair| Self { pair })
    }

    /// The 32 bytes to keep on the device, from which [`Signer::from_seed`] rebuilds this key.
    pub fn seed(&self) -> [u8; 32] {
        *self.pair.sk.seed()
    }

    /// The seed as 64 hex digits, for this device's own storage.
    pub fn seed_hex(&self) -> String {
        let mut text = [0u8; 64];
        write_hex(&self.seed(), &mut text);
        String::from_utf8_lossy(&text).into_owned()
    }

    /// The key saved as [`Signer::seed_hex`] wrote it; damaged text is an error, never a
    /// panic.
    pub fn from_seed_hex(text: &str) -> Result<Self, HexError> {
        let mut seed = [0u8; 32];
        read_hex(text, &mut seed)?;
        Self::try_from_seed(seed).ok_or(HexError)
    }

    pub fn key(&self) -> AuthorKey {
        AuthorKey(*self.pair.pk)
    }

    pub fn sign(&self, message: &[u8]) -> Signature {
        Signature(*self.pair.sk.sign(message, None))
    }

    /// A salt only this key's holder can make again, one per record and field, so a value
    /// re-signed unchanged keeps the same digest.
    pub fn salt(&self, record: u64, field: &str) -> Salt {
        let mut hash = ed25519_compact::sha512::Hash::new();
        hash.update(b"circle.salt.v1");
        hash.update(self.seed());
        hash.update(record.to_le_bytes());
        hash.update(field.as_bytes());
        let mut salt = [0; 16];
        salt.copy_from_slice(&hash.finalize()[..16]);
        Salt(salt)
    }
}

impl AuthorKey {
    /// Whether `signature` is this key's signature of `message`.
    pub fn verifies(&self, message: &[u8], signature: &Signature) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        if super::fast_check::holds(&self.0, message, &signature.0) {
            return true;
        }
        let key = ed25519_compact::PublicKey::new(self.0);
        key.verify(message, &ed25519_compact::Signature::new(signature.0))
            .is_ok()
    }
}

/// The salted digest of `bytes`.
pub fn digest(salt: &Salt, bytes: &[u8]) -> Digest {
    let mut hash = ed25519_compact::sha512::Hash::new();
    hash.update(salt.0);
    hash.update(bytes);
    let mut out = [0; 32];
    out.copy_from_slice(&hash.finalize()[..32]);
    Digest(out)
}

/// The first 8 bytes of SHA-512 over `parts`, as a number: record ids bound to their author.
pub fn short_hash(parts: &[&[u8]]) -> u64 {
    let mut hash = ed25519_compact::sha512::Hash::new();
    for part in parts {
        hash.update(part);
    }
    let full = hash.finalize();
    let mut first = [0; 8];
    first.copy_from_slice(&full[..8]);
    u64::from_le_bytes(first)
}

/// Fixed-size byte strings are written as lower-case hex: readable in a published file, and
/// the same text on every device.
macro_rules! hex_bytes {
    ($($name:ident: $len:literal),+ $(,)?) => {$(
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut text = [0u8; $len * 2];
                write_hex(&self.0, &mut text);
                // Only ASCII hex digits were written.
                f.write_str(std::str::from_utf8(&text).unwrap_or_default())
            }
        }

        impl std::str::FromStr for $name {
            type Err = HexError;

            fn from_str(text: &str) -> Result<Self, HexError> {
                let mut bytes = [0u8; $len];
                read_hex(text, &mut bytes)?;
                Ok(Self(bytes))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut text = [0u8; $len * 2];
                write_hex(&self.0, &mut text);
                serializer.serialize_str(std::str::from_utf8(&text).unwrap_or_default())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(HexVisitor::<$len>).map(Self)
            }
        }
    )+};
}

hex_bytes!(AuthorKey: 32, Signature: 64, Digest: 32, Salt: 16);

/// Text that is not the expected number of hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HexError;

impl fmt::Display for HexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not the expected number of hex digits")
    }
}

impl std::error::Error for HexError {}

fn write_hex(bytes: &[u8], out: &mut [u8]) {
    for (i, byte) in bytes.iter().enumerate() {
        out[2 * i] = b"0123456789abcdef"[usize::from(byte >> 4)];
        out[2 * i + 1] = b"0123456789abcdef"[usize::from(byte & 0xf)];
    }
}

fn read_hex(text: &str, out: &mut [u8]) -> Result<(), HexError> {
    let text = text.as_bytes();
    if text.len() != out.len() * 2 {
        return Err(HexError);
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'a'..=b'f' => Ok(c - b'a' + 10),
        _ => Err(HexError),
    };
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = nibble(text[2 * i])? << 4 | nibble(text[2 * i + 1])?;
    }
    Ok(())
}

struct HexVisitor<const N: usize>;

impl<const N: usize> Visitor<'_> for HexVisitor<N> {
    type Value = [u8; N];

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} lower-case hex digits", N * 2)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<[u8; N], E> {
        let mut bytes = [0u8; N];
        read_hex(text, &mut bytes).map_err(E::custom)?;
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_only_its_message_and_key() {
        let signer = Signer::from_seed([7; 32]);
        let other = Signer::from_seed([8; 32]);
        let signature = signer.sign(b"rice");
        assert!(signer.key().verifies(b"rice", &signature));
        assert!(!signer.key().verifies(b"rica", &signature));
        assert!(!other.key().verifies(b"rice", &signature));
        assert_eq!(Signer::from_seed(signer.seed()).key(), signer.key());
        let again = Signer::from_seed_hex(&signer.seed_hex()).unwrap();
        assert_eq!(again.key(), signer.key());
        assert_eq!(Signer::from_seed_hex("00").map(|s| s.key()), Err(HexError));
        assert_eq!(
            Signer::from_seed_hex(&"0".repeat(64)).map(|s| s.key()),
            Err(HexError),
            "a zeroed seed is refused, not a panic"
        );
    }

    #[test]
    fn keys_and_signatures_are_written_as_hex() {
        let signer = Signer::from_seed([1; 32]);
        let key = signer.key();
        let json = serde_json::to_string(&key).unwrap();
        assert_eq!(json.len(), 64 + 2);
        assert_eq!(serde_json::from_str::<AuthorKey>(&json).unwrap(), key);
        let signature = signer.sign(b"x");
        let text = signature.to_string();
        assert_eq!(text.parse::<Signature>(), Ok(signature));
        assert_eq!("AB".repeat(16).parse::<Salt>(), Err(HexError));
        assert_eq!("ab".repeat(15).parse::<Salt>(), Err(HexError));
        assert!(serde_json::from_str::<Digest>("\"00\"").is_err());
    }

    #[test]
    fn salts_differ_by_record_field_and_key() {
        let signer = Signer::from_seed([3; 32]);
        let salt = signer.salt(1, "contact");
        assert_eq!(salt, signer.salt(1, "contact"));
        assert_ne!(salt, signer.salt(2, "contact"));
        assert_ne!(salt, signer.salt(1, "note"));
        assert_ne!(salt, Signer::from_seed([4; 32]).salt(1, "contact"));
        assert_ne!(digest(&salt, b"+15550100"), digest(&salt, b"+15550101"));
    }
}
