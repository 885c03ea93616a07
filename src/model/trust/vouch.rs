//! A published board vouched for as a whole. `publish` checks every signature in what it
//! publishes (the gate refuses the rest); given the group's sheet key, it also signs the exact
//! bytes of the `board.json` it writes, in `board.json.sig` beside it. A phone whose group
//! settings name that key (`publish_key` in `config.json`) and that finds the signature good
//! over the very bytes it fetched knows every signature inside was checked already: it checks
//! one signature instead of one a post. The gate's rules still run in full (who may change what,
//! dates, the board as it is on this phone); only the per-record Ed25519 checks are vouched for.
//!
//! This widens no trust: whoever holds the group's sheet key runs the group's deploy, so they
//! could already publish the app itself. A missing, damaged or foreign signature vouches for
//! nothing, and the board is checked post by post as before: slower, never lost.

use super::check::Checker;
use super::key::{AuthorKey, Signature, Signer};

/// Beside the board it vouches for: `board.json` → `board.json.sig`.
pub const SUFFIX: &str = ".sig";

/// Domain separation: the group's key also signs posts from the group's sheets, so a board's
/// digest is signed under a prefix no record's signed text begins with.
const CONTEXT: &[u8] = b"circle.published-board.v1\0";

/// The text of `board.json.sig` for `board`: its signature as 128 hex digits and a line end.
pub fn sign(signer: &Signer, board: &[u8]) -> String {
    format!("{}\n", signer.sign(&message(&digest(board))))
}

/// Whether `sig` (the text of `board.json.sig`) is `key`'s signature of exactly `board`.
/// Text that is not a signature vouches for nothing.
pub fn holds(key: &AuthorKey, board: &[u8], sig: &[u8]) -> bool {
    holds_for_digest(key, &digest(board), sig)
}

/// [`holds`], given the board's [`digest`] made elsewhere: a browser's own SHA-512 reads a
/// 10,000-post board several times faster than this crate compiled to WebAssembly.
pub fn holds_for_digest(key: &AuthorKey, digest: &[u8; 64], sig: &[u8]) -> bool {
    std::str::from_utf8(sig)
        .ok()
        .and_then(|text| text.trim().parse::<Signature>().ok())
        .is_some_and(|signature| key.verifies(&message(digest), &signature))
}

/// The SHA-512 of a board's bytes: what its signature covers, under [`CONTEXT`].
pub fn digest(board: &[u8]) -> [u8; 64] {
    let mut hash = ed25519_compact::sha512::Hash::new();
    hash.update(board);
    hash.finalize()
}

/// Where the signature of the board at `url` is published: the same address with [`SUFFIX`]
/// added to its path, before any query (`board.json?v=2` → `board.json.sig?v=2`).
pub fn sig_url(url: &str) -> String {
    let (path, query) = url
        .find(['?', '#'])
        .map_or((url, ""), |at| url.split_at(at));
    format!("{path}{SUFFIX}{query}")
}

fn message(digest: &[u8; 64]) -> Vec<u8> {
    [CONTEXT, &digest[..]].concat()
}

/// The checker for a board [`holds`] vouched for: every signature in it was checked by
/// `publish` before the board was signed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Vouched;

impl Checker for Vouched {
    fn check(&self, _: &AuthorKey, _: &[u8], _: &Signature) -> bool {
        true
    }

    fn vouched(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group() -> Signer {
        Signer::from_seed([7; 32])
    }

    #[test]
    fn the_public_half_is_ed25519s_as_other_implementations_compute_it() {
        // The same as node's crypto gives for this seed (the browser test derives it so).
        assert_eq!(
            group().key().to_string(),
            "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"
        );
    }

    #[test]
    fn the_group_keys_signature_vouches_for_exactly_the_bytes_it_signed() {
        let board = br#"{"circle":"snapshot","posts":[]}"#;
        let sig = sign(&group(), board);
        assert!(holds(&group().key(), board, sig.as_bytes()));
        let mut changed = board.to_vec();
        changed[3] ^= 1;
        assert!(!holds(&group().key(), &changed, sig.as_bytes()));
        let longer = [&board[..], b" "].concat();
        assert!(!holds(&group().key(), &longer, sig.as_bytes()));
    }

    #[test]
    fn another_keys_signature_or_text_that_is_no_signature_vouches_for_nothing() {
        let board = b"{}";
        let other = Signer::from_seed([8; 32]);
        assert!(!holds(
            &group().key(),
            board,
            sign(&other, board).as_bytes()
        ));
        let sig = sign(&group(), board);
        for broken in [&sig[..100], "", "not a signature", &sig.replace('a', "b")] {
            assert!(
                !holds(&group().key(), board, broken.as_bytes()),
                "{broken:?}"
            );
        }
        assert!(!holds(&group().key(), board, &[0xff, 0xfe]));
    }

    #[test]
    fn vouched_for_a_posts_signature_is_taken_but_not_an_id_its_key_does_not_bind() {
        use crate::model::{sample_draft, DeviceId, Post, RecordId, Stamp};
        let post = Post::create_signed(sample_draft(), Stamp::new(1, 0, DeviceId(2)), &group());
        let mut changed = post.clone();
        changed.title.value = "Changed after signing".into();
        assert!(!changed.verifies());
        assert!(changed.verifies_by(&Vouched));
        let mut moved = post;
        moved.id = RecordId(moved.id.0 ^ 1);
        assert!(!moved.verifies_by(&Vouched));
    }

    #[test]
    fn the_digest_is_sha512_of_the_bytes_as_a_browser_computes_it() {
        // SHA-512("abc"), FIPS 180-2's example, which Web Crypto's digest gives too.
        let expected = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
                        2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
        let hex: String = digest(b"abc").iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, expected);
        let board = b"{\"posts\":[]}";
        let sig = sign(&group(), board);
        assert!(holds_for_digest(
            &group().key(),
            &digest(board),
            sig.as_bytes()
        ));
        assert!(!holds_for_digest(
            &group().key(),
            &digest(b"{}"),
            sig.as_bytes()
        ));
    }

    #[test]
    fn the_signature_lies_beside_the_board_whatever_its_address_asks() {
        assert_eq!(sig_url("api/v1/board.json"), "api/v1/board.json.sig");
        assert_eq!(
            sig_url("https://example.org/b.json?v=2#top"),
            "https://example.org/b.json.sig?v=2#top"
        );
    }

    #[test]
    fn a_board_signature_is_no_signature_of_the_same_bytes_without_its_context() {
        // So a signature the group's key made over a record can never pass for a board's.
        let board = b"{}";
        let bare = format!("{}", group().sign(board));
        assert!(!holds(&group().key(), board, bare.as_bytes()));
        let undigested = format!("{}", group().sign(&[CONTEXT, &board[..]].concat()));
        assert!(!holds(&group().key(), board, undigested.as_bytes()));
    }
}
