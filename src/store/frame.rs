//! How a board is written into storage: its snapshot JSON, deflated, then packed 15 bits to a
//! character behind a short header with the sizes and a checksum that covers them too.
//!
//! Browsers count local storage in UTF-16 units (about 5 million per site in Chromium) and we
//! keep two copies, so density matters: base64 would carry 6 bits per unit, this packing
//! carries 15. Every character is in U+3400..U+B3FF, clear of controls, surrogates and
//! non-characters, so the text survives any string handling between here and the disk. The
//! checksum lets a copy be checked without unpacking it.

use crate::model::{Board, Snapshot, SnapshotError};
use std::fmt;

/// Marks a packed save of this format: `circle-z3:{deflated bytes}:{JSON bytes}:{checksum}:`,
/// then raw deflate. Knowing the JSON's size, a load inflates into one buffer of exactly that
/// size instead of doubling one as it goes. The checksum covers the two sizes as written and
/// the payload, so a changed size is noticed as damage before it steers the unpacking.
const PREFIX: &str = "circle-z3:";
/// Saves written in November 2026: the same header, but the checksum covers only the payload.
const PREFIX_Z2: &str = "circle-z2:";
/// Saves written before November 2026: `circle-z1:{deflated bytes}:{checksum}:`, then zlib.
/// Older saves still load; the next save rewrites them in the current format.
const PREFIX_Z1: &str = "circle-z1:";

/// Deflate level 1: saving 10,000 posts deflates 12 MB of JSON, and level 1 does it about five
/// times faster than level 3 for a save about 40 % larger, which still fits twice in the quota
/// (`tests/storage.rs`). A phone saves after every edit, so speed wins.
const LEVEL: u8 = 1;

const BASE: u32 = 0x3400;
const MASK: u32 = 0x7fff;

/// The most bytes a save may inflate to, so a damaged length cannot exhaust memory.
const MAX_JSON_BYTES: usize = 256 * 1024 * 1024;

/// Why a stored copy is unreadable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The key is empty.
    Missing,
    /// Neither a packed save nor a snapshot.
    NotASave,
    /// The text changed after it was written (truncated, edited).
    Checksum,
    /// The compressed data does not inflate.
    Inflate,
    /// It inflates, but the snapshot inside does not load.
    Snapshot(SnapshotError),
}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing => f.write_str("missing"),
            Self::NotASave => f.write_str("not a Circle save"),
            Self::Checksum => f.write_str("checksum mismatch"),
            Self::Inflate => f.write_str("compressed data damaged"),
            Self::Snapshot(error) => error.fmt(f),
        }
    }
}

/// A board ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Framed {
    pub text: String,
    /// Size of the snapshot JSON before compression.
    pub json_bytes: usize,
}

impl Framed {
    /// Size as browsers count it.
    pub fn utf16_units(&self) -> usize {
        self.text.encode_utf16().count()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, 64 bits, continued from `hash` over `text`: cheap, and plenty to notice accidental
/// damage.
fn fnv(hash: u64, text: &str) -> u64 {
    text.bytes().fold(hash, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The checksum of a `circle-z1` or `circle-z2` save: the payload only.
fn checksum(text: &str) -> u64 {
    fnv(FNV_OFFSET, text)
}

/// The checksum of a current save: the sizes as the header writes them (`12:345:`), then the
/// payload.
fn sealed_checksum(sizes: &str, payload: &str) -> u64 {
    fnv(fnv(FNV_OFFSET, sizes), payload)
}

fn pack(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 8 / 15 * 3 + 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    let emit = |value: u32, text: &mut String| {
        // BASE + a 15-bit value is below the surrogates, so this never fails.
        if let Some(c) = char::from_u32(BASE + (value & MASK)) {
            text.push(c);
        }
    };
    for &byte in bytes {
        // The shifted bits are zero, so adding is or-ing; `+` lets a test tell a changed
        // operator apart.
        acc = (acc << 8) + u32::from(byte);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            emit(acc >> bits, &mut text);
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        emit(acc << (15 - bits), &mut text);
    }
    text
}

fn unpack(text: &str, len: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(len + 2);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.chars() {
        let value = u32::from(c).checked_sub(BASE).filter(|v| *v <= MASK)?;
        acc = (acc << 15) + value;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bytes.len() < len || bytes.len() > len + 1 {
        return None;
    }
    bytes.truncate(len);
    Some(bytes)
}

/// A packed save's header, read and checked against its payload.
struct Opened<'a> {
    deflated_bytes: usize,
    /// `None` in a `circle-z1` save, which did not record it.
    json_bytes: Option<usize>,
    payload: &'a str,
}

/// The packed formats a save may be in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Z1,
    Z2,
    Z3,
}

/// Takes the text up to the next `:` off the front of `rest`.
fn field<'a>(rest: &mut &'a str) -> Result<&'a str, Damage> {
    let (field, tail) = rest.split_once(':').ok_or(Damage::NotASave)?;
    *rest = tail;
    Ok(field)
}

fn size(field: &str) -> Result<usize, Damage> {
    field.parse().map_err(|_| Damage::NotASave)
}

/// Reads a packed save's header, checking the checksum.
fn open(stored: &str) -> Result<Opened<'_>, Damage> {
    let (format, header) = [
        (Format::Z3, PREFIX),
        (Format::Z2, PREFIX_Z2),
        (Format::Z1, PREFIX_Z1),
    ]
    .into_iter()
    .find_map(|(format, prefix)| Some((format, stored.strip_prefix(prefix)?)))
    .ok_or(Damage::NotASave)?;
    let mut rest = header;
    let deflated_bytes = size(field(&mut rest)?)?;
    let json_bytes = match format {
        Format::Z1 => None,
        Format::Z2 | Format::Z3 => Some(size(field(&mut rest)?)?),
    };
    let sizes = &header[..header.len() - rest.len()];
    let sum = u64::from_str_radix(field(&mut rest)?, 16).map_err(|_| Damage::NotASave)?;
    let payload = rest;
    let expected = match format {
        Format::Z1 | Format::Z2 => checksum(payload),
        Format::Z3 => sealed_checksum(sizes, payload),
    };
    if expected != sum {
        return Err(Damage::Checksum);
    }
    Ok(Opened {
        deflated_bytes,
        json_bytes,
        payload,
    })
}

/// Inflates a save's payload back into its snapshot JSON.
fn inflate(deflated: &[u8], json_bytes: Option<usize>) -> Result<Vec<u8>, Damage> {
    inflate_within(deflated, json_bytes, MAX_JSON_BYTES)
}

/// As [`inflate`], refusing JSON of more than `limit` bytes (a parameter so that tests can
/// reach the limit without a 256 MiB save).
fn inflate_within(
    deflated: &[u8],
    json_bytes: Option<usize>,
    limit: usize,
) -> Result<Vec<u8>, Damage> {
    let Some(len) = json_bytes else {
        return miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(deflated, limit)
            .map_err(|_| Damage::Inflate);
    };
    if len > limit {
        return Err(Damage::Inflate);
    }
    // One byte more than the header promises, so a stream that runs long is caught, not cut.
    // The checksum already vouches for the payload, so deflate's own check is skipped.
    let mut json = vec![0; len + 1];
    let written = miniz_oxide::inflate::decompress_slice_iter_to_slice(
        &mut json,
        std::iter::once(deflated),
        false,
        true,
    )
    .map_err(|_| Damage::Inflate)?;
    if written != len {
        return Err(Damage::Inflate);
    }
    json.truncate(len);
    Ok(json)
}

/// Packs a board for storage.
pub fn encode(board: &Board) -> Framed {
    let json = Snapshot::encode(board);
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let payload = pack(&deflated);
    let sizes = format!("{}:{}:", deflated.len(), json.len());
    let sum = sealed_checksum(&sizes, &payload);
    let text = format!("{PREFIX}{sizes}{sum:016x}:{payload}");
    Framed {
        text,
        json_bytes: json.len(),
    }
}

/// A short mark of a stored copy's content, to tell cheaply whether the copy in storage is
/// still the one this tab read or wrote: the header of a packed save (which holds its sizes and
/// checksum), or the checksum of any other text.
pub fn fingerprint(stored: &str) -> u64 {
    let header = [PREFIX, PREFIX_Z2]
        .iter()
        .any(|prefix| stored.starts_with(prefix))
        .then(|| stored.match_indices(':').nth(3))
        .flatten()
        .map(|(end, _)| &stored[..end]);
    checksum(header.unwrap_or(stored))
}

/// Checks a stored copy's header and checksum without unpacking it. A plain snapshot (as an
/// older Circle or a person may have left) passes if it looks like JSON.
pub fn verify(stored: &str) -> Result<(), Damage> {
    if stored.starts_with('{') {
        return Ok(());
    }
    open(stored).map(|_| ())
}

/// Reads a stored copy back into a board.
pub fn decode(stored: &str) -> Result<Board, Damage> {
    if stored.starts_with('{') {
        return Snapshot::decode(stored).map_err(Damage::Snapshot);
    }
    let opened = open(stored)?;
    let deflated = unpack(opened.payload, opened.deflated_bytes).ok_or(Damage::Checksum)?;
    let json = inflate(&deflated, opened.json_bytes)?;
    let json = std::str::from_utf8(&json).map_err(|_| Damage::Inflate)?;
    Snapshot::decode(json).map_err(Damage::Snapshot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_round_trips_every_length() {
        let bytes: Vec<u8> = (0..200u32).map(|n| (n * 97 + 13) as u8).collect();
        for len in 0..bytes.len() {
            let text = pack(&bytes[..len]);
            assert_eq!(text.chars().count(), (len * 8).div_ceil(15));
            assert!(text
                .chars()
                .all(|c| (0x3400..=0xb3ff).contains(&u32::from(c))));
            assert_eq!(unpack(&text, len).as_deref(), Some(&bytes[..len]));
        }
    }

    #[test]
    fn a_payload_cut_short_or_run_long_does_not_unpack() {
        let text = pack(b"a save of thirty bytes or more");
        assert_eq!(
            unpack(&text, 30).as_deref(),
            Some(&b"a save of thirty bytes or more"[..])
        );
        // Fewer characters than the length needs: bytes would be missing.
        assert_eq!(unpack(&text, 40), None);
        // More than one spare byte: the text holds more than the length says.
        assert_eq!(unpack(&text, 20), None);
    }

    #[test]
    fn a_board_round_trips_and_damage_is_noticed() {
        let board = Board::default();
        let framed = encode(&board);
        assert!(framed.text.starts_with(PREFIX));
        assert_eq!(decode(&framed.text), Ok(board.clone()));
        assert_eq!(verify(&framed.text), Ok(()));
        let cut = &framed.text[..framed.text.len() - 3];
        assert_eq!(decode(cut), Err(Damage::Checksum));
        assert_eq!(verify("hello"), Err(Damage::NotASave));
        assert_eq!(decode(&Snapshot::encode(&board)), Ok(board));
        assert!(matches!(decode("{\"schema\":"), Err(Damage::Snapshot(_))));
    }

    /// A save framed as this format's header says, around any deflated bytes and JSON size.
    fn framed(deflated: &[u8], json_bytes: usize) -> String {
        let payload = pack(deflated);
        let sizes = format!("{}:{json_bytes}:", deflated.len());
        let sum = sealed_checksum(&sizes, &payload);
        format!("{PREFIX}{sizes}{sum:016x}:{payload}")
    }

    fn deflated_snapshot(board: &Board) -> (Vec<u8>, usize) {
        let json = Snapshot::encode(board);
        let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
        (deflated, json.len())
    }

    #[test]
    fn a_save_larger_than_the_limit_is_refused_before_it_is_inflated() {
        let (deflated, json_bytes) = deflated_snapshot(&crate::model::board_with_posts(3));
        assert!(inflate_within(&deflated, Some(json_bytes), json_bytes).is_ok());
        assert_eq!(
            inflate_within(&deflated, Some(json_bytes), json_bytes - 1),
            Err(Damage::Inflate)
        );
    }

    #[test]
    fn a_payload_that_inflates_to_another_size_than_its_header_says_is_damage() {
        let board = crate::model::board_with_posts(3);
        let (deflated, json_bytes) = deflated_snapshot(&board);
        assert_eq!(decode(&framed(&deflated, json_bytes)), Ok(board));
        assert_eq!(
            decode(&framed(&deflated, json_bytes - 1)),
            Err(Damage::Inflate)
        );
        assert_eq!(
            decode(&framed(&deflated, json_bytes + 1)),
            Err(Damage::Inflate)
        );
        assert_eq!(
            decode(&framed(&deflated, MAX_JSON_BYTES + 1)),
            Err(Damage::Inflate)
        );
    }

    #[test]
    fn a_changed_size_in_the_header_is_reported_as_damage() {
        let board = crate::model::board_with_posts(3);
        let saved = encode(&board).text;
        let (deflated, json_bytes) = deflated_snapshot(&board);
        let header = format!("{PREFIX}{}:{json_bytes}:", deflated.len());
        assert!(saved.starts_with(&header));
        for changed in [
            format!("{PREFIX}{}:{json_bytes}:", deflated.len() + 1),
            format!("{PREFIX}{}:{}:", deflated.len(), json_bytes + 1),
            format!("{PREFIX}{}:{}:", deflated.len(), json_bytes * 2),
        ] {
            let damaged = saved.replacen(&header, &changed, 1);
            assert_eq!(verify(&damaged), Err(Damage::Checksum), "{changed}");
            assert_eq!(decode(&damaged), Err(Damage::Checksum), "{changed}");
        }
    }

    #[test]
    fn a_save_in_the_earlier_unsealed_format_still_loads() {
        let board = crate::model::board_with_posts(3);
        let (deflated, json_bytes) = deflated_snapshot(&board);
        let payload = pack(&deflated);
        let z2 = format!(
            "{PREFIX_Z2}{}:{json_bytes}:{:016x}:{payload}",
            deflated.len(),
            checksum(&payload)
        );
        assert_eq!(verify(&z2), Ok(()));
        assert_eq!(decode(&z2), Ok(board));
        let cut = &z2[..z2.len() - 3];
        assert_eq!(decode(cut), Err(Damage::Checksum));
    }

    #[test]
    fn the_fingerprint_tells_two_saves_apart() {
        let one = encode(&crate::model::board_with_posts(1)).text;
        let two = encode(&crate::model::board_with_posts(2)).text;
        assert_ne!(fingerprint(&one), fingerprint(&two));
        let json = Snapshot::encode(&crate::model::board_with_posts(1));
        let other = Snapshot::encode(&crate::model::board_with_posts(2));
        assert_ne!(fingerprint(&json), fingerprint(&other));
    }

    #[test]
    fn a_save_in_the_earlier_zlib_format_still_loads() {
        let board = crate::model::board_with_posts(3);
        let deflated =
            miniz_oxide::deflate::compress_to_vec_zlib(Snapshot::encode(&board).as_bytes(), LEVEL);
        let payload = pack(&deflated);
        let z1 = format!(
            "{PREFIX_Z1}{}:{:016x}:{payload}",
            deflated.len(),
            checksum(&payload)
        );
        assert_eq!(verify(&z1), Ok(()));
        assert_eq!(decode(&z1), Ok(board));
    }
}
