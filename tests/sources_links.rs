//! Share links, QR codes and snapshot files, end to end: measured sizes, exact round trips
//! after redaction, and damage (a cut or a changed character) always caught.

#[path = "support/sample.rs"]
mod sample;
mod sources_support;

use circle::model::{
    Audience, Board, Contact, ContactMethod, DeviceId, Post, PostDraft, PostKind, RecordId, Shift,
    ShiftDraft, Snapshot, SnapshotError, Stamp, Urgency, Visibility,
};
use circle::sources::post_wire::WirePost;
use circle::sources::share_link::{
    prefers_file, share_url, LinkAudience, LinkError, ShareLink, SharePayload, LONG_LINK_CHARS,
};
use circle::sources::{link_frame, qr, snapshot_file};
use proptest::prelude::*;
use sources_support::{audience, config, post};

/// A project page on a free static host: about 40 characters.
const PAGE: &str = "https://riverside-aid.github.io/circle/";

/// The typical post: a 40-character title, 150 characters of details, a category, an
/// area, an urgency and a public contact.
fn typical_post() -> Post {
    let draft = PostDraft {
        kind: PostKind::Ask,
        title: "Groceries for a family of four this week".into(),
        category: "food".into(),
        area: "Riverside North".into(),
        contact: Some(Contact {
            method: ContactMethod::Text,
            value: "+44 7700 900123".into(),
            visibility: Visibility::Public,
        }),
        details: "My partner is in hospital and I can't get to the shops with the kids. Rice, \
                  pasta, milk, fruit and nappies (size 4) would help. Happy to pick up nearby."
            .into(),
        urgency: Urgency::Days,
        quantity: None,
        author: "Mina".into(),
        languages: vec!["en".into(), "ar".into()],
        until: None,
        recurring: false,
        private_note: "Second floor, the bell is broken".into(),
    };
    let at = Stamp::new(1_764_230_400_000, 0, DeviceId(0x9f3a_71c2_0b5e_d481));
    Post::create(RecordId(0x1234_5678_9abc_def0), draft, at)
}

/// Reads a QR code the way a phone would: paints the SVG's strokes (`M x y.5 h n`, then
/// `m dx 0 h n` along the row) at 4 pixels a module and scans the picture.
fn scan(svg: &str) -> Option<String> {
    const PX: usize = 4;
    let side: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)?
        .split(' ')
        .next()?
        .parse()
        .ok()?;
    let path = svg.split(" d=\"").nth(1)?.split('"').next()?;
    let mut dark = vec![false; side * side];
    let (mut x, mut y) = (0, 0);
    let mut rest = path;
    while let Some(command) = rest.chars().next() {
        rest = &rest[1..];
        let end = rest
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let args: Vec<f64> = rest[..end]
            .split(' ')
            .map(|arg| arg.parse().ok())
            .collect::<Option<_>>()?;
        rest = &rest[end..];
        match (command, args.as_slice()) {
            ('M', [to_x, to_y]) => (x, y) = (*to_x as usize, to_y.floor() as usize),
            ('m', [dx, _]) => x += *dx as usize,
            ('h', [run]) => {
                let run = *run as usize;
                dark.get_mut(y * side + x..y * side + x + run)?.fill(true);
                x += run;
            }
            _ => return None,
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_bitmap(side * PX, side * PX, |px, py| {
        dark[py / PX * side + px / PX]
    });
    let grids = image.detect_grids();
    grids.first()?.decode().ok().map(|(_, text)| text)
}

fn redacted_post(post: &Post, audience: LinkAudience) -> Post {
    let mut single = Board::default();
    single.add_post(post.clone());
    single.redacted(audience.into()).posts[&post.id].clone()
}

#[test]
fn a_typical_post_link_fits_in_400_characters() {
    let post = typical_post();
    assert_eq!(
        (post.title.value.len(), post.details.value.len()),
        (40, 152)
    );
    let url = share_url(PAGE, &ShareLink::for_post(&post, LinkAudience::Public));
    println!("typical post link: {} characters: {url}", url.len());
    assert!(url.len() <= 400, "{} characters", url.len());
    assert!(!prefers_file(&url));

    let svg = qr::svg(&url).expect("a post link fits a QR code");
    println!("its QR code: {} bytes of SVG", svg.len());
    assert!(svg.len() < 12_000);
    assert_eq!(scan(&svg), Some(url));
}

#[test]
fn the_largest_qr_code_scans_back() {
    let link = share_url(PAGE, &"Zz9-_".repeat(450));
    assert_eq!(scan(&qr::svg(&link).unwrap()), Some(link));
}

#[test]
fn a_30_post_board_link_is_measured() {
    let devices = [
        DeviceId(0x9f3a_71c2_0b5e_d481),
        DeviceId(0x51c0_aa93_7e21_f00d),
    ];
    let board = sample::posts(0..30, &devices);
    let url = share_url(PAGE, &ShareLink::for_board(&board, LinkAudience::Public));
    let snapshot = circle::model::Snapshot::encode(&board.redacted(Audience::Public));
    println!(
        "30-post board link: {} characters (snapshot {} bytes); QR code: {:?}",
        url.len(),
        snapshot.len(),
        qr::svg(&url).map(|svg| svg.len())
    );
    assert!(!prefers_file(&url), "{} characters", url.len());
    let opened = ShareLink::decode(&url).expect("the link opens");
    assert_eq!(
        opened.payload,
        SharePayload::Board(Box::new(board.redacted(Audience::Public)))
    );
}

#[test]
fn a_large_board_link_says_to_use_a_file() {
    let devices = [DeviceId(1)];
    let board = sample::posts(0..300, &devices);
    let url = share_url(PAGE, &ShareLink::for_board(&board, LinkAudience::Group));
    println!("300-post board link: {} characters", url.len());
    assert!(prefers_file(&url));
    assert_eq!(qr::svg(&url), Err(qr::QrError::TooLong));
}

#[test]
fn a_link_up_to_the_long_link_limit_is_offered_as_a_link() {
    let at_limit = share_url(PAGE, &"A".repeat(LONG_LINK_CHARS - PAGE.len() - 1));
    assert_eq!(at_limit.len(), LONG_LINK_CHARS);
    assert!(!prefers_file(&at_limit));
    assert!(prefers_file(&format!("{at_limit}A")));
}

#[test]
fn a_group_link_is_labelled_and_keeps_group_contacts() {
    let mut post = typical_post();
    post.contact.value = post.contact.value.map(|contact| Contact {
        visibility: Visibility::Group,
        ..contact
    });
    let public = ShareLink::decode(&ShareLink::for_post(&post, LinkAudience::Public)).unwrap();
    let group = ShareLink::decode(&ShareLink::for_post(&post, LinkAudience::Group)).unwrap();
    assert_eq!(public.audience, LinkAudience::Public);
    assert_eq!(group.audience, LinkAudience::Group);
    let contact = |link: ShareLink| match link.payload {
        SharePayload::Post(post) => post.contact.value,
        SharePayload::Board(_) | SharePayload::Shift(_) => None,
    };
    assert_eq!(contact(public), None);
    assert_eq!(contact(group), post.contact.value);
}

#[test]
fn an_opened_link_gives_the_board_to_preview_and_merge() {
    // A post link becomes a board holding that post; a board link, its board.
    let post = typical_post();
    let opened = ShareLink::decode(&ShareLink::for_post(&post, LinkAudience::Public)).unwrap();
    let board = opened.payload.into_board();
    let expected = redacted_post(&post, LinkAudience::Public);
    assert_eq!(board.posts.get(&post.id), Some(&expected));
    assert_eq!(board.posts.len(), 1);

    let shared = sample::posts(0..3, &[DeviceId(7)]);
    let opened = ShareLink::decode(&ShareLink::for_board(&shared, LinkAudience::Public)).unwrap();
    assert_eq!(
        opened.payload.into_board(),
        shared.redacted(Audience::Public)
    );
}

#[test]
fn a_sealed_post_that_does_not_read_says_why() {
    // The checksum matches, so the link is whole: what it holds is named, as for a file.
    let seal = |json: &[u8]| circle::sources::link_frame::seal(*b"pp", json);
    let mut wire = serde_json::to_value(WirePost::from(&typical_post())).unwrap();
    // A kind this Circle does not know: JSON, but a value of the wrong shape.
    wire[1] = 9.into();
    let wrong_value = seal(&serde_json::to_vec(&wire).unwrap());
    assert!(matches!(
        ShareLink::decode(&wrong_value),
        Err(LinkError::BadContent(SnapshotError::Invalid {
            line: 1,
            record: None,
            ..
        }))
    ));
    // Text that stops halfway: not JSON at all.
    let json = serde_json::to_vec(&WirePost::from(&typical_post())).unwrap();
    let broken = seal(&json[..json.len() / 2]);
    assert!(matches!(
        ShareLink::decode(&broken),
        Err(LinkError::BadContent(SnapshotError::Syntax { line: 1, .. }))
    ));
}

#[test]
fn share_urls_replace_the_page_fragment() {
    assert_eq!(
        share_url("https://x.org/circle/#/board", "c1.pp.AA"),
        "https://x.org/circle/#c1.pp.AA"
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_post_round_trips_through_its_wire_form(post in post()) {
        let json = serde_json::to_string(&WirePost::from(&post)).unwrap();
        let back: WirePost = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(Post::from(back), post);
    }

    #[test]
    fn any_post_link_opens_as_the_redacted_post(post in post(), audience in audience()) {
        let link = ShareLink::for_post(&post, audience);
        let opened = ShareLink::decode(&link);
        let expected = redacted_post(&post, audience);
        prop_assert_eq!(
            opened,
            Ok(ShareLink { audience, payload: SharePayload::Post(Box::new(expected)) })
        );
    }

    #[test]
    fn any_board_round_trips_through_links_and_files(
        posts in prop::collection::vec(post(), 0..6),
        ops in prop::collection::vec(
            (any::<u8>(), 0..sample::OP_KINDS, any::<u8>(), 0..1_000u64, any::<bool>()),
            0..24,
        ),
        audience in audience(),
    ) {
        let mut board = Board::default();
        for post in posts {
            board.add_post(post);
        }
        // Every kind of record (resources, rosters, shifts, fund, skills, matches).
        for (id, kind, value, ms, device) in ops {
            let op = sample::Op::new(RecordId(u64::from(id % 8)), kind, value, ms, DeviceId(device.into()));
            sample::apply(&mut board, &op);
        }

        let link = ShareLink::for_board(&board, audience);
        let opened = ShareLink::decode(&link).map(|link| link.payload);
        prop_assert_eq!(opened, Ok(SharePayload::Board(Box::new(board.redacted(audience.into())))));

        for audience in [Audience::Public, Audience::Group, Audience::Full] {
            let file = snapshot_file::export(&board, audience);
            prop_assert_eq!(snapshot_file::import(file.as_bytes()), Ok(board.redacted(audience)));
        }
    }

    #[test]
    fn a_cut_post_link_is_always_refused(post in post(), audience in audience()) {
        let link = ShareLink::for_post(&post, audience);
        for end in 0..link.len() {
            let cut = ShareLink::decode(&link[..end]);
            prop_assert!(cut.is_err(), "cut at {} of {} opened", end, link.len());
        }
    }

    #[test]
    fn a_cut_board_link_is_always_refused(
        posts in prop::collection::vec(post(), 1..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let board = posts.into_iter().fold(Board::default(), |mut board, post| {
            board.add_post(post);
            board
        });
        let link = ShareLink::for_board(&board, LinkAudience::Public);
        let end = cut.index(link.len());
        prop_assert!(ShareLink::decode(&link[..end]).is_err());
    }

    #[test]
    fn a_changed_character_is_always_refused(
        post in post(),
        audience in audience(),
        at in any::<prop::sample::Index>(),
        with in prop::sample::select(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#%+/= "
                .chars()
                .collect::<Vec<_>>(),
        ),
    ) {
        let link = ShareLink::for_post(&post, audience);
        let at = at.index(link.len());
        prop_assume!(!link[at..].starts_with(with));
        let mut changed = link.clone();
        changed.replace_range(at..at + 1, with.encode_utf8(&mut [0; 4]));
        let opened = ShareLink::decode(&changed);
        prop_assert!(opened.is_err(), "changing {} to {:?} went unnoticed", at, with);
        prop_assert_ne!(opened, Err(LinkError::Empty));
    }
}

// Pasted text: a link arrives inside the message it was sent in, or with a sentence's
// punctuation after it. It is found and opened; only real damage is called damage.

/// The typical post's link as a whole URL, and what opening it gives.
fn typical_url() -> (String, Result<ShareLink, LinkError>) {
    let url = share_url(
        PAGE,
        &ShareLink::for_post(&typical_post(), LinkAudience::Public),
    );
    let opened = ShareLink::decode(&url);
    assert!(opened.is_ok());
    (url, opened)
}

#[test]
fn a_link_forwarded_inside_a_chat_message_opens() {
    let (url, opened) = typical_url();
    let version_end = url.find("#c1.").expect("a share URL") + "#c1.".len();
    let messages = [
        // WhatsApp, forwarded: a line before, a blank line and a line after.
        format!("Mina needs: Groceries for a family of four this week, Riverside North\n{url}\n\nPlease share 🙏"),
        // Signal: text on the same line both sides.
        format!("Can anyone help? {url} Thanks!"),
        format!("*Reenviado*\n_Mina necesita ayuda:_ {url}"),
        format!("{url}\n— sent from Circle"),
        format!("«{url}»"),
        format!("<{url}>"),
        // A mail app broke the link over lines, and signed the message.
        format!("Hi all,\n\n{}\n{}\n\n-- \nAna", &url[..70], &url[70..]),
        format!("{}\r\n  {}", &url[..50], &url[50..]),
        // Broken right after the version, and inside the tag.
        format!("{}\n{}", &url[..version_end], &url[version_end..]),
        format!("{}\n{}", &url[..version_end + 1], &url[version_end + 1..]),
    ];
    for message in messages {
        assert_eq!(ShareLink::decode(&message), opened, "{message}");
    }
}

#[test]
fn punctuation_after_a_link_is_not_part_of_it() {
    let (url, opened) = typical_url();
    for after in [
        ".", ",", ")", "…", "...", "!", "?", ":", ";", "\"", "'", "»", ").", "!!", "。",
    ] {
        let message = format!("Here is my ask ({url}{after} Thanks");
        assert_eq!(ShareLink::decode(&message), opened, "{after}");
        assert_eq!(
            ShareLink::decode(&format!("{url}{after}")),
            opened,
            "{after}"
        );
    }
}

#[test]
fn of_two_links_in_one_text_the_first_opens() {
    let (first, opened) = typical_url();
    let board = sample::posts(0..3, &[DeviceId(7)]);
    let second = share_url(PAGE, &ShareLink::for_board(&board, LinkAudience::Public));
    let message = format!("Ask: {first}\nAnd our whole board: {second}.");
    assert_eq!(ShareLink::decode(&message), opened);
    // A page address without a link before them changes nothing.
    let message = format!("Our site {PAGE}#about and the ask {first}, thanks");
    assert_eq!(ShareLink::decode(&message), opened);
    // When the first is cut, the one that is whole opens.
    let message = format!("{}… sorry, again: {second}", &first[..first.len() / 2]);
    let board_opened = ShareLink::decode(&second);
    assert_eq!(ShareLink::decode(&message), board_opened);
}

#[test]
fn a_link_cut_inside_a_message_is_still_cut_short() {
    let (url, _) = typical_url();
    let link_start = url.find("#c1.").expect("a link") + "#c1.".len();
    for end in link_start..url.len() {
        let cut = &url[..end];
        for message in [
            format!("Look: {cut}… thanks, Ana"),
            format!("Look: {cut}\nthanks Ana"),
            format!("{cut}."),
        ] {
            assert_eq!(
                ShareLink::decode(&message),
                Err(LinkError::Truncated),
                "{message}"
            );
        }
    }
}

#[test]
fn a_c_and_a_number_inside_a_word_start_no_link() {
    // File names and handles ("flyer-c2.pdf", "photo_c3.jpg") hold `c`, a number and a dot
    // after a letter, a digit, `-` or `_`. None of them is taken for a link: a link typed from
    // a flyer after them still opens, or, cut, is still called cut short (not "made by a newer
    // Circle").
    let (url, opened) = typical_url();
    let fragment = &url[url.find('#').expect("a fragment") + 1..];
    let cut = &fragment[..fragment.len() / 2];
    for word in ["flyer-c2.pdf", "photo_c3.jpg", "abc2.5", "2c2.pp"] {
        let message = format!("See {word} and the link {fragment}");
        assert_eq!(ShareLink::decode(&message), opened, "{message}");
        let message = format!("See {word} and the link {cut}");
        assert_eq!(
            ShareLink::decode(&message),
            Err(LinkError::Truncated),
            "{message}"
        );
    }
}

#[test]
fn a_changed_character_inside_a_message_is_damage() {
    let (url, _) = typical_url();
    let body_start = url.find("#c1.pp.").expect("a link") + "#c1.pp.".len();
    let verdicts: Vec<LinkError> = (body_start..url.len())
        .map(|at| {
            let mut bytes = url.clone().into_bytes();
            bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(bytes).expect("still ASCII");
            ShareLink::decode(&format!("Can you help? {changed} Thanks!"))
                .expect_err("a changed link never opens")
        })
        .collect();
    let damaged = verdicts
        .iter()
        .filter(|e| **e == LinkError::Damaged)
        .count();
    // As for a link alone: a change that leaves a stream that just stops reads as a cut.
    assert!(
        damaged * 100 >= verdicts.len() * 95,
        "{damaged} of {}",
        verdicts.len()
    );
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_link_opens_inside_any_message(
        post in post(),
        audience in audience(),
        before in "[ -~\n]{0,40}",
        after in "[ -~\n]{0,40}",
        open_with in prop::sample::select(vec!["", " ", "\n", "(", "<", "\"", ": "]),
        close_with in prop::sample::select(vec!["", " ", "\n", ".", ",", ")", "…", "!", "?", "\n\n"]),
    ) {
        let url = share_url(PAGE, &ShareLink::for_post(&post, audience));
        let alone = ShareLink::decode(&url);
        prop_assume!(alone.is_ok());
        // The text before may not itself end in a link's characters ("x" + "https…" is one word).
        let before = if open_with.is_empty() { String::new() } else { before };
        let after = if close_with.is_empty() { String::new() } else { after };
        let message = format!("{before}{open_with}{url}{close_with}{after}");
        prop_assert_eq!(ShareLink::decode(&message), alone, "{:?}", message);
    }
}

/// A board holding shift 3 at place 7, with one sign-up: what a shift link carries.
fn one_shift_and_its_place() -> Board {
    let mut board = Board::default();
    let device = DeviceId(1);
    sample::apply(&mut board, &sample::Op::new(RecordId(7), 7, 1, 10, device));
    let draft = ShiftDraft {
        task: "Restock the fridge".into(),
        area: String::new(),
        resource: Some(RecordId(7)),
        starts_ms: 1_000,
        minutes: 60,
        needed: 2,
    };
    let shift = Shift::create(RecordId(3), draft, Stamp::new(20, 0, device));
    board.shifts.insert(RecordId(3), shift);
    // A sign-up (operation 10 adds one to shift 3).
    sample::apply(&mut board, &sample::Op::new(RecordId(3), 10, 2, 30, device));
    board
}

#[test]
fn a_shift_link_carries_the_shift_with_its_place_and_nothing_else() {
    let single = one_shift_and_its_place();
    let mut board = single.clone();
    // Another place, a post and a match on the same board stay off the link.
    for (id, kind) in [(8, 7), (9, 0), (10, 12)] {
        sample::apply(
            &mut board,
            &sample::Op::new(RecordId(id), kind, 4, 40, DeviceId(2)),
        );
    }
    let link = ShareLink::for_shift(&board, RecordId(3)).expect("a live shift has a link");
    let opened = ShareLink::decode(&link).map(|link| link.payload);
    assert_eq!(
        opened,
        Ok(SharePayload::Shift(Box::new(
            single.redacted(Audience::Public)
        )))
    );
    assert_eq!(
        ShareLink::for_shift(&board, RecordId(99)),
        None,
        "no such shift"
    );
}

#[test]
fn a_shift_link_holding_more_than_one_shift_and_its_place_is_damaged() {
    // Framed with a valid checksum, as only someone making a link by hand could.
    let framed = |board: &Board| link_frame::seal(*b"sp", Snapshot::encode(board).as_bytes());
    let single = one_shift_and_its_place();
    assert!(matches!(
        ShareLink::decode(&framed(&single)).map(|link| link.payload),
        Ok(SharePayload::Shift(_))
    ));
    let mut no_place = single.clone();
    no_place.resources.clear();
    assert!(
        ShareLink::decode(&framed(&no_place)).is_ok(),
        "a shift at no place"
    );

    let mut no_shift = single.clone();
    no_shift.shifts.clear();
    // Each operation adds one more record of its kind (sample::apply).
    let added = |id: u64, kind: u64| {
        let mut board = single.clone();
        sample::apply(
            &mut board,
            &sample::Op::new(RecordId(id), kind, 5, 50, DeviceId(2)),
        );
        board
    };
    let cases = [
        ("no shift", no_shift),
        ("two shifts", added(4, 10)),
        ("two places", added(8, 7)),
        ("a post", added(9, 0)),
        ("a match", added(10, 12)),
        ("a check-in list", added(11, 11)),
        ("a fund entry", added(12, 13)),
        ("a skill", added(13, 14)),
    ];
    for (what, board) in cases {
        assert_eq!(
            ShareLink::decode(&framed(&board)).map(|link| link.payload),
            Err(LinkError::Damaged),
            "{what}"
        );
    }
}

#[test]
fn a_sealed_link_of_a_kind_circle_does_not_make_is_damaged() {
    for tag in [*b"xk", *b"xp"] {
        let link = link_frame::frame(tag, b"anything");
        assert!(
            matches!(ShareLink::read(&link), Err(LinkError::Damaged)),
            "{}",
            String::from_utf8_lossy(&tag)
        );
    }
}
