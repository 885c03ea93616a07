//! "Group members only" share links: the link's JSON, deflated, sealed with the group's key
//! (the members' board's, `encrypted_board::GroupKey`) so that only a phone holding the group's
//! passphrase can read it, contacts shared with the group included. Everything else about the
//! link is an ordinary link's (`link_frame`): `c1.`, a tag whose second letter is `k`, then
//! base64url of the checksum and of this module's sealed body:
//!
//! | bytes | what |
//! |---|---|
//! | 1 | the sealed format's version, [`VERSION`] |
//! | 4 | the whole sealed body's length, big-endian, so a cut link is told from a changed one |
//! | 8 | the key's name: the first bytes of its check value, so a phone holding another key (another group's, or an old passphrase's) says so instead of calling the link damaged |
//! | 24 | a fresh random nonce |
//! | rest | XChaCha20-Poly1305 of the deflated JSON, with its 16-byte tag |
//!
//! The cipher authenticates, beside the JSON, the link's header (`c1.bk.`: what it holds) and
//! the first 13 bytes, so neither the kind of link nor any field can be changed unnoticed. Only
//! the reader worker runs [`seal`] and [`open`]: the board page carries none of the cipher.

use super::encrypted_board::GroupKey;
use super::link_frame::{self, LinkError, Tag};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::XNonce;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The sealed format this version writes; a newer one is refused by name.
pub const VERSION: u8 = 1;
/// Bytes of the random nonce a sealing needs.
pub const NONCE_BYTES: usize = 24;
const LENGTH_AT: usize = 1;
const KEY_NAME_AT: usize = 5;
const NONCE_AT: usize = 13;
const SEALED_AT: usize = NONCE_AT + NONCE_BYTES;
/// Poly1305's tag, at the end of every sealed body.
const TAG_BYTES: usize = 16;

/// Why a sealed link did not open. Nothing on the device changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SealError {
    /// Sealed with another key: another group's, or the group's before its passphrase changed.
    WrongKey,
    /// Changed after it was sealed (made so on purpose: the link's checksum matched).
    Damaged,
    /// Sealed in a newer format (the number is its version).
    Newer { version: u8 },
    /// Over `MAX_LINK_BYTES` once opened.
    TooLarge,
}

impl From<SealError> for LinkError {
    fn from(error: SealError) -> Self {
        match error {
            SealError::WrongKey => LinkError::WrongKey,
            SealError::Damaged => LinkError::Damaged,
            SealError::Newer { version } => LinkError::UnknownVersion(version.into()),
            SealError::TooLarge => LinkError::TooLarge,
        }
    }
}

/// The link fragment (without `#`) holding `json`, for a link tagged `tag`, sealed with `key`
/// under `nonce`. `nonce` must be fresh random bytes: the page draws them from the browser's
/// cryptographic generator. `None` only if the cipher refuses, which it does for no link size.
pub fn seal(tag: Tag, json: &[u8], key: &GroupKey, nonce: [u8; NONCE_BYTES]) -> Option<String> {
    let compressed = link_frame::deflate(json);
    let length = u32::try_from(SEALED_AT + compressed.len() + TAG_BYTES).ok()?;
    let mut body = vec![VERSION];
    body.extend_from_slice(&length.to_be_bytes());
    body.extend_from_slice(&key.link_name());
    let sealed = key
        .cipher()
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &compressed,
                aad: &associated(tag, &body),
            },
        )
        .ok()?;
    body.extend_from_slice(&nonce);
    body.extend_from_slice(&sealed);
    Some(link_frame::frame(tag, &body))
}

/// The JSON a link tagged `tag` holds in its sealed `body` (what `link_frame::open` gave),
/// opened with `key`.
pub fn open(tag: Tag, body: &[u8], key: &GroupKey) -> Result<Vec<u8>, SealError> {
    let version = body.first().copied().unwrap_or_default();
    match version.cmp(&VERSION) {
        Ordering::Equal => {}
        Ordering::Greater => return Err(SealError::Newer { version }),
        Ordering::Less => return Err(SealError::Damaged),
    }
    if declared_length(body) != Some(body.len()) {
        return Err(SealError::Damaged);
    }
    // A body too short for its nonce stops here; one too short for the cipher's tag is
    // refused by the cipher.
    let (Some(name), Some(nonce), Some(sealed)) = (
        body.get(KEY_NAME_AT..NONCE_AT),
        body.get(NONCE_AT..SEALED_AT),
        body.get(SEALED_AT..),
    ) else {
        return Err(SealError::Damaged);
    };
    if name != key.link_name() {
        return Err(SealError::WrongKey);
    }
    let compressed = key
        .cipher()
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &associated(tag, &body[..NONCE_AT]),
            },
        )
        .map_err(|_| SealError::Damaged)?;
    link_frame::inflate(&compressed).map_err(|error| match error {
        LinkError::TooLarge => SealError::TooLarge,
        _ => SealError::Damaged,
    })
}

/// Whether a sealed body whose checksum failed stops before the length it declares: a link
/// cut short (ask for it again), rather than one changed on its way.
pub fn cut_short(body: &[u8]) -> bool {
    declared_length(body).is_none_or(|length| body.len() < length)
}

/// The length a sealed body declares; `None` when it is too short to declare one.
fn declared_length(body: &[u8]) -> Option<usize> {
    let length = body.get(LENGTH_AT..KEY_NAME_AT)?;
    let length = u32::from_be_bytes(length.try_into().ok()?);
    usize::try_from(length).ok()
}

/// What the cipher authenticates beside the JSON: the link's header, and the sealed body's
/// version, length and key name.
fn associated(tag: Tag, head: &[u8]) -> Vec<u8> {
    let mut aad = link_frame::header(tag).into_bytes();
    aad.extend_from_slice(head);
    aad
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::encrypted_board::{GroupKey, Kdf};
    use crate::sources::{base64url, crc32::crc32};

    const TAG: Tag = *b"bk";
    const JSON: &[u8] = br#"{"schema":6,"board":{"posts":{}}}"#;

    /// Cheap parameters: the logic's tests need not pay Argon2id's cost.
    fn key(passphrase: &str) -> GroupKey {
        let kdf = Kdf {
            memory_kib: 64,
            iterations: 1,
            ..Kdf::new([3; 16])
        };
        GroupKey::derive(passphrase, &kdf).expect("a key")
    }

    fn sealed(key: &GroupKey, nonce: u8) -> String {
        seal(TAG, JSON, key, [nonce; NONCE_BYTES]).expect("sealed")
    }

    /// The sealed body of a link, as `link_frame::open` gives it.
    fn body_of(link: &str) -> Vec<u8> {
        let (tag, body) = link_frame::open(link).expect("the frame opens");
        assert_eq!(tag, TAG);
        body
    }

    /// A link holding `body` with a checksum that matches it: what someone who changes a
    /// sealed link on purpose would make, so the cipher is all that stands in the way.
    fn reframed(body: &[u8]) -> String {
        link_frame::frame(TAG, body)
    }

    #[test]
    fn a_sealed_link_opens_with_the_groups_key_and_shows_nothing_without_it() {
        let key = key("river mint 42");
        let link = sealed(&key, 7);
        assert!(link.starts_with("c1.bk."), "{link}");
        assert_eq!(open(TAG, &body_of(&link), &key), Ok(JSON.to_vec()));
        let body = body_of(&link);
        assert!(
            !body.windows(6).any(|part| part == b"schema"),
            "nothing of the board shows"
        );
        let deflated = link_frame::deflate(JSON);
        assert_eq!(
            body.len(),
            SEALED_AT + deflated.len() + TAG_BYTES,
            "the body is its header, the sealed JSON and the tag"
        );
    }

    #[test]
    fn each_sealing_takes_its_own_nonce() {
        let key = key("river mint 42");
        let (one, two) = (sealed(&key, 1), sealed(&key, 2));
        assert_ne!(one, two, "two sealings of the same board differ");
        assert_eq!(
            open(TAG, &body_of(&one), &key),
            open(TAG, &body_of(&two), &key)
        );
        assert_eq!(body_of(&one)[NONCE_AT..SEALED_AT], [1; NONCE_BYTES]);
    }

    #[test]
    fn another_key_is_named_as_such() {
        let link = sealed(&key("river mint 42"), 7);
        assert_eq!(
            open(TAG, &body_of(&link), &key("river mint 43")),
            Err(SealError::WrongKey)
        );
    }

    #[test]
    fn any_changed_byte_is_damage_even_with_a_matching_checksum() {
        let key = key("river mint 42");
        let body = body_of(&sealed(&key, 7));
        for at in 0..body.len() {
            let mut changed = body.clone();
            changed[at] ^= 0x01;
            let link = reframed(&changed);
            let opened = open(TAG, &body_of(&link), &key);
            let expected = match at {
                0 => Err(SealError::Damaged),
                KEY_NAME_AT..NONCE_AT => Err(SealError::WrongKey),
                _ => Err(SealError::Damaged),
            };
            assert_eq!(opened, expected, "byte {at}");
        }
        // The header is bound too: the same body under a post's tag does not open.
        assert_eq!(open(*b"pk", &body, &key), Err(SealError::Damaged));
    }

    #[test]
    fn a_cut_link_is_cut_short_and_a_changed_character_is_damage() {
        let key = key("river mint 42");
        let link = sealed(&key, 7);
        for end in "c1.bk.".len() + 1..link.len() {
            assert_eq!(
                link_frame::open(&link[..end]),
                Err(LinkError::Truncated),
                "cut at {end}"
            );
        }
        let at = link.len() / 2;
        let mut changed = link.clone().into_bytes();
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).expect("still ASCII");
        assert_eq!(link_frame::open(&changed), Err(LinkError::Damaged));
        // A body cut short but given a matching checksum was made so on purpose.
        let body = body_of(&link);
        assert_eq!(
            open(TAG, &body_of(&reframed(&body[..body.len() - 1])), &key),
            Err(SealError::Damaged)
        );
        assert_eq!(open(TAG, &[], &key), Err(SealError::Damaged));
        assert_eq!(open(TAG, &[VERSION], &key), Err(SealError::Damaged));
    }

    #[test]
    fn a_body_too_short_for_its_nonce_or_tag_is_damage_even_when_it_says_its_length() {
        let key = key("river mint 42");
        let whole = body_of(&sealed(&key, 7));
        // The header and key name of a real link, cut inside the key name, inside the nonce,
        // and inside the cipher's tag, each with its length rewritten to match.
        for end in [
            KEY_NAME_AT + 4,
            NONCE_AT,
            NONCE_AT + 10,
            SEALED_AT,
            SEALED_AT + 15,
        ] {
            let mut body = whole[..end].to_vec();
            let length = u32::try_from(end).expect("small");
            body[LENGTH_AT..KEY_NAME_AT].copy_from_slice(&length.to_be_bytes());
            assert_eq!(
                open(TAG, &body, &key),
                Err(SealError::Damaged),
                "{end} bytes"
            );
        }
    }

    #[test]
    fn a_newer_format_is_named_and_an_unknown_one_is_damage() {
        let key = key("river mint 42");
        let mut body = body_of(&sealed(&key, 7));
        body[0] = VERSION + 1;
        assert_eq!(
            open(TAG, &body, &key),
            Err(SealError::Newer {
                version: VERSION + 1
            })
        );
        assert_eq!(
            LinkError::from(SealError::Newer { version: 2 }),
            LinkError::UnknownVersion(2)
        );
        body[0] = 0;
        assert_eq!(open(TAG, &body, &key), Err(SealError::Damaged));
    }

    #[test]
    fn a_sealed_bomb_is_too_large() {
        let key = key("river mint 42");
        let bomb = vec![b' '; link_frame::MAX_LINK_BYTES + 1];
        let link = seal(TAG, &bomb, &key, [7; NONCE_BYTES]).expect("sealed");
        assert_eq!(open(TAG, &body_of(&link), &key), Err(SealError::TooLarge));
    }

    /// The format, fixed: this key, nonce and JSON give exactly this link. A change here
    /// breaks every group link already sent.
    #[test]
    fn the_format_is_stable() {
        let key =
            GroupKey::derive("correct horse battery staple", &Kdf::new([7; 16])).expect("a key");
        let link = seal(TAG, b"{}", &key, [9; NONCE_BYTES]).expect("sealed");
        let body = body_of(&link);
        assert_eq!(body[0], 1, "version");
        assert_eq!(body[LENGTH_AT..KEY_NAME_AT], [0, 0, 0, 57], "length");
        assert_eq!(
            hex(&body[KEY_NAME_AT..NONCE_AT]),
            "a89168398bdca9c1",
            "the key's check value begins so (encrypted_board's fixed vector)"
        );
        assert_eq!(body[NONCE_AT..SEALED_AT], [9; NONCE_BYTES]);
        let checksum = crc32([b"c1.bk.".as_slice(), &body]).to_be_bytes();
        assert_eq!(
            link,
            format!(
                "c1.bk.{}",
                base64url::encode(&[&checksum[..], &body].concat())
            )
        );
        assert_eq!(link, FIXED);
        assert_eq!(open(TAG, &body, &key), Ok(b"{}".to_vec()));
    }

    const FIXED: &str =
        "c1.bk.kpziagEAAAA5qJFoOYvcqcEJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkhHEg0Yo6Lx1NoJ1_jmfNLR9x3kg";

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|byte| format!("{byte:02x}")).collect()
    }
}
