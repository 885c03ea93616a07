//! The envelope of a share link: `c1.` (format version 1), a two-letter tag saying what the link
//! holds, `.`, then base64url of a CRC-32 followed by the deflated JSON. The checksum covers the
//! tag and the compressed bytes, i.e. exactly what travels, so a cut, mistyped or altered link is
//! caught before anything is inflated or parsed. Every size is bounded before work is done.
//! A group members only link (a tag whose second letter is `k`, [`is_sealed`]) carries, in
//! place of the deflated JSON, the same JSON deflated and sealed with the group's key
//! (`sealed_link`): this module checks its checksum and hands its body on as it came.

use super::base64url::{self, Base64Error};
use super::crc32::{crc32, Crc32};
use super::link_text::{self, Found};
use crate::model::SnapshotError;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// The largest link text and the largest inflated JSON we accept (1 MB each): well beyond any
/// link a browser or chat app carries, and small enough that a hostile link cannot exhaust a
/// phone's memory.
pub const MAX_LINK_BYTES: usize = 1 << 20;

/// The format version this build writes and reads.
const VERSION: u32 = 1;
const CHECKSUM_BYTES: usize = 4;
/// miniz_oxide's best (and slowest) level: links are small, and every character counts.
const DEFLATE_LEVEL: u8 = 10;

/// Why a link cannot be opened. No text: the UI translates each case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// There is nothing after the `#`.
    Empty,
    /// The text is not a Circle share link at all.
    NotCircle,
    /// Made by a newer version of Circle (the number is that format version).
    UnknownVersion(u32),
    /// The link was cut short, typically when copied or sent in a message.
    Truncated,
    /// The link was changed after it was made (checksum or structure mismatch).
    Damaged,
    /// Over `MAX_LINK_BYTES`, as text or once inflated.
    TooLarge,
    /// The link is intact but what it holds is not a valid post or board: the same reasons a
    /// snapshot file gives (broken JSON, a newer schema, a record over the limits).
    BadContent(SnapshotError),
    /// A link for group members only, and this phone holds no group key to open it.
    Locked,
    /// A link for group members only, sealed with a key other than the one this phone holds:
    /// another group's, or the group's before its passphrase changed.
    WrongKey,
}

/// A link's two-letter tag (what it holds, for whom), checked and covered by the checksum.
pub type Tag = [u8; 2];

/// The second letter of a group members only link's tag: its body is sealed with the group's
/// key.
pub const SEALED: u8 = b'k';

/// Whether a link tagged `tag` holds a sealed body rather than deflated JSON.
pub fn is_sealed(tag: Tag) -> bool {
    tag[1] == SEALED
}

/// Wraps `json` in a link fragment (without the `#`).
pub fn seal(tag: Tag, json: &[u8]) -> String {
    frame(tag, &deflate(json))
}

/// `json` deflated, as a link carries it.
pub fn deflate(json: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(json, DEFLATE_LEVEL)
}

/// A link fragment (without the `#`) tagged `tag` around `body` as it is: deflated JSON, or a
/// sealed body.
pub fn frame(tag: Tag, body: &[u8]) -> String {
    let header = header(tag);
    let mut bytes = crc32([header.as_bytes(), body]).to_be_bytes().to_vec();
    bytes.extend_from_slice(body);
    header + &base64url::encode(&bytes)
}

/// The JSON a link's deflated body holds, within `MAX_LINK_BYTES`.
pub fn inflate(compressed: &[u8]) -> Result<Vec<u8>, LinkError> {
    match decompress_to_vec_with_limit(compressed, MAX_LINK_BYTES) {
        Ok(json) => Ok(json),
        Err(error) if error.status == TINFLStatus::HasMoreOutput => Err(LinkError::TooLarge),
        // A valid checksum over an invalid stream: made on purpose, not by accident.
        Err(_) => Err(LinkError::Damaged),
    }
}

/// Unwraps a fragment, a `#fragment`, a whole URL, or a message with a link in it, into its tag
/// and JSON (for a sealed tag, its sealed body as it came). Either is only returned when the
/// checksum matches, and the JSON when it fits in `MAX_LINK_BYTES`. In a message, the first link that opens is taken; when none does, the
/// first is judged, up to the end of its characters.
pub fn open(text: &str) -> Result<(Tag, Vec<u8>), LinkError> {
    if text.len() > MAX_LINK_BYTES {
        return Err(LinkError::TooLarge);
    }
    let links = link_text::find(text);
    let Some(first) = links.first() else {
        return open_fragment(&fragment_of(text));
    };
    for link in &links {
        if let Some(end) = longest_sealed(link) {
            return open_fragment(&link.text[..end]);
        }
    }
    open_fragment(first.first_run())
}

/// The fragment of a text that holds no link `link_text` can find: what follows the `#` of a
/// URL, or the text itself, without whitespace.
fn fragment_of(text: &str) -> String {
    // A `#` with nothing after it ends a page address with no link in it, unless what comes
    // before is no address at all: then it is a stray `#` at the end of a link, and the link is
    // judged.
    let link = match text.split_once('#') {
        Some((before, after))
            if after.trim().is_empty() && !before.trim().is_empty() && !before.contains("://") =>
        {
            before
        }
        Some((_, after)) => after,
        None => text,
    };
    link.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The longest of a found link's possible ends at which its checksum matches what it holds.
/// Every end is tried in one pass over the link: the checksum of the shared beginning is
/// carried from one end to the next, so a message of many words costs no more than its length.
fn longest_sealed(link: &Found) -> Option<usize> {
    let [b'c', _, b'.', a, b, b'.', ..] = *link.text.as_bytes() else {
        return None;
    };
    let header = header([a, b]);
    if !link.text.starts_with(&header) {
        // Another version: `open_fragment` names it.
        return None;
    }
    let body = &link.text[header.len()..];
    // The body's whole groups of four characters decoded so far, and the checksum of the
    // header and of those bytes after the link's own checksum.
    let (mut decoded, mut groups_end) = (Vec::new(), 0);
    let mut crc = Crc32::new();
    crc.update(header.as_bytes());
    let mut longest = None;
    for end in link
        .ends
        .iter()
        .filter_map(|end| end.checked_sub(header.len()))
    {
        let whole = end / 4 * 4;
        // Whole groups always decode; `link_text` only gathers base64url characters.
        let Ok(more) = base64url::decode(&body[groups_end..whole]) else {
            return longest;
        };
        let fed = decoded.len().max(CHECKSUM_BYTES);
        decoded.extend_from_slice(&more);
        crc.update(decoded.get(fed..).unwrap_or_default());
        groups_end = whole;
        // The last, partial group counts only as an encoder writes one.
        let Ok(tail) = base64url::decode(&body[whole..end]) else {
            continue;
        };
        let mut bytes = decoded.iter().chain(&tail).copied();
        let Ok(checksum) = <[u8; CHECKSUM_BYTES]>::try_from(
            bytes.by_ref().take(CHECKSUM_BYTES).collect::<Vec<u8>>(),
        ) else {
            continue;
        };
        // What follows the checksum and is not in `crc` yet: all of it while the whole groups
        // are shorter than the checksum, else the tail.
        let mut at_end = crc;
        for byte in bytes.skip(decoded.len().saturating_sub(CHECKSUM_BYTES)) {
            at_end.update(&[byte]);
        }
        if at_end.finish() == u32::from_be_bytes(checksum) {
            longest = Some(header.len() + end);
        }
    }
    longest
}

/// Opens a link's characters (a fragment without whitespace).
fn open_fragment(fragment: &str) -> Result<(Tag, Vec<u8>), LinkError> {
    if fragment.is_empty() {
        return Err(LinkError::Empty);
    }
    let rest = version_1(fragment)?;
    let (tag, body) = match rest.as_bytes() {
        [a, b, b'.', ..] => ([*a, *b], &rest[3..]),
        // A tag cut short: what is there still looks like the start of one.
        shorter if shorter.len() < 3 && !shorter.contains(&b'.') => {
            return Err(LinkError::Truncated)
        }
        _ => return Err(LinkError::Damaged),
    };
    let bytes = match base64url::decode(body) {
        Ok(bytes) => bytes,
        Err(Base64Error::BadCharacter(_)) => return Err(LinkError::Damaged),
        // A cut can end anywhere in a group of four characters: judge what the body holds up
        // to its last whole group.
        Err(Base64Error::BadLength | Base64Error::NonCanonical) => {
            let whole_groups = body.get(..body.len() / 4 * 4);
            return Err(match whole_groups.map(base64url::decode) {
                Some(Ok(bytes)) => cut_or_damaged(tag, &bytes),
                _ => LinkError::Damaged,
            });
        }
    };
    let Some((checksum, compressed)) = bytes.split_first_chunk::<CHECKSUM_BYTES>() else {
        return Err(LinkError::Truncated);
    };
    if u32::from_be_bytes(*checksum) != crc32([header(tag).as_bytes(), compressed]) {
        return Err(cut_or_damaged(tag, &bytes));
    }
    if is_sealed(tag) {
        return Ok((tag, compressed.to_vec()));
    }
    inflate(compressed).map(|json| (tag, json))
}

/// Why a link tagged `tag` whose body holds `bytes` but fails its checks cannot be read. "Cut
/// short" has a remedy (ask for the whole link again), so it is said when the bytes are a
/// compressed stream that just stops, or a sealed body shorter than it says: what a link cut
/// anywhere looks like. Anything else is damage.
fn cut_or_damaged(tag: Tag, bytes: &[u8]) -> LinkError {
    let Some(body) = bytes.get(CHECKSUM_BYTES..) else {
        return LinkError::Truncated;
    };
    let cut = if is_sealed(tag) {
        super::sealed_link::cut_short(body)
    } else {
        matches!(
            decompress_to_vec_with_limit(body, MAX_LINK_BYTES),
            Err(error) if error.status == TINFLStatus::FailedCannotMakeProgress
        )
    };
    if cut {
        LinkError::Truncated
    } else {
        LinkError::Damaged
    }
}

/// `c1.` and the tag and its dot: what a link starts with, which its checksum covers.
pub fn header(tag: Tag) -> String {
    format!("c{VERSION}.{}{}.", char::from(tag[0]), char::from(tag[1]))
}

/// Checks the `c<version>.` prefix and returns what follows it.
fn version_1(fragment: &str) -> Result<&str, LinkError> {
    let Some(after_c) = fragment.strip_prefix('c') else {
        return Err(LinkError::NotCircle);
    };
    let digits = after_c.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = after_c.split_at(digits);
    match (number.parse::<u32>(), rest.strip_prefix('.')) {
        (Ok(VERSION), Some(rest)) => Ok(rest),
        (Ok(other), Some(_)) => Err(LinkError::UnknownVersion(other)),
        // `c` or `c1` and nothing else: the start of a link.
        (_, None) if rest.is_empty() && digits <= 10 => Err(LinkError::Truncated),
        _ => Err(LinkError::NotCircle),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAG: Tag = *b"pp";

    #[test]
    fn seals_and_opens() {
        let link = seal(TAG, br#"{"hello":"world"}"#);
        assert!(link.starts_with("c1.pp."));
        assert_eq!(open(&link), Ok((TAG, br#"{"hello":"world"}"#.to_vec())));
        let url = format!("https://example.org/circle/#{link}\n");
        assert_eq!(open(&url), Ok((TAG, br#"{"hello":"world"}"#.to_vec())));
        let wrapped = format!("{}\r\n  {}", &link[..10], &link[10..]);
        assert_eq!(open(&wrapped), Ok((TAG, br#"{"hello":"world"}"#.to_vec())));
    }

    /// A public link, fixed: links already sent must keep opening, and the same board must
    /// keep giving the same link (sealed group links were added beside it, `sealed_link`).
    #[test]
    fn a_public_link_is_fixed() {
        let link = seal(*b"bp", br#"{"schema":6,"board":{}}"#);
        assert_eq!(link, PUBLIC_LINK);
        assert_eq!(
            open(PUBLIC_LINK),
            Ok((*b"bp", br#"{"schema":6,"board":{}}"#.to_vec()))
        );
        assert!(!is_sealed(*b"bp") && is_sealed(*b"bk"));
    }

    const PUBLIC_LINK: &str = "c1.bp.ZK4aqatWKk7OSM1NVLIy01FKyk8sSlGyqq6tBQA";

    #[test]
    fn the_checksum_is_found_over_a_body_shorter_than_itself() {
        // Four checksum bytes and one byte of body: the shortest ends hold fewer whole bytes
        // than the checksum, so its last byte comes from the partial group.
        let header = header(TAG);
        let mut bytes = crc32([header.as_bytes(), b"x"]).to_be_bytes().to_vec();
        bytes.push(b'x');
        let text = header + &base64url::encode(&bytes);
        let found = link_text::find(&text);
        assert_eq!(longest_sealed(&found[0]), Some(text.len()));
    }

    #[test]
    fn names_what_is_wrong() {
        let link = seal(TAG, b"[1,2,3]");
        assert_eq!(open(""), Err(LinkError::Empty));
        assert_eq!(open("https://example.org/#"), Err(LinkError::Empty));
        assert_eq!(open("#"), Err(LinkError::Empty));
        assert_eq!(
            open(&format!("{}#", &link[..link.len() - 1])),
            Err(LinkError::Truncated)
        );
        assert_eq!(open("#/board"), Err(LinkError::NotCircle));
        assert_eq!(open("cat"), Err(LinkError::NotCircle));
        assert_eq!(open("c7.pp.AAAA"), Err(LinkError::UnknownVersion(7)));
        assert_eq!(
            open("Look: c4294967295.pp.AAAA thanks"),
            Err(LinkError::UnknownVersion(u32::MAX))
        );
        assert_eq!(open("c1"), Err(LinkError::Truncated));
        assert_eq!(open("c1.p"), Err(LinkError::Truncated));
        assert_eq!(open("c1.pp.AA"), Err(LinkError::Truncated));
        assert_eq!(open(&link[..link.len() - 3]), Err(LinkError::Truncated));
        assert_eq!(
            open(&link.replacen("c1.pp", "c1.pg", 1)),
            Err(LinkError::Damaged)
        );
        // Punctuation after a link ends it; a changed character is damage.
        assert_eq!(open(&format!("{link}!")), open(&link));
        let mut changed = link.clone().into_bytes();
        changed[8] = if changed[8] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).expect("still ASCII");
        assert_eq!(open(&format!("{changed}!")), Err(LinkError::Damaged));
        let huge = "A".repeat(MAX_LINK_BYTES + 1);
        assert_eq!(open(&huge), Err(LinkError::TooLarge));
        // A message of exactly the largest size still opens.
        let padded = format!("{link}{}", " ".repeat(MAX_LINK_BYTES - link.len()));
        assert_eq!(padded.len(), MAX_LINK_BYTES);
        assert_eq!(open(&padded), open(&link));
        // A stray `#` after the start of a link too short to be found is judged with the
        // link, not taken for an empty page address.
        assert_eq!(open("c1#"), Err(LinkError::Truncated));
        assert_eq!(open("c1.p #"), Err(LinkError::Truncated));
    }

    #[test]
    fn a_link_broken_inside_its_version_is_judged_without_the_break() {
        // A line break between `c` and `1` hides the link from `link_text`: its characters
        // are then judged as one fragment, without the whitespace.
        let link = seal(TAG, b"[1,2,3]");
        let broken = |link: &str| format!("c\n{}", &link[1..]);
        assert_eq!(open(&broken(&link)), open(&link));
        // A tag cut short is cut short.
        assert_eq!(open(&broken("c1.p")), Err(LinkError::Truncated));
        assert_eq!(open(&broken("c1.pp")), Err(LinkError::Truncated));
        // A letter of the tag lost, or the dot after it, however short what follows, is damage.
        let body = &link["c1.pp.".len()..];
        assert_eq!(
            open(&broken(&format!("c1.p.{body}"))),
            Err(LinkError::Damaged)
        );
        assert_eq!(open(&broken("c1.p.")), Err(LinkError::Damaged));
        assert_eq!(
            open(&broken(&format!("c1.pp{body}"))),
            Err(LinkError::Damaged)
        );
        assert_eq!(
            open(&broken(&format!("c1.pp{}", &body[..1]))),
            Err(LinkError::Damaged)
        );
    }

    #[test]
    fn a_link_cut_anywhere_is_cut_short_and_a_changed_character_is_damage() {
        let json: String = (0..60)
            .map(|i| format!(r#"{{"id":{i},"title":"Post {i}: food and rides"}},"#))
            .collect();
        let link = seal(TAG, json.as_bytes());
        for end in "c1.pp.".len() + 1..link.len() {
            assert_eq!(
                open(&link[..end]),
                Err(LinkError::Truncated),
                "cut at {end}"
            );
        }
        // A changed character that still leaves a stream that stops early reads as a cut
        // (14 of the 424 here); either way the remedy is asking for the link again.
        let changes: Vec<LinkError> = ("c1.pp.".len()..link.len())
            .map(|at| {
                let mut bytes = link.clone().into_bytes();
                bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
                let changed = String::from_utf8(bytes).expect("still ASCII");
                open(&changed).expect_err("a changed link never opens")
            })
            .collect();
        let damaged = changes.iter().filter(|e| **e == LinkError::Damaged).count();
        assert!(
            damaged * 100 >= changes.len() * 95,
            "{damaged} of {}",
            changes.len()
        );
    }

    #[test]
    fn a_valid_checksum_over_a_bomb_is_still_too_large() {
        let link = seal(TAG, &vec![b' '; MAX_LINK_BYTES + 1]);
        assert!(
            link.len() < 2_000,
            "a megabyte of spaces deflates to little"
        );
        assert_eq!(open(&link), Err(LinkError::TooLarge));
    }

    #[test]
    fn a_valid_checksum_over_a_broken_stream_is_damage_not_too_large() {
        // Made on purpose: the checksum matches, but the bytes are no deflate stream (the
        // first block says it is of the reserved type), so nothing was ever too large.
        let header = header(TAG);
        let broken = [0xff; 16];
        let mut bytes = crc32([header.as_bytes(), &broken]).to_be_bytes().to_vec();
        bytes.extend_from_slice(&broken);
        let link = header + &base64url::encode(&bytes);
        assert_eq!(open(&link), Err(LinkError::Damaged));
    }
}
