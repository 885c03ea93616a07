//! Who checks a signature for the gate. Natively, and in the browser for a few signatures or
//! where no worker can start, this crate's Ed25519 does ([`Local`]). In the browser, many are
//! checked faster as a batch ([`super::batch`]) in workers on every core (docs/performance.md),
//! but a worker answers asynchronously, and the gate is plain synchronous Rust. So the app runs
//! the gate twice: once with a [`Recorder`], which lists every signature the gate would check;
//! then the workers check that list all at once; then the gate runs again with the answers
//! ([`Answered`]). The gate's rules are the same code in both runs.

use super::key::{AuthorKey, Signature};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};

/// Answers "did `key` sign exactly `message`?".
pub trait Checker {
    fn check(&self, key: &AuthorKey, message: &[u8], signature: &Signature) -> bool;

    /// Whether every signature is taken as checked already (a board vouched for as a whole,
    /// `super::vouch`), so a caller need not even build the signed text to ask.
    fn vouched(&self) -> bool {
        false
    }
}

/// This crate's Ed25519.
#[derive(Clone, Copy, Debug, Default)]
pub struct Local;

impl Checker for Local {
    fn check(&self, key: &AuthorKey, message: &[u8], signature: &Signature) -> bool {
        key.verifies(message, signature)
    }
}

/// One signature to check: who, over what, and the signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Check {
    pub key: AuthorKey,
    pub signature: Signature,
    pub message: Vec<u8>,
}

/// The checks as one run of bytes, for the worker that checks them (`ui::signatures`): for each,
/// its key (32 bytes), its signature (64), its message's length (4, little-endian) and the
/// message.
pub fn to_bytes(checks: &[Check]) -> Vec<u8> {
    let size = checks.iter().map(|check| 100 + check.message.len()).sum();
    let mut bytes = Vec::with_capacity(size);
    for check in checks {
        bytes.extend_from_slice(&check.key.0);
        bytes.extend_from_slice(&check.signature.0);
        bytes.extend_from_slice(&(check.message.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&check.message);
    }
    bytes
}

/// The checks [`to_bytes`] wrote, or `None` when the bytes are cut short or run on.
pub fn from_bytes(mut bytes: &[u8]) -> Option<Vec<Check>> {
    let mut checks = Vec::new();
    while !bytes.is_empty() {
        let (key, rest) = bytes.split_first_chunk::<32>()?;
        let (signature, rest) = rest.split_first_chunk::<64>()?;
        let (length, rest) = rest.split_first_chunk::<4>()?;
        let length = usize::try_from(u32::from_le_bytes(*length)).ok()?;
        if rest.len() < length {
            return None;
        }
        let (message, rest) = rest.split_at(length);
        checks.push(Check {
            key: AuthorKey(*key),
            signature: Signature(*signature),
            message: message.to_vec(),
        });
        bytes = rest;
    }
    Some(checks)
}

/// Lists every signature it is asked about and answers yes, so that a gate run with it asks
/// about every signature a real run could (a "no" would only make a real run ask less).
#[derive(Debug, Default)]
pub struct Recorder {
    asked: RefCell<Vec<Check>>,
}

impl Recorder {
    /// Every check asked for, each once, in the order first asked.
    pub fn into_checks(self) -> Vec<Check> {
        let asked = self.asked.into_inner();
        // Seen by reference: a big board's 10,000 messages are not copied to be compared.
        let mut seen = HashSet::with_capacity(asked.len());
        let first: Vec<bool> = asked.iter().map(|check| seen.insert(check)).collect();
        drop(seen);
        asked
            .into_iter()
            .zip(first)
            .filter_map(|(check, first)| first.then_some(check))
            .collect()
    }
}

impl Checker for Recorder {
    fn check(&self, key: &AuthorKey, message: &[u8], signature: &Signature) -> bool {
        self.asked.borrow_mut().push(Check {
            key: *key,
            signature: *signature,
            message: message.to_vec(),
        });
        true
    }
}

/// The answers to a [`Recorder`]'s checks, found elsewhere. A check it was not given (which a
/// second gate run over the same input does not ask) is answered by [`Local`], so a missing
/// answer can never let a signature through.
#[derive(Debug, Default)]
pub struct Answered {
    answers: HashMap<Check, bool>,
    unanswered: Cell<usize>,
}

impl Answered {
    /// `checks` with the answer for each, in the same order.
    pub fn new(checks: Vec<Check>, answers: &[bool]) -> Self {
        let answers = checks
            .into_iter()
            .zip(answers.iter().copied().chain(std::iter::repeat(false)))
            .collect();
        Self {
            answers,
            unanswered: Cell::new(0),
        }
    }

    /// How many checks it was asked for without an answer, and so made itself. Zero after a
    /// gate run over what its [`Recorder`] saw: the recording missed nothing.
    pub fn unanswered(&self) -> usize {
        self.unanswered.get()
    }
}

impl Checker for Answered {
    fn check(&self, key: &AuthorKey, message: &[u8], signature: &Signature) -> bool {
        let check = Check {
            key: *key,
            signature: *signature,
            message: message.to_vec(),
        };
        match self.answers.get(&check) {
            Some(answer) => *answer,
            None => {
                self.unanswered.set(self.unanswered.get() + 1);
                Local.check(key, message, signature)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::trust::Signer;

    fn signed(message: &[u8]) -> (AuthorKey, Signature) {
        let signer = Signer::from_seed([9; 32]);
        (signer.key(), signer.sign(message))
    }

    #[test]
    fn the_local_checker_tells_a_signature_from_a_changed_message() {
        let (key, signature) = signed(b"ride to the clinic");
        assert!(Local.check(&key, b"ride to the clinic", &signature));
        assert!(!Local.check(&key, b"ride to the casino", &signature));
    }

    #[test]
    fn a_recorder_lists_each_check_once_and_answers_yes() {
        let (key, signature) = signed(b"one");
        let recorder = Recorder::default();
        assert!(recorder.check(&key, b"forged", &signature));
        assert!(recorder.check(&key, b"one", &signature));
        assert!(recorder.check(&key, b"forged", &signature));
        let checks = recorder.into_checks();
        let messages: Vec<&[u8]> = checks.iter().map(|c| c.message.as_slice()).collect();
        assert_eq!(messages, [&b"forged"[..], &b"one"[..]]);
    }

    #[test]
    fn answers_are_used_and_anything_unanswered_is_checked_here() {
        let (key, signature) = signed(b"one");
        let check = |message: &[u8]| Check {
            key,
            signature,
            message: message.to_vec(),
        };
        // A "no" from elsewhere stands even for a signature that would verify here, and a
        // missing answer (here "two", never asked) is checked locally, so it fails.
        let answered = Answered::new(vec![check(b"one"), check(b"forged")], &[false, true]);
        assert!(!answered.check(&key, b"one", &signature));
        assert!(answered.check(&key, b"forged", &signature));
        assert_eq!(answered.unanswered(), 0);
        assert!(!answered.check(&key, b"two", &signature));
        assert_eq!(answered.unanswered(), 1);
        // Fewer answers than checks: the rest are "no".
        let short = Answered::new(vec![check(b"one")], &[]);
        assert!(!short.check(&key, b"one", &signature));
    }

    proptest::proptest! {
        /// The checks come back from their bytes exactly, and bytes cut anywhere short of a
        /// whole check are refused rather than read as fewer or emptier checks.
        #[test]
        fn checks_come_back_from_their_bytes_and_cut_bytes_are_refused(
            messages in proptest::collection::vec(proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), 0..6),
            cut in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let signer = Signer::from_seed([3; 32]);
            let checks: Vec<Check> = messages
                .iter()
                .map(|message| Check { key: signer.key(), signature: signer.sign(message), message: message.clone() })
                .collect();
            let bytes = to_bytes(&checks);
            proptest::prop_assert_eq!(bytes.len(), messages.iter().map(|m| 100 + m.len()).sum::<usize>());
            proptest::prop_assert_eq!(from_bytes(&bytes), Some(checks.clone()));
            if !bytes.is_empty() {
                let ends: Vec<usize> = checks.iter().scan(0, |end, check| { *end += 100 + check.message.len(); Some(*end) }).collect();
                let at = cut.index(bytes.len());
                let read = from_bytes(&bytes[..at]);
                if at == 0 || ends.contains(&at) {
                    let whole = ends.iter().filter(|end| **end <= at).count();
                    proptest::prop_assert_eq!(read, Some(checks[..whole].to_vec()));
                } else {
                    proptest::prop_assert_eq!(read, None);
                }
            }
        }
    }

    #[test]
    fn a_length_past_the_end_is_refused() {
        let signer = Signer::from_seed([4; 32]);
        let check = Check {
            key: signer.key(),
            signature: signer.sign(b"soup"),
            message: b"soup".to_vec(),
        };
        let mut bytes = to_bytes(&[check]);
        bytes[96] = 5;
        assert_eq!(from_bytes(&bytes), None);
        bytes[96] = 3;
        assert_eq!(from_bytes(&bytes), None, "one byte runs on past the check");
    }
}
