//! A faster Ed25519 check for native builds (`publish`), used only to say yes early.
//!
//! Phones and `publish` must agree on every verdict: a board `publish` vouches for is taken on
//! its word. So ed25519-compact stays the judge, and ed25519-dalek, about twice as fast
//! natively, may only accept what ed25519-compact would accept too. It answers "holds" only when
//! the key's and the signature's encodings are canonical and the strict equation
//! `[s]B = R + [k]A` holds exactly (with neither `A` nor `R` of small order). ed25519-compact
//! accepts every such signature: it checks `s` the same way, decodes the same points, and asks
//! only that `[s]B - [k]A - R` be of small order, which the identity is. Anything else, a
//! forgery or an odd encoding, falls through to ed25519-compact, whose "no" is the verdict.
//! `tests` below try the edges: small-order points, encodings above the field's prime, and `s`
//! not reduced.

use super::batch::below_prime;
use ed25519_dalek::{Signature, VerifyingKey};
use std::cell::RefCell;
use std::collections::HashMap;

/// Whether ed25519-dalek finds `signature` a strictly valid signature of `message` by `key`,
/// every encoding canonical. `false` means "ask ed25519-compact", never "forged".
pub fn holds(key: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    // A key written at or above the field's prime names the same point as a smaller number;
    // ed25519-compact may read such bytes otherwise, so it decides them. (The other odd
    // encoding, a zero `x` marked negative, is only ever a point of small order, which the
    // strict check refuses.)
    if !below_prime(key) {
        return false;
    }
    decoded(key).is_some_and(|verifying| {
        verifying
            .verify_strict(message, &Signature::from_bytes(signature))
            .is_ok()
    })
}

thread_local! {
    static KEYS: RefCell<HashMap<[u8; 32], Option<VerifyingKey>>> = RefCell::default();
}

/// Past this many keys, the keys decoded are let go and the memory begun again: a board of
/// strangers' posts gains nothing from it.
const MAX_KEYS: usize = 4096;

/// The point a key's bytes name, decoded once a thread: a board's posts come from few authors,
/// and decoding a key is about a fifth of a check.
fn decoded(key: &[u8; 32]) -> Option<VerifyingKey> {
    KEYS.with_borrow_mut(|keys| {
        if keys.len() >= MAX_KEYS {
            keys.clear();
        }
        *keys
            .entry(*key)
            .or_insert_with(|| VerifyingKey::from_bytes(key).ok())
    })
}

#[cfg(test)]
mod tests {
    use super::{decoded, holds, KEYS, MAX_KEYS};
    use crate::model::trust::hostile::{compact, odd_signatures, plus_order, signed};
    use crate::model::trust::{AuthorKey, Signature, Signer};
    use proptest::prelude::*;

    proptest! {
        /// Every honest signature takes the fast path, and both agree.
        #[test]
        fn a_good_signature_holds_for_both(seed in any::<[u8; 32]>(), message in prop::collection::vec(any::<u8>(), 0..200)) {
            let (key, signature) = signed(seed, &message);
            prop_assert!(holds(&key, &message, &signature));
            prop_assert!(compact(&key, &message, &signature));
            prop_assert!(AuthorKey(key).verifies(&message, &Signature(signature)));
        }

        /// A signature changed anywhere, for another message or key: whatever the fast path
        /// accepts, ed25519-compact accepts too.
        #[test]
        fn what_the_fast_path_accepts_compact_accepts(
            seed in any::<[u8; 32]>(),
            message in prop::collection::vec(any::<u8>(), 0..64),
            flip in 0usize..(64 + 32) * 8,
            other in prop::collection::vec(any::<u8>(), 0..64),
        ) {
            let (mut key, mut signature) = signed(seed, &message);
            if flip < 64 * 8 {
                signature[flip / 8] ^= 1 << (flip % 8);
            } else {
                key[(flip - 64 * 8) / 8] ^= 1 << (flip % 8);
            }
            prop_assert!(!holds(&key, &message, &signature) || compact(&key, &message, &signature));
            prop_assert!(!holds(&key, &other, &signature) || compact(&key, &other, &signature));
            prop_assert!(!holds(&key, &message, &signature));
        }
    }

    /// Keys are decoded once, a key that names no point is remembered as such, and the memory
    /// never holds more than its limit; every answer stays right throughout.
    #[test]
    fn decoded_keys_are_kept_up_to_a_limit_and_every_answer_stays_right() {
        let held = || KEYS.with_borrow(|keys| keys.len());
        KEYS.with_borrow_mut(|keys| keys.clear());
        let message = b"childcare on Saturday morning";
        let (rosa, rosas) = signed([1; 32], message);
        let (ben, bens) = signed([2; 32], message);
        for _ in 0..3 {
            assert!(holds(&rosa, message, &rosas));
            assert!(holds(&ben, message, &bens));
            assert!(!holds(&ben, message, &rosas));
        }
        assert_eq!(held(), 2);
        // No point has y = 2 (x² would be a non-square), so these bytes are no key.
        let mut no_point = [0u8; 32];
        no_point[0] = 2;
        assert!(decoded(&no_point).is_none());
        assert!(!holds(&no_point, message, &rosas));
        assert_eq!(held(), 3);
        for n in 0..MAX_KEYS {
            let mut seed = [0u8; 32];
            seed[..8].copy_from_slice(&(n as u64 + 10).to_le_bytes());
            let _ = decoded(&Signer::from_seed(seed).key().0);
            assert!(held() <= MAX_KEYS, "{} keys held", held());
        }
        assert!(held() < MAX_KEYS);
        assert!(holds(&rosa, message, &rosas));
        assert!(!holds(&ben, message, &rosas));
    }

    #[test]
    fn a_signature_whose_scalar_is_not_reduced_is_left_to_compact_which_refuses_it() {
        let message = b"a ride to the clinic on Tuesday";
        let (key, mut signature) = signed([7; 32], message);
        let s = plus_order(&signature[32..]);
        signature[32..].copy_from_slice(&s);
        assert!(!holds(&key, message, &signature));
        assert!(!compact(&key, message, &signature));
    }

    /// Keys and `R`s of small order or odd encoding, with `s` zero, one or a good signature's:
    /// the fast path never says yes where ed25519-compact says no. (With `A` and `R` both of
    /// small order and `s` zero, a lax check accepts any message.)
    #[test]
    fn small_order_points_and_odd_encodings_never_pass_the_fast_path_alone() {
        let message = b"water and batteries after the storm";
        let odd = odd_signatures(message);
        for odd in &odd {
            let (key, signature) = (&odd.key, &odd.signature);
            if holds(key, message, signature) {
                assert!(compact(key, message, signature), "{key:?} {signature:?}");
            }
            assert!(odd.honest || !holds(key, message, signature));
        }
        assert_eq!(odd.len(), 14 * 14 * 3);
    }
}
