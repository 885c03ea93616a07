//! Who checks a signature for the gate. Natively, and in a browser without Ed25519 in its own
//! Web Crypto, this crate's Ed25519 does ([`Local`]). In a browser that has it, the browser's
//! own is faster than this crate compiled to WebAssembly and can run in workers on every core
//! (docs/performance.md), but it answers asynchronously, and the gate is plain synchronous Rust.
//! So the app runs the gate twice: once with a [`Recorder`], which lists every signature the
//! gate would check; then the browser checks that list all at once; then the gate runs again
//! with the answers ([`Answered`]). The gate's rules are the same code in both runs.

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

/// Lists every signature it is asked about and answers yes, so that a gate run with it asks
/// about every signature a real run could (a "no" would only make a real run ask less).
#[derive(Debug, Default)]
pub struct Recorder {
    asked: RefCell<Vec<Check>>,
}

impl Recorder {
    /// Every check asked for, each once, in the order first asked.
    pub fn into_checks(self) -> Vec<Check> {
        let mut seen = HashSet::new();
        self.asked
            .into_inner()
            .into_iter()
            .filter(|check| seen.insert(check.clone()))
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
}
