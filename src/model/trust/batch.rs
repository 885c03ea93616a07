//! Many Ed25519 signatures checked at once, used only to say yes early, as [`super::fast_check`]
//! is natively. A board checked post by post spends most of a sync checking signatures one by one
//! (docs/performance.md, "Syncing a board.json in Chromium"); a batch takes a fraction of that CPU.
//!
//! ed25519-compact stays the judge, and a batch may only say yes where it would say yes to every
//! signature. Past the same encoding checks it makes ([`guarded`]), ed25519-compact accepts a
//! signature exactly when `P = [s]B - R - [k]A` is of small order. A batch draws a 128-bit
//! coefficient `z` for each signature from a hash of all of them, and says yes only when
//! `[8](Σ z·P)` is the identity. If any `P` is not of small order, that happens for at most about
//! one draw in 2^125, and the draws cannot be steered without changing the inputs, which changes
//! every draw. The signatures of one key share one term (`Σ z·k` times `A`), so a board by a few
//! authors costs one point a signature rather than two.
//!
//! A "no" does not say which signature failed, so [`verdicts`] halves the batch and asks again,
//! down to a few signatures, which ed25519-compact checks one by one: the verdicts are its own.

use super::check::{Check, Checker, Local};
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{IsIdentity, VartimeMultiscalarMul};
use ed25519_compact::sha512;
use std::collections::HashMap;

/// At most this many signatures are checked one by one rather than halved again.
const ONE_BY_ONE: usize = 4;

/// ed25519-compact's verdict on each check, in order: a batch's yes where the batch holds, and
/// where it does not, the verdicts of its halves. A board with one forged post among 10,000
/// costs about three batches' time; one where every post is forged, about what checking each
/// one by one costs.
pub fn verdicts(checks: &[Check]) -> Vec<bool> {
    if checks.len() <= ONE_BY_ONE {
        return checks
            .iter()
            .map(|check| Local.check(&check.key, &check.message, &check.signature))
            .collect();
    }
    if all_hold(checks) {
        return vec![true; checks.len()];
    }
    let (first, second) = checks.split_at(checks.len() / 2);
    let mut answers = verdicts(first);
    answers.extend(verdicts(second));
    answers
}

/// Whether every signature certainly holds for ed25519-compact. `false` means "check them one
/// by one", never "forged".
pub fn all_hold(batch: &[Check]) -> bool {
    let Some(terms) = guarded(batch) else {
        return false;
    };
    let seed = seed(&terms);
    let mut scalars = Vec::with_capacity(terms.signatures.len() + terms.keys.len() + 1);
    let mut points = Vec::with_capacity(scalars.capacity());
    let mut base = Scalar::ZERO;
    let mut per_key = vec![Scalar::ZERO; terms.keys.len()];
    for (n, term) in terms.signatures.iter().enumerate() {
        let z = coefficient(&seed, n);
        base += z * term.s;
        per_key[term.key] -= z * term.k;
        scalars.push(-z);
        points.push(term.r);
    }
    scalars.push(base);
    points.push(curve25519_dalek::constants::ED25519_BASEPOINT_POINT);
    scalars.extend(per_key);
    points.extend(terms.keys.iter().map(|(_, point)| *point));
    EdwardsPoint::vartime_multiscalar_mul(scalars, points)
        .mul_by_cofactor()
        .is_identity()
}

/// A signature read for the batch: its `R`, its `s`, its `k = H(R, A, message)`, and which key.
struct Term {
    r: EdwardsPoint,
    r_bytes: [u8; 32],
    s: Scalar,
    k: Scalar,
    key: usize,
}

struct Terms {
    signatures: Vec<Term>,
    /// Each key once: its bytes and its point.
    keys: Vec<([u8; 32], EdwardsPoint)>,
}

/// The batch read as ed25519-compact reads each signature, or `None` where it would refuse one:
/// `s` not below the group's order; a key or `R` that is not a point, is written at or above the
/// field's prime, or is of small order (the last also takes in a zero `x` marked negative, whose
/// points are the identity and the point of order two).
fn guarded(batch: &[Check]) -> Option<Terms> {
    let mut keys = Vec::new();
    let mut index: HashMap<[u8; 32], usize> = HashMap::new();
    let mut signatures = Vec::with_capacity(batch.len());
    for check in batch {
        let key = match index.get(&check.key.0) {
            Some(key) => *key,
            None => {
                keys.push((check.key.0, point(&check.key.0)?));
                index.insert(check.key.0, keys.len() - 1);
                keys.len() - 1
            }
        };
        let (r, s) = check.signature.0.split_at(32);
        let r: &[u8; 32] = r.try_into().ok()?;
        let s: [u8; 32] = s.try_into().ok()?;
        let s = Option::<Scalar>::from(Scalar::from_canonical_bytes(s))?;
        let mut hash = sha512::Hash::new();
        hash.update(r);
        hash.update(check.key.0);
        hash.update(&check.message);
        let k = Scalar::from_bytes_mod_order_wide(&hash.finalize());
        signatures.push(Term {
            r: point(r)?,
            r_bytes: *r,
            s,
            k,
            key,
        });
    }
    Some(Terms { signatures, keys })
}

/// The point `bytes` name, if they name one below the field's prime that is not of small order.
fn point(bytes: &[u8; 32]) -> Option<EdwardsPoint> {
    if !below_prime(bytes) {
        return None;
    }
    CompressedEdwardsY(*bytes)
        .decompress()
        .filter(|point| !point.is_small_order())
}

/// Whether the `y` of an encoded point (its low 255 bits) is below the prime `2^255 - 19`:
/// the numbers from the prime up are nineteen, all bytes `0xff` but the first (`0xed` or more)
/// and the sign bit's.
pub fn below_prime(point: &[u8; 32]) -> bool {
    let top_ones = point[1..31].iter().all(|byte| *byte == 0xff) && point[31] & 0x7f == 0x7f;
    !(top_ones && point[0] >= 0xed)
}

/// A hash of everything the batch's verdict depends on: each key, `R`, `s`, and `k` (which
/// holds the message).
fn seed(terms: &Terms) -> [u8; 64] {
    let mut hash = sha512::Hash::new();
    hash.update(b"circle batch of Ed25519 signatures");
    hash.update((terms.signatures.len() as u64).to_le_bytes());
    for term in &terms.signatures {
        hash.update(terms.keys[term.key].0);
        hash.update(term.r_bytes);
        hash.update(term.s.as_bytes());
        hash.update(term.k.as_bytes());
    }
    hash.finalize()
}

/// The `n`th signature's coefficient: 128 bits of the hash of the seed and `n`.
fn coefficient(seed: &[u8; 64], n: usize) -> Scalar {
    let mut hash = sha512::Hash::new();
    hash.update(seed);
    hash.update((n as u64).to_le_bytes());
    let mut bytes = [0u8; 32];
    bytes[..16].copy_from_slice(&hash.finalize()[..16]);
    Scalar::from_bytes_mod_order(bytes)
}

#[cfg(test)]
mod tests {
    use super::{all_hold, below_prime, coefficient, verdicts};
    use crate::model::trust::check::Check;
    use crate::model::trust::hostile::{compact, odd_points, odd_signatures, plus_order, signed};
    use crate::model::trust::{AuthorKey, Signature};
    use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
    use curve25519_dalek::edwards::CompressedEdwardsY;
    use curve25519_dalek::scalar::Scalar;
    use ed25519_compact::sha512;
    use proptest::prelude::*;

    fn check(key: [u8; 32], message: &[u8], signature: [u8; 64]) -> Check {
        Check {
            key: AuthorKey(key),
            signature: Signature(signature),
            message: message.to_vec(),
        }
    }

    /// `count` posts signed by a few authors, as a board's are.
    fn board(count: usize, authors: u8) -> Vec<Check> {
        (0..count)
            .map(|n| {
                let message = format!("post {n}: a ride to the clinic on Tuesday").into_bytes();
                let (key, signature) = signed([(n % usize::from(authors)) as u8 + 1; 32], &message);
                check(key, &message, signature)
            })
            .collect()
    }

    fn compacts(checks: &[Check]) -> Vec<bool> {
        checks
            .iter()
            .map(|c| compact(&c.key.0, &c.message, &c.signature.0))
            .collect()
    }

    /// A signature made with a nonce point `[r]B + T`, `T` of small order: the difference
    /// `[s]B - R - [k]A` is then `-T`, not the identity. ed25519-compact accepts it (it asks only
    /// for small order), as a check without the cofactor would not always.
    fn signed_with_torsion(secret: u64, message: &[u8], torsion: &[u8; 32]) -> Check {
        let a = Scalar::from(secret);
        let key = (ED25519_BASEPOINT_POINT * a).compress().0;
        let torsion = CompressedEdwardsY(*torsion).decompress().expect("a point");
        let r = Scalar::from(secret.wrapping_mul(7919).wrapping_add(3));
        let nonce = (ED25519_BASEPOINT_POINT * r + torsion).compress().0;
        let mut hash = sha512::Hash::new();
        hash.update(nonce);
        hash.update(key);
        hash.update(message);
        let k = Scalar::from_bytes_mod_order_wide(&hash.finalize());
        let mut signature = [0u8; 64];
        signature[..32].copy_from_slice(&nonce);
        signature[32..].copy_from_slice((r + k * a).as_bytes());
        check(key, message, signature)
    }

    proptest! {
        /// A board's honest signatures hold as a batch, whatever their number and authors.
        #[test]
        fn honest_signatures_hold_as_a_batch(count in 1usize..40, authors in 1u8..6) {
            let checks = board(count, authors);
            prop_assert!(all_hold(&checks));
            prop_assert_eq!(verdicts(&checks), vec![true; count]);
        }

        /// One bit changed anywhere, in a signature, a key or a message: the batch says no, and
        /// the verdicts are ed25519-compact's, one by one.
        #[test]
        fn one_changed_bit_fails_the_batch_and_the_verdicts_are_compacts(
            count in 1usize..24,
            which in any::<prop::sample::Index>(),
            bit in 0usize..(64 + 32 + 8) * 8,
        ) {
            let mut checks = board(count, 3);
            let changed = &mut checks[which.index(count)];
            match bit / 8 {
                byte @ 0..64 => changed.signature.0[byte] ^= 1 << (bit % 8),
                byte @ 64..96 => changed.key.0[byte - 64] ^= 1 << (bit % 8),
                byte => changed.message[byte - 96] ^= 1 << (bit % 8),
            }
            prop_assert!(!all_hold(&checks));
            let expected = compacts(&checks);
            prop_assert_eq!(expected.iter().filter(|holds| !**holds).count(), 1);
            prop_assert_eq!(verdicts(&checks), expected);
        }

        /// Any mix of honest and forged signatures: each verdict is ed25519-compact's.
        #[test]
        fn with_forgeries_anywhere_every_verdict_is_compacts(
            forged in prop::collection::vec(any::<bool>(), 0..48),
        ) {
            let mut checks = board(forged.len(), 4);
            for (check, forged) in checks.iter_mut().zip(&forged) {
                if *forged {
                    check.message.push(b'!');
                }
            }
            let expected: Vec<bool> = forged.iter().map(|forged| !forged).collect();
            prop_assert_eq!(compacts(&checks), expected.clone());
            prop_assert_eq!(verdicts(&checks), expected);
            prop_assert_eq!(all_hold(&checks), !forged.contains(&true));
        }
    }

    #[test]
    fn an_empty_batch_holds_and_has_no_verdicts() {
        assert!(all_hold(&[]));
        assert!(verdicts(&[]).is_empty());
    }

    /// Keys and `R`s of small order or odd encoding, with `s` zero, one or a good signature's,
    /// each put into a batch of honest signatures: the batch never says yes where
    /// ed25519-compact says no to one of them, and the verdicts are always ed25519-compact's.
    /// (With `A` and `R` both of small order and `s` zero, a lax check accepts any message.)
    #[test]
    fn small_order_points_and_odd_encodings_never_pass_a_batch() {
        let message = b"water and batteries after the storm";
        let honest = board(6, 2);
        let odd = odd_signatures(message);
        for odd in &odd {
            let mut checks = honest.clone();
            checks.insert(3, check(odd.key, message, odd.signature));
            let (key, signature) = (odd.key, odd.signature);
            assert!(odd.honest || !all_hold(&checks), "{key:?} {signature:?}");
            assert_eq!(
                verdicts(&checks),
                compacts(&checks),
                "{key:?} {signature:?}"
            );
        }
        assert_eq!(odd.len(), 14 * 14 * 3);
        assert_eq!(odd.iter().filter(|odd| odd.honest).count(), 1);
    }

    #[test]
    fn a_signature_whose_scalar_is_not_reduced_fails_the_batch_and_compact_refuses_it() {
        let mut checks = board(9, 3);
        let s = plus_order(&checks[4].signature.0[32..]);
        checks[4].signature.0[32..].copy_from_slice(&s);
        assert!(!all_hold(&checks));
        let mut expected = vec![true; 9];
        expected[4] = false;
        assert_eq!(compacts(&checks), expected);
        assert_eq!(verdicts(&checks), expected);
    }

    /// Where the difference is a point of small order other than the identity, ed25519-compact
    /// says yes, and so does the batch: it multiplies by the cofactor, as the judge allows.
    #[test]
    fn a_difference_of_small_order_holds_for_compact_and_for_the_batch() {
        let mut checks = board(12, 3);
        let order_eight = odd_points()[4];
        for (n, secret) in [(2, 1234u64), (7, 98_765), (11, 4_242)] {
            checks[n] = signed_with_torsion(secret, b"a lift to the food bank", &order_eight);
        }
        assert_eq!(compacts(&checks), vec![true; 12]);
        assert!(all_hold(&checks));
        assert_eq!(verdicts(&checks), vec![true; 12]);
    }

    /// Two forged signatures whose errors cancel out for coefficients known in advance: the
    /// coefficients come from a hash of the batch itself, so a forger cannot know them, and the
    /// batch says no.
    #[test]
    fn forgeries_whose_errors_cancel_for_coefficients_known_in_advance_fail_the_batch() {
        for known in [[0u8; 64], [1u8; 64]] {
            let mut checks = board(2, 1);
            let (z0, z1) = (coefficient(&known, 0), coefficient(&known, 1));
            // s0 + d and s1 - d·z0/z1: then z0·d + z1·(-d·z0/z1) = 0.
            let d = Scalar::from(77u64);
            let shifts = [d, -(d * z0 * z1.invert())];
            for (check, shift) in checks.iter_mut().zip(shifts) {
                let s: [u8; 32] = check.signature.0[32..].try_into().unwrap_or([0; 32]);
                let shifted = Scalar::from_canonical_bytes(s).unwrap() + shift;
                check.signature.0[32..].copy_from_slice(shifted.as_bytes());
            }
            assert_eq!(compacts(&checks), [false, false]);
            assert!(!all_hold(&checks));
            assert_eq!(verdicts(&checks), [false, false]);
        }
    }

    /// Bisecting finds a forgery wherever it sits, in a batch of any size.
    #[test]
    fn a_forgery_is_found_at_each_place_in_a_batch() {
        for count in [5, 9, 33] {
            for forged in 0..count {
                let mut checks = board(count, 2);
                checks[forged].signature.0[40] ^= 0x10;
                let mut expected = vec![true; count];
                expected[forged] = false;
                assert_eq!(verdicts(&checks), expected, "{forged} of {count}");
            }
        }
    }

    /// The nineteen numbers from the prime up, and the largest below it, with either sign.
    #[test]
    fn only_the_nineteen_encodings_from_the_prime_up_are_not_below_it() {
        for sign in [0u8, 0x80] {
            let mut point = [0xff; 32];
            point[31] = 0x7f | sign;
            for first in 0..=255u8 {
                point[0] = first;
                assert_eq!(
                    below_prime(&point),
                    first < 0xed,
                    "{first:#x}, sign {sign:#x}"
                );
            }
            point[0] = 0xff;
            for byte in 1..32 {
                let mut lower = point;
                lower[byte] = if byte == 31 { 0x7e | sign } else { 0xfe };
                assert!(below_prime(&lower), "byte {byte}, sign {sign:#x}");
            }
        }
        assert!(below_prime(&[0; 32]));
    }
}
