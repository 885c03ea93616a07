//! Signed copies of a board for the merge laws: three devices, each with its own author key,
//! make and change only their own posts, answer each other's, and a coordinator's key
//! moderates; they also report on a shared place, check on a person on a shared roster, sign
//! up for (or back out of) a shared shift, which the coordinator made and changes, on any of
//! the devices, and record childcare swaps on a shared listing. Some copies then leave their
//! device redacted. Every
//! change goes through the board's own commands, signatures included, so each copy is one an
//! honest device could hold.
//!
//! Included with `#[path]` by `tests/merge_laws.rs`.
#![allow(dead_code)]

use circle::model::{
    Action, Audience, Board, CheckInDraft, CloseReason, Condition, Contact, ContactMethod, Day,
    DeviceId, Outcome, Person, PersonDraft, Post, PostDraft, PostKind, RecordId, ReportDraft,
    Resource, ResourceDraft, ResourceKind, Roster, Shift, ShiftDraft, Signer, Skill, SkillDraft,
    Stamp, Status, Stock, SwapDraft, Urgency, Visibility,
};
use proptest::prelude::*;
use std::sync::LazyLock;

/// The three devices' author keys (device n holds `AUTHORS[n - 1]`), and the coordinator's.
/// Made once: growing a key pair costs more than a signature.
static AUTHORS: LazyLock<[Signer; 3]> =
    LazyLock::new(|| [1, 2, 3].map(|n| Signer::from_seed([n; 32])));
static COORDINATOR: LazyLock<Signer> = LazyLock::new(|| Signer::from_seed([0xc0; 32]));

pub fn author(device: u64) -> &'static Signer {
    &AUTHORS[(device as usize - 1) % 3]
}

pub fn coordinator() -> &'static Signer {
    &COORDINATOR
}

/// How many kinds of operation `apply` knows.
pub const KINDS: u8 = 14;

/// The place, the roster and the person on it, and the shift every copy shares.
pub const PLACE: RecordId = RecordId(0xf1);
pub const ROSTER: RecordId = RecordId(0xa1);
pub const PERSON: RecordId = RecordId(0xa2);
pub const SHIFT: RecordId = RecordId(0x51);
pub const CHILDCARE: RecordId = RecordId(0xc1);

/// One operation on one device: what kind, which post (an index into those it may touch), a
/// small value, and the wall time.
#[derive(Clone, Copy, Debug)]
pub struct SignedOp {
    pub kind: u8,
    pub pick: u8,
    pub value: u8,
    pub ms: u64,
}

const HANDLES: [&str; 3] = ["ana", "ben", "kofi"];

fn text(value: u8) -> String {
    ["soup", "bread", "rice", "Café"][usize::from(value % 4)].to_string()
}

fn contact(value: u8) -> Option<Contact> {
    let visibility = [Visibility::Private, Visibility::Group, Visibility::Public];
    (value % 4 != 3).then(|| Contact {
        method: ContactMethod::Text,
        value: format!("+1 555 010{value}"),
        visibility: visibility[usize::from(value % 3)],
    })
}

fn draft(device: u64, value: u8) -> PostDraft {
    PostDraft {
        kind: [PostKind::Ask, PostKind::Offer][usize::from(value % 2)],
        title: text(value),
        category: "food".into(),
        area: "north".into(),
        contact: contact(value),
        details: String::new(),
        urgency: Urgency::Days,
        quantity: None,
        author: HANDLES[(device as usize - 1) % 3].into(),
        languages: Vec::new(),
        until: None,
        recurring: false,
        private_note: if value.is_multiple_of(2) {
            format!("note {value}")
        } else {
            String::new()
        },
    }
}

/// An ask a volunteer writes for someone on the roster.
fn ask(device: u64, value: u8) -> PostDraft {
    PostDraft {
        kind: PostKind::Ask,
        title: format!("{} for a neighbour", text(value)),
        ..draft(device, value)
    }
}

/// The `pick`th of the posts `keep` selects, if there are any.
fn choose(board: &Board, pick: u8, keep: impl Fn(&Post) -> bool) -> Option<RecordId> {
    let ids: Vec<RecordId> = board
        .posts
        .values()
        .filter(|post| keep(post))
        .map(|post| post.id)
        .collect();
    (!ids.is_empty()).then(|| ids[usize::from(pick) % ids.len()])
}

/// Applies one operation as device `device` would, through the board's commands. A command
/// the board refuses (not the author, stale, not allowed) changes nothing and is skipped, as
/// the app would report it and move on.
pub fn apply(board: &mut Board, device: u64, op: SignedOp) {
    let signer = author(device);
    let at = Stamp::new(op.ms, 0, DeviceId(device));
    let handle = HANDLES[(device as usize - 1) % 3];
    let value = op.value;
    let own = choose(board, op.pick, |post| post.is_by(signer));
    let others = choose(board, op.pick, |post| !post.is_by(signer));
    let any = choose(board, op.pick, |_| true);
    match op.kind % KINDS {
        0 => {
            let post = Post::create_signed(draft(device, value), at, signer);
            board.posts.get_or_insert_with(post.id, || post);
        }
        kind @ 1..=3 => {
            let Some(id) = own else { return };
            let mut draft = board.posts[&id].draft();
            match kind {
                1 => draft.title = text(value),
                2 => draft.contact = contact(value),
                _ => draft.private_note = text(value),
            }
            board.edit_post(id, draft, at, signer).ok();
        }
        4 => {
            let statuses = [
                Status::Open,
                Status::Matched,
                Status::Fulfilled,
                Status::Closed(CloseReason::Withdrawn),
            ];
            if let Some(id) = own {
                let to = statuses[usize::from(value % 4)];
                board.set_status(id, to, handle, at, signer).ok();
            }
        }
        5 => {
            if let Some(id) = own {
                board.remove_post(id, at, signer).ok();
            }
        }
        6 => {
            if let Some(id) = others {
                board
                    .respond(id, at, handle, text(value), contact(value), signer)
                    .ok();
            }
        }
        8 => {
            let draft = ReportDraft {
                stock: Some(
                    [Stock::Empty, Stock::Low, Stock::Some, Stock::Full][usize::from(value % 4)],
                ),
                condition: value.is_multiple_of(2).then_some(Condition::Good),
                note: if value.is_multiple_of(3) {
                    String::new()
                } else {
                    text(value)
                },
            };
            board.report(PLACE, draft, handle, at, signer).ok();
        }
        9 => {
            // Notes are private, and half of them empty: a group copy withholds either kind.
            let draft = CheckInDraft {
                outcome: [Outcome::Ok, Outcome::NeedsSomething, Outcome::NoAnswer]
                    [usize::from(value % 3)],
                note: if value.is_multiple_of(2) {
                    text(value)
                } else {
                    String::new()
                },
                ask: None,
            };
            if draft.outcome == Outcome::NeedsSomething && op.pick.is_multiple_of(2) {
                // The volunteer posts an ask for what the person needs, linked from the
                // check-in.
                board
                    .check_in_with_ask(
                        (ROSTER, PERSON),
                        draft,
                        handle,
                        ask(device, value),
                        at,
                        signer,
                    )
                    .ok();
            } else {
                board
                    .check_in((ROSTER, PERSON), draft, handle, at, signer)
                    .ok();
            }
        }
        10 => {
            board
                .sign_up(SHIFT, value.is_multiple_of(2), handle, at, signer)
                .ok();
        }
        7 => {
            let draft = SwapDraft {
                minder: handle.into(),
                family: HANDLES[usize::from(value) % 3].into(),
                day: Day(20_000 + i32::from(value)),
                minutes: 30 * (u32::from(value) + 1),
                note: text(value),
            };
            board.record_swap(CHILDCARE, draft, handle, at, signer).ok();
        }
        11 => coordinate(board, at, op.pick, value),
        _ => {
            let actions = [
                Action::Hide,
                Action::Show,
                Action::Status(Status::Fulfilled),
                Action::Status(Status::Closed(CloseReason::Duplicate)),
            ];
            if let Some(id) = any {
                let action = actions[usize::from(value % 4)];
                board.moderate(id, action, "coord", at, coordinator()).ok();
            }
        }
    }
}

/// A coordinator changes the shared records, on whichever device, as the workspace does: the
/// edit, then its seal. Some of what it writes is private, so redacted copies blank it.
fn coordinate(board: &mut Board, at: Stamp, pick: u8, value: u8) {
    match value % 4 {
        0 => {
            if let Some(shift) = board.shifts.get_mut(&SHIFT) {
                shift.needed.change(u32::from(value) + 1, at);
            }
        }
        1 => {
            if let Some(roster) = board.rosters.get_mut(&ROSTER) {
                roster.name.change(text(pick), at);
            }
        }
        2 => {
            if let Some(place) = board.resources.get_mut(&PLACE) {
                place.hours.change(text(pick), at);
                place.private_note.change(text(value), at);
            }
        }
        _ => {
            let person = PersonDraft {
                name: text(pick),
                contact: contact(pick),
                cadence_hours: 24,
                volunteer: "ben".into(),
                notes: text(value),
            };
            // Ids are random in the app; here each (device, time, choice) makes its own.
            let made = (at.device.0 << 16) | (at.ms << 8) | u64::from(pick % 4) << 2;
            let id = RecordId(0xa3_0000_0000 | made | u64::from(value % 4));
            board.add_person(ROSTER, id, person, at).ok();
        }
    }
    board.seal_edit(at, coordinator());
}

/// A board holding the place, roster and shift, made and sealed by the coordinator before any
/// copy went its own way.
fn shared_records() -> Board {
    let mut board = Board::default();
    let made = Stamp::new(0, 0, DeviceId(0xc0));
    let place = ResourceDraft {
        kind: ResourceKind::Fridge,
        name: "Fridge".into(),
        area: "north".into(),
        hours: String::new(),
        accepts: String::new(),
        needs: String::new(),
        serves: String::new(),
        languages: Vec::new(),
        contact: None,
        private_note: String::new(),
    };
    board
        .resources
        .insert(PLACE, Resource::create(PLACE, place, made));
    let mut roster = Roster::create(ROSTER, "Heat wave".into(), "north".into(), made);
    let person = PersonDraft {
        name: "Mr. Okafor".into(),
        contact: None,
        cadence_hours: 24,
        volunteer: "ana".into(),
        notes: String::new(),
    };
    roster.people.insert(PERSON, Person::create(person, made));
    board.rosters.insert(ROSTER, roster);
    let shift = ShiftDraft {
        task: "Restock".into(),
        area: "north".into(),
        resource: Some(PLACE),
        starts_ms: 1_000,
        minutes: 60,
        needed: 2,
    };
    board
        .shifts
        .insert(SHIFT, Shift::create(SHIFT, shift, made));
    let childcare = SkillDraft {
        handle: "kofi".into(),
        skill: "childcare".into(),
        details: String::new(),
        area: "north".into(),
        languages: Vec::new(),
        contact: None,
    };
    board
        .skills
        .insert(CHILDCARE, Skill::create(CHILDCARE, childcare, made));
    board.seal_edit(made, coordinator());
    board
}

/// Three copies that went on from one shared board, each as it left its device (`shared`,
/// perhaps redacted), and as it was before redaction (`full`).
#[derive(Clone, Debug)]
pub struct SignedCopies {
    pub full: [Board; 3],
    pub shared: [Board; 3],
}

/// How a copy leaves its device: as it is (most often), for the group, or for the public.
fn redact(board: &Board, how: u8) -> Board {
    match how % 4 {
        0 | 1 => board.clone(),
        2 => board.redacted(Audience::Group),
        _ => board.redacted(Audience::Public),
    }
}

/// Times are drawn from a narrow range, so edits on different devices often share a
/// millisecond and differ only by device.
fn op() -> impl Strategy<Value = SignedOp> {
    (0..KINDS, any::<u8>(), 0..4u8, 0..6u64).prop_map(|(kind, pick, value, ms)| SignedOp {
        kind,
        pick,
        value,
        ms,
    })
}

/// A shared board where each device has made a post and then some changes, and three copies
/// that went on from it on devices 1, 2 and 3. Sometimes the third copy is instead a second
/// tab of device 1: same key, same device, changing the same posts at the same times.
pub fn signed_copies() -> impl Strategy<Value = SignedCopies> {
    let ops = |n| prop::collection::vec(op(), 0..n);
    (
        prop::collection::vec((1..=3u64, op()), 0..6),
        [ops(6), ops(6), ops(6)],
        [0..4u8, 0..4u8, 0..4u8],
        any::<bool>(),
    )
        .prop_map(|(base_ops, copy_ops, redactions, third_is_a_tab)| {
            let mut base = shared_records();
            for device in 1..=3u64 {
                let first = SignedOp {
                    kind: 0,
                    pick: 0,
                    value: device as u8,
                    ms: 0,
                };
                apply(&mut base, device, first);
            }
            for (device, op) in base_ops {
                apply(&mut base, device, op);
            }
            let devices = [1, 2, if third_is_a_tab { 1 } else { 3 }];
            let full = [0, 1, 2].map(|n| {
                let mut copy = base.clone();
                for op in &copy_ops[n] {
                    let later = SignedOp {
                        ms: 6 + op.ms,
                        ..*op
                    };
                    apply(&mut copy, devices[n], later);
                }
                copy
            });
            let shared = [0, 1, 2].map(|n| redact(&full[n], redactions[n]));
            SignedCopies { full, shared }
        })
}
