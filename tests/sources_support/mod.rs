//! Generators for the codec property tests: posts with any text the input limits allow (every
//! script, quotes, line breaks, emoji), any stamps, later edits, status history and tombstones,
//! so the link and file codecs meet every shape a real board can take. Realistic whole boards
//! with every kind of record come from `tests/support/sample.rs`.
#![allow(dead_code)]

use circle::model::{
    CloseReason, Contact, ContactMethod, Day, DeviceId, Lww, Post, PostDraft, PostKind, RecordId,
    Stamp, Status, StatusChange, Urgency, Visibility,
};
use circle::sources::share_link::LinkAudience;
use proptest::prelude::*;
use proptest::test_runner::Config;

/// The case count: `PROPTEST_CASES` when set, else proptest's default (256).
pub fn config() -> Config {
    Config {
        // Failures print their minimal input; no regression files are written into the tree.
        failure_persistence: None,
        ..Config::default()
    }
}

pub fn stamp() -> impl Strategy<Value = Stamp> {
    (any::<u64>(), any::<u32>(), any::<u64>())
        .prop_map(|(ms, count, device)| Stamp::new(ms, count, DeviceId(device)))
}

/// One-line text up to `max` characters, from any script.
fn line(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("\\PC{{0,{max}}}")).expect("a valid pattern")
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        Just(Status::Open),
        Just(Status::Matched),
        Just(Status::Fulfilled),
        prop::sample::select(vec![
            CloseReason::Withdrawn,
            CloseReason::Expired,
            CloseReason::Duplicate,
            CloseReason::Referred,
        ])
        .prop_map(Status::Closed),
    ]
}

fn contact() -> impl Strategy<Value = Contact> {
    (
        prop::sample::select(ContactMethod::ALL.to_vec()),
        "[^\\s\\p{C}]\\PC{0,30}",
        prop::sample::select(vec![
            Visibility::Private,
            Visibility::Group,
            Visibility::Public,
        ]),
    )
        .prop_map(|(method, value, visibility)| Contact {
            method,
            value,
            visibility,
        })
}

fn draft() -> impl Strategy<Value = PostDraft> {
    (
        (
            prop::sample::select(vec![PostKind::Ask, PostKind::Offer]),
            line(120),
            line(40),
            line(60),
            prop::option::of(contact()),
            proptest::string::string_regex("[\\PC\n\t]{0,300}").expect("a valid pattern"),
        ),
        (
            prop::sample::select(Urgency::ALL.to_vec()),
            prop::option::of(0..=100_000u32),
            line(40),
            prop::collection::vec("[a-z]{2,3}(-[A-Z]{2})?", 0..4),
            prop::option::of((0..150_000i32).prop_map(Day)),
            any::<bool>(),
            line(80),
        ),
    )
        .prop_map(
            |(
                (kind, title, category, area, contact, details),
                (urgency, quantity, author, languages, until, recurring, private_note),
            )| PostDraft {
                kind,
                title,
                category,
                area,
                contact,
                details,
                urgency,
                quantity,
                author,
                languages,
                until,
                recurring,
                private_note,
            },
        )
}

/// A later edit of one field, or a status change, or a deletion.
#[derive(Clone, Debug)]
enum Edit {
    Title(String),
    Urgency(Urgency),
    Contact(Option<Contact>),
    Status(Status, String),
    Remove,
    /// Re-stamps every other field alike, as a merge from another copy can.
    Touch,
}

fn edit() -> impl Strategy<Value = (Edit, Stamp)> {
    let edit = prop_oneof![
        line(30).prop_map(Edit::Title),
        prop::sample::select(Urgency::ALL.to_vec()).prop_map(Edit::Urgency),
        prop::option::of(contact()).prop_map(Edit::Contact),
        (status(), line(20)).prop_map(|(to, by)| Edit::Status(to, by)),
        Just(Edit::Remove),
        Just(Edit::Touch),
    ];
    (edit, stamp())
}

fn apply(post: &mut Post, edit: Edit, at: Stamp) {
    fn touch<T: Clone>(field: &mut Lww<T>, at: Stamp) {
        *field = Lww::new(field.value.clone(), at);
    }
    match edit {
        Edit::Title(title) => post.title.set(title, at),
        Edit::Urgency(urgency) => post.urgency.set(urgency, at),
        Edit::Contact(contact) => post.contact.set(contact, at),
        Edit::Status(to, by) => {
            post.status.set(to, at);
            post.history.insert(StatusChange { at, by, to });
        }
        Edit::Remove => post.removed.set(true, at),
        Edit::Touch => {
            touch(&mut post.details, at);
            touch(&mut post.languages, at);
            touch(&mut post.quantity, at);
            touch(&mut post.until, at);
            touch(&mut post.recurring, at);
            touch(&mut post.private_note, at);
        }
    }
}

/// Any post within the input limits: created from a draft, then edited at any stamps.
pub fn post() -> impl Strategy<Value = Post> {
    (
        any::<u64>(),
        draft(),
        stamp(),
        prop::collection::vec(edit(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(id, draft, created, edits, keep_opening)| {
            let mut post = Post::create(RecordId(id), draft, created);
            if !keep_opening {
                // Histories without the usual first entry exist after forged or odd merges.
                post.history.clear();
            }
            for (edit, at) in edits {
                apply(&mut post, edit, at);
            }
            post
        })
}

pub fn audience() -> impl Strategy<Value = LinkAudience> {
    prop::sample::select(vec![LinkAudience::Public, LinkAudience::Group])
}
