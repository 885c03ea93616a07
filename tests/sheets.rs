//! Published sheets as groups really export them (`tests/fixtures/sheets/`): which posts and
//! resources come out, which rows are listed with which row number and reason, what is kept
//! private, and that reading a sheet again changes nothing.

use circle::model::trust::gate::Gate;
use circle::model::{
    Audience, Board, CloseReason, ContactMethod, Day, Field, GroupConfig, PhoneError, Post,
    PostKind, Problem, Resource, ResourceKind, Signer, Status, Stock, Urgency, ValidationError,
    Visibility,
};
use circle::sources::sheet::{
    expire_asks, read_posts, read_resources, ColumnUse, RowError, RowProblem, SheetError,
    SheetOptions, SheetRead,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/sheets/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn config() -> GroupConfig {
    let text = String::from_utf8(fixture("config.json")).unwrap();
    GroupConfig::from_json(&text).unwrap()
}

fn posts(name: &str, kind: PostKind, signer: Option<&Signer>) -> SheetRead<Post> {
    let config = config();
    let options = SheetOptions {
        columns: &config.sources[1].columns,
        kind,
        signer,
        ..SheetOptions::new(&config)
    };
    read_posts(&fixture(name), options).unwrap()
}

/// The resource directory fixture, read with the group's config.
fn directory() -> SheetRead<Resource> {
    read_resources(
        &fixture("resource-directory.csv"),
        SheetOptions::new(&config()),
    )
    .unwrap()
}

/// The first problem of a read, and the header of the column it names.
fn first_problem<T>(read: &SheetRead<T>) -> Option<(RowError, Option<String>)> {
    let problem = read.problems.first()?;
    let header = problem.cell.as_ref().map(|cell| cell.header.clone());
    Some((problem.error.clone(), header))
}

/// Each row's number and why it was left out or used without a value.
fn problems(read: &SheetRead<impl Sized>) -> Vec<(usize, RowError)> {
    read.problems
        .iter()
        .map(|problem| (problem.row, problem.error.clone()))
        .collect()
}

fn by_row<T>(read: &SheetRead<T>, row: usize) -> &T {
    &read
        .records
        .iter()
        .find(|(r, _)| *r == row)
        .unwrap_or_else(|| panic!("no record from row {row}"))
        .1
}

fn at(y: i32, m: u32, d: u32, hms: (u64, u64, u64)) -> u64 {
    Day::from_ymd(y, m, d).unwrap().start_ms() + (hms.0 * 3600 + hms.1 * 60 + hms.2) * 1000
}

#[test]
fn a_google_form_gives_one_ask_per_response_and_lists_every_row_it_cannot_use() {
    let read = posts("google-form-requests.csv", PostKind::Ask, None);
    let rows: Vec<usize> = read.records.iter().map(|(row, _)| *row).collect();
    assert_eq!(rows, [2, 3, 4, 6, 11]);
    assert_eq!(read.rows, 10);
    assert_eq!(
        problems(&read),
        [
            (
                4,
                RowError::BadContact(Problem::Phone(PhoneError::ExtraText))
            ),
            (5, RowError::Duplicate { of: 4 }),
            (7, RowError::NoTitle),
            (
                8,
                RowError::Invalid(ValidationError {
                    field: Field::Area,
                    problem: Problem::NotInList
                })
            ),
            (
                9,
                RowError::NoDate {
                    value: "13/25/2026 10:00:00".into()
                }
            ),
            (
                10,
                RowError::UnknownStatus {
                    value: "Ask Maria".into()
                }
            ),
        ]
    );
    let skipped: Vec<usize> = read.skipped().map(|problem| problem.row).collect();
    assert_eq!(
        skipped,
        [5, 7, 8, 9, 10],
        "row 4 is used, without its phone"
    );
    let cell = read.problems[0].cell.as_ref().unwrap();
    assert_eq!((cell.column, cell.header.as_str()), (9, "telephone"));

    let rosa = by_row(&read, 2);
    assert_eq!(rosa.kind, PostKind::Ask);
    assert_eq!(rosa.title.value, "Groceries for the week and cat food.");
    assert_eq!(rosa.category.value, "food");
    assert_eq!(rosa.area.value, "riverside-north");
    assert_eq!(rosa.urgency.value, Urgency::Today);
    assert_eq!(
        rosa.author, "Rosa Díaz",
        "she said she need not stay anonymous"
    );
    assert_eq!(
        rosa.details.value,
        "Groceries for the week and cat food.\nWe are out of detergent too.\n\n\
         What do you need? Check all that apply: Food, pet care, clothing/laundry\n\
         Number of people in household: 4"
    );
    let contact = rosa.contact.value.as_ref().unwrap();
    assert_eq!(
        (contact.method, contact.value.as_str(), contact.visibility),
        (ContactMethod::Text, "+15550100161", Visibility::Group)
    );
    assert_eq!(rosa.created.ms, at(2026, 11, 20, (9, 14, 3)));
    assert!(!rosa.is_signed());

    let amira = by_row(&read, 4);
    assert_eq!(amira.current_status(), Status::Matched);
    let contact = amira.contact.value.as_ref().unwrap();
    assert_eq!(
        (contact.method, contact.value.as_str()),
        (ContactMethod::Email, "amira@example.org"),
        "the phone cannot be dialled, so the email she also gave is used"
    );
    assert_eq!(by_row(&read, 6).current_status(), Status::Fulfilled);
    assert_eq!(by_row(&read, 11).contact.value, None);
    assert_eq!(by_row(&read, 3).urgency.value, Urgency::Days);
}

#[test]
fn addresses_and_anonymous_names_never_become_shared_data() {
    let read = posts("google-form-requests.csv", PostKind::Ask, None);
    let tom = by_row(&read, 3);
    assert_eq!(tom.author, "Riverside Mutual Aid");
    assert_eq!(
        tom.contact.value.as_ref().unwrap().visibility,
        Visibility::Private
    );
    let mut board = Board::default();
    for (_, post) in &read.records {
        board.add_post(post.clone());
    }
    let everything = serde_json::to_string(&board).unwrap();
    for secret in ["12 Elm St", "88 Oak Ave", "Tom Becker", "Address"] {
        assert!(!everything.contains(secret), "{secret} in {everything}");
    }
    let public = serde_json::to_string(&board.redacted(Audience::Public)).unwrap();
    for number in ["+15550100161", "+15550100142", "amira@example.org"] {
        assert!(!public.contains(number), "{number} published");
    }
    let note = read.columns.iter().find(|note| note.header == "Address");
    assert_eq!(note.map(|note| &note.use_), Some(&ColumnUse::KeptPrivate));
}

#[test]
fn a_spanish_sheet_with_a_bom_semicolons_and_crlf_reads_day_first() {
    let read = posts("google-form-es-semicolons.csv", PostKind::Ask, None);
    assert_eq!(problems(&read), []);
    assert_eq!(read.records.len(), 3);
    let maria = by_row(&read, 2);
    assert_eq!(maria.title.value, "Comida, transporte");
    assert_eq!(maria.category.value, "food");
    assert_eq!(maria.area.value, "old-market");
    assert_eq!(maria.urgency.value, Urgency::Today);
    assert_eq!(
        maria.details.value,
        "Necesito comida para 3 personas.\nTambién un aventón al médico el jueves."
    );
    assert!(!serde_json::to_string(maria).unwrap().contains("Calle 5"));
    let luis = by_row(&read, 3);
    assert_eq!(luis.created.ms, at(2026, 12, 3, (17, 2, 44)), "3 December");
    assert_eq!(luis.author, "Riverside Mutual Aid");
    let contact = luis.contact.value.as_ref().unwrap();
    assert_eq!(
        (contact.value.as_str(), contact.visibility),
        ("+15550100112", Visibility::Private),
        "a national number, read with the group's country code; anonymous, so private"
    );
    assert_eq!(by_row(&read, 3).category.value, "health");
    assert_eq!(by_row(&read, 4).category.value, "childcare");
    assert_eq!(by_row(&read, 4).urgency.value, Urgency::Anytime);
}

#[test]
fn an_airtable_grid_gives_asks_and_offers_by_their_type() {
    let read = posts("airtable-grid.csv", PostKind::Ask, None);
    assert_eq!(
        problems(&read),
        [(
            5,
            RowError::UnknownKind {
                value: "Swap".into()
            }
        )]
    );
    let chairs = by_row(&read, 2);
    assert_eq!(chairs.kind, PostKind::Offer);
    assert_eq!(chairs.title.value, "Folding chairs for a block party");
    assert_eq!(chairs.author, "maria_h");
    assert_eq!(
        chairs.contact.value.as_ref().unwrap().visibility,
        Visibility::Public,
        "she ticked 'Share phone publicly'"
    );
    assert_eq!(chairs.created.ms, at(2026, 11, 14, (9, 5, 0)));
    let groceries = by_row(&read, 3);
    assert_eq!(groceries.kind, PostKind::Ask);
    assert_eq!(groceries.category.value, "food");
    assert!(groceries
        .details
        .value
        .ends_with("Categories: Food, Errands"));
    assert_eq!(groceries.created.ms, at(2026, 11, 15, (16, 30, 0)));
    assert_eq!(groceries.author, "Riverside Mutual Aid");
    assert_eq!(by_row(&read, 6).current_status(), Status::Matched);
}

#[test]
fn a_resource_directory_keeps_its_long_notes_and_lists_bad_rows() {
    let read = directory();
    let rows: Vec<usize> = read.records.iter().map(|(row, _)| *row).collect();
    assert_eq!(rows, [2, 3, 4, 7]);
    assert_eq!(
        problems(&read),
        [
            (5, RowError::NoName),
            (6, RowError::Duplicate { of: 2 }),
            (
                7,
                RowError::UnknownPlace {
                    value: "Library".into()
                }
            ),
            (
                7,
                RowError::BadContact(Problem::Phone(PhoneError::TooShort))
            ),
            (
                8,
                RowError::Invalid(ValidationError {
                    field: Field::Note,
                    problem: Problem::TooLong { max: 1000 }
                })
            ),
        ]
    );
    let fridge = by_row(&read, 2);
    assert_eq!(fridge.kind.value, ResourceKind::Fridge);
    assert_eq!(fridge.area.value, "riverside-north");
    assert_eq!(fridge.languages.value, ["en", "es"]);
    let report = fridge.latest_report().unwrap();
    assert!(report
        .note
        .starts_with("Please label what you leave with the date.\n\nNo raw meat"));
    assert!(report.note.ends_with("bring some if you can."));
    assert_eq!(report.at.ms, at(2026, 11, 28, (0, 0, 0)));
    let pantry = by_row(&read, 3);
    assert_eq!(pantry.hours.value, "Tue & Thu 10:00–14:00\nSat 9:00–12:00");
    let contact = pantry.contact.value.as_ref().unwrap();
    assert_eq!(
        (contact.value.as_str(), contact.visibility),
        ("+15550100300", Visibility::Public)
    );
    assert_eq!(by_row(&read, 4).kind.value, ResourceKind::CoolingCentre);
    assert_eq!(by_row(&read, 7).kind.value, ResourceKind::Other);
    let everything = serde_json::to_string(&read.records).unwrap();
    assert!(!everything.contains("12 Elm St") && !everything.contains("Market Sq"));
    // And the group is told the column was kept out, as for a request form's.
    let note = read.columns.iter().find(|note| note.header == "Address");
    assert_eq!(note.map(|note| &note.use_), Some(&ColumnUse::KeptPrivate));
}

#[test]
fn a_messy_hand_kept_sheet_uses_the_groups_mapping() {
    let read = posts("messy-offers.csv", PostKind::Offer, None);
    assert_eq!(read.rows, 5, "the blank row is not a row of data");
    assert_eq!(
        problems(&read),
        [
            (
                4,
                RowError::UnknownKind {
                    value: "Maybe".into()
                }
            ),
            (
                5,
                RowError::Invalid(ValidationError {
                    field: Field::Details,
                    problem: Problem::TooLong { max: 2000 }
                })
            ),
            (
                6,
                RowError::BadContact(Problem::Phone(PhoneError::ExtraText))
            ),
            (
                7,
                RowError::NoDate {
                    value: "yesterday".into()
                }
            ),
        ]
    );
    let soup = by_row(&read, 2);
    assert_eq!(soup.kind, PostKind::Offer);
    assert_eq!(soup.title.value, "Sopa casera, 10 porciones");
    assert_eq!(
        soup.author, "chef_ana",
        "'Quién' is mapped to the handle in config.json"
    );
    assert_eq!(soup.details.value, "Vegetable soup,\n\n  ready on Sunday");
    assert_eq!(soup.area.value, "old-market");
    assert_eq!(soup.contact.value.as_ref().unwrap().value, "+15550100400");
    let baby = by_row(&read, 6);
    assert_eq!(
        (baby.kind, baby.contact.value.clone()),
        (PostKind::Offer, None)
    );
    let ignored = read.columns.iter().find(|note| note.header == "Referencia");
    assert_eq!(ignored.map(|note| &note.use_), Some(&ColumnUse::Ignored));
}

#[test]
fn a_sheet_without_what_every_row_needs_is_refused_by_name() {
    let config = config();
    let options = SheetOptions::new(&config);
    assert_eq!(
        read_posts(b"Title,Area\nRice,Hillcrest\n", options).err(),
        Some(SheetError::MissingColumn(
            circle::sources::sheet::Needed::Timestamp
        ))
    );
    assert_eq!(
        read_posts(b"Timestamp,Area\n2026-11-01,Hillcrest\n", options).err(),
        Some(SheetError::MissingColumn(
            circle::sources::sheet::Needed::Need
        ))
    );
    assert_eq!(
        read_resources(b"Hours\n9-5\n", options).err(),
        Some(SheetError::MissingColumn(
            circle::sources::sheet::Needed::Name
        ))
    );
}

#[test]
fn reading_a_sheet_again_changes_nothing_and_merging_never_duplicates() {
    for signer in [None, Some(Signer::from_seed([7; 32]))] {
        let first = posts("google-form-requests.csv", PostKind::Ask, signer.as_ref());
        let again = posts("google-form-requests.csv", PostKind::Ask, signer.as_ref());
        assert_eq!(first.records, again.records);
        let mut board = Board::default();
        let board_of = |read: &SheetRead<Post>| {
            let mut board = Board::default();
            for (_, post) in &read.records {
                board.add_post(post.clone());
            }
            board
        };
        let report = board.absorb(board_of(&first));
        assert_eq!(report.added, 5);
        let report = board.absorb(board_of(&again));
        assert_eq!((report.added, report.updated, report.unchanged), (0, 0, 5));
    }
}

#[test]
fn with_the_sheet_key_posts_are_signed_and_a_newer_status_in_the_sheet_reaches_every_copy() {
    let key = Signer::from_seed([7; 32]);
    let read = posts("google-form-requests.csv", PostKind::Ask, Some(&key));
    assert!(read.records.iter().all(|(_, post)| post.verifies()));
    let mut board = Board::default();
    for (_, post) in &read.records {
        board.add_post(post.clone());
    }
    // The coordinator marks Amira's request done and fixes a typo in Rosa's: same posts.
    let text = String::from_utf8(fixture("google-form-requests.csv"))
        .unwrap()
        .replace("Text,In progress", "Text,Done")
        .replace("cat food.", "cat food!");
    let config = config();
    let options = SheetOptions {
        signer: Some(&key),
        ..SheetOptions::new(&config)
    };
    let edited = read_posts(text.as_bytes(), options).unwrap();
    let mut incoming = Board::default();
    for (_, post) in &edited.records {
        incoming.add_post(post.clone());
    }
    let admitted = Gate {
        current: &board,
        now_ms: at(2026, 12, 1, (0, 0, 0)),
        coordinators: &[],
        checker: &circle::model::trust::check::Local,
    }
    .admit(incoming);
    assert_eq!(admitted.refused, []);
    let report = board.absorb(admitted.board);
    assert_eq!(report.added, 0, "an edited row is the same post");
    assert_eq!(board.posts.len(), 5);
    let amira = board.posts.get(&by_row(&read, 4).id).unwrap();
    assert_eq!(amira.current_status(), Status::Fulfilled);
    // Without the key the same rows are other, unsigned posts: they cannot pass for the
    // signed ones.
    let unsigned = posts("google-form-requests.csv", PostKind::Ask, None);
    assert!(unsigned
        .records
        .iter()
        .all(|(_, post)| !post.is_signed() && !board.posts.contains_key(&post.id)));
}

/// The request form read with `key`, its open asks expired as of `now`, and how many expired.
fn requests_expired_at(now: u64, key: &Signer) -> (SheetRead<Post>, usize) {
    let mut read = posts("google-form-requests.csv", PostKind::Ask, Some(key));
    let expired = expire_asks(
        read.records.iter_mut().map(|(_, post)| post),
        now,
        &config(),
        Some(key),
    );
    (read, expired)
}

#[test]
fn open_asks_from_a_sheet_expire_after_the_groups_days() {
    let key = Signer::from_seed([7; 32]);
    let now = at(2026, 12, 21, (0, 0, 0));
    let (read, expired) = requests_expired_at(now, &key);
    // Open on 20 November (rows 2 and 3) and more than 30 days old; Amira's is matched and
    // Jules's fulfilled, and Ana's (26 November) is not old enough.
    assert_eq!(expired, 2);
    let rosa = by_row(&read, 2);
    assert_eq!(rosa.current_status(), Status::Closed(CloseReason::Expired));
    assert!(rosa.verifies());
    assert_eq!(by_row(&read, 11).current_status(), Status::Open);
    let (again, _) = requests_expired_at(now + 1000, &key);
    assert_eq!(
        read.records, again.records,
        "dated when it expired, not when read"
    );
    // Long after, a matched or fulfilled ask stays as it is: only open asks expire.
    let statuses = |read: &SheetRead<Post>| {
        read.records
            .iter()
            .map(|(_, post)| post.current_status())
            .filter(|status| !matches!(status, Status::Open | Status::Closed(CloseReason::Expired)))
            .collect::<Vec<_>>()
    };
    let before = statuses(&posts(
        "google-form-requests.csv",
        PostKind::Ask,
        Some(&key),
    ));
    let (later, _) = requests_expired_at(at(2027, 3, 1, (0, 0, 0)), &key);
    assert_eq!(before, [Status::Matched, Status::Fulfilled]);
    assert_eq!(statuses(&later), before);
}

#[test]
fn an_ask_expires_on_the_moment_its_days_are_up_and_is_dated_then() {
    let key = Signer::from_seed([7; 32]);
    let days = u64::from(config().ask_expiry_days) * 86_400_000;
    let rosa = |now: u64| by_row(&requests_expired_at(now, &key).0, 2).clone();
    let opened = rosa(0).status_since().ms;
    assert_eq!(rosa(opened + days - 1).current_status(), Status::Open);
    let expired = rosa(opened + days);
    assert_eq!(
        expired.current_status(),
        Status::Closed(CloseReason::Expired)
    );
    assert_eq!(expired.status_since().ms, opened + days);
    assert_eq!(rosa(opened + 3 * days).status_since().ms, opened + days);
}

#[test]
fn a_sheets_open_rows_have_only_their_opening_and_its_asks_and_offers_are_never_one_post() {
    let key = Signer::from_seed([7; 32]);
    let asks = posts("google-form-requests.csv", PostKind::Ask, Some(&key));
    let rosa = by_row(&asks, 2);
    assert_eq!(rosa.current_status(), Status::Open);
    assert_eq!(
        rosa.history.len(),
        1,
        "only its opening: {:?}",
        rosa.history
    );
    // The same rows read as offers, as a group might from a second form sent the same
    // second: every post is another.
    let offers = posts("google-form-requests.csv", PostKind::Offer, Some(&key));
    assert!(!offers.records.is_empty());
    for (_, offer) in &offers.records {
        assert!(asks.records.iter().all(|(_, ask)| ask.id != offer.id));
    }
}

#[test]
fn problems_name_the_row_and_column() {
    let read = posts("google-form-requests.csv", PostKind::Ask, None);
    let first: &RowProblem = &read.problems[0];
    assert_eq!(first.row, 4);
    assert_eq!(
        first.to_string(),
        "row 4 (telephone): BadContact(Phone(ExtraText))"
    );
}

#[test]
fn a_need_the_group_has_no_category_for_is_other_or_listed_when_there_is_no_other() {
    let sheet = "Timestamp,What do you need?,Phone\n\
                 11/20/2026 9:14:03,Food,+1 555 010 0161\n\
                 11/20/2026 9:15:03,A unicorn,+1 555 010 0162\n";
    let with_other = GroupConfig::default();
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&with_other)).unwrap();
    assert_eq!(by_row(&read, 3).category.value, "other");
    let only_food =
        GroupConfig::from_json(r#"{"name":"Riverside","categories":["food","rides"]}"#).unwrap();
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&only_food)).unwrap();
    assert_eq!(by_row(&read, 2).category.value, "food");
    assert_eq!(
        problems(&read),
        [(
            3,
            RowError::UnknownCategory {
                value: "A unicorn".into()
            }
        )]
    );
}

#[test]
fn a_need_too_long_for_a_title_is_kept_whole_in_the_details() {
    let need = "Groceries for the week for a family of five, with rice, beans, milk, fruit, \
                bread and nappies in size four, and cat food if anyone has some to spare";
    let sheet =
        format!("Timestamp,Necesito,Phone\n11/20/2026 9:14:03,\"{need}\",+1 555 010 0161\n");
    let config = GroupConfig::default();
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let post = by_row(&read, 2);
    assert!(post.title.value.chars().count() < need.chars().count());
    assert!(need.starts_with(post.title.value.trim_end_matches('…')));
    assert_eq!(post.details.value, format!("Necesito: {need}"));
}

/// One request form, four rows, each with one answer the reader must not get wrong.
#[test]
fn a_forms_answers_land_where_they_belong_and_a_name_is_shown_only_when_asked() {
    let sheet = "Timestamp,Title,Necesito,What do you need? Check all that apply,Is your need:,\
                 Name,Does your request need to remain anonymous?,Phone\n\
                 11/20/2026 9:14:03,Groceries,rice and beans,Food,Urgent,Rosa,No,+1 555 010 0161\n\
                 11/20/2026 9:15:03,Ride,to the clinic,Rides,Purple,Tom,,+1 555 010 0162\n\
                 11/20/2026 9:16:03,Nappies,size four,Supplies,,,No,+1 555 010 0163\n";
    let config = GroupConfig::from_json(r#"{"name":"Riverside Mutual Aid"}"#).unwrap();
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    // The need is said in the details; the one category it names is the post's, not said.
    let rosa = by_row(&read, 2);
    assert_eq!(rosa.details.value, "Necesito: rice and beans");
    assert_eq!(rosa.category.value, "food");
    assert_eq!(rosa.author, "Rosa");
    // An urgency nobody knows is listed, an empty one is not; and a name is shown only when
    // the person said "No" to staying anonymous: unanswered, the post is the group's.
    assert_eq!(
        problems(&read),
        [(
            3,
            RowError::UnknownUrgency {
                value: "Purple".into()
            }
        )]
    );
    assert_eq!(by_row(&read, 3).author, "Riverside Mutual Aid");
    assert_eq!(by_row(&read, 4).author, "Riverside Mutual Aid");
}

/// A value the board cannot take is named by the column it came from, so the group knows which
/// cell to fix.
#[test]
fn a_value_the_board_refuses_is_named_by_its_column() {
    let long_title = "Rice ".repeat(30);
    let long_details = "Beans ".repeat(500);
    let sheet = format!(
        "Timestamp,Title,Details,Quantity,Languages,Phone\n\
         11/20/2026 9:14:03,{long_title},,,,+1 555 010 0161\n\
         11/20/2026 9:15:03,Beans,{long_details},,,+1 555 010 0162\n\
         11/20/2026 9:16:03,Milk,,0,,+1 555 010 0163\n\
         11/20/2026 9:17:03,Bread,,,\"English, Spanish, French, Arabic, Somali, Amharic, \
         Quechua, Tagalog, Chinese\",+1 555 010 0164\n\
         11/20/2026 9:18:03,Soap,,,,+1 555 010 0165\n"
    );
    let config = GroupConfig::from_json(r#"{"name":"Riverside","areas":["north"]}"#).unwrap();
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let columns: Vec<(usize, String)> = read
        .problems
        .iter()
        .map(|problem| {
            (
                problem.row,
                problem
                    .cell
                    .as_ref()
                    .map(|cell| cell.header.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        columns,
        [
            (2, "Title".to_string()),
            (3, "Details".to_string()),
            (4, "Quantity".to_string()),
            (5, "Languages".to_string()),
        ]
    );
    // A row with no area is let through: a form need not ask for one.
    assert_eq!(read.records.len(), 1);
    assert_eq!(by_row(&read, 6).title.value, "Soap");
}

/// Where a form keeps a way to reach the person, and which way they asked for.
#[test]
fn a_contact_comes_from_the_cell_that_holds_one_by_the_way_asked_for() {
    let config = GroupConfig::default();
    let read = |sheet: &str| read_posts(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let reach = |read: &SheetRead<Post>, row| {
        let contact = by_row(read, row).contact.value.clone().unwrap();
        (contact.method, contact.value)
    };
    // One "Contact" column, a number in one row and an address in the other.
    let either = read(
        "Timestamp,Title,Contact\n\
         11/20/2026 9:14:03,Rice,+1 555 010 0161\n\
         11/20/2026 9:15:03,Beans,rosa@example.org\n",
    );
    assert_eq!(
        reach(&either, 2),
        (ContactMethod::Call, "+15550100161".into())
    );
    assert_eq!(
        reach(&either, 3),
        (ContactMethod::Email, "rosa@example.org".into())
    );
    // A phone column wins over a contact column's words.
    let both = read(
        "Timestamp,Title,Phone,Contact\n\
         11/20/2026 9:14:03,Rice,+1 555 010 0161,ask at the corner shop\n",
    );
    assert_eq!(
        reach(&both, 2),
        (ContactMethod::Call, "+15550100161".into())
    );
    // Asked for email but gave only a number: the number, by a call. And a household's size
    // written in words around its number.
    let asked = read(
        "Timestamp,Title,Quantity,Phone,Contact method\n\
         11/20/2026 9:14:03,Rice,about 3 people,+1 555 010 0161,Email\n",
    );
    assert_eq!(
        reach(&asked, 2),
        (ContactMethod::Call, "+15550100161".into())
    );
    assert_eq!(by_row(&asked, 2).quantity.value, Some(3));
    assert_eq!(problems(&asked), []);
}

#[test]
fn a_directory_row_the_board_refuses_is_named_by_its_column() {
    let config = config();
    let read = directory();
    let columns: Vec<(usize, String)> = read
        .problems
        .iter()
        .filter_map(|problem| Some((problem.row, problem.cell.as_ref()?.header.clone())))
        .collect();
    assert!(columns.contains(&(7, "Phone".to_string())), "{columns:?}");
    assert!(columns.contains(&(8, "Notes".to_string())), "{columns:?}");
    // One value too long for the board in each column that can hold one.
    let long = "open late ".repeat(300);
    let rows: Vec<String> = (0..6)
        .map(|column| {
            let mut cells = vec!["Elm fridge".to_string(), "Community fridge".into()];
            cells.extend((0..6).map(|n| {
                if n == column {
                    long.clone()
                } else {
                    String::new()
                }
            }));
            cells.join(",")
        })
        .collect();
    let sheet = format!(
        "Name,Type,Hours,Accepts,Needs,Who it serves,Languages,Neighborhood\n{}\n",
        rows.join("\n")
    );
    let read = read_resources(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let headers: Vec<String> = read
        .problems
        .iter()
        .map(|problem| {
            problem
                .cell
                .as_ref()
                .map(|cell| cell.header.clone())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        headers,
        [
            "Hours",
            "Accepts",
            "Needs",
            "Who it serves",
            "Languages",
            "Neighborhood"
        ]
    );
    let long_name = "Fridge ".repeat(40);
    let sheet = format!("Name,Type\n{long_name},Community fridge\n");
    let read = read_resources(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let cell = read
        .problems
        .first()
        .and_then(|problem| problem.cell.clone());
    assert_eq!(cell.map(|cell| cell.header), Some("Name".to_string()));
}

#[test]
fn a_directory_row_with_only_a_stock_level_keeps_it() {
    let config = config();
    let sheet = "Name,Type,Stock\nElm fridge,Community fridge,Low\n";
    let read = read_resources(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let report = by_row(&read, 2).latest_report().cloned();
    assert_eq!(report.and_then(|report| report.stock), Some(Stock::Low));
}

/// A group with no name gives its anonymous posts no author: the row is listed under the
/// column of the name it kept out.
#[test]
fn an_anonymous_row_of_a_group_with_no_name_is_listed_under_the_name_column() {
    let config = GroupConfig::from_json(r#"{"name":""}"#).unwrap();
    let sheet = "Timestamp,Title,Name,Handle,Does your request need to remain anonymous?,Phone\n\
                 11/20/2026 9:14:03,Rice,Rosa,rosa_h,Yes,+1 555 010 0161\n";
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let invalid = RowError::Invalid(ValidationError {
        field: Field::Author,
        problem: Problem::Missing,
    });
    assert_eq!(first_problem(&read), Some((invalid, Some("Name".into()))));
}

/// A group that lists no areas takes the area a row types, up to the board's limit; past it,
/// the row is listed under that column.
#[test]
fn an_area_typed_too_long_is_named_by_its_column() {
    let config = GroupConfig::default();
    let long = "Riverside ".repeat(50);
    let sheet =
        format!("Timestamp,Title,Barrio,Phone\n11/20/2026 9:14:03,Rice,{long},+1 555 010 0161\n");
    let read = read_posts(sheet.as_bytes(), SheetOptions::new(&config)).unwrap();
    let invalid = RowError::Invalid(ValidationError {
        field: Field::Area,
        problem: Problem::TooLong { max: 60 },
    });
    assert_eq!(first_problem(&read), Some((invalid, Some("Barrio".into()))));
}
