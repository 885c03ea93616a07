//! Untrusted input never panics: links and files built from arbitrary bytes, at every depth of
//! the decoders (the prefix, base64, the checksum, inflate, the JSON, the limits), each give a
//! typed error or a board that passes the input limits, and a failed decode has no effect.
//!
//! Each test runs `CIRCLE_FUZZ_CASES` inputs (default 2,000); the full run sets 100000:
//! `CIRCLE_FUZZ_CASES=100000 cargo test --release --test sources_fuzz`.

mod sources_support;

use circle::model::{Board, Snapshot};
use circle::sources::link_frame::{self, MAX_LINK_BYTES};
use circle::sources::post_wire::WirePost;
use circle::sources::share_link::{LinkError, ShareLink};
use circle::sources::{base64url, snapshot_file};
use proptest::prelude::*;
use proptest::test_runner::Config;

fn fuzz_config() -> Config {
    let cases = std::env::var("CIRCLE_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(2_000);
    Config {
        cases,
        ..sources_support::config()
    }
}

/// A decoded link must hold a board that a snapshot import would accept too.
fn check_link(text: &str) -> Result<(), TestCaseError> {
    if let Ok(link) = ShareLink::decode(text) {
        let board = link.payload.into_board();
        prop_assert!(board.check_limits().is_ok());
    }
    Ok(())
}

/// A valid post's wire JSON or a valid board's snapshot, to mutate.
fn seed_json() -> impl Strategy<Value = (u8, Vec<u8>)> {
    prop_oneof![
        sources_support::post().prop_map(|post| {
            let json = serde_json::to_vec(&WirePost::from(&post)).unwrap_or_default();
            (b'p', json)
        }),
        prop::collection::vec(sources_support::post(), 0..3).prop_map(|posts| {
            let mut board = Board::default();
            for post in posts {
                board.add_post(post);
            }
            (b'b', Snapshot::encode(&board).into_bytes())
        }),
    ]
}

/// Byte edits: overwrite, insert, delete, or cut.
fn mutate(bytes: &mut Vec<u8>, edits: &[(prop::sample::Index, u8, u8)]) {
    for (at, byte, how) in edits {
        if bytes.is_empty() {
            bytes.push(*byte);
            continue;
        }
        let at = at.index(bytes.len());
        match how % 4 {
            0 => bytes[at] = *byte,
            1 => bytes.insert(at, *byte),
            2 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
}

proptest! {
    #![proptest_config(fuzz_config())]

    /// Any text at all, mostly refused at the prefix.
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_link(&text)?;
        check_link(&format!("c1.{text}"))?;
    }

    /// Right prefix and tag, arbitrary base64url body: reaches the checksum.
    #[test]
    fn arbitrary_bodies_never_panic(
        tag in "[pbgx]{2}",
        body in "[A-Za-z0-9_-]{0,600}",
    ) {
        check_link(&format!("c1.{tag}.{body}"))?;
    }

    /// Arbitrary bytes under a valid checksum: reaches inflate.
    #[test]
    fn arbitrary_compressed_bytes_never_panic(
        tag in "[pb][pg]",
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let header = format!("c1.{tag}.");
        let crc = circle::sources::crc32::crc32([header.as_bytes(), &bytes]);
        let mut body = crc.to_be_bytes().to_vec();
        body.extend_from_slice(&bytes);
        check_link(&format!("{header}{}", base64url::encode(&body)))?;
    }

    /// Damaged JSON, properly compressed and checksummed: reaches the parsers and the limits.
    #[test]
    fn damaged_content_never_panics(
        (kind, mut json) in seed_json(),
        audience in "[pg]",
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 1..6),
    ) {
        mutate(&mut json, &edits);
        let link = link_frame::seal([kind, audience.as_bytes()[0]], &json);
        check_link(&link)?;
    }

    /// Arbitrary and damaged files never panic, and an accepted one is within the limits.
    #[test]
    fn arbitrary_files_never_panic(
        (_, mut json) in seed_json(),
        noise in prop::collection::vec(any::<u8>(), 0..200),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<u8>()), 0..6),
    ) {
        mutate(&mut json, &edits);
        for bytes in [&noise, &json] {
            if let Ok(board) = snapshot_file::import(bytes) {
                prop_assert!(board.check_limits().is_ok());
            }
        }
    }
}

#[test]
fn oversized_input_is_refused_before_any_work() {
    let huge = format!("c1.pp.{}", "A".repeat(MAX_LINK_BYTES));
    assert_eq!(ShareLink::decode(&huge), Err(LinkError::TooLarge));
    // A link whose checksum is right but which inflates past the limit: a zip bomb.
    let bomb = link_frame::seal(*b"bp", &vec![b'['; 4 * MAX_LINK_BYTES]);
    assert!(bomb.len() < 10_000);
    assert_eq!(ShareLink::decode(&bomb), Err(LinkError::TooLarge));
}
