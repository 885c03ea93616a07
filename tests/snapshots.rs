//! Every schema Circle ever wrote keeps loading. Each has a committed, hand-checked fixture
//! under `tests/fixtures/`; a new schema adds one and a test here that it migrates.

use circle::model::Entry as _;
use circle::model::{
    Audience, Board, CloseReason, EntryKind, Outcome, RecordId, Snapshot, Status, Stock, Urgency,
};
use serde_json::Value;

const V1: &str = include_str!("fixtures/snapshot-v1.json");
const V2: &str = include_str!("fixtures/snapshot-v2.json");
/// The schema 2 board, plus one signed post with a helper's response and a coordinator's
/// moderation.
const V3: &str = include_str!("fixtures/snapshot-v3.json");
const SIGNED: RecordId = RecordId(0x34be_d8ba_ab20_1d6b);
/// The schema 3 board, plus a signed condition report, check-in and sign-up.
const V4: &str = include_str!("fixtures/snapshot-v4.json");
const FRIDGE: RecordId = RecordId(0x6f70_8192_a3b4_c5d6);
const ROSTER: RecordId = RecordId(0x7081_92a3_b4c5_d6e7);
const OKAFOR: RecordId = RecordId(0x8192_a3b4_c5d6_e7f8);
const SHIFT: RecordId = RecordId(0x92a3_b4c5_d6e7_f809);
/// The schema 4 board after a coordinator's sealed edit: the shift needs three people, and a
/// new skill, every field sealed.
const V5: &str = include_str!("fixtures/snapshot-v5.json");
const SKILL: RecordId = RecordId(0xa4b5_c6d7_e8f9_0a1b);

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
    assert!(written.starts_with(r#"{"schema":5,"#));
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
fn the_schema_2_fixture_loads_as_unsigned_posts_and_is_written_as_schema_5() {
    let board = Snapshot::decode(V2).expect("loads");
    assert!(board.posts.values().all(|post| !post.is_signed()));
    let mut v3 = Snapshot::decode(V3).expect("schema 3 loads");
    v3.posts.remove(&SIGNED);
    assert_eq!(
        v3, board,
        "the schema 3 fixture is the schema 2 board plus one post"
    );
    let written = Snapshot::encode(&board);
    assert!(written.starts_with(r#"{"schema":5,"#));
    assert_eq!(Snapshot::decode(&written), Ok(board));
}

#[test]
fn the_schema_3_fixture_loads_and_its_signatures_verify() {
    let board = Snapshot::import(V3).expect("loads as an import, limits included");
    let post = board.post(SIGNED).expect("the signed post");
    assert!(post.verifies());
    let response = post.responses.values().next().expect("a response");
    assert_eq!(response.by, "Sam");
    assert!(response.verifies(SIGNED));
    let moderation = post.moderation.iter().next().expect("a moderation");
    assert!(moderation.verifies(SIGNED));
    // Signed for this post only: the same entry copied onto another does not verify.
    assert!(!moderation.verifies(RecordId(SIGNED.0 + 1)));
    assert!(!response.verifies(RecordId(SIGNED.0 + 1)));
    assert_eq!(post.status.value, Status::Matched);
    assert_eq!(
        post.current_status(),
        Status::Fulfilled,
        "the coordinator's later word"
    );
}

/// Reports, check-ins and sign-ups from before they were signed: all of them still there, as
/// they were, and shown as unsigned.
#[test]
fn the_schema_3_fixture_keeps_its_reports_check_ins_and_sign_ups_as_unsigned_entries() {
    let board = Snapshot::import(V3).expect("loads");
    let fridge = &board.resources[&FRIDGE];
    let reports: Vec<_> = fridge
        .reports
        .iter()
        .map(|r| (r.by.as_str(), r.stock, r.is_signed()))
        .collect();
    assert_eq!(
        reports,
        [
            ("ana", Some(Stock::Low), false),
            ("ben", Some(Stock::Empty), false)
        ]
    );
    let okafor = &board.rosters[&ROSTER].people[&OKAFOR];
    let check_ins: Vec<_> = okafor
        .check_ins
        .iter()
        .map(|c| (c.by.as_str(), c.outcome, c.note.as_str(), c.is_signed()))
        .collect();
    assert_eq!(
        check_ins,
        [
            ("ana", Outcome::Ok, "Fine, has water", false),
            ("ben", Outcome::NoAnswer, "", false)
        ]
    );
    let shift = &board.shifts[&SHIFT];
    let sign_ups: Vec<_> = shift
        .signups
        .iter()
        .map(|s| (s.by.as_str(), s.yes, s.is_signed()))
        .collect();
    assert_eq!(sign_ups, [("ana", true, false), ("ben", false, false)]);
    assert_eq!(shift.open_spots(), 1);
}

/// Drops the three entries the schema 4 fixture adds to the schema 3 board.
fn without_signed_entries(mut board: Board) -> Board {
    let fridge = board.resources.get_mut(&FRIDGE).expect("the fridge");
    fridge.reports.retain(|report| !report.is_signed());
    let roster = board.rosters.get_mut(&ROSTER).expect("the roster");
    let okafor = roster.people.get_mut(&OKAFOR).expect("Mr. Okafor");
    okafor.check_ins.retain(|check_in| !check_in.is_signed());
    let shift = board.shifts.get_mut(&SHIFT).expect("the shift");
    shift.signups.retain(|sign_up| !sign_up.is_signed());
    board
}

#[test]
fn the_schema_4_fixture_round_trips_and_its_entries_verify() {
    let board = Snapshot::import(V4).expect("loads as an import, limits included");
    let written = Snapshot::encode(&board);
    assert!(written.starts_with(r#"{"schema":5,"#));
    let original: Value = serde_json::from_str(V4).expect("fixture is JSON");
    let rewritten: Value = serde_json::from_str(&written).expect("output is JSON");
    assert_eq!(
        rewritten["board"], original["board"],
        "a schema 4 board is written as it was, under schema 5"
    );
    assert_eq!(
        without_signed_entries(board.clone()),
        Snapshot::decode(V3).expect("schema 3 loads"),
        "the schema 4 fixture is the schema 3 board plus three signed entries"
    );

    let report = board.resources[&FRIDGE].latest_report().expect("a report");
    assert_eq!(
        (report.by.as_str(), report.stock, report.is_signed()),
        ("Wen", Some(Stock::Full), true)
    );
    assert!(report.verifies(FRIDGE));
    let okafor = &board.rosters[&ROSTER].people[&OKAFOR];
    let check_in = okafor.last_check_in().expect("a check-in");
    assert_eq!(check_in.outcome, Outcome::NeedsSomething);
    assert!(check_in.verifies((ROSTER, OKAFOR)));
    let shift = &board.shifts[&SHIFT];
    let priya = shift
        .signups
        .iter()
        .find(|sign_up| sign_up.is_signed())
        .expect("a signed sign-up");
    assert_eq!((priya.by.as_str(), priya.yes), ("Priya", true));
    assert!(priya.verifies(SHIFT));
    assert_eq!(shift.open_spots(), 0);
}

#[test]
fn a_group_copy_of_the_schema_4_fixture_withholds_the_check_in_note_and_still_verifies() {
    let board = Snapshot::decode(V4).expect("loads");
    let group = board.redacted(Audience::Group);
    let text = Snapshot::encode(&group);
    assert!(V4.contains("Needs his insulin collected"));
    assert!(!text.contains("Needs his insulin collected"), "leaked");
    let okafor = &group.rosters[&ROSTER].people[&OKAFOR];
    let check_in = okafor.last_check_in().expect("a check-in");
    assert!(check_in.note.is_empty());
    assert!(check_in.verifies((ROSTER, OKAFOR)));
    for (mut a, b) in [
        (group.clone(), board.clone()),
        (board.clone(), group.clone()),
    ] {
        a.merge_in(&b);
        assert_eq!(
            a, board,
            "a full copy and its group copy merge to the full copy"
        );
    }
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

#[test]
fn the_schema_5_fixture_round_trips_and_its_sealed_fields_pass_the_gate() {
    use circle::model::trust::check::Local;
    use circle::model::trust::gate::Gate;
    let board = Snapshot::import(V5).expect("loads as an import, limits included");
    let written = Snapshot::encode(&board);
    assert!(written.starts_with(r#"{"schema":5,"#));
    let original: Value = serde_json::from_str(V5).expect("fixture is JSON");
    let rewritten: Value = serde_json::from_str(&written).expect("output is JSON");
    assert_eq!(
        rewritten, original,
        "schema 5 is written exactly as the fixture"
    );
    let v4 = Snapshot::decode(V4).expect("schema 4 loads");
    assert_eq!(board.shifts[&SHIFT].needed.value, 3);
    assert!(board.shifts[&SHIFT].needed.seal.is_some());
    assert_eq!(board.skills[&SKILL].skill.value, "childcare");
    let coordinator = circle::model::Signer::from_seed([0xc0; 32]).key();
    let gate = Gate {
        current: &v4,
        now_ms: board.skills[&SKILL].created.ms,
        coordinators: &[coordinator],
        checker: &Local,
    };
    let admitted = gate.admit(board.clone());
    assert_eq!(admitted.refused, [], "a coordinator's sealed edit passes");
    let mut merged = v4.clone();
    merged.merge_in(&admitted.board);
    assert_eq!(merged, board);
    let strangers = Gate {
        coordinators: &[],
        ..gate
    };
    let refused = strangers.admit(board).refused;
    assert_eq!(
        refused.len(),
        1,
        "without the coordinator's key the shift's edit is refused"
    );
}
