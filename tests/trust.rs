//! The trust rules tried as a hostile neighbour would (issue #11): links anyone can craft, well
//! formed and some validly signed, that try to change a post that is not theirs. Each one is
//! refused by the gate for its reason, listed in the import preview, and leaves the board it
//! reaches exactly as it was. The real author's newer revision, and a coordinator's
//! moderation, still get through. Then a stale clock: an edit made after merging from a phone
//! whose clock runs ahead either takes effect, and survives a reload, or reports that it did not.
//! Last, what others add to a group's places, rosters and shifts (condition reports, check-ins,
//! sign-ups, childcare swaps): each is its maker's, and a forged, replayed or flooding one is
//! refused the same way.
//! And the records themselves change only by fields their author or a coordinator sealed.

use circle::model::edit::EditError;
use circle::model::trust::check::{Answered, Check, Checker, Local, Recorder};
use circle::model::trust::gate::Gate;
use circle::model::trust::vouch::Vouched;
use circle::model::Entry as _;
use circle::model::Record as _;
use circle::model::{
    Action, Admitted, Audience, Board, CheckIn, CheckInDraft, Clock, CloseReason, Condition,
    Contact, ContactMethod, DeviceId, Escalation, Field, Moderation, Outcome, Person, PersonDraft,
    Post, PostDraft, PostKind, Problem, RecordError, RecordId, RecordKind, RecordRef, Refusal,
    Refused, Report, ReportDraft, Resource, ResourceDraft, ResourceKind, Response, Roster, Shift,
    ShiftDraft, SignUp, Signer, Snapshot, SnapshotError, Stamp, Standing, Status, StatusChange,
    StatusError, Stock, Swap, SwapDraft, Urgency, ValidationError, Visibility,
};
use circle::sources::preview::{Change, Preview};
use circle::sources::share_link::{LinkAudience, LinkError, ShareLink, MAX_LINK_BYTES};

/// The receiving phone's clock when a link is opened.
const NOW: u64 = 1_765_000_000_000;
const MINUTE: u64 = 60_000;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;

const ROSA_PHONE: DeviceId = DeviceId(0x1);
const EVE_PHONE: DeviceId = DeviceId(0x2);
const SAM_PHONE: DeviceId = DeviceId(0x3);
const COORDINATOR_PHONE: DeviceId = DeviceId(0x4);

fn rosa() -> Signer {
    Signer::from_seed([1; 32])
}

fn eve() -> Signer {
    Signer::from_seed([2; 32])
}

fn sam() -> Signer {
    Signer::from_seed([3; 32])
}

fn coordinator() -> Signer {
    Signer::from_seed([4; 32])
}

fn at(ms: u64, device: DeviceId) -> Stamp {
    Stamp::new(ms, 0, device)
}

fn draft(kind: PostKind, author: &str, title: &str) -> PostDraft {
    PostDraft {
        kind,
        title: title.into(),
        category: "food".into(),
        area: "north".into(),
        contact: Some(Contact {
            method: ContactMethod::Text,
            value: "+1 555 0100".into(),
            visibility: Visibility::Group,
        }),
        details: "Rice, beans, fruit".into(),
        urgency: Urgency::Days,
        quantity: Some(2),
        author: author.into(),
        languages: vec!["es".into()],
        until: None,
        recurring: false,
        private_note: "Knock twice".into(),
    }
}

/// Rosa's phone: her ask, which Sam answered and she marked fulfilled, and Sam's offer.
fn rosas_phone() -> (Board, RecordId) {
    let mut board = Board::default();
    let ask = Post::create_signed(
        draft(PostKind::Ask, "rosa", "Groceries for two"),
        at(NOW - 5 * HOUR, ROSA_PHONE),
        &rosa(),
    );
    let id = ask.id;
    board.add_post(ask);
    board.add_post(Post::create_signed(
        draft(PostKind::Offer, "sam", "Spare winter coat"),
        at(NOW - 6 * HOUR, SAM_PHONE),
        &sam(),
    ));
    board
        .respond(
            id,
            at(NOW - 4 * HOUR, SAM_PHONE),
            "sam",
            "I can bring rice tonight".into(),
            None,
            &sam(),
        )
        .expect("Sam answers Rosa's ask");
    board
        .set_status(
            id,
            Status::Matched,
            "rosa",
            at(NOW - 3 * HOUR, ROSA_PHONE),
            &rosa(),
        )
        .expect("Rosa accepts");
    board
        .set_status(
            id,
            Status::Fulfilled,
            "rosa",
            at(NOW - 2 * HOUR, ROSA_PHONE),
            &rosa(),
        )
        .expect("Rosa marks it fulfilled");
    (board, id)
}

/// Rosa's ask as Eve has it: from a public link.
fn as_eve_sees_it(board: &Board, id: RecordId) -> Post {
    board.redacted(Audience::Public).posts[&id].clone()
}

/// Sends `post` the way anyone can: in a public share link, opened on the receiving phone.
fn through_a_link(post: &Post) -> Board {
    let fragment = ShareLink::for_post(post, LinkAudience::Public);
    ShareLink::decode(&fragment)
        .expect("a well-formed link opens")
        .payload
        .into_board()
}

/// The coordinator's copy of `phone` (a group one) after `action` on post `id` at `ms` by the
/// coordinator's phone's clock, as a link brings it back.
fn moderated_by_the_coordinator(phone: &Board, id: RecordId, action: Action, ms: u64) -> Board {
    let mut coordinators = phone.redacted(Audience::Group);
    coordinators
        .moderate(
            id,
            action,
            "coord",
            at(ms, COORDINATOR_PHONE),
            &coordinator(),
        )
        .expect("a coordinator's moderation");
    through_a_link(&coordinators.posts[&id])
}

/// What opening a link does on `current`: the gate, the preview, and on confirming, the merge
/// of what passed. Returns the board after the merge and the preview shown before it.
fn open(current: &Board, incoming: Board) -> (Board, Preview) {
    let coordinators = [coordinator().key()];
    let gate = Gate {
        current,
        now_ms: NOW,
        coordinators: &coordinators,
        checker: &Local,
    };
    let admitted = gate.admit(incoming.clone());
    assert_eq!(
        admitted,
        admit_as_a_browser_does(&gate, incoming, |check| Local.check(
            &check.key,
            &check.message,
            &check.signature
        )),
        "the browser's two runs of the gate agree with one local run"
    );
    let preview = Preview::of(current, &admitted);
    let mut after = current.clone();
    let report = after.merge_in(&admitted.board);
    assert_eq!(report, preview.report, "the preview foretells the merge");
    (after, preview)
}

/// The gate as the app runs it in a browser: a first run lists the signatures to check,
/// `browser` answers them (the signature workers, in the app), a second run uses the answers. Every check the
/// second run makes must have been listed by the first. When every answer is yes, the app keeps
/// the first run's result, which must then be the second run's.
fn admit_as_a_browser_does(
    gate: &Gate,
    incoming: Board,
    browser: impl Fn(&Check) -> bool,
) -> Admitted {
    let recorder = Recorder::default();
    let assumed = Gate {
        checker: &recorder,
        ..*gate
    }
    .admit(incoming.clone());
    let checks = recorder.into_checks();
    let answers: Vec<bool> = checks.iter().map(browser).collect();
    let all_hold = answers.iter().all(|holds| *holds);
    let answered = Answered::new(checks, &answers);
    let admitted = Gate {
        checker: &answered,
        ..*gate
    }
    .admit(incoming);
    assert_eq!(answered.unanswered(), 0, "the first run listed every check");
    if all_hold {
        assert_eq!(
            assumed, admitted,
            "with every signature good, one run is enough"
        );
    }
    admitted
}

#[test]
fn a_signature_the_browser_refuses_is_refused_and_an_unsigned_new_post_still_comes_in() {
    let (rosas, id) = rosas_phone();
    let mut incoming = through_a_link(&rosas.posts[&id]);
    let unsigned = Post::create(
        RecordId(77),
        draft(PostKind::Offer, "Old", "Old offer"),
        at(1, EVE_PHONE),
    );
    incoming.add_post(unsigned);
    let coordinators = [coordinator().key()];
    let gate = Gate {
        current: &Board::default(),
        now_ms: NOW,
        coordinators: &coordinators,
        checker: &Local,
    };
    let admitted = admit_as_a_browser_does(&gate, incoming, |_| false);
    assert_eq!(admitted.refused, [refusal(id, Refused::BadSignature)]);
    assert_eq!(
        admitted.board.posts.keys().copied().collect::<Vec<_>>(),
        [RecordId(77)]
    );
}

fn refusal(id: RecordId, reason: Refused) -> Refusal {
    Refusal {
        record: RecordRef {
            kind: RecordKind::Post,
            id,
        },
        reason,
    }
}

/// Opens `incoming` on `current` and checks it is refused for `reason` alone, the preview
/// says so and that nothing changes, and the board after the merge is exactly the same.
fn assert_refused(current: &Board, incoming: Board, id: RecordId, reason: Refused) {
    assert_refused_as(current, incoming, RecordKind::Post, id, reason);
}

/// As [`assert_refused`], for a record of any kind.
fn assert_refused_as(
    current: &Board,
    incoming: Board,
    kind: RecordKind,
    id: RecordId,
    reason: Refused,
) {
    let (after, preview) = open(current, incoming);
    let record = RecordRef { kind, id };
    assert_eq!(preview.refused, [Refusal { record, reason }]);
    assert_eq!(
        (preview.report.added, preview.report.updated),
        (0, 0),
        "nothing to add or update: {:?}",
        preview.report
    );
    assert_eq!(&after, current, "the board is exactly as it was");
}

#[test]
fn a_forged_author_is_refused() {
    let (phone, id) = rosas_phone();
    let mut forged = as_eve_sees_it(&phone, id);
    forged
        .title
        .set("Send a deposit first".into(), at(NOW, EVE_PHONE));
    // Eve signs Rosa's post with her own key: a valid signature, under an id bound to Rosa's.
    forged.sign(&eve());
    let seal = forged.seal.expect("signed");
    assert!(eve().key().verifies(&forged.signed_bytes(), &seal.seal.sig));
    assert!(forged.is_by(&eve()));

    assert_refused(&phone, through_a_link(&forged), id, Refused::ForgedAuthor);
    assert!(phone.post(id).expect("still there").is_by(&rosa()));
}

#[test]
fn another_persons_post_rewritten_is_refused() {
    let (phone, id) = rosas_phone();
    let mut rewritten = as_eve_sees_it(&phone, id);
    rewritten
        .title
        .set("Free phones, send your PIN".into(), at(NOW, EVE_PHONE));
    assert_refused(
        &phone,
        through_a_link(&rewritten),
        id,
        Refused::BadSignature,
    );
    assert_eq!(phone.posts[&id].title.value, "Groceries for two");
}

#[test]
fn another_persons_post_reopened_is_refused() {
    let (phone, id) = rosas_phone();
    let mut reopened = as_eve_sees_it(&phone, id);
    reopened.status.set(Status::Open, at(NOW, EVE_PHONE));
    reopened.history.insert(StatusChange {
        at: at(NOW, EVE_PHONE),
        by: "rosa".into(),
        to: Status::Open,
    });
    assert_eq!(reopened.current_status(), Status::Open);
    assert_refused(&phone, through_a_link(&reopened), id, Refused::BadSignature);
    assert_eq!(phone.posts[&id].current_status(), Status::Fulfilled);
}

#[test]
fn another_persons_post_deleted_is_refused() {
    let (phone, id) = rosas_phone();
    let mut deleted = as_eve_sees_it(&phone, id);
    deleted.removed.set(true, at(NOW, EVE_PHONE));
    assert!(deleted.is_removed());
    assert_refused(&phone, through_a_link(&deleted), id, Refused::BadSignature);
    assert!(phone.post(id).is_some());
}

#[test]
fn another_persons_post_given_spam_history_is_refused() {
    let (phone, id) = rosas_phone();
    let mut spammed = as_eve_sees_it(&phone, id);
    for n in 0..20 {
        spammed.history.insert(StatusChange {
            at: at(NOW - HOUR + n, EVE_PHONE),
            by: "Visit cheap-loans.example".into(),
            to: Status::Matched,
        });
    }
    assert_refused(&phone, through_a_link(&spammed), id, Refused::BadSignature);
    assert_eq!(phone.posts[&id].history.len(), 3);
}

#[test]
fn a_post_dated_two_days_ahead_is_refused() {
    let (phone, _) = rosas_phone();
    // Eve's own post, validly signed, but dated two days ahead: it would win every later
    // merge of anything it touched.
    let ahead = Post::create_signed(
        draft(PostKind::Offer, "eve", "Cheap loans"),
        at(NOW + 2 * DAY, EVE_PHONE),
        &eve(),
    );
    assert!(ahead.verifies());
    assert_refused(
        &phone,
        through_a_link(&ahead),
        ahead.id,
        Refused::FutureStamp,
    );

    // The same post from a phone whose clock runs an hour fast is let in.
    let fast = Post::create_signed(
        draft(PostKind::Offer, "eve", "Cheap loans"),
        at(NOW + HOUR, EVE_PHONE),
        &eve(),
    );
    let (after, preview) = open(&phone, through_a_link(&fast));
    assert_eq!(preview.refused, []);
    assert_eq!(preview.report.added, 1);
    assert!(after.post(fast.id).is_some());
}

#[test]
fn a_link_carrying_ten_thousand_history_entries_is_refused() {
    let (phone, _) = rosas_phone();
    // Eve's own post, signed by her own key, with a history of 10,000 entries.
    let mut spam = Post::create_signed(
        draft(PostKind::Offer, "eve", "Cheap loans"),
        at(NOW - HOUR, EVE_PHONE),
        &eve(),
    );
    for n in 0..10_000 {
        spam.history.insert(StatusChange {
            at: at(NOW - HOUR + 1 + n, EVE_PHONE),
            by: "eve".into(),
            to: [Status::Matched, Status::Open][n as usize % 2],
        });
    }
    spam.sign(&eve());
    assert!(spam.verifies());
    let fragment = ShareLink::for_post(&spam, LinkAudience::Public);
    assert!(fragment.len() < MAX_LINK_BYTES, "{} bytes", fragment.len());

    // Opening the link refuses it, naming the post and the field.
    assert_eq!(
        ShareLink::decode(&fragment),
        Err(LinkError::BadContent(SnapshotError::Limits(RecordError {
            record: RecordRef {
                kind: RecordKind::Post,
                id: spam.id,
            },
            error: ValidationError {
                field: Field::History,
                problem: Problem::TooMany {
                    max: Field::History.limit()
                },
            },
        })))
    );

    // Should such a post reach the gate some other way, the gate refuses it too.
    let mut incoming = Board::default();
    incoming.add_post(spam.clone());
    assert_refused(&phone, incoming, spam.id, Refused::TooMany(Field::History));
}

#[test]
fn a_response_not_signed_by_its_helper_is_refused() {
    let (phone, id) = rosas_phone();
    let mut copy = as_eve_sees_it(&phone, id);
    // Eve answers as Sam: Sam's key on a response Eve signed.
    let mut claimed = Response::new(
        id,
        at(NOW, EVE_PHONE),
        "sam",
        "Pay me first, then I bring the rice".into(),
        None,
        &eve(),
    );
    claimed.seal.key = sam().key();
    copy.responses.insert(claimed.key(), claimed);
    let before = phone.posts[&id].responses.clone();

    assert_refused(&phone, through_a_link(&copy), id, Refused::BadResponse);
    assert_eq!(phone.posts[&id].responses, before);
}

#[test]
fn moderation_by_a_key_that_is_not_a_coordinator_is_refused() {
    let (phone, id) = rosas_phone();
    // Eve's phone lets her moderate (the board does not know the group's coordinators)…
    let mut eves = Board::default();
    eves.add_post(as_eve_sees_it(&phone, id));
    eves.moderate(id, Action::Hide, "coord", at(NOW, EVE_PHONE), &eve())
        .expect("Eve's own phone records it");
    assert!(eves.post(id).is_none());
    assert_refused(
        &phone,
        through_a_link(&eves.posts[&id]),
        id,
        Refused::NotCoordinator,
    );
    assert!(phone.post(id).is_some());

    // …and a coordinator's real moderation of another post, copied onto this one, is refused
    // the same way: its signature covers the post it was made for.
    let offer = phone
        .posts()
        .find(|post| post.is_by(&sam()))
        .expect("Sam's offer")
        .id;
    let hide_offer = Moderation::new(
        offer,
        at(NOW, COORDINATOR_PHONE),
        "coord",
        Action::Hide,
        &coordinator(),
    );
    let mut replayed = as_eve_sees_it(&phone, id);
    replayed.moderation.insert(hide_offer);
    assert_refused(
        &phone,
        through_a_link(&replayed),
        id,
        Refused::NotCoordinator,
    );
}

#[test]
fn moderation_by_a_coordinator_is_admitted() {
    let (phone, id) = rosas_phone();
    let offer = phone
        .posts()
        .find(|post| post.is_by(&sam()))
        .expect("Sam's offer")
        .id;
    let duplicate = Status::Closed(CloseReason::Duplicate);
    let link = moderated_by_the_coordinator(&phone, offer, Action::Status(duplicate), NOW);
    let (after, preview) = open(&phone, link);
    assert_eq!(preview.refused, []);
    assert_eq!(
        (preview.report.added, preview.report.updated),
        (0, 1),
        "1 updated"
    );
    assert_eq!(after.posts[&offer].current_status(), duplicate);
    assert_eq!(after.posts[&id], phone.posts[&id]);
}

/// Rosa's phone after she retitles her ask "Groceries for three" at `ms`, signed; Ben's copy
/// of her board from before (as a group link gave it); and the ask's id.
fn retitled_by_rosa(ms: u64) -> (Board, Board, RecordId) {
    let (mut rosas, id) = rosas_phone();
    let bens = rosas.redacted(Audience::Group);
    let mut edited = rosas.posts[&id].draft();
    edited.title = "Groceries for three".into();
    assert_eq!(
        rosas.edit_post(id, edited, at(ms, ROSA_PHONE), &rosa()),
        Ok(true)
    );
    (rosas, bens, id)
}

#[test]
fn the_authors_newer_revision_is_admitted_and_updates_the_post() {
    // Ben's phone has Rosa's ask from a group link; Rosa edits it and shares it again.
    let (rosas, bens, id) = retitled_by_rosa(NOW - MINUTE);

    let (after, preview) = open(&bens, through_a_link(&rosas.posts[&id]));
    assert_eq!(preview.refused, []);
    assert_eq!(
        (
            preview.report.added,
            preview.report.updated,
            preview.report.unchanged
        ),
        (0, 1, 0),
        "1 updated"
    );
    assert_eq!(preview.posts.len(), 1);
    assert_eq!(preview.posts[0].change, Change::Updated);
    assert_eq!(preview.posts[0].title, "Groceries for three");
    let post = after.post(id).expect("still live");
    assert_eq!(post.title.value, "Groceries for three");
    assert!(post.verifies());
    assert_eq!(post.responses.len(), 1, "Sam's response is kept");
}

/// What a phone keeps across a reload: its board, as a snapshot, and its clock's last stamp.
fn reload(board: &Board, clock: &Clock) -> (Board, Clock) {
    let saved = (Snapshot::encode(board), clock.last());
    let board = Snapshot::decode(&saved.0).expect("our own snapshot loads");
    (board, Clock::resume(clock.device(), saved.1))
}

#[test]
fn an_edit_after_merging_from_a_phone_ten_minutes_ahead_takes_effect_and_survives_a_reload() {
    let (phone, id) = rosas_phone();
    let mut clock = Clock::new(ROSA_PHONE);
    clock.observe(phone.newest_stamp().expect("a post"));

    // The coordinator's phone runs ten minutes fast; it marks Rosa's ask expired.
    let expired = Status::Closed(CloseReason::Expired);
    let link = moderated_by_the_coordinator(&phone, id, Action::Status(expired), NOW + 10 * MINUTE);
    let (merged, preview) = open(&phone, link.clone());
    assert_eq!(preview.refused, [], "ten minutes ahead is within a day");
    assert_eq!(merged.posts[&id].current_status(), expired);
    clock.observe(merged.newest_stamp().expect("a post"));
    let (mut board, mut clock) = reload(&merged, &clock);

    // A minute later Rosa renews her ask: her clock orders the change after the
    // coordinator's, though her phone's time is nine minutes behind it.
    let renewed = clock.tick(NOW + MINUTE);
    assert!(renewed > at(NOW + 10 * MINUTE, COORDINATOR_PHONE));
    assert_eq!(
        board.set_status(id, Status::Open, "rosa", renewed, &rosa()),
        Ok(())
    );
    assert_eq!(board.posts[&id].current_status(), Status::Open);

    let (board, _) = reload(&board, &clock);
    let post = board.post(id).expect("live");
    assert_eq!(
        post.current_status(),
        Status::Open,
        "the edit survives a reload"
    );
    assert!(post.verifies());
    assert_eq!(post.moderation.len(), 1, "the coordinator's record is kept");
    // Opening the coordinator's link again does not undo it.
    let (again, _) = open(&board, link);
    assert_eq!(again.posts[&id].current_status(), Status::Open);
}

#[test]
fn an_edit_from_a_clock_that_did_not_observe_the_merge_reports_stale() {
    let (phone, id) = rosas_phone();
    let expired = Status::Closed(CloseReason::Expired);
    let link = moderated_by_the_coordinator(&phone, id, Action::Status(expired), NOW + 10 * MINUTE);
    let (mut merged, _) = open(&phone, link);
    let before = merged.clone();

    // A clock that was neither saved nor told what was merged stamps by the phone's time alone.
    let mut forgetful = Clock::new(ROSA_PHONE);
    let stamp = forgetful.tick(NOW + MINUTE);
    assert_eq!(
        merged.set_status(id, Status::Open, "rosa", stamp, &rosa()),
        Err(StatusError::Edit(EditError::Stale)),
        "a change that would not take effect is never reported done"
    );
    assert_eq!(merged, before);
    assert_eq!(merged.posts[&id].current_status(), expired);
}

// Found while writing the tests above: gaps the rules had, each fixed since but one, a known
// limit kept as an ignored test (`cargo test --test trust -- --ignored` shows it).

#[test]
fn an_unsigned_copy_of_a_signed_post_is_refused() {
    let (phone, id) = rosas_phone();
    let mut stripped = as_eve_sees_it(&phone, id);
    stripped.seal = None;
    stripped
        .title
        .set("Free phones, send your PIN".into(), at(NOW, EVE_PHONE));
    assert_refused(
        &phone,
        through_a_link(&stripped),
        id,
        Refused::UnsignedChange,
    );
}

#[test]
#[ignore = "known limit: a newer revision that withholds an unchanged contact replaces the copy that showed it; revealing across revisions would break associativity (docs/privacy.md)"]
fn a_newer_revision_shared_publicly_keeps_the_contact_this_phone_already_shows() {
    // Ben's phone shows Rosa's group contact; Rosa changes only the title and shares the ask
    // in a public link, which withholds the contact behind the same digest as before.
    let (mut rosas, id) = rosas_phone();
    let bens = rosas.redacted(Audience::Group);
    let contact = bens.posts[&id].contact.value.clone();
    assert!(contact.is_some());
    let mut edited = rosas.posts[&id].draft();
    edited.title = "Groceries for three".into();
    rosas
        .edit_post(id, edited, at(NOW - MINUTE, ROSA_PHONE), &rosa())
        .expect("Rosa edits");

    let (after, _) = open(&bens, through_a_link(&rosas.posts[&id]));
    let post = after.post(id).expect("live");
    assert_eq!(post.title.value, "Groceries for three");
    assert_eq!(
        post.contact.value, contact,
        "the unchanged contact stays shown"
    );
    assert!(post.verifies());
}

#[test]
fn responses_and_moderation_dated_two_days_ahead_are_refused_as_future_stamps() {
    let (phone, id) = rosas_phone();
    assert_refused(
        &phone,
        moderated_by_the_coordinator(&phone, id, Action::Hide, NOW + 2 * DAY),
        id,
        Refused::FutureStamp,
    );
    let mut answered = phone.redacted(Audience::Group);
    answered
        .respond(
            id,
            at(NOW + 2 * DAY, EVE_PHONE),
            "eve",
            "Me!".into(),
            None,
            &eve(),
        )
        .expect("a response");
    assert_refused(
        &phone,
        through_a_link(&answered.posts[&id]),
        id,
        Refused::FutureStamp,
    );
}

#[test]
fn an_edit_dated_two_days_ahead_is_refused_as_a_future_stamp() {
    // Rosa's own edit, validly signed, but stamped two days ahead; its history (opened five
    // hours ago) is not.
    let (rosas, bens, id) = retitled_by_rosa(NOW + 2 * DAY);
    assert!(rosas.posts[&id]
        .history
        .iter()
        .all(|change| change.at.ms < NOW));
    assert_refused(
        &bens,
        through_a_link(&rosas.posts[&id]),
        id,
        Refused::FutureStamp,
    );
}

#[test]
fn a_status_change_at_the_last_stamp_a_day_ahead_is_admitted_and_a_history_entry_past_it_is_not() {
    // The latest stamp the gate allows: a day ahead of now, its last counter and device. Rosa
    // reopens her ask at that very stamp: the post's revision and its history's newest entry.
    let edge = Stamp::new(NOW + DAY, u32::MAX, DeviceId(u64::MAX));
    let (mut rosas, id) = rosas_phone();
    let bens = rosas.redacted(Audience::Group);
    assert_eq!(
        rosas.set_status(id, Status::Open, "rosa", edge, &rosa()),
        Ok(())
    );
    let (after, preview) = open(&bens, through_a_link(&rosas.posts[&id]));
    assert_eq!(preview.refused, []);
    assert_eq!(after.posts[&id].current_status(), Status::Open);

    // A history entry slipped in two days ahead, the post's own fields untouched, is refused
    // for its date before anything else is asked of it.
    let (rosas, id) = rosas_phone();
    let mut post = rosas.posts[&id].clone();
    post.history.insert(StatusChange {
        at: at(NOW + 2 * DAY, ROSA_PHONE),
        by: "rosa".into(),
        to: Status::Matched,
    });
    assert_refused(&bens, through_a_link(&post), id, Refused::FutureStamp);
}

/// `count` responses to post `id` by one helper (handle, phone, key), a second apart from an
/// hour ago, each validly signed.
fn answer_again_and_again(
    responses: &mut circle::model::sorted_map::SortedMap<
        circle::model::response::ResponseKey,
        Response,
    >,
    id: RecordId,
    count: usize,
    (by, phone, signer): (&str, DeviceId, &Signer),
) {
    for n in 0..count as u64 {
        let response = Response::new(
            id,
            at(NOW - HOUR + n, phone),
            by,
            "Can I help?".into(),
            None,
            signer,
        );
        responses.insert(response.key(), response);
    }
}

/// Eve's own offer, signed by her, with `history` status changes in all (its opening one
/// included), `responses` responses from Sam and `moderation` entries by the coordinator: as
/// the gate sees a board file, where no link's size limit comes first.
fn eves_post_holding(history: usize, responses: usize, moderation: usize) -> Board {
    let mut post = Post::create_signed(
        draft(PostKind::Offer, "eve", "Cheap loans"),
        at(NOW - DAY, EVE_PHONE),
        &eve(),
    );
    for n in 1..history as u64 {
        post.history.insert(StatusChange {
            at: at(NOW - DAY + n, EVE_PHONE),
            by: "eve".into(),
            to: [Status::Matched, Status::Open][n as usize % 2],
        });
    }
    post.sign(&eve());
    let id = post.id;
    answer_again_and_again(
        &mut post.responses,
        id,
        responses,
        ("sam", SAM_PHONE, &sam()),
    );
    for n in 0..moderation as u64 {
        post.moderation.insert(Moderation::new(
            post.id,
            at(NOW - MINUTE + n, COORDINATOR_PHONE),
            "coord",
            [Action::Hide, Action::Show][n as usize % 2],
            &coordinator(),
        ));
    }
    let mut board = Board::default();
    board.add_post(post);
    board
}

#[test]
fn a_post_at_its_limits_is_admitted_and_one_past_any_of_them_is_refused_whole() {
    let (phone, _) = rosas_phone();
    let limits = (
        Field::History.limit(),
        Field::Responses.limit(),
        Field::Moderation.limit(),
    );
    let at_limits = eves_post_holding(limits.0, limits.1, limits.2);
    let (after, preview) = open(&phone, at_limits.clone());
    assert_eq!(preview.refused, []);
    let id = *at_limits.posts.keys().next().expect("Eve's post");
    assert_eq!(after.posts[&id].history.len(), limits.0);

    for (field, incoming) in [
        (Field::History, eves_post_holding(limits.0 + 1, 0, 0)),
        (Field::Responses, eves_post_holding(1, limits.1 + 1, 0)),
        (Field::Moderation, eves_post_holding(1, 0, limits.2 + 1)),
    ] {
        let id = *incoming.posts.keys().next().expect("Eve's post");
        assert_refused(&phone, incoming, id, Refused::TooMany(field));
    }
}

#[test]
fn new_responses_arrive_on_a_post_already_here() {
    // Ben's phone has Eve's offer; a later copy brings three responses from Sam.
    let (bens, later) = (eves_post_holding(1, 0, 0), eves_post_holding(1, 3, 0));
    let (after, preview) = open(&bens, later.clone());
    assert_eq!(preview.refused, []);
    let id = *later.posts.keys().next().expect("Eve's post");
    assert_eq!(after.posts[&id].responses.len(), 3);
}

#[test]
fn moderation_past_its_limit_is_refused_on_a_post_already_here() {
    // This phone holds 30 of the coordinator's moderation entries on Eve's post; a copy brings
    // three others, each valid and within the limit on its own: only two still fit.
    let limit = Field::Moderation.limit();
    let phone = eves_post_holding(1, 0, limit - 2);
    let mut flood = eves_post_holding(1, 0, limit + 1);
    let id = *flood.posts.keys().next().expect("Eve's post");
    let known = &phone.posts[&id].moderation;
    let post = flood.posts.get_mut(&id).expect("Eve's post");
    post.moderation.retain(|entry| !known.contains(entry));
    assert_eq!(post.moderation.len(), 3);
    let (after, preview) = open(&phone, flood);
    assert_eq!(
        preview.refused,
        [Refusal {
            record: RecordRef {
                kind: RecordKind::Post,
                id,
            },
            reason: Refused::TooMany(Field::Moderation),
        }]
    );
    assert_eq!(after.posts[&id].moderation.len(), limit);
}

#[test]
fn a_response_and_moderation_at_the_last_stamp_a_day_ahead_are_admitted() {
    let edge = Stamp::new(NOW + DAY, u32::MAX, DeviceId(u64::MAX));
    let phone = eves_post_holding(1, 0, 0);
    let mut copy = phone.clone();
    let post = copy.posts.values_mut().next().expect("Eve's post");
    let response = Response::new(post.id, edge, "sam", "Not a loan".into(), None, &sam());
    post.responses.insert(response.key(), response);
    post.moderation.insert(Moderation::new(
        post.id,
        edge,
        "coord",
        Action::Hide,
        &coordinator(),
    ));
    let id = post.id;
    let (after, preview) = open(&phone, copy);
    assert_eq!(preview.refused, []);
    assert_eq!(
        (
            after.posts[&id].responses.len(),
            after.posts[&id].moderation.len()
        ),
        (1, 1)
    );
}

/// A sync that brings back the posts a phone already has checks none of their signatures
/// again (a group's board synced every time the app opens would otherwise cost a check a post,
/// docs/performance.md); a post that changed is checked.
#[test]
fn signed_posts_already_here_arriving_unchanged_are_not_checked_again() {
    let (rosas, _) = rosas_phone();
    let coordinators = [coordinator().key()];
    let asked = |current: &Board, incoming: Board| {
        let recorder = Recorder::default();
        let admitted = Gate {
            current,
            now_ms: NOW,
            coordinators: &coordinators,
            checker: &recorder,
        }
        .admit(incoming);
        assert_eq!(admitted.refused, []);
        recorder.into_checks().len()
    };
    assert!(
        asked(&Board::default(), rosas.clone()) >= 2,
        "a new phone checks every post"
    );
    assert_eq!(asked(&rosas, rosas.clone()), 0);
    let (edited, _, _) = retitled_by_rosa(NOW - HOUR);
    assert_eq!(asked(&rosas, edited), 1, "only the edited post");
}

#[test]
fn an_unsigned_post_already_here_arriving_unchanged_is_not_refused() {
    let post = Post::create(
        RecordId(0x5e),
        draft(PostKind::Ask, "rosa", "Groceries for two"),
        at(NOW - DAY, ROSA_PHONE),
    );
    let mut phone = Board::default();
    phone.add_post(post.clone());
    let (after, preview) = open(&phone, through_a_link(&post));
    assert_eq!(preview.refused, []);
    assert_eq!(after.posts[&post.id], phone.posts[&post.id]);
}

#[test]
fn a_signers_debug_text_shows_its_public_key_and_never_its_seed() {
    let text = format!("{:?}", rosa());
    assert!(text.contains(&rosa().key().to_string()), "{text}");
    assert!(!text.contains(&rosa().seed_hex()), "{text}");
}

#[test]
fn every_field_of_a_signed_post_is_bound_by_its_signature() {
    // Rosa's signed ask, its contact shared with the group; each change below, made without
    // her key, must break her signature.
    let mut board = Board::default();
    let mut ask = draft(PostKind::Ask, "rosa", "Groceries for two");
    ask.contact = Some(Contact {
        method: ContactMethod::Text,
        value: "+1 555 0100".into(),
        visibility: Visibility::Group,
    });
    ask.urgency = Urgency::Days;
    let post = Post::create_signed(ask, at(NOW - HOUR, ROSA_PHONE), &rosa());
    let id = post.id;
    board.add_post(post);
    let post = &board.posts[&id];
    assert!(post.verifies());
    // What each tamper changes, and how.
    type Tamper = (&'static str, fn(&mut Post));
    let tampers: [Tamper; 7] = [
        ("kind", |post| post.kind = PostKind::Offer),
        ("urgency", |post| post.urgency.value = Urgency::Today),
        ("status", |post| post.status.value = Status::Fulfilled),
        ("contact number", |post| {
            if let Some(contact) = post.contact.value.as_mut() {
                contact.value = "+1 555 0199".into();
            }
        }),
        ("contact method", |post| {
            if let Some(contact) = post.contact.value.as_mut() {
                contact.method = ContactMethod::Call;
            }
        }),
        ("contact visibility", |post| {
            if let Some(contact) = post.contact.value.as_mut() {
                contact.visibility = Visibility::Public;
            }
        }),
        ("no contact", |post| post.contact.value = None),
    ];
    for (what, tamper) in tampers {
        let mut changed = post.clone();
        tamper(&mut changed);
        assert_ne!(&changed, post, "{what}: the test changed something");
        assert!(!changed.verifies(), "{what} changed without Rosa's key");
    }
}

#[test]
fn a_helpers_contact_withheld_in_one_copy_arrives_with_a_copy_that_shows_it() {
    // Sam answers Eve's offer with a number he shares with the group. A phone that first got
    // the public copy (his number withheld) then gets the group's copy: the number arrives.
    let mut group = eves_post_holding(1, 0, 0);
    let post = group.posts.values_mut().next().expect("Eve's post");
    let id = post.id;
    let number = Contact {
        method: ContactMethod::Text,
        value: "+1 555 0142".into(),
        visibility: Visibility::Group,
    };
    let response = Response::new(
        id,
        at(NOW - HOUR, SAM_PHONE),
        "sam",
        "I can help".into(),
        Some(number.clone()),
        &sam(),
    );
    post.responses.insert(response.key(), response);
    let public = group.redacted(Audience::Public);
    let withheld = public.posts[&id].responses.values().next().expect("Sam's");
    assert_eq!(withheld.contact, None, "the public copy withholds it");

    let (after, preview) = open(&public, group.redacted(Audience::Group));
    assert_eq!(preview.refused, []);
    let arrived = after.posts[&id].responses.values().next().expect("Sam's");
    assert_eq!(arrived.contact, Some(number));
}

#[test]
fn sealing_an_edit_seals_only_what_it_set_and_claims_no_older_record() {
    // A place made before signing (no author, no seals); Ben later renames it on his phone.
    let made = at(NOW - DAY, COORDINATOR_PHONE);
    let mut board = Board::default();
    board.resources.insert(
        FRIDGE,
        Resource::create(
            FRIDGE,
            place(ResourceKind::Fridge, "Fridge at 5th & Oak"),
            made,
        ),
    );
    let renamed = at(NOW - HOUR, BEN_PHONE);
    let fridge = board.resources.get_mut(&FRIDGE).expect("the fridge");
    assert!(fridge.name.change("Community fridge".into(), renamed));
    board.seal_edit(renamed, &ben());
    let fridge = &board.resources[&FRIDGE];
    assert_eq!(
        fridge.name.seal.map(|seal| seal.key),
        Some(ben().key()),
        "his edit is sealed as his"
    );
    assert_eq!(
        fridge.hours.seal, None,
        "a field he did not set is not sealed"
    );
    assert_eq!(fridge.author, None, "renaming a place does not make it his");
}

#[test]
fn a_copy_that_would_move_a_fund_entry_to_another_maker_is_refused() {
    // The coordinator records Ana's pledge, sealed. A copy renames its maker "aaron", which a
    // merge would take (the smaller of two makers wins a tie between copies), with no seal.
    let made = at(NOW - DAY, COORDINATOR_PHONE);
    let pledge = circle::model::EntryDraft {
        kind: circle::model::EntryKind::Pledge,
        amount: 25_000,
        purpose: "Rent".into(),
        request: None,
        by: "ana".into(),
        private_note: String::new(),
    };
    let id = RecordId(0xf1);
    let mut phone = Board::default();
    phone
        .fund
        .insert(id, circle::model::FundEntry::create(id, pledge, made));
    phone.seal_edit(made, &coordinator());
    let mut copy = phone.clone();
    copy.fund.get_mut(&id).expect("the pledge").by = "aaron".into();
    assert_refused_as(
        &phone,
        copy,
        RecordKind::FundEntry,
        id,
        Refused::UnsignedChange,
    );
}

#[test]
fn a_flood_of_responses_cannot_push_a_post_over_its_limit() {
    let (phone, id) = rosas_phone();
    // Eve answers Rosa's ask 100 times, each response validly signed by her own key: within
    // the limit on its own, one over it with Sam's.
    let mut flood = as_eve_sees_it(&phone, id);
    flood.responses.clear();
    let limit = Field::Responses.limit();
    answer_again_and_again(&mut flood.responses, id, limit, ("eve", EVE_PHONE, &eve()));
    let (after, preview) = open(&phone, through_a_link(&flood));
    assert!(
        preview
            .refused
            .contains(&refusal(id, Refused::TooMany(Field::Responses))),
        "{:?}",
        preview.refused
    );
    assert_eq!(after.check_limits(), Ok(()), "the board still exports");
    let sams = &phone.posts[&id].responses;
    assert!(sams
        .keys()
        .all(|key| after.posts[&id].responses.contains_key(key)));
}

/// The forged link the browser tests paste (`tests/fixtures/forged-link.txt`): a real post by
/// Rosa whose title was changed after she signed it. It must stay a well-formed link that the
/// gate refuses, or the browser test would pass for the wrong reason.
#[test]
fn the_forged_link_fixture_opens_and_is_refused_as_changed() {
    let text = include_str!("fixtures/forged-link.txt");
    let board = ShareLink::decode(text.trim())
        .expect("a well-formed link")
        .payload
        .into_board();
    let id = *board.posts.keys().next().expect("one post");
    assert_eq!(
        board.posts[&id].title.value,
        "Forged: send your bank details to Eve"
    );
    assert_refused(&Board::default(), board, id, Refused::BadSignature);
}

// What others add to a group's records: condition reports, check-ins, sign-ups.

const ANA_PHONE: DeviceId = DeviceId(0x5);
const BEN_PHONE: DeviceId = DeviceId(0x6);
const FRIDGE: RecordId = RecordId(0xf1);
const PANTRY: RecordId = RecordId(0xf2);
const ROSTER: RecordId = RecordId(0xa1);
const OKAFOR: RecordId = RecordId(0xa2);
const SHIFT: RecordId = RecordId(0x51);

/// A volunteer who reports on places, checks on people and signs up for shifts.
fn ana() -> Signer {
    Signer::from_seed([5; 32])
}

fn ben() -> Signer {
    Signer::from_seed([6; 32])
}

fn place(kind: ResourceKind, name: &str) -> ResourceDraft {
    ResourceDraft {
        kind,
        name: name.into(),
        area: "north".into(),
        hours: "Always open".into(),
        accepts: String::new(),
        needs: String::new(),
        serves: "Anyone".into(),
        languages: Vec::new(),
        contact: None,
        private_note: String::new(),
    }
}

fn looked(stock: Stock, condition: Condition, note: &str) -> ReportDraft {
    ReportDraft {
        stock: Some(stock),
        condition: Some(condition),
        note: note.into(),
    }
}

/// The coordinator's phone: a fridge and a pantry, a heat-wave roster with Mr. Okafor and a
/// shift, which Ana reported on, checked on (he needs something) and signed up for.
fn group_phone() -> Board {
    let mut board = Board::default();
    let made = at(NOW - 3 * DAY, COORDINATOR_PHONE);
    for (id, kind, name) in [
        (FRIDGE, ResourceKind::Fridge, "Fridge at 5th & Oak"),
        (PANTRY, ResourceKind::Pantry, "Station Road pantry"),
    ] {
        board
            .resources
            .insert(id, Resource::create(id, place(kind, name), made));
    }
    let mut roster = Roster::create(ROSTER, "Heat wave".into(), "north".into(), made);
    let okafor = PersonDraft {
        name: "Mr. Okafor".into(),
        contact: None,
        cadence_hours: 24,
        volunteer: "ana".into(),
        notes: String::new(),
    };
    roster.people.insert(OKAFOR, Person::create(okafor, made));
    board.rosters.insert(ROSTER, roster);
    let shift = ShiftDraft {
        task: "Restock the fridge".into(),
        area: "north".into(),
        resource: Some(FRIDGE),
        starts_ms: NOW + DAY,
        minutes: 60,
        needed: 2,
    };
    board
        .shifts
        .insert(SHIFT, Shift::create(SHIFT, shift, made));
    board.seal_edit(made, &coordinator());

    let looked_in = looked(Stock::Low, Condition::Good, "Only bread left");
    board
        .report(
            FRIDGE,
            looked_in,
            "ana",
            at(NOW - 3 * HOUR, ANA_PHONE),
            &ana(),
        )
        .expect("Ana reports on the fridge");
    let worry = CheckInDraft {
        outcome: Outcome::NeedsSomething,
        note: "Out of water".into(),
        ask: None,
    };
    board
        .check_in(
            (ROSTER, OKAFOR),
            worry,
            "ana",
            at(NOW - 2 * HOUR, ANA_PHONE),
            &ana(),
        )
        .expect("Ana checks on Mr. Okafor");
    board
        .sign_up(SHIFT, true, "ana", at(NOW - HOUR, ANA_PHONE), &ana())
        .expect("Ana signs up");
    board
}

/// `board` as a group link carries it, opened on the receiving phone.
fn through_a_group_link(board: &Board) -> Board {
    let fragment = ShareLink::for_board(board, LinkAudience::Group);
    ShareLink::decode(&fragment)
        .expect("a well-formed link opens")
        .payload
        .into_board()
}

/// Mr. Okafor as `board` has him.
fn okafor(board: &Board) -> &Person {
    &board.rosters[&ROSTER].people[&OKAFOR]
}

/// Ben's own entries, each signed by him a minute ago: a report on the fridge, a check-in on
/// Mr. Okafor and a sign-up for the shift.
fn add_bens_entries(bens: &mut Board) {
    bens.report(
        FRIDGE,
        looked(Stock::Full, Condition::Good, "Restocked"),
        "ben",
        at(NOW - MINUTE, BEN_PHONE),
        &ben(),
    )
    .expect("a report");
    let fine = CheckInDraft {
        outcome: Outcome::Ok,
        note: "Has water now".into(),
        ask: None,
    };
    bens.check_in(
        (ROSTER, OKAFOR),
        fine,
        "ben",
        at(NOW - MINUTE, BEN_PHONE),
        &ben(),
    )
    .expect("a check-in");
    bens.sign_up(SHIFT, true, "ben", at(NOW - MINUTE, BEN_PHONE), &ben())
        .expect("a sign-up");
}

#[test]
fn the_entries_of_honest_volunteers_are_admitted() {
    let phone = group_phone();
    let mut bens = through_a_group_link(&phone);
    add_bens_entries(&mut bens);

    let (after, preview) = open(&phone, through_a_group_link(&bens));
    assert_eq!(preview.refused, []);
    assert_eq!(
        (preview.report.added, preview.report.updated),
        (0, 3),
        "3 updated"
    );
    let fridge = &after.resources[&FRIDGE];
    assert_eq!(fridge.latest_report().map(|r| r.by.as_str()), Some("ben"));
    assert_eq!(fridge.reports.len(), 2);
    assert_eq!(okafor(&after).check_ins.len(), 2);
    assert!(
        okafor(&after)
            .check_ins
            .iter()
            .any(|c| c.note == "Out of water"),
        "the note this phone shows is not lost to the group copy's withheld one"
    );
    assert_eq!(after.shifts[&SHIFT].open_spots(), 0);
}

#[test]
fn a_forged_condition_report_is_refused() {
    let phone = group_phone();
    // Eve reports the fridge gone, under Ana's key: her signature, Ana's name on it.
    let mut forged = Report::new(
        FRIDGE,
        looked(
            Stock::Empty,
            Condition::Gone,
            "Removed by the council, don't come",
        ),
        "ana",
        at(NOW, EVE_PHONE),
        &eve(),
    );
    forged.seal = forged.seal.map(|mut seal| {
        seal.key = ana().key();
        seal
    });
    let mut copy = through_a_group_link(&phone);
    copy.resources
        .get_mut(&FRIDGE)
        .expect("the fridge")
        .reports
        .insert(forged);

    assert_refused_as(
        &phone,
        copy,
        RecordKind::Resource,
        FRIDGE,
        Refused::BadEntry,
    );
    let latest = phone.resources[&FRIDGE].latest_report().expect("a report");
    assert_eq!(latest.condition, Some(Condition::Good));
}

#[test]
fn a_condition_report_replayed_onto_another_place_is_refused() {
    let phone = group_phone();
    // Ana's real report on the fridge ("only bread left"), copied onto the pantry.
    let anas = phone.resources[&FRIDGE]
        .latest_report()
        .expect("Ana's report")
        .clone();
    assert!(anas.verifies(FRIDGE));
    let mut copy = through_a_group_link(&phone);
    copy.resources
        .get_mut(&PANTRY)
        .expect("the pantry")
        .reports
        .insert(anas);

    assert_refused_as(
        &phone,
        copy,
        RecordKind::Resource,
        PANTRY,
        Refused::BadEntry,
    );
    assert!(phone.resources[&PANTRY].reports.is_empty());
}

#[test]
fn a_forged_check_in_is_refused() {
    let phone = group_phone();
    // Eve turns Ana's worrying check-in into an "ok" one, so Mr. Okafor drops off today's
    // escalations.
    let mut copy = through_a_group_link(&phone);
    let person = copy
        .rosters
        .get_mut(&ROSTER)
        .and_then(|roster| roster.people.get_mut(&OKAFOR))
        .expect("Mr. Okafor");
    let calmed = person.check_ins.map(|check_in| CheckIn {
        outcome: Outcome::Ok,
        ..check_in.clone()
    });
    person.check_ins = calmed;
    let now = NOW;
    assert!(!matches!(
        okafor(&copy).standing(now),
        Standing::Escalate(_)
    ));

    assert_refused_as(&phone, copy, RecordKind::Roster, ROSTER, Refused::BadEntry);
    assert_eq!(
        okafor(&phone).standing(now),
        Standing::Escalate(Escalation::NeedsSomething { ask: None })
    );
}

#[test]
fn a_forged_sign_up_is_refused() {
    let phone = group_phone();
    // Eve backs Ana out of the shift: a later "no" under Ana's key, signed by Eve.
    let mut backed_out = SignUp::new(SHIFT, false, "ana", at(NOW, EVE_PHONE), &eve());
    backed_out.seal = backed_out.seal.map(|mut seal| {
        seal.key = ana().key();
        seal
    });
    let mut copy = through_a_group_link(&phone);
    copy.shifts
        .get_mut(&SHIFT)
        .expect("the shift")
        .signups
        .insert(backed_out);
    assert_eq!(copy.shifts[&SHIFT].signed_up().count(), 0);

    assert_refused_as(&phone, copy, RecordKind::Shift, SHIFT, Refused::BadEntry);
    let names: Vec<_> = phone.shifts[&SHIFT]
        .signed_up()
        .map(|s| s.by.as_str())
        .collect();
    assert_eq!(names, ["ana"]);
}

#[test]
fn too_many_condition_reports_are_refused() {
    let phone = group_phone();
    // Eve's own reports on the fridge, each validly signed, one more than a resource holds.
    let eve = eve();
    let flood: Vec<Report> = (0..=Field::Reports.limit() as u64)
        .map(|n| {
            let spam = looked(Stock::Empty, Condition::Gone, "Cheap loans: call now");
            Report::new(FRIDGE, spam, "eve", at(NOW - HOUR + n, EVE_PHONE), &eve)
        })
        .collect();
    assert!(flood.iter().all(|report| report.verifies(FRIDGE)));
    let mut copy = through_a_group_link(&phone);
    let fridge = copy.resources.get_mut(&FRIDGE).expect("the fridge");
    // As a file would read it: a list is never trimmed on reading.
    fridge.reports =
        serde_json::from_str(&serde_json::to_string(&flood).expect("JSON")).expect("reads back");
    assert_eq!(fridge.reports.len(), Field::Reports.limit() + 1);

    // A link or file carrying it is refused on opening, naming the resource and the field…
    assert_eq!(
        Snapshot::import(&Snapshot::encode(&copy)).map(|_| ()),
        Err(SnapshotError::Limits(RecordError {
            record: RecordRef {
                kind: RecordKind::Resource,
                id: FRIDGE,
            },
            error: ValidationError {
                field: Field::Reports,
                problem: Problem::TooMany {
                    max: Field::Reports.limit()
                },
            },
        }))
    );
    // …and should it reach the gate some other way, the gate refuses it too.
    assert_refused_as(
        &phone,
        copy,
        RecordKind::Resource,
        FRIDGE,
        Refused::TooMany(Field::Reports),
    );
}

#[test]
fn a_stranger_cannot_rewrite_a_place_but_the_good_reports_with_it_still_arrive() {
    let phone = group_phone();
    let mut copy = through_a_group_link(&phone);
    copy.report(
        FRIDGE,
        looked(Stock::Some, Condition::Good, "Milk and eggs"),
        "ben",
        at(NOW - MINUTE, BEN_PHONE),
        &ben(),
    )
    .expect("Ben's report");
    // The copy also renames the fridge: an unsigned change, newer than the coordinator's.
    copy.resources
        .get_mut(&FRIDGE)
        .expect("the fridge")
        .name
        .set("Closed for good".into(), at(NOW, EVE_PHONE));

    let (after, preview) = open(&phone, copy);
    assert_eq!(
        preview.refused,
        [Refusal {
            record: RecordRef {
                kind: RecordKind::Resource,
                id: FRIDGE,
            },
            reason: Refused::UnsignedChange,
        }]
    );
    let fridge = &after.resources[&FRIDGE];
    assert_eq!(fridge.name.value, "Fridge at 5th & Oak");
    assert_eq!(fridge.latest_report().map(|r| r.by.as_str()), Some("ben"));
    assert_eq!(preview.report.updated, 1, "Ben's report");
}

/// `phone`'s board through a group link, with a check-in on Mr. Okafor by "ana" at `when`, as
/// a phone from before signing made it: no seal.
fn with_an_unsigned_check_in(phone: &Board, when: Stamp) -> Board {
    let mut copy = through_a_group_link(phone);
    let person = copy
        .rosters
        .get_mut(&ROSTER)
        .and_then(|roster| roster.people.get_mut(&OKAFOR))
        .expect("Mr. Okafor");
    person.check_ins.insert(CheckIn {
        at: when,
        by: "ana".into(),
        outcome: Outcome::Ok,
        note: String::new(),
        ask: None,
        seal: None,
    });
    copy
}

#[test]
fn unsigned_and_future_entries_on_records_already_here_are_refused() {
    let phone = group_phone();
    // A check-in from before signing can come with a new roster, never onto one already here.
    let copy = with_an_unsigned_check_in(&phone, at(NOW, EVE_PHONE));
    assert_refused_as(
        &phone,
        copy,
        RecordKind::Roster,
        ROSTER,
        Refused::UnsignedChange,
    );

    // Ben's own sign-up, validly signed, but dated two days ahead.
    let mut copy = through_a_group_link(&phone);
    copy.sign_up(SHIFT, true, "ben", at(NOW + 2 * DAY, BEN_PHONE), &ben())
        .expect("Ben's phone records it");
    assert_refused_as(&phone, copy, RecordKind::Shift, SHIFT, Refused::FutureStamp);

    // Ben's own check-in, validly signed, dated two days ahead: it would sit at the top of the
    // log as the newest and set when Mr. Okafor is next called.
    let mut copy = through_a_group_link(&phone);
    let fine = CheckInDraft {
        outcome: Outcome::Ok,
        note: String::new(),
        ask: None,
    };
    copy.check_in(
        (ROSTER, OKAFOR),
        fine,
        "ben",
        at(NOW + 2 * DAY, BEN_PHONE),
        &ben(),
    )
    .expect("Ben's phone records it");
    assert_refused_as(
        &phone,
        copy,
        RecordKind::Roster,
        ROSTER,
        Refused::FutureStamp,
    );
}

#[test]
fn entries_from_before_signing_arrive_with_a_record_new_to_the_phone() {
    // A group link from before signing carried Ana's check-in unsigned: a phone that has never
    // seen the list takes it whole, as it takes unsigned posts.
    let copy = with_an_unsigned_check_in(&group_phone(), at(NOW - MINUTE, ANA_PHONE));
    let (after, preview) = open(&Board::default(), copy);
    assert_eq!(preview.refused, []);
    assert!(
        okafor(&after)
            .check_ins
            .iter()
            .any(|check_in| check_in.seal.is_none() && check_in.at == at(NOW - MINUTE, ANA_PHONE)),
        "the unsigned check-in arrived with the list"
    );
}

#[test]
fn an_entry_dated_a_day_ahead_to_the_last_stamp_is_admitted() {
    // The latest stamp the gate allows: a day ahead of now, its last counter and device.
    let edge = Stamp::new(NOW + DAY, u32::MAX, DeviceId(u64::MAX));
    let phone = group_phone();
    let mut copy = through_a_group_link(&phone);
    copy.sign_up(SHIFT, true, "ben", edge, &ben())
        .expect("Ben's phone records it");
    let (after, preview) = open(&phone, copy);
    assert_eq!(preview.refused, []);
    assert_eq!(after.shifts[&SHIFT].open_spots(), 0, "Ben's sign-up counts");
}

#[test]
fn a_flood_of_sign_ups_cannot_push_a_shift_over_its_limit() {
    let phone = group_phone();
    // A copy of the shift without Ana, and with as many sign-ups as a shift holds, each by a
    // key of its own: within the limit on its own, one over it with Ana's.
    let mut copy = through_a_group_link(&phone);
    let shift = copy.shifts.get_mut(&SHIFT).expect("the shift");
    shift.signups.retain(|_| false);
    for n in 0..Field::Signups.limit() as u32 {
        let mut seed = [7; 32];
        seed[..4].copy_from_slice(&n.to_le_bytes());
        let key = Signer::from_seed(seed);
        shift
            .sign_up(true, "eve", at(NOW - HOUR, EVE_PHONE), &key)
            .expect("room on Eve's copy");
    }

    let (after, preview) = open(&phone, copy);
    assert_eq!(
        preview.refused,
        [Refusal {
            record: RecordRef {
                kind: RecordKind::Shift,
                id: SHIFT,
            },
            reason: Refused::TooMany(Field::Signups),
        }]
    );
    assert_eq!(
        after.check_limits(),
        Ok(()),
        "the board still saves and exports"
    );
    let shift = &after.shifts[&SHIFT];
    assert_eq!(shift.signups.len(), Field::Signups.limit());
    assert!(shift.signed_up().any(|sign_up| sign_up.by == "ana"));
}

#[test]
fn an_entry_the_browser_refuses_is_refused() {
    let phone = group_phone();
    let mut bens = through_a_group_link(&phone);
    bens.report(
        FRIDGE,
        looked(Stock::Full, Condition::Good, "Restocked"),
        "ben",
        at(NOW - MINUTE, BEN_PHONE),
        &ben(),
    )
    .expect("a report");
    let coordinators = [coordinator().key()];
    let gate = Gate {
        current: &phone,
        now_ms: NOW,
        coordinators: &coordinators,
        checker: &Local,
    };
    // The browser says no to Ben's signature, and checks the others as this crate would.
    let admitted = admit_as_a_browser_does(&gate, through_a_group_link(&bens), |check| {
        check.key != ben().key() && Local.check(&check.key, &check.message, &check.signature)
    });
    assert_eq!(
        admitted.refused,
        [Refusal {
            record: RecordRef {
                kind: RecordKind::Resource,
                id: FRIDGE,
            },
            reason: Refused::BadEntry,
        }]
    );
    assert_eq!(admitted.board.resources[&FRIDGE].reports.len(), 1);
}

// The records a group keeps together (places, lists, shifts, the fund, skills, matches) change
// only by fields their author or a coordinator sealed (`trust::sealed`).

/// The coordinator's phone after an edit to Mr. Okafor's cadence and the shift's size, made by
/// `signer` and sealed as the workspace does.
fn edited_by(phone: &Board, signer: &Signer, ms: u64) -> Board {
    let mut board = phone.clone();
    let at = at(ms, COORDINATOR_PHONE);
    let roster = board.rosters.get_mut(&ROSTER).expect("the list");
    let okafor = roster.people.get_mut(&OKAFOR).expect("Mr. Okafor");
    okafor.cadence_hours.change(12, at);
    board
        .shifts
        .get_mut(&SHIFT)
        .expect("the shift")
        .needed
        .change(4, at);
    board.seal_edit(at, signer);
    board
}

#[test]
fn a_coordinators_sealed_edit_travels_and_the_redacted_copy_keeps_it() {
    let phone = group_phone();
    let other_device = through_a_group_link(&phone);
    let edited = edited_by(&phone, &coordinator(), NOW - MINUTE);
    let (after, preview) = open(&other_device, through_a_group_link(&edited));
    assert_eq!(preview.refused, []);
    assert_eq!(
        after.rosters[&ROSTER].people[&OKAFOR].cadence_hours.value,
        12
    );
    assert_eq!(after.shifts[&SHIFT].needed.value, 4);
    // Opened where the edit was made, the redacted copy changes nothing.
    let (back, preview) = open(&edited, through_a_group_link(&after));
    assert_eq!(preview.refused, []);
    assert_eq!(back, edited);
}

#[test]
fn a_new_person_with_private_notes_reaches_a_copy_that_had_them_blanked() {
    let phone = group_phone();
    let mut edited = phone.clone();
    let at = at(NOW - MINUTE, COORDINATOR_PHONE);
    let person = PersonDraft {
        name: "Mrs. Lee".into(),
        contact: None,
        cadence_hours: 24,
        volunteer: "ben".into(),
        notes: "Key under the mat".into(),
    };
    edited
        .add_person(ROSTER, RecordId(0xa3), person, at)
        .expect("added");
    edited.seal_edit(at, &coordinator());
    let blanked = through_a_group_link(&edited);
    assert_eq!(
        blanked.rosters[&ROSTER].people[&RecordId(0xa3)].notes.value,
        ""
    );
    let (after, preview) = open(&blanked, edited.clone());
    assert_eq!(preview.refused, []);
    let lee = &after.rosters[&ROSTER].people[&RecordId(0xa3)];
    assert_eq!(lee.notes.value, "Key under the mat");
}

#[test]
fn an_edit_sealed_by_someone_who_is_not_a_coordinator_is_refused_but_their_entries_arrive() {
    let phone = group_phone();
    let mut bens = edited_by(&phone, &ben(), NOW - MINUTE);
    // On the very records whose edit is refused: his report, check-in and sign-up.
    add_bens_entries(&mut bens);
    let (after, preview) = open(&phone, through_a_group_link(&bens));
    let refused = |kind, id| Refusal {
        record: RecordRef { kind, id },
        reason: Refused::NotCoordinator,
    };
    assert_eq!(
        preview.refused,
        [
            refused(RecordKind::Roster, ROSTER),
            refused(RecordKind::Shift, SHIFT)
        ]
    );
    let (shift, mine) = (&after.shifts[&SHIFT], &phone.shifts[&SHIFT]);
    assert_eq!(shift.needed, mine.needed, "Ben's edit is refused");
    assert_eq!(shift.signups.len(), 2, "Ben's sign-up arrives beside Ana's");
    assert_eq!(
        okafor(&after).cadence_hours,
        okafor(&phone).cadence_hours,
        "Ben's edit is refused"
    );
    assert_eq!(okafor(&after).check_ins.len(), 2, "Ben's check-in arrives");
    assert_eq!(
        after.resources[&FRIDGE].reports.len(),
        2,
        "Ben's report arrives"
    );
}

#[test]
fn a_sealed_value_changed_afterwards_is_refused() {
    let phone = group_phone();
    let mut forged = edited_by(&phone, &coordinator(), NOW - MINUTE);
    forged.rosters = phone.rosters.clone();
    forged
        .shifts
        .get_mut(&SHIFT)
        .expect("the shift")
        .needed
        .value = 40;
    assert_refused_as(
        &phone,
        forged,
        RecordKind::Shift,
        SHIFT,
        Refused::BadSignature,
    );
}

#[test]
fn a_seal_moved_to_another_place_is_refused() {
    let mut phone = group_phone();
    let at = at(NOW - MINUTE, COORDINATOR_PHONE);
    phone
        .resources
        .get_mut(&FRIDGE)
        .expect("fridge")
        .hours
        .change("9 to 5".into(), at);
    phone.seal_edit(at, &coordinator());
    let mut forged = phone.clone();
    let sealed = phone.resources[&FRIDGE].hours.clone();
    forged.resources.get_mut(&PANTRY).expect("pantry").hours = sealed;
    assert_refused_as(
        &phone,
        forged,
        RecordKind::Resource,
        PANTRY,
        Refused::BadSignature,
    );
}

#[test]
fn a_board_vouched_for_as_a_whole_has_its_seals_taken_as_checked_but_not_its_rules() {
    // A board the group's publishing key signed as a whole (`trust::vouch`) was checked by
    // `publish`: its seals are taken at the group's word, so the moved seal above comes in;
    // but who may change what is still the gate's own question.
    let mut phone = group_phone();
    let edited = at(NOW - MINUTE, COORDINATOR_PHONE);
    let fridge = |board: &mut Board| {
        board
            .resources
            .get_mut(&FRIDGE)
            .expect("fridge")
            .hours
            .clone()
    };
    phone
        .resources
        .get_mut(&FRIDGE)
        .expect("fridge")
        .hours
        .change("9 to 5".into(), edited);
    phone.seal_edit(edited, &coordinator());
    let mut moved = phone.clone();
    moved.resources.get_mut(&PANTRY).expect("pantry").hours = fridge(&mut phone);
    let coordinators = [coordinator().key()];
    let gate = Gate {
        current: &phone,
        now_ms: NOW,
        coordinators: &coordinators,
        checker: &Vouched,
    };
    assert_eq!(gate.admit(moved.clone()).refused, []);
    assert_eq!(gate.admit(moved.clone()).board, moved);

    // Moderation by a key that is not a coordinator's, in a vouched board: still refused.
    let (rosas, id) = rosas_phone();
    let mut eves = Board::default();
    eves.add_post(as_eve_sees_it(&rosas, id));
    eves.moderate(id, Action::Hide, "coord", at(NOW, EVE_PHONE), &eve())
        .expect("Eve's own phone records it");
    let gate = Gate {
        current: &rosas,
        ..gate
    };
    let record = RecordRef {
        kind: RecordKind::Post,
        id,
    };
    assert_eq!(
        gate.admit(through_a_link(&eves.posts[&id])).refused,
        [Refusal {
            record,
            reason: Refused::NotCoordinator
        }]
    );
}

#[test]
fn an_unsigned_edit_and_a_changed_date_of_making_are_refused() {
    let phone = group_phone();
    let mut unsigned = phone.clone();
    let at = at(NOW - MINUTE, BEN_PHONE);
    let roster = unsigned.rosters.get_mut(&ROSTER).expect("the list");
    roster.name.change("Ben's list".into(), at);
    assert_refused_as(
        &phone,
        unsigned,
        RecordKind::Roster,
        ROSTER,
        Refused::UnsignedChange,
    );
    // An earlier date of making would win the merge; when a record was made never changes.
    let mut older = phone.clone();
    let shift = older.shifts.get_mut(&SHIFT).expect("the shift");
    shift.created = Stamp::new(shift.created.ms - DAY, 0, BEN_PHONE);
    assert_refused_as(
        &phone,
        older,
        RecordKind::Shift,
        SHIFT,
        Refused::UnsignedChange,
    );
}

#[test]
fn a_new_record_naming_an_author_who_did_not_seal_it_is_refused() {
    let phone = group_phone();
    let mut forged = Board::default();
    let made = at(NOW - MINUTE, BEN_PHONE);
    let mut shift = phone.shifts[&SHIFT].clone();
    shift.id = RecordId(0x52);
    shift.created = made;
    shift.author = Some(coordinator().key());
    shift.task = circle::model::trust::Sealed::new("Hand over the keys".into(), made);
    forged.shifts.insert(shift.id, shift);
    let coordinators = [coordinator().key()];
    let gate = Gate {
        current: &phone,
        now_ms: NOW,
        coordinators: &coordinators,
        checker: &Local,
    };
    let admitted = gate.admit(forged);
    assert!(admitted.board.shifts.is_empty());
    assert_eq!(
        admitted.refused,
        [Refusal {
            record: RecordRef {
                kind: RecordKind::Shift,
                id: RecordId(0x52),
            },
            reason: Refused::BadSignature,
        }]
    );
}

#[test]
fn the_author_of_a_skill_may_change_it_and_nobody_else_may() {
    use circle::model::{Skill, SkillDraft};
    let listed = at(NOW - DAY, BEN_PHONE);
    let draft = SkillDraft {
        handle: "ben".into(),
        skill: "childcare".into(),
        details: String::new(),
        area: "north".into(),
        languages: Vec::new(),
        contact: None,
    };
    let mut bens = Board::default();
    bens.skills
        .insert(RecordId(0x5c), Skill::create(RecordId(0x5c), draft, listed));
    bens.seal_edit(listed, &ben());
    let coordinators_copy = bens.clone();
    let away = at(NOW - HOUR, BEN_PHONE);
    let skill = bens.skills.get_mut(&RecordId(0x5c)).expect("listed");
    skill.available.change(false, away);
    bens.seal_edit(away, &ben());
    let (after, preview) = open(&coordinators_copy, bens.clone());
    assert_eq!(preview.refused, []);
    assert!(!after.skills[&RecordId(0x5c)].available.value);
    let mut eves = bens.clone();
    let back = at(NOW - MINUTE, EVE_PHONE);
    let skill = eves.skills.get_mut(&RecordId(0x5c)).expect("listed");
    skill.available.change(true, back);
    eves.seal_edit(back, &eve());
    assert_refused_as(
        &bens,
        eves,
        RecordKind::Skill,
        RecordId(0x5c),
        Refused::NotCoordinator,
    );
}

const CHILDCARE: RecordId = RecordId(0xc1);

fn minded(minder: &str, family: &str, hours: u32) -> SwapDraft {
    SwapDraft {
        minder: minder.into(),
        family: family.into(),
        day: circle::model::Day::from_ymd(2026, 12, 1).expect("a date"),
        minutes: hours * 60,
        note: String::new(),
    }
}

/// The group's phone with Ana's childcare listing, and the swap she recorded on it: she minded
/// Ben's children 3 hours.
fn childcare_phone() -> Board {
    let mut phone = group_phone();
    let listing = circle::model::SkillDraft {
        handle: "ana".into(),
        skill: "childcare".into(),
        details: String::new(),
        area: "north".into(),
        languages: Vec::new(),
        contact: None,
    };
    let made = at(NOW - 3 * DAY, COORDINATOR_PHONE);
    phone.skills.insert(
        CHILDCARE,
        circle::model::Skill::create(CHILDCARE, listing, made),
    );
    phone
        .record_swap(
            CHILDCARE,
            minded("ana", "ben", 3),
            "ana",
            at(NOW - DAY, ANA_PHONE),
            &ana(),
        )
        .expect("Ana records a swap");
    phone
}

/// Ana's childcare listing refused, for `reason`.
fn listing_refused(reason: Refused) -> Refusal {
    Refusal {
        record: RecordRef {
            kind: RecordKind::Skill,
            id: CHILDCARE,
        },
        reason,
    }
}

/// `phone`'s board through a group link, with Ben's own swap on Ana's listing: he minded her
/// children 2 hours, validly signed.
fn with_bens_swap(phone: &Board) -> Board {
    let mut copy = through_a_group_link(phone);
    copy.record_swap(
        CHILDCARE,
        minded("ben", "ana", 2),
        "ben",
        at(NOW - HOUR, BEN_PHONE),
        &ben(),
    )
    .expect("Ben records a swap");
    copy
}

#[test]
fn a_forged_swap_is_refused_and_the_good_ones_with_it_still_arrive() {
    let phone = childcare_phone();
    // Ben's copy: his own swap, validly signed (he minded Ana's children 2 hours), and Eve's
    // forgery under Ana's key saying Ben owes Ana ten hours more.
    let mut copy = with_bens_swap(&phone);
    let mut forged = Swap::new(
        CHILDCARE,
        minded("ana", "ben", 10),
        "ana",
        at(NOW - MINUTE, EVE_PHONE),
        &eve(),
    );
    forged.seal = forged.seal.map(|mut seal| {
        seal.key = ana().key();
        seal
    });
    copy.skills
        .get_mut(&CHILDCARE)
        .expect("the listing")
        .swaps
        .insert(forged);

    let (after, preview) = open(&phone, copy);
    assert_eq!(preview.refused, [listing_refused(Refused::BadEntry)]);
    assert_eq!(preview.report.updated, 1, "Ben's swap");
    let swaps = &after.skills[&CHILDCARE].swaps;
    let kept: Vec<(&str, u32)> = swaps
        .iter()
        .map(|swap| (swap.by.as_str(), swap.minutes / 60))
        .collect();
    assert_eq!(kept, [("ana", 3), ("ben", 2)]);
    let ben = circle::model::swap::balances(swaps.iter())
        .into_iter()
        .find(|balance| balance.handle == "ben")
        .expect("Ben's balance");
    assert_eq!((ben.given, ben.received), (120, 180));
}

#[test]
fn a_swap_arrives_on_a_listing_whose_unsigned_change_is_refused() {
    let phone = childcare_phone();
    let mut copy = with_bens_swap(&phone);
    // The same copy changes Ana's listing without her signature.
    copy.skills
        .get_mut(&CHILDCARE)
        .expect("the listing")
        .details
        .change("Weekends only".into(), at(NOW - MINUTE, BEN_PHONE));
    let (after, preview) = open(&phone, copy);
    assert_eq!(preview.refused, [listing_refused(Refused::UnsignedChange)]);
    let listing = &after.skills[&CHILDCARE];
    assert_eq!(listing.details, phone.skills[&CHILDCARE].details);
    assert_eq!(listing.swaps.len(), 2, "Ben's swap arrives beside Ana's");
}

#[test]
fn a_check_in_moved_onto_another_ask_is_refused() {
    let mut phone = group_phone();
    let mut need = draft(PostKind::Ask, "ana", "Bottled water, two packs");
    need.contact = None;
    let linked = phone
        .check_in_with_ask(
            (ROSTER, OKAFOR),
            CheckInDraft {
                outcome: Outcome::NeedsSomething,
                note: String::new(),
                ask: None,
            },
            "ana",
            need,
            at(NOW - HOUR, ANA_PHONE),
            &ana(),
        )
        .expect("Ana posts an ask for Mr. Okafor");
    assert_eq!(okafor(&phone).asks(), [linked]);
    // Eve points Ana's check-in at Rosa's ask, so the group would read it as one for Mr. Okafor.
    let (rosas, rosas_ask) = rosas_phone();
    let mut copy = through_a_group_link(&phone);
    copy.merge_in(&rosas);
    let person = copy
        .rosters
        .get_mut(&ROSTER)
        .and_then(|roster| roster.people.get_mut(&OKAFOR))
        .expect("Mr. Okafor");
    person.check_ins = person.check_ins.map(|check_in| CheckIn {
        ask: check_in.ask.map(|_| rosas_ask),
        ..check_in.clone()
    });
    let (after, preview) = open(&phone, copy);
    assert!(preview.refused.contains(&Refusal {
        record: RecordRef {
            kind: RecordKind::Roster,
            id: ROSTER,
        },
        reason: Refused::BadEntry,
    }));
    assert_eq!(okafor(&after).asks(), [linked]);
}
