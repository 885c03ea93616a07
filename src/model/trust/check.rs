//! Who checks a signature for the gate. Natively, and in the browser for a few signatures or
//! where no worker can start, this crate's Ed25519 does ([`Local`]). In the browser, many are
//! checked faster as a batch ([`super::batch`]) in workers on every core (docs/performance.md),
//! but a worker answers asynchronously, and the gate is plain synchronous Rust. So the app runs
//! the gate twice: once with a [`Recorder`], which lists every signature the gate would check;
//! then the workers check that list all at once; then the gate runs again with the answers
//! ([`Answered`]). The gate's rules are the same code in both runs.

use super::key::{AuthorKey, Signature};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

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
/// about every signature a real run could (a "no" would only make a real run ask less). It can
/// pass on what it has listed as it goes ([`Recorder::passing_on`]), so that checking can start
/// while the gate still runs.
pub struct Recorder<'a, S = RandomState> {
    asked: RefCell<Vec<Check>>,
    /// Where in `asked` the first check of each hash is: a repeat is found without copying its
    /// message, which for a big board's 10,000 messages would cost more than the finding.
    first: RefCell<HashMap<u64, usize>>,
    /// The hashes only point the way. In wasm `RandomState` has no randomness to draw on, so a
    /// forger can know them and make two checks collide: a repeat is always compared whole.
    hasher: S,
    pass_on: Option<PassOn<'a>>,
}

/// What a [`Recorder`] hands each run of new checks to.
type PassTo<'a> = &'a mut dyn FnMut(&[Check]);

/// Where a [`Recorder`] passes on its checks, and how many at a time.
struct PassOn<'a> {
    every: usize,
    to: RefCell<PassTo<'a>>,
    passed: Cell<usize>,
}

impl<'a> Recorder<'a> {
    /// A recorder that hands `to` each run of `every` new checks as soon as it has listed them,
    /// in order; what is left when the gate ends is in [`Recorder::into_checks`] only.
    pub fn passing_on(every: usize, to: PassTo<'a>) -> Self {
        Self {
            pass_on: Some(PassOn {
                every: every.max(1),
                to: RefCell::new(to),
                passed: Cell::new(0),
            }),
            ..Self::default()
        }
    }
}

impl Default for Recorder<'_> {
    fn default() -> Self {
        Self::with_hasher(RandomState::new())
    }
}

impl<S> Recorder<'_, S> {
    /// A recorder that finds repeats with `hasher`'s hashes.
    pub fn with_hasher(hasher: S) -> Self {
        Self {
            asked: RefCell::default(),
            first: RefCell::default(),
            hasher,
            pass_on: None,
        }
    }

    /// Every check asked for, in the order first asked, each once (two checks whose hashes
    /// collide may be listed twice, which costs a check and loses none). What was passed on
    /// comes first, in the order passed on.
    pub fn into_checks(self) -> Vec<Check> {
        self.asked.into_inner()
    }
}

impl<S: BuildHasher> Checker for Recorder<'_, S> {
    fn check(&self, key: &AuthorKey, message: &[u8], signature: &Signature) -> bool {
        let hash = self.hasher.hash_one((key, signature, message));
        let mut asked = self.asked.borrow_mut();
        let mut first = self.first.borrow_mut();
        let repeat = first.get(&hash).is_some_and(|&at| {
            let seen = &asked[at];
            seen.key == *key && seen.signature == *signature && seen.message == message
        });
        if repeat {
            return true;
        }
        first.entry(hash).or_insert(asked.len());
        asked.push(Check {
            key: *key,
            signature: *signature,
            message: message.to_vec(),
        });
        if let Some(pass_on) = &self.pass_on {
            let passed = pass_on.passed.get();
            if asked.len() - passed >= pass_on.every {
                (pass_on.to.borrow_mut())(&asked[passed..]);
                pass_on.passed.set(asked.len());
            }
        }
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

    proptest::proptest! {
        /// Whatever the gate asks, in whatever order and with however many repeats: the list
        /// holds each distinct check once, in the order first asked, and what was passed on
        /// along the way is that list's start, in runs of exactly `every`, with no repeats.
        #[test]
        fn a_recorder_passes_on_its_list_as_it_grows(
            asks in proptest::collection::vec((0..3usize, 0..4usize), 0..40),
            every in 1..6usize,
        ) {
            let signer = Signer::from_seed([5; 32]);
            let signatures: Vec<Signature> = (0..3u8).map(|n| signer.sign(&[n])).collect();
            let mut passed: Vec<Vec<Check>> = Vec::new();
            let mut pass = |part: &[Check]| passed.push(part.to_vec());
            let recorder = Recorder::passing_on(every, &mut pass);
            let mut distinct: Vec<Check> = Vec::new();
            for (signature, message) in asks {
                // The same signature over other messages: a forger's reuse, each its own check.
                let check = Check { key: signer.key(), signature: signatures[signature], message: vec![message as u8] };
                proptest::prop_assert!(recorder.check(&check.key, &check.message, &check.signature));
                if !distinct.contains(&check) {
                    distinct.push(check);
                }
            }
            let checks = recorder.into_checks();
            proptest::prop_assert_eq!(&checks, &distinct);
            proptest::prop_assert!(passed.iter().all(|part| part.len() == every));
            let whole_runs = distinct.len() / every * every;
            proptest::prop_assert_eq!(passed.concat(), distinct[..whole_runs].to_vec());
        }
    }

    /// Every check's hash the same: a repeat is still told from a new check by the whole of
    /// it, key, signature and message, so a check whose hash collides is never skipped.
    #[test]
    fn a_check_whose_hash_collides_is_listed_all_the_same() {
        #[derive(Default)]
        struct Collide;
        impl std::hash::Hasher for Collide {
            fn finish(&self) -> u64 {
                7
            }
            fn write(&mut self, _: &[u8]) {}
        }
        let (key, signature) = signed(b"one");
        let (other_key, other_signature) = {
            let signer = Signer::from_seed([8; 32]);
            (signer.key(), signer.sign(b"one"))
        };
        let check = |key, signature, message: &[u8]| Check {
            key,
            signature,
            message: message.to_vec(),
        };
        let asks = [
            check(key, signature, b"one"),
            check(key, signature, b"one"),
            check(key, signature, b"forged"),
            check(other_key, signature, b"one"),
            check(key, other_signature, b"one"),
        ];
        let recorder = Recorder::with_hasher(std::hash::BuildHasherDefault::<Collide>::default());
        for ask in &asks {
            assert!(recorder.check(&ask.key, &ask.message, &ask.signature));
        }
        let [first, _repeat, rest @ ..] = asks;
        assert_eq!(
            recorder.into_checks(),
            [vec![first], rest.to_vec()].concat()
        );
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
