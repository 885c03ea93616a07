//! A shift's link, out to a neighbour and back (issue #12): the coordinator's link carries the
//! shift and the place it staffs and nothing else; the neighbour's phone opens it, signs up and
//! sends the shift back with the sign-up; the coordinator's gate takes the sign-up only when its
//! signature holds, and a cut or reshaped link is caught before anything is read.

use circle::model::trust::check::Local;
use circle::model::trust::gate::Gate;
use circle::model::{
    Audience, Board, Contact, ContactMethod, DeviceId, Post, PostDraft, PostKind, RecordId,
    RecordKind, RecordRef, Refusal, Refused, Resource, ResourceDraft, ResourceKind, Shift,
    ShiftDraft, SignUp, Signer, Snapshot, Stamp, Urgency, Visibility,
};
use circle::sources::link_frame;
use circle::sources::share_link::{
    share_url, LinkAudience, LinkError, LinkHolds, ShareLink, SharePayload,
};

/// When the links are opened.
const NOW: u64 = 1_765_000_000_000;
const HOUR: u64 = 3_600_000;
const PAGE: &str = "https://riverside-aid.github.io/circle/";
const SHIFT: RecordId = RecordId(0x5a1f_7000_0000_0001);
const FRIDGE: RecordId = RecordId(0x5a1f_7000_0000_0002);

fn at(ms: u64, device: u64) -> Stamp {
    Stamp::new(ms, 0, DeviceId(device))
}

fn sam() -> Signer {
    Signer::from_seed([3; 32])
}

fn eve() -> Signer {
    Signer::from_seed([5; 32])
}

/// The coordinator's board: the fridge, a shift to restock it tomorrow, and a post whose
/// private contact must never ride along.
fn coordinators_board() -> Board {
    let mut board = Board::default();
    let fridge = Resource::create(
        FRIDGE,
        ResourceDraft {
            kind: ResourceKind::Fridge,
            name: "Corner fridge".into(),
            area: "Riverside North".into(),
            hours: "Always open".into(),
            accepts: String::new(),
            needs: String::new(),
            serves: String::new(),
            languages: Vec::new(),
            contact: None,
            private_note: "The key is with the bakery".into(),
        },
        at(NOW - HOUR, 4),
    );
    board.resources.insert(FRIDGE, fridge);
    let draft = ShiftDraft {
        task: "Restock the fridge".into(),
        area: "Riverside North".into(),
        resource: Some(FRIDGE),
        starts_ms: NOW + 24 * HOUR,
        minutes: 120,
        needed: 2,
    };
    board
        .shifts
        .insert(SHIFT, Shift::create(SHIFT, draft, at(NOW - HOUR, 4)));
    let post = PostDraft {
        kind: PostKind::Ask,
        title: "Groceries".into(),
        category: "food".into(),
        area: "Riverside North".into(),
        contact: Some(Contact {
            method: ContactMethod::Text,
            value: "+44 7700 900123".into(),
            visibility: Visibility::Private,
        }),
        details: String::new(),
        urgency: Urgency::Days,
        quantity: None,
        author: "Mina".into(),
        languages: Vec::new(),
        until: None,
        recurring: false,
        private_note: "Second floor".into(),
    };
    board.add_post(Post::create(RecordId(9), post, at(NOW - HOUR, 4)));
    board
}

/// What `current`'s gate makes of `fragment`: the shift link's board, admitted.
fn open(current: &Board, fragment: &str) -> (Board, Vec<Refusal>) {
    let link = ShareLink::decode(fragment).expect("the link opens");
    assert_eq!(link.audience, LinkAudience::Public);
    assert_eq!(link.payload.holds(), LinkHolds::Shift);
    let admitted = Gate {
        current,
        now_ms: NOW,
        coordinators: &[],
        checker: &Local,
    }
    .admit(link.payload.into_board());
    (admitted.board, admitted.refused)
}

fn signed_up(board: &Board) -> Vec<&str> {
    board.shifts[&SHIFT]
        .signed_up()
        .map(|sign_up| sign_up.by.as_str())
        .collect()
}

#[test]
fn a_shift_link_round_trips_the_shift_and_its_place_and_nothing_else() {
    let board = coordinators_board();
    let fragment = ShareLink::for_shift(&board, SHIFT).expect("a live shift");
    assert!(fragment.starts_with("c1.sp."), "{fragment}");
    let url = share_url(PAGE, &fragment);
    // Fits a chat message and a QR code on a phone's screen.
    assert!(url.len() < 1_000, "{} characters", url.len());
    let link = ShareLink::decode(&url).unwrap();
    let SharePayload::Shift(opened) = link.payload else {
        panic!("not a shift link");
    };
    assert_eq!(opened.shifts[&SHIFT], board.shifts[&SHIFT]);
    let public = board.redacted(Audience::Public);
    assert_eq!(opened.resources[&FRIDGE], public.resources[&FRIDGE]);
    assert!(opened.resources[&FRIDGE].private_note.value.is_empty());
    assert!(opened.posts.is_empty(), "no other record rides along");
    assert_eq!(ShareLink::for_shift(&board, RecordId(77)), None);
}

#[test]
fn a_neighbours_sign_up_travels_back_and_arrives_on_the_coordinators_shift() {
    let coordinator = coordinators_board();
    let call = ShareLink::for_shift(&coordinator, SHIFT).unwrap();

    // Sam's phone has never seen the group: the shift arrives whole, and Sam signs up.
    let mut phone = Board::default();
    let (arrived, refused) = open(&phone, &call);
    assert_eq!(refused, []);
    phone.merge_in(&arrived);
    phone
        .sign_up(SHIFT, true, "Sam", at(NOW, 3), &sam())
        .unwrap();
    let answer = ShareLink::for_shift(&phone, SHIFT).unwrap();
    assert_ne!(answer, call);

    let mut back = coordinator.clone();
    let (arrived, refused) = open(&back, &answer);
    assert_eq!(refused, []);
    let report = back.merge_in(&arrived);
    assert_eq!((report.added, report.updated), (0, 1));
    assert_eq!(signed_up(&back), ["Sam"]);
    assert_eq!(back.shifts[&SHIFT].open_spots(), 1);
    assert_eq!(
        back.posts, coordinator.posts,
        "the rest of the board is as it was"
    );
}

#[test]
fn a_forged_sign_up_on_a_returned_link_is_refused_and_the_good_one_still_arrives() {
    let coordinator = coordinators_board();
    let mut phone = coordinator.clone();
    phone.posts.clear();
    phone
        .sign_up(SHIFT, true, "Sam", at(NOW, 3), &sam())
        .unwrap();
    // Eve takes Sam's returned link and adds a sign-up she signed for "Ana", then renamed: its
    // signature no longer holds.
    let mut forged = phone.clone();
    let shift = forged.shifts.get_mut(&SHIFT).unwrap();
    let mut ana = SignUp::new(SHIFT, true, "Ana", at(NOW, 5), &eve());
    ana.by = "Ana Ortiz".into();
    shift.signups.insert(ana);
    let fragment = seal_shift(&forged);

    let (arrived, refused) = open(&coordinator, &fragment);
    assert_eq!(
        refused,
        [Refusal {
            record: RecordRef {
                kind: RecordKind::Shift,
                id: SHIFT,
            },
            reason: Refused::BadEntry,
        }]
    );
    let mut back = coordinator.clone();
    back.merge_in(&arrived);
    assert_eq!(signed_up(&back), ["Sam"], "Sam's own sign-up still arrives");

    // A sign-up replayed from another shift does not verify on this one either.
    let mut replayed = coordinator.clone();
    replayed.posts.clear();
    let elsewhere = SignUp::new(RecordId(1), true, "Sam", at(NOW, 3), &sam());
    replayed
        .shifts
        .get_mut(&SHIFT)
        .unwrap()
        .signups
        .insert(elsewhere);
    let (arrived, refused) = open(&coordinator, &seal_shift(&replayed));
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].reason, Refused::BadEntry);
    assert_eq!(arrived.shifts[&SHIFT].signups.len(), 0);
}

#[test]
fn a_cut_link_or_one_holding_more_than_a_shift_is_refused() {
    let board = coordinators_board();
    let fragment = ShareLink::for_shift(&board, SHIFT).unwrap();
    assert_eq!(
        ShareLink::decode(&fragment[..fragment.len() / 2]),
        Err(LinkError::Truncated)
    );
    // Checksums match, but a shift link must hold one shift and at most its place.
    let mut two = board.clone();
    two.posts.clear();
    let mut other = two.shifts[&SHIFT].clone();
    other.id = RecordId(2);
    two.shifts.insert(other.id, other);
    assert_eq!(
        ShareLink::decode(&seal_shift(&two)),
        Err(LinkError::Damaged)
    );
    let with_post = board.redacted(Audience::Public);
    assert_eq!(
        ShareLink::decode(&seal_shift(&with_post)),
        Err(LinkError::Damaged)
    );
}

/// `board` sealed as a shift link exactly as `for_shift` frames one, whatever it holds: what a
/// hostile sender could make.
fn seal_shift(board: &Board) -> String {
    let json = Snapshot::encode(board);
    link_frame::seal(*b"sp", json.as_bytes())
}
