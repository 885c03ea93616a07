//! The merge laws, tested over generated boards: copies that share a history, then diverge with
//! concurrent edits and deletions on three devices, across every kind of record. Whatever order
//! copies meet in, they must end up the same, and no edit may be lost.
//!
//! The same laws hold for signed posts (`support/signed.rs`): copies where each device changes
//! only its own posts, answers others' and a coordinator moderates, and adds its own signed
//! reports, check-ins, sign-ups and swaps to shared records, some of them redacted. For those,
//! also: the newest revision of every post, every response, moderation record, report, check-in
//! (with the ask it links) and swap, and each volunteer's latest sign-up of either copy survive
//! a merge, a redacted copy merged with its full copy gives the full copy, and an honest copy
//! passes the trust gate whole.
//!
//! `PROPTEST_CASES` sets the cases per law (256 by default; `make test` runs 10,000).

#[path = "support/sample.rs"]
mod sample;
#[path = "support/signed.rs"]
mod signed;

use circle::model::trust::check::Local;
use circle::model::trust::gate::Gate;
use circle::model::{Audience, Board, DeviceId, Entry, Merge, Post, RecordId, Snapshot, Stamp};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use sample::{apply, Op, OP_KINDS};
use signed::{coordinator, signed_copies};

/// Records are drawn from a small pool so copies keep touching the same ones.
const POOL: u64 = 6;

/// One operation as generated: record, kind of edit, value, wall time. Times are drawn from a
/// narrow range so different devices often edit at the same millisecond.
fn op() -> impl Strategy<Value = (u64, u64, u8, u64)> {
    (0..POOL, 0..OP_KINDS, 0..4u8, 0..12u64)
}

fn build(board: &mut Board, device: u64, ops: &[(u64, u64, u8, u64)], after_ms: u64) {
    for &(id, kind, value, ms) in ops {
        let op = Op::new(RecordId(id), kind, value, after_ms + ms, DeviceId(device));
        apply(board, &op);
    }
}

/// A shared base copy and three copies that each went on from it on their own device.
fn copies() -> impl Strategy<Value = (Board, Board, Board)> {
    let ops = || prop::collection::vec(op(), 0..10);
    (ops(), ops(), ops(), ops()).prop_map(|(base_ops, a_ops, b_ops, c_ops)| {
        let mut base = Board::default();
        build(&mut base, 1, &base_ops, 0);
        let mut a = base.clone();
        build(&mut a, 2, &a_ops, 6);
        let mut b = base.clone();
        build(&mut b, 3, &b_ops, 6);
        let mut c = base;
        build(&mut c, 4, &c_ops, 6);
        (a, b, c)
    })
}

fn merged(a: &Board, b: &Board) -> Board {
    let mut out = a.clone();
    out.merge(b);
    out
}

proptest! {
    #[test]
    fn merge_is_commutative((a, b, _) in copies()) {
        prop_assert_eq!(merged(&a, &b), merged(&b, &a));
    }

    #[test]
    fn merge_is_associative((a, b, c) in copies()) {
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)));
    }

    #[test]
    fn merge_is_idempotent((a, b, _) in copies()) {
        prop_assert_eq!(merged(&a, &a), a.clone());
        let ab = merged(&a, &b);
        prop_assert_eq!(merged(&ab, &b), ab.clone());
        prop_assert_eq!(merged(&ab, &a), ab);
    }

    /// What the app runs (with its report) is the same merge, and its counts add up.
    #[test]
    fn merge_in_is_merge((a, b, _) in copies()) {
        let mut reported = a.clone();
        let report = reported.merge_in(&b);
        prop_assert_eq!(&reported, &merged(&a, &b));
        prop_assert_eq!(report.added + report.updated + report.unchanged, b.len());
        prop_assert_eq!(reported.len(), a.len() + report.added);
        let mut absorbed = a.clone();
        prop_assert_eq!(absorbed.absorb(b.clone()), report);
        prop_assert_eq!(absorbed, reported);
    }

    /// A merged board survives a snapshot unchanged.
    #[test]
    fn merged_boards_round_trip_through_snapshots((a, b, _) in copies()) {
        let board = merged(&a, &b);
        prop_assert_eq!(Snapshot::decode(&Snapshot::encode(&board)), Ok(board));
    }

    /// Two devices edit different fields of one post at the same time; both edits survive
    /// whichever copy merges into which.
    #[test]
    fn concurrent_edits_of_different_fields_both_survive(
        base_ops in prop::collection::vec(op(), 0..10),
        id in 0..POOL,
        title in "[a-z]{1,8}",
        area in "[a-z]{1,8}",
        (a_ms, b_ms) in (0..4u64, 0..4u64),
    ) {
        let mut base = Board::default();
        build(&mut base, 1, &base_ops, 0);
        apply(&mut base, &Op::new(RecordId(id), 0, 0, 20, DeviceId(1)));
        // Bring the post back if a base operation removed it, so both edits land on a live post.
        let post = base.posts.get_mut(&RecordId(id)).expect("created above");
        post.removed.set(false, Stamp::new(21, 0, DeviceId(1)));
        let mut a = base.clone();
        a.posts.get_mut(&RecordId(id)).expect("shared").title.set(title.clone(), Stamp::new(30 + a_ms, 0, DeviceId(2)));
        let mut b = base;
        b.posts.get_mut(&RecordId(id)).expect("shared").area.set(area.clone(), Stamp::new(30 + b_ms, 0, DeviceId(3)));
        for board in [merged(&a, &b), merged(&b, &a)] {
            let post = board.post(RecordId(id)).expect("still live");
            prop_assert_eq!(&post.title.value, &title);
            prop_assert_eq!(&post.area.value, &area);
        }
    }
}

/// What `merged` must keep of `side`, one of the two copies merged into it: each post at a
/// revision at least as new, and at the same revision the same signed content, showing at least
/// what `side` shows; every response (no less shown) and every moderation record.
fn keeps_everything_of(side: &Board, merged: &Board) -> Result<(), TestCaseError> {
    for (id, theirs) in &side.posts {
        let Some(ours) = merged.posts.get(id) else {
            return Err(TestCaseError::fail(format!("post {id} lost")));
        };
        prop_assert!(ours.verifies(), "post {} no longer verifies", id);
        prop_assert!(ours.revision() >= theirs.revision());
        if ours.revision() == theirs.revision() {
            prop_assert_eq!(ours.signed_bytes(), theirs.signed_bytes());
            prop_assert_eq!(ours.seal.map(|s| s.seal), theirs.seal.map(|s| s.seal));
            let shows = |post: &Post| post.seal.map(|s| (s.contact.is_shown(), s.note.is_shown()));
            let (ours_shown, theirs_shown) = (shows(ours), shows(theirs));
            if let (Some((contact, note)), Some((their_contact, their_note))) =
                (ours_shown, theirs_shown)
            {
                prop_assert!(
                    contact || !their_contact,
                    "contact of {} withheld again",
                    id
                );
                prop_assert!(note || !their_note, "note of {} withheld again", id);
                if their_contact {
                    prop_assert_eq!(&ours.contact, &theirs.contact);
                }
                if their_note {
                    prop_assert_eq!(&ours.private_note, &theirs.private_note);
                }
            }
        }
        for (key, response) in &theirs.responses {
            let Some(kept) = ours.responses.get(key) else {
                return Err(TestCaseError::fail(format!("a response to {id} lost")));
            };
            prop_assert_eq!(kept.withheld(), response.withheld());
            if response.secret.is_shown() {
                prop_assert_eq!(kept, response);
            }
        }
        prop_assert!(
            theirs.moderation.is_subset(&ours.moderation),
            "moderation of {} lost",
            id
        );
    }
    keeps_entries_of(side, merged)
}

/// What `merged` must keep of `side`'s entries: every report, check-in (no less shown) and
/// swap, each volunteer's sign-up at least as new, all still verifying.
fn keeps_entries_of(side: &Board, merged: &Board) -> Result<(), TestCaseError> {
    for (id, theirs) in &side.resources {
        let ours = &merged.resources[id];
        for report in theirs.reports.iter() {
            prop_assert_eq!(
                ours.reports.get(&report.key()),
                Some(report),
                "a report lost"
            );
        }
        prop_assert!(ours.reports.iter().all(|report| report.verifies(*id)));
    }
    for (id, theirs) in &side.rosters {
        for (person_id, person) in &theirs.people {
            let ours = &merged.rosters[id].people[person_id];
            for check_in in person.check_ins.iter() {
                let Some(kept) = ours.check_ins.get(&check_in.key()) else {
                    return Err(TestCaseError::fail("a check-in lost"));
                };
                prop_assert_eq!(kept.withheld(), check_in.withheld());
                if check_in.seal.is_some_and(|sealed| sealed.note.is_shown()) {
                    prop_assert_eq!(kept, check_in);
                }
            }
            let place = (*id, *person_id);
            prop_assert!(ours.check_ins.iter().all(|c| c.verifies(place)));
        }
    }
    for (id, theirs) in &side.shifts {
        let ours = &merged.shifts[id];
        for sign_up in theirs.signups.iter() {
            let kept = ours.signups.get(&sign_up.key()).map(|kept| kept.at);
            prop_assert!(kept >= Some(sign_up.at), "a sign-up lost");
        }
        prop_assert!(ours.signups.iter().all(|sign_up| sign_up.verifies(*id)));
    }
    for (id, theirs) in &side.skills {
        let ours = &merged.skills[id];
        for swap in theirs.swaps.iter() {
            prop_assert_eq!(ours.swaps.get(&swap.key()), Some(swap), "a swap lost");
        }
        prop_assert!(ours.swaps.iter().all(|swap| swap.verifies(*id)));
    }
    Ok(())
}

proptest! {
    #[test]
    fn signed_merge_is_commutative(copies in signed_copies()) {
        let [a, b, c] = &copies.shared;
        prop_assert_eq!(merged(a, b), merged(b, a));
        prop_assert_eq!(merged(a, c), merged(c, a));
    }

    #[test]
    fn signed_merge_is_associative(copies in signed_copies()) {
        let [a, b, c] = &copies.shared;
        prop_assert_eq!(merged(&merged(a, b), c), merged(a, &merged(b, c)));
    }

    #[test]
    fn signed_merge_is_idempotent(copies in signed_copies()) {
        let [a, b, _] = &copies.shared;
        prop_assert_eq!(&merged(a, a), a);
        let ab = merged(a, b);
        prop_assert_eq!(merged(&ab, b), ab.clone());
        prop_assert_eq!(merged(&ab, a), ab);
    }

    #[test]
    fn signed_merge_in_is_merge(copies in signed_copies()) {
        let [a, b, _] = &copies.shared;
        let mut reported = a.clone();
        let report = reported.merge_in(b);
        prop_assert_eq!(&reported, &merged(a, b));
        prop_assert_eq!(report.added + report.updated + report.unchanged, b.len());
        let mut absorbed = a.clone();
        prop_assert_eq!(absorbed.absorb(b.clone()), report);
        prop_assert_eq!(absorbed, reported);
    }

    /// Nothing either copy holds is lost, and nothing appears that neither held.
    #[test]
    fn signed_merge_loses_nothing(copies in signed_copies()) {
        let [a, b, _] = &copies.shared;
        let ab = merged(a, b);
        keeps_everything_of(a, &ab)?;
        keeps_everything_of(b, &ab)?;
        for (id, post) in &ab.posts {
            let sides: Vec<&Post> = [a, b].iter().filter_map(|side| side.posts.get(id)).collect();
            let newest = sides.iter().map(|side| side.revision()).max();
            prop_assert_eq!(Some(post.revision()), newest, "post {} appeared from nowhere", id);
            for key in post.responses.keys() {
                prop_assert!(sides.iter().any(|side| side.responses.contains_key(key)));
            }
            for entry in &post.moderation {
                prop_assert!(sides.iter().any(|side| side.moderation.contains(entry)));
            }
        }
    }

    /// Redaction only withholds: merged with the copy it came from, either way round, a
    /// redacted copy gives that copy back.
    #[test]
    fn a_redacted_copy_merged_with_its_full_copy_gives_the_full_copy(copies in signed_copies()) {
        for full in &copies.full {
            for audience in [Audience::Public, Audience::Group] {
                let redacted = full.redacted(audience);
                prop_assert_eq!(&merged(full, &redacted), full);
                prop_assert_eq!(&merged(&redacted, full), full);
            }
        }
    }

    /// What honest devices make passes the trust gate whole: the gate refuses forgeries, never
    /// an author's own revisions, a helper's responses, a coordinator's moderation or a
    /// redacted copy.
    #[test]
    fn honest_copies_pass_the_gate_whole(copies in signed_copies()) {
        let [a, b, c] = &copies.shared;
        let coordinators = [coordinator().key()];
        for (current, incoming) in [(a, b), (b, c), (c, a)] {
            let gate = Gate { current, now_ms: 0, coordinators: &coordinators, checker: &Local };
            let admitted = gate.admit(incoming.clone());
            prop_assert_eq!(admitted.refused, []);
            prop_assert_eq!(&admitted.board, incoming);
        }
    }
}
