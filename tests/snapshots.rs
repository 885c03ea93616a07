//! Every schema Circle ever wrote keeps loading. Each has a committed, hand-checked fixture
//! under `tests/fixtures/`; a new schema adds one and a test here that it migrates.

use circle::model::{Audience, CloseReason, EntryKind, RecordId, Snapshot, Status, Stock, Urgency};
use serde_json::Value;

const V1: &str = include_str!("fixtures/snapshot-v1.json");
const V2: &str = include_str!("fixtures/snapshot-v2.json");
/// The schema 2 board, plus one signed post with a helper's response and a coordinator's
/// moderation.
const V3: &str = include_str!("fixtures/snapshot-v3.json");
const SIGNED: RecordId = RecordId(0x34be_d8ba_ab20_1d6b);

#[test]
fn the_schema_1_fixture_loads() {
    let board = Snapshot::import(V1).expect("schema 1 loads as an import, limits included");
    assert_eq!(board.posts.len(), 4);
    assert_eq!(board.posts().count(), 3, "one post is a tombstone");
    let ask = board
        .post(RecordId(0x1a2b_3c4d_5e6f_7081))
        .expect("the ask");
    assert_eq!(ask.status.value, Status::Matched);
    assert_eq!(ask.urgency.value, Urgency::Week);
    assert_eq!(ask.history.len(), 2);
    let ride = board
        .post(RecordId(0x3c4d_5e6f_7081_92a3))
        .expect("the ride");
    assert_eq!(ride.status.value, Status::Closed(CloseReason::Withdrawn));
    assert_eq!(board.matches_of(ask.id).len(), 1);
    let fridge = board.resources().next().expect("a resource");
    assert_eq!(
        fridge.latest_report().and_then(|r| r.stock),
        Some(Stock::Empty)
    );
    assert_eq!(board.rosters().next().map(|r| r.people.len()), Some(1));
    assert_eq!(board.shifts()[0].open_spots(), 1);
    let summary = board.fund_summary();
    assert_eq!((summary.requested, summary.balance()), (45_000, 5_000));
    assert_eq!(board.ledger()[0].kind, EntryKind::Request);
    assert_eq!(board.who_can("driving").len(), 1);
}

#[test]
fn the_schema_1_fixture_migrates_to_the_schema_2_board() {
    let migrated = Snapshot::decode(V1).expect("schema 1 loads");
    assert_eq!(Snapshot::decode(V2), Ok(migrated.clone()));
    let written = Snapshot::encode(&migrated);
    assert!(written.starts_with(r#"{"schema":3,"#));
    let v1: Value = serde_json::from_str(V1).expect("fixture is JSON");
    let v1_written = serde_json::to_string(&v1).expect("JSON writes");
    assert!(
        written.len() < v1_written.len(),
        "schema 2 is smaller: {} against {}",
        written.len(),
        v1_written.len()
    );
}

#[test]
fn the_schema_2_fixture_loads_as_unsigned_posts_and_is_written_as_schema_3() {
    let board = Snapshot::decode(V2).expect("loads");
    assert!(board.posts.values().all(|post| !post.is_signed()));
    let mut v3 = Snapshot::decode(V3).expect("schema 3 loads");
    v3.posts.remove(&SIGNED);
    assert_eq!(
        v3, board,
        "the schema 3 fixture is the schema 2 board plus one post"
    );
    let written = Snapshot::encode(&board);
    assert!(written.starts_with(r#"{"schema":3,"#));
    assert_eq!(Snapshot::decode(&written), Ok(board));
}

#[test]
fn the_schema_3_fixture_round_trips_and_its_signatures_verify() {
    let board = Snapshot::import(V3).expect("loads as an import, limits included");
    let written = Snapshot::encode(&board);
    let original: Value = serde_json::from_str(V3).expect("fixture is JSON");
    let rewritten: Value = serde_json::from_str(&written).expect("output is JSON");
    assert_eq!(
        rewritten, original,
        "schema 3 is written exactly as the fixture"
    );
    let post = board.post(SIGNED).expect("the signed post");
    assert!(post.verifies());
    let response = post.responses.values().next().expect("a response");
    assert_eq!(response.by, "Sam");
    assert!(response.verifies(SIGNED));
    let moderation = post.moderation.iter().next().expect("a moderation");
    assert!(moderation.verifies(SIGNED));
    assert_eq!(post.status.value, Status::Matched);
    assert_eq!(
        post.current_status(),
        Status::Fulfilled,
        "the coordinator's later word"
    );
}

#[test]
fn a_redacted_signed_post_still_verifies_and_merges_back_whole() {
    let board = Snapshot::decode(V3).expect("loads");
    let public = board.redacted(Audience::Public);
    let shown = public.post(SIGNED).expect("published");
    assert!(shown.verifies(), "withheld values keep their digests");
    assert_eq!(shown.contact.value, None);
    assert!(shown.private_note.value.is_empty());
    let text = Snapshot::encode(&public);
    for private in ["+447700900124", "+447700900125", "Lift is out of order"] {
        assert!(V3.contains(private));
        assert!(!text.contains(private), "{private} leaked");
    }
    for (mut a, b) in [
        (public.clone(), board.clone()),
        (board.clone(), public.clone()),
    ] {
        a.merge_in(&b);
        assert_eq!(
            a, board,
            "a full copy and its public copy merge to the full copy"
        );
    }
}

#[test]
fn the_fixture_published_holds_none_of_its_private_details() {
    let board = Snapshot::decode(V1).expect("loads");
    let public = Snapshot::encode(&board.redacted(Audience::Public));
    let group = Snapshot::encode(&board.redacted(Audience::Group));
    for private in [
        "+44 7700 900123",
        "Flat 4B",
        "Key holder",
        "Diabetic",
        "Fine, has water",
        "Account ref",
        "José delivers",
        "0161 496 0001",
    ] {
        assert!(V1.contains(private), "{private} is in the fixture");
        assert!(
            !public.contains(private),
            "{private} leaked into a public board"
        );
        assert!(
            !group.contains(private),
            "{private} leaked into a group board"
        );
    }
    for group_only in ["@jose.veg", "+34 600 000 000", "Mr. Okafor"] {
        assert!(group.contains(group_only));
        assert!(
            !public.contains(group_only),
            "{group_only} leaked into a public board"
        );
    }
    assert!(public.contains("0161 496 0000"), "public contacts stay");
}
