//! The group's encrypted board (`board.enc.json`): the board as its members see it (group
//! contacts included, private notes not), readable only with the group's passphrase, so a
//! group can publish it on free static pages that anyone can fetch.
//!
//! The passphrase becomes a key through Argon2id, memory-hard so that guessing passphrases
//! costs an attacker real memory per guess; the board is sealed with XChaCha20-Poly1305, so a
//! changed byte anywhere makes the file refuse to open. The file names its format version and
//! every parameter, so a later Circle can raise them and still open today's files. A short
//! check value, derived from the key apart from the cipher's, tells a wrong passphrase from a
//! damaged file: each gets its own message, and neither changes anything.

use super::base64url;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The format this version writes; a newer one is refused by name.
pub const VERSION: u32 = 1;

/// What the `circle` field of an encrypted board says.
const KIND: &str = "encrypted-board";

/// Argon2id's cost: OWASP's recommended minimum (19 MiB, two passes). A cheap phone derives
/// the key in about a second, once; the device may then keep the key, never the passphrase.
pub const MEMORY_KIB: u32 = 19 * 1024;
pub const ITERATIONS: u32 = 2;
/// The most memory a file may ask of a phone, so a hostile file cannot exhaust it.
const MAX_MEMORY_KIB: u32 = 256 * 1024;
const MAX_ITERATIONS: u32 = 10;

/// The salt a group's key is derived with: its own (from its name), so that no work done
/// against another group's passphrase helps against this one.
pub fn group_salt(group: &str) -> [u8; 16] {
    let hash = part(b"circle.group-salt.v1", group.as_bytes());
    let mut salt = [0u8; 16];
    salt.copy_from_slice(&hash[..16]);
    salt
}

/// How the key is derived from the passphrase: what the file says, and what a kept key was
/// made with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    /// Always `argon2id`.
    pub name: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    /// Hex: the group's own salt, so no work done against another group's passphrase helps.
    pub salt: String,
}

impl Kdf {
    /// Today's parameters, with `salt`.
    pub fn new(salt: [u8; 16]) -> Self {
        Self {
            name: "argon2id".into(),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            parallelism: 1,
            salt: hex(&salt),
        }
    }
}

/// The key a passphrase gives, with the parameters it was derived under. What a device keeps
/// when its person asks it to remember the passphrase.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupKey {
    pub kdf: Kdf,
    /// Hex, 32 bytes: the cipher's key.
    key: String,
    /// Hex, 16 bytes: the check value files carry.
    check: String,
}

// Never print the key itself.
impl fmt::Debug for GroupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GroupKey")
            .field("kdf", &self.kdf)
            .finish_non_exhaustive()
    }
}

/// Why an encrypted board did not open. Nothing on the device changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenError {
    /// Not an encrypted board (not JSON, or another kind of file).
    NotEncrypted,
    /// Made by a newer Circle.
    Newer { version: u32 },
    /// A key derivation or cipher this Circle does not know, or costs no phone should pay.
    Unsupported,
    /// The passphrase is not the group's (or was changed since).
    WrongPassphrase,
    /// The passphrase is right but the file was changed or damaged on its way.
    Damaged,
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotEncrypted => f.write_str("not an encrypted Circle board"),
            Self::Newer { version } => write!(f, "made by a newer Circle (format {version})"),
            Self::Unsupported => f.write_str("encrypted in a way this Circle does not read"),
            Self::WrongPassphrase => f.write_str("the passphrase does not open it"),
            Self::Damaged => f.write_str("changed or damaged after it was encrypted"),
        }
    }
}

impl std::error::Error for OpenError {}

/// An encrypted board as written to its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct File {
    circle: String,
    version: u32,
    kdf: Kdf,
    cipher: String,
    /// Hex, 24 bytes.
    nonce: String,
    /// Hex: the key's check value, to tell a wrong passphrase from damage.
    check: String,
    /// base64url of the sealed snapshot.
    ciphertext: String,
}

impl GroupKey {
    /// Derives the key `passphrase` gives under `kdf`. Slow on purpose (see [`MEMORY_KIB`]).
    pub fn derive(passphrase: &str, kdf: &Kdf) -> Result<Self, OpenError> {
        let salt = unhex(&kdf.salt).ok_or(OpenError::NotEncrypted)?;
        if kdf.name != "argon2id"
            || kdf.memory_kib > MAX_MEMORY_KIB
            || kdf.iterations > MAX_ITERATIONS
            || kdf.parallelism != 1
        {
            return Err(OpenError::Unsupported);
        }
        let params = argon2::Params::new(kdf.memory_kib, kdf.iterations, 1, Some(32))
            .map_err(|_| OpenError::Unsupported)?;
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut derived = [0u8; 32];
        argon
            .hash_password_into(passphrase.as_bytes(), &salt, &mut derived)
            .map_err(|_| OpenError::Unsupported)?;
        Ok(Self {
            kdf: kdf.clone(),
            key: hex(&part(b"circle.board-key.v1", &derived)[..32]),
            check: hex(&part(b"circle.board-check.v1", &derived)[..16]),
        })
    }

    /// The name a group link gives this key (`sealed_link`): the first bytes of its check
    /// value, which the group's published board already shows, so it tells nothing new.
    pub(super) fn link_name(&self) -> [u8; 8] {
        let mut name = [0u8; 8];
        let check = unhex(&self.check).unwrap_or_default();
        for (byte, from) in name.iter_mut().zip(check) {
            *byte = from;
        }
        name
    }

    pub(super) fn cipher(&self) -> XChaCha20Poly1305 {
        let key = unhex(&self.key).unwrap_or_default();
        XChaCha20Poly1305::new_from_slice(&key)
            .unwrap_or_else(|_| XChaCha20Poly1305::new(&Default::default()))
    }
}

/// `snapshot` (a board file's JSON) encrypted with `key`, as the file's text. The same
/// snapshot and key give the same file (the nonce comes from both), so a published API's diff
/// still means something; two different boards never share a nonce.
pub fn seal(snapshot: &str, key: &GroupKey) -> String {
    let nonce = &part(
        &[b"circle.board-nonce.v1".as_slice(), key.key.as_bytes()].concat(),
        snapshot.as_bytes(),
    )[..24];
    let mut file = File {
        circle: KIND.into(),
        version: VERSION,
        kdf: key.kdf.clone(),
        cipher: "xchacha20poly1305".into(),
        nonce: hex(nonce),
        check: key.check.clone(),
        ciphertext: String::new(),
    };
    let aad = header(&file);
    let sealed = key
        .cipher()
        .encrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: snapshot.as_bytes(),
                aad: &aad,
            },
        )
        .unwrap_or_default();
    file.ciphertext = base64url::encode(&sealed);
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Whether `bytes` say they are an encrypted board: what the page asks before handing a source
/// or a file to the reader worker. Only the kind is read, so one made by a newer Circle goes to
/// the worker too, and is refused there as newer rather than taken for some other file.
pub fn is_encrypted(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Kind {
        circle: String,
    }
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| serde_json::from_str::<Kind>(text).ok())
        .is_some_and(|kind| kind.circle == KIND)
}

/// The key derivation an encrypted board's `text` asks for, so the app can tell whether a
/// key it keeps fits, before asking for the passphrase.
pub fn kdf_of(text: &str) -> Result<Kdf, OpenError> {
    read_file(text).map(|file| file.kdf)
}

/// Opens an encrypted board's `text` with `key`: the snapshot's JSON, or why not.
pub fn open(text: &str, key: &GroupKey) -> Result<String, OpenError> {
    let file = read_file(text)?;
    if file.kdf != key.kdf || file.check != key.check {
        return Err(OpenError::WrongPassphrase);
    }
    let nonce = unhex(&file.nonce)
        .filter(|nonce| nonce.len() == 24)
        .ok_or(OpenError::Damaged)?;
    let sealed = base64url::decode(&file.ciphertext).map_err(|_| OpenError::Damaged)?;
    let plain = key
        .cipher()
        .decrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &sealed,
                aad: &header(&file),
            },
        )
        .map_err(|_| OpenError::Damaged)?;
    String::from_utf8(plain).map_err(|_| OpenError::Damaged)
}

fn read_file(text: &str) -> Result<File, OpenError> {
    let file: File = serde_json::from_str(text).map_err(|_| OpenError::NotEncrypted)?;
    if file.circle != KIND {
        return Err(OpenError::NotEncrypted);
    }
    if file.version > VERSION {
        return Err(OpenError::Newer {
            version: file.version,
        });
    }
    if file.cipher != "xchacha20poly1305" {
        return Err(OpenError::Unsupported);
    }
    Ok(file)
}

/// What the cipher authenticates beside the board: everything in the file but the ciphertext,
/// so no parameter can be changed unnoticed.
fn header(file: &File) -> Vec<u8> {
    let header = File {
        ciphertext: String::new(),
        ..file.clone()
    };
    serde_json::to_vec(&header).unwrap_or_default()
}

/// One of the values a derived secret is split into, by domain.
fn part(domain: &[u8], secret: &[u8]) -> [u8; 64] {
    let mut hash = ed25519_compact::sha512::Hash::new();
    hash.update(domain);
    hash.update(secret);
    hash.finalize()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(text.get(at..at + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cheap parameters for the logic's tests; the fixture test uses today's.
    fn quick(salt: u8) -> Kdf {
        Kdf {
            memory_kib: 64,
            iterations: 1,
            ..Kdf::new([salt; 16])
        }
    }

    #[test]
    fn a_board_sealed_with_a_passphrase_opens_with_it_and_only_with_it() {
        let key = GroupKey::derive("river mint 42", &quick(1)).expect("a key");
        let file = seal(r#"{"schema":5,"board":{}}"#, &key);
        assert!(!file.contains("schema"), "nothing of the board shows");
        assert_eq!(
            open(&file, &key).as_deref(),
            Ok(r#"{"schema":5,"board":{}}"#)
        );
        assert_eq!(
            seal(r#"{"schema":5,"board":{}}"#, &key),
            file,
            "the same file again"
        );
        let wrong = GroupKey::derive("river mint 43", &quick(1)).expect("a key");
        assert_eq!(open(&file, &wrong), Err(OpenError::WrongPassphrase));
        let other_group = GroupKey::derive("river mint 42", &quick(2)).expect("a key");
        assert_eq!(open(&file, &other_group), Err(OpenError::WrongPassphrase));
        assert_eq!(kdf_of(&file), Ok(quick(1)));
    }

    #[test]
    fn a_changed_byte_or_parameter_is_damage_and_opens_nothing() {
        let key = GroupKey::derive("river mint 42", &quick(1)).expect("a key");
        let file = seal(r#"{"schema":5,"board":{"posts":{}}}"#, &key);
        let mut parsed: File = serde_json::from_str(&file).expect("JSON");
        let mut bytes = base64url::decode(&parsed.ciphertext).expect("base64url");
        bytes[3] ^= 1;
        parsed.ciphertext = base64url::encode(&bytes);
        let flipped = serde_json::to_string(&parsed).expect("JSON");
        assert_eq!(open(&flipped, &key), Err(OpenError::Damaged));
        let mut parsed: File = serde_json::from_str(&file).expect("JSON");
        parsed.nonce = hex(&[0; 24]);
        let renonced = serde_json::to_string(&parsed).expect("JSON");
        assert_eq!(open(&renonced, &key), Err(OpenError::Damaged));
        // A parameter nothing else checks is bound by the cipher: an older version number is
        // readable, but not with this file's ciphertext.
        let mut parsed: File = serde_json::from_str(&file).expect("JSON");
        parsed.version = VERSION - 1;
        let older = serde_json::to_string(&parsed).expect("JSON");
        assert_eq!(open(&older, &key), Err(OpenError::Damaged));
        assert_eq!(
            open(&file[..file.len() / 2], &key),
            Err(OpenError::NotEncrypted)
        );
    }

    #[test]
    fn files_this_circle_cannot_read_say_why() {
        let key = GroupKey::derive("river mint 42", &quick(1)).expect("a key");
        let file = seal("{}", &key);
        assert_eq!(
            open(r#"{"schema":5,"board":{}}"#, &key),
            Err(OpenError::NotEncrypted)
        );
        let newer = file.replace(r#""version": 1"#, r#""version": 2"#);
        assert_eq!(open(&newer, &key), Err(OpenError::Newer { version: 2 }));
        assert!(
            is_encrypted(newer.as_bytes()),
            "a newer one is still told apart from a plain board, to be refused as newer"
        );
        assert!(is_encrypted(file.as_bytes()));
        assert!(!is_encrypted(br#"{"schema":5,"board":{}}"#));
        assert!(!is_encrypted(br#"{"circle":"share-link"}"#));
        assert!(!is_encrypted(&[0xff, 0xfe]));
        let greedy = Kdf {
            memory_kib: 4 * 1024 * 1024,
            ..quick(1)
        };
        assert_eq!(
            GroupKey::derive("x", &greedy).err(),
            Some(OpenError::Unsupported)
        );
        let scrypt = Kdf {
            name: "scrypt".into(),
            ..quick(1)
        };
        assert_eq!(
            GroupKey::derive("x", &scrypt).err(),
            Some(OpenError::Unsupported)
        );
    }

    #[test]
    fn each_group_derives_its_key_with_a_salt_of_its_own() {
        assert_eq!(group_salt("Eastside"), group_salt("Eastside"));
        assert_ne!(group_salt("Eastside"), group_salt("Riverside"));
    }

    #[test]
    fn a_file_asking_for_what_this_circle_does_not_give_is_refused_before_deriving() {
        // More memory than a phone may give, or lanes this Circle does not derive with (it
        // would derive another key, and call the right passphrase wrong).
        for asked in [
            Kdf {
                memory_kib: MAX_MEMORY_KIB + 1,
                ..quick(1)
            },
            Kdf {
                parallelism: 2,
                ..quick(1)
            },
        ] {
            assert_eq!(
                GroupKey::derive("x", &asked).err(),
                Some(OpenError::Unsupported),
                "{asked:?}"
            );
        }
        // Up to the limits themselves, a key is derived.
        for allowed in [
            Kdf {
                memory_kib: 64,
                iterations: MAX_ITERATIONS,
                ..quick(1)
            },
            Kdf {
                memory_kib: MAX_MEMORY_KIB,
                ..quick(1)
            },
        ] {
            assert!(GroupKey::derive("x", &allowed).is_ok(), "{allowed:?}");
        }
    }

    #[test]
    fn a_key_prints_its_parameters_never_itself_and_errors_say_what_happened() {
        let key = GroupKey::derive("river mint 42", &quick(1)).expect("a key");
        let printed = format!("{key:?}");
        assert!(printed.starts_with("GroupKey { kdf: "), "{printed}");
        assert!(!printed.contains(&key.check), "{printed}");
        for error in [
            OpenError::NotEncrypted,
            OpenError::Newer { version: 2 },
            OpenError::Unsupported,
            OpenError::WrongPassphrase,
            OpenError::Damaged,
        ] {
            assert!(error.to_string().len() > 10, "{error:?}");
        }
        assert!(OpenError::Newer { version: 2 }.to_string().contains('2'));
    }

    /// Fixed vectors. Argon2id as configured here gives the reference implementation's own
    /// test vector (argon2 `test.c`: Argon2id v1.3, t=2, m=2^16, p=1, "password", "somesalt");
    /// and this passphrase and salt at today's cost give this check value: a change in the
    /// derivation would lock every group out of its board.
    #[test]
    fn the_derivation_is_argon2id_and_stable() {
        let params = argon2::Params::new(1 << 16, 2, 1, Some(32)).expect("params");
        let argon =
            argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut out = [0u8; 32];
        argon
            .hash_password_into(b"password", b"somesalt", &mut out)
            .expect("a hash");
        assert_eq!(
            hex(&out),
            "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"
        );
        let key =
            GroupKey::derive("correct horse battery staple", &Kdf::new([7; 16])).expect("a key");
        assert_eq!(key.check, "a89168398bdca9c17956c1aebad2703f");
    }
}
