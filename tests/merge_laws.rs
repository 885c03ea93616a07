//! The merge laws, tested over generated boards: copies that share a history, then diverge with
//! concurrent edits and deletions on three devices, across every kind of record. Whatever order
//! copies meet in, they must end up the same, and no edit may be lost.
//!
//! `PROPTEST_CASES` sets the cases per law (256 by default; `make test` runs 10,000).

#[path = "support/sample.rs"]
mod sample;

use circle::model::{Board, DeviceId, Merge, RecordId, Snapshot, Stamp};
use proptest::prelude::*;
use sample::{apply, Op, OP_KINDS};

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
