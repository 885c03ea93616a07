//! Generated boards for the property tests and the benchmarks: a tiny deterministic random
//! source, realistic posts, and one `apply` of an edit operation that both the law tests
//! (with operations from proptest) and the benchmarks (with operations from `Rng`) use.
//!
//! Included with `#[path]` by `tests/*.rs` and `benches/board.rs`; not every includer uses
//! every item.
#![allow(dead_code)]

use circle::model::{
    Board, CheckIn, CheckInDraft, Contact, ContactMethod, Day, DeviceId, EntryDraft, EntryKind,
    FundEntry, Match, Outcome, Partner, Person, PersonDraft, Post, PostDraft, PostKind, RecordId,
    Report, ReportDraft, Resource, ResourceDraft, ResourceKind, Roster, Shift, ShiftDraft, SignUp,
    Signer, Skill, SkillDraft, Stamp, Status, StatusChange, Stock, Swap, SwapDraft, Urgency,
    Visibility,
};
use std::sync::LazyLock;

/// SplitMix64: small, fast and good enough to make test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const CATEGORIES: [&str; 16] = circle::model::config::DEFAULT_CATEGORIES;
const AREAS: [&str; 8] = [
    "north",
    "south",
    "riverside",
    "old-town",
    "Peñalolén",
    "station",
    "east-hill",
    "market",
];
const NEEDS: [&str; 12] = [
    "Groceries for a family of four",
    "Ride to the clinic on Thursday",
    "Someone to walk my dog",
    "Help filling in a housing form",
    "Nappies size 4 and baby formula",
    "Fan for an elderly neighbour",
    "Hot meal for two, café nearby",
    "Phone top-up to call the doctor",
    "Winter coat, size M",
    "Translation at the benefits office",
    "Laptop help for a job application",
    "Pick up prescription from pharmacy",
];
const WORDS: [&str; 24] = [
    "please",
    "help",
    "tomorrow",
    "evening",
    "kids",
    "rent",
    "bus",
    "medicine",
    "fridge",
    "pantry",
    "neighbour",
    "weekend",
    "morning",
    "Spanish",
    "árabe",
    "groceries",
    "delivery",
    "wheelchair",
    "stairs",
    "heat",
    "water",
    "school",
    "shift",
    "thanks",
];
const HANDLES: [&str; 10] = [
    "Mina", "rosa", "ana", "ben", "Kofi", "li", "José", "sam", "coord", "amira",
];

/// A realistic post: a short title, a few sentences, a contact most of the time.
pub fn post(rng: &mut Rng, id: RecordId, at: Stamp) -> Post {
    let sentence_words = 8 + rng.below(50) as usize;
    let mut details = String::new();
    for n in 0..sentence_words {
        if n > 0 {
            details.push(' ');
        }
        details.push_str(rng.pick::<&str>(&WORDS));
    }
    let contact = rng.chance(75).then(|| Contact {
        method: *rng.pick(&ContactMethod::ALL),
        value: format!("+1 555 {:04}", rng.below(10_000)),
        visibility: *rng.pick(&[Visibility::Private, Visibility::Group, Visibility::Public]),
    });
    let draft = PostDraft {
        kind: if rng.chance(60) {
            PostKind::Ask
        } else {
            PostKind::Offer
        },
        title: rng.pick(&NEEDS).to_string(),
        category: rng.pick(&CATEGORIES).to_string(),
        area: rng.pick(&AREAS).to_string(),
        contact,
        details,
        urgency: *rng.pick(&Urgency::ALL),
        quantity: rng.chance(30).then(|| 1 + rng.below(10) as u32),
        author: rng.pick(&HANDLES).to_string(),
        languages: vec![rng.pick(&["en", "es", "ar", "fr"]).to_string()],
        until: None,
        recurring: rng.chance(10),
        private_note: if rng.chance(20) {
            "Buzzer 4B, call first".into()
        } else {
            String::new()
        },
    };
    Post::create(id, draft, at)
}

/// The posts numbered `range`, each the same on every call (seeded by its number), written
/// by one of a few devices over a month.
pub fn posts(range: std::ops::Range<u64>, devices: &[DeviceId]) -> Board {
    let mut board = Board::default();
    for n in range {
        let mut rng = Rng::new(n);
        let id = RecordId(rng.next());
        let at = Stamp::new(
            1_764_000_000_000 + rng.below(30 * 86_400_000),
            0,
            *rng.pick(devices),
        );
        board.add_post(post(&mut rng, id, at));
    }
    board
}

/// As [`posts`], each post signed by one of `authors` (as every post made since signing is),
/// under the id its author's key binds.
pub fn signed_posts(range: std::ops::Range<u64>, authors: &[circle::model::Signer]) -> Board {
    let mut board = Board::default();
    for n in range {
        let mut rng = Rng::new(n);
        let unsigned = post(&mut rng, RecordId(0), Stamp::default());
        let at = Stamp::new(
            1_764_000_000_000 + rng.below(30 * 86_400_000),
            n as u32,
            DeviceId(0xbe7c),
        );
        let author = rng.pick(authors);
        board.add_post(Post::create_signed(unsigned.draft(), at, author));
    }
    board
}

/// Two copies of a 10,000-post-style board: `size` posts each, `overlap` shared, with
/// concurrent edits on both sides of the shared ones.
pub fn overlapping_pair(size: u64, overlap: u64) -> (Board, Board) {
    let devices = [
        DeviceId(0x9f3a_71c2_0b5e_d481),
        DeviceId(0x51c0_aa93_7e21_f00d),
    ];
    let mut mine = posts(0..size, &devices);
    let mut theirs = posts(size - overlap..2 * size - overlap, &devices);
    let mut rng = Rng::new(42);
    let shared: Vec<RecordId> = mine
        .posts
        .keys()
        .filter(|id| theirs.posts.contains_key(id))
        .copied()
        .collect();
    let later = 1_765_000_000_000;
    for (n, id) in shared.iter().enumerate() {
        let kind = rng.below(OP_KINDS);
        let value = rng.below(4) as u8;
        let ms = later + n as u64;
        apply(&mut mine, &Op::new(*id, kind, value, ms, devices[0]));
        let other = rng.below(OP_KINDS);
        apply(&mut theirs, &Op::new(*id, other, value + 1, ms, devices[1]));
    }
    (mine, theirs)
}

/// How many kinds of operation `apply` knows.
pub const OP_KINDS: u64 = 17;

/// One edit on one device: which record, what kind of edit, a small value, and when.
#[derive(Clone, Debug)]
pub struct Op {
    pub id: RecordId,
    pub kind: u64,
    pub value: u8,
    pub at: Stamp,
}

impl Op {
    pub fn new(id: RecordId, kind: u64, value: u8, ms: u64, device: DeviceId) -> Self {
        Self {
            id,
            kind,
            value,
            at: Stamp::new(ms, 0, device),
        }
    }
}

fn text(value: u8) -> String {
    ["soup", "bread", "rice", "Café"][usize::from(value % 4)].to_string()
}

fn handle(value: u8) -> String {
    HANDLES[usize::from(value) % HANDLES.len()].to_string()
}

fn ensure_post<'a>(board: &'a mut Board, op: &Op) -> &'a mut Post {
    board.posts.get_or_insert_with(op.id, || {
        let mut rng = Rng::new(op.id.0 ^ u64::from(op.value));
        post(&mut rng, op.id, op.at)
    })
}

/// Applies one operation the way a device would: the record is created if this copy does not
/// have it, then one field, log or tombstone changes, stamped `op.at`. Operations touch every
/// kind of record and every merge rule (registers, logs, nested maps, tombstones).
pub fn apply(board: &mut Board, op: &Op) {
    let (id, at, value) = (op.id, op.at, op.value);
    match op.kind % OP_KINDS {
        0 => ensure_post(board, op).title.set(text(value), at),
        1 => ensure_post(board, op).details.set(text(value), at),
        2 => ensure_post(board, op)
            .urgency
            .set(Urgency::ALL[usize::from(value % 4)], at),
        3 => {
            let to = [Status::Open, Status::Matched, Status::Fulfilled][usize::from(value % 3)];
            let post = ensure_post(board, op);
            post.status.set(to, at);
            post.history.insert(StatusChange {
                at,
                by: handle(value),
                to,
            });
        }
        4 => ensure_post(board, op).removed.set(true, at),
        5 => ensure_post(board, op).contact.set(
            Some(Contact {
                method: ContactMethod::Call,
                value: text(value),
                visibility: Visibility::Group,
            }),
            at,
        ),
        6 => ensure_post(board, op).private_note.set(text(value), at),
        7 => resource(board, op).name.set(text(value), at),
        8 => {
            let report = Report::new(
                id,
                ReportDraft {
                    stock: Some(Stock::Low),
                    condition: None,
                    note: text(value),
                },
                &handle(value),
                at,
                signer_of(at.device),
            );
            resource(board, op)
                .reports
                .insert(unsigned_sometimes(report, value, |report| {
                    report.seal = None;
                }));
        }
        9 => resource(board, op).removed.set(true, at),
        10 => {
            let sign_up = SignUp::new(id, value % 2 == 0, &handle(value), at, signer_of(at.device));
            shift(board, op)
                .signups
                .insert(unsigned_sometimes(sign_up, value, |sign_up| {
                    sign_up.seal = None;
                }));
        }
        11 => {
            let person_id = RecordId(u64::from(value % 3));
            let person = roster(board, op).people.get_or_insert_with(person_id, || {
                Person::create(
                    PersonDraft {
                        name: text(value),
                        contact: None,
                        cadence_hours: 24,
                        volunteer: handle(value),
                        notes: String::new(),
                    },
                    at,
                )
            });
            let check_in = CheckIn::new(
                (id, person_id),
                CheckInDraft {
                    outcome: Outcome::Ok,
                    note: text(value),
                    ask: None,
                },
                &handle(value),
                at,
                signer_of(at.device),
            );
            person
                .check_ins
                .insert(unsigned_sometimes(check_in, value, |check_in| {
                    check_in.seal = None;
                }));
            person.notes.set(text(value), at);
        }
        12 => board
            .matches
            .get_or_insert_with(id, || {
                Match::create(
                    id,
                    RecordId(u64::from(value)),
                    Partner::Volunteer(handle(value)),
                    handle(value),
                    String::new(),
                    at,
                )
            })
            .notes
            .set(text(value), at),
        13 => board
            .fund
            .get_or_insert_with(id, || {
                let draft = EntryDraft {
                    kind: EntryKind::Pledge,
                    amount: 100,
                    purpose: text(value),
                    request: None,
                    by: handle(value),
                    private_note: String::new(),
                };
                FundEntry::create(id, draft, at)
            })
            .amount
            .set(u64::from(value) * 100, at),
        14 => board
            .skills
            .get_or_insert_with(id, || {
                let draft = SkillDraft {
                    handle: handle(value),
                    skill: text(value),
                    details: String::new(),
                    area: String::new(),
                    languages: Vec::new(),
                    contact: None,
                };
                Skill::create(id, draft, at)
            })
            .available
            .set(value % 2 == 0, at),
        15 => {
            let swap = Swap::new(
                id,
                SwapDraft {
                    minder: handle(value),
                    family: handle(value.wrapping_add(1)),
                    day: Day(20_000 + i32::from(value)),
                    minutes: 60 * (u32::from(value % 4) + 1),
                    note: text(value),
                },
                &handle(value),
                at,
                signer_of(at.device),
            );
            board
                .skills
                .get_or_insert_with(id, || {
                    let draft = SkillDraft {
                        handle: handle(value),
                        skill: "childcare".into(),
                        details: String::new(),
                        area: String::new(),
                        languages: Vec::new(),
                        contact: None,
                    };
                    Skill::create(id, draft, at)
                })
                .swaps
                .insert(unsigned_sometimes(swap, value, |swap| swap.seal = None));
        }
        _ => ensure_post(board, op).languages.set(vec![text(value)], at),
    }
}

/// The author keys of the devices that make entries (one per device id modulo 4). Made once:
/// growing a key pair costs more than a signature.
static SIGNERS: LazyLock<[Signer; 4]> =
    LazyLock::new(|| [1, 2, 3, 4].map(|n| Signer::from_seed([0x50 + n; 32])));

fn signer_of(device: DeviceId) -> &'static Signer {
    &SIGNERS[(device.0 % 4) as usize]
}

/// One entry in four as a board from before signing holds it: unsigned.
fn unsigned_sometimes<T>(mut entry: T, value: u8, unsign: impl FnOnce(&mut T)) -> T {
    if value % 4 == 3 {
        unsign(&mut entry);
    }
    entry
}

fn resource<'a>(board: &'a mut Board, op: &Op) -> &'a mut Resource {
    board.resources.get_or_insert_with(op.id, || {
        let draft = ResourceDraft {
            kind: ResourceKind::Fridge,
            name: text(op.value),
            area: "north".into(),
            hours: String::new(),
            accepts: String::new(),
            needs: String::new(),
            serves: String::new(),
            languages: Vec::new(),
            contact: None,
            private_note: String::new(),
        };
        Resource::create(op.id, draft, op.at)
    })
}

fn shift<'a>(board: &'a mut Board, op: &Op) -> &'a mut Shift {
    board.shifts.get_or_insert_with(op.id, || {
        let draft = ShiftDraft {
            task: text(op.value),
            area: String::new(),
            resource: None,
            starts_ms: op.at.ms,
            minutes: 60,
            needed: 2,
        };
        Shift::create(op.id, draft, op.at)
    })
}

fn roster<'a>(board: &'a mut Board, op: &Op) -> &'a mut Roster {
    board.rosters.get_or_insert_with(op.id, || {
        Roster::create(op.id, text(op.value), String::new(), op.at)
    })
}

/// A request form's response sheet of `rows` rows, as Google Forms publishes it: Timestamp
/// first, the form's questions as headers, checkbox answers joined by ", ", a paragraph
/// answer over two lines now and then. Every row is usable: one a second from 1 November
/// 2026, in the areas of `sample::posts`.
pub fn request_sheet(rows: u64) -> String {
    let mut csv = String::from(
        "Timestamp,Name,Does your request need to remain anonymous?,\
         What do you need? Check all that apply,Please describe your need,Is your need:,\
         Number of people in household,Neighborhood,Address,telephone,Status\r\n",
    );
    let urgency = [
        "Urgent (today)",
        "Within 1-2 days",
        "This week",
        "Not urgent",
    ];
    let categories = [
        "Food",
        "Rides",
        "Pet care",
        "Clothing/laundry",
        "Meals",
        "Rent",
    ];
    for n in 0..rows {
        let mut rng = Rng::new(0x5ee7 + n);
        let at = 1_793_491_200 + n; // seconds: 1 November 2026, one row a second
        let (day, rest) = (at / 86_400 - 20_758 + 1, at % 86_400);
        let mut wants = vec![*rng.pick(&categories)];
        if rng.chance(40) {
            wants.push(*rng.pick(&categories));
        }
        let mut details = rng.pick(&NEEDS).to_string();
        for _ in 0..rng.below(20) {
            details.push(' ');
            details.push_str(rng.pick::<&str>(&WORDS));
        }
        if rng.chance(20) {
            details.push_str("\nCall after 6pm, please.");
        }
        let line = format!(
            "11/{}/2026 {}:{:02}:{:02},{},{},\"{}\",\"{}\",{},{},{},{} Main St,+1 555 010 {:04},\r\n",
            day,
            rest / 3600,
            rest / 60 % 60,
            rest % 60,
            rng.pick(&HANDLES),
            if rng.chance(20) { "Yes" } else { "No" },
            wants.join(", "),
            details,
            rng.pick(&urgency),
            1 + rng.below(6),
            rng.pick(&AREAS),
            rng.below(1000),
            rng.below(10_000),
        );
        csv.push_str(&line);
    }
    csv
}
