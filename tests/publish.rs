//! `publish` as a group runs it: what the files say, that each one matches its committed
//! schema, that the same inputs give the same bytes, that forged records and unusable rows are
//! reported, and that the open posts of the source are the open posts published.

#[path = "support/sample.rs"]
mod sample;

use circle::i18n::Lang;
use circle::model::trust::vouch;
use circle::model::{
    Audience, Board, CloseReason, Contact, ContactMethod, DeviceId, GroupConfig, PostKind, Refused,
    Signer, Snapshot, Stamp, Status, StatusChange, Visibility,
};
use circle::publish::{publish, Holds, Inputs, Published, Source};
use circle::sources::encrypted_board::{self, group_salt, GroupKey, Kdf, OpenError};
use serde_json::Value;
use std::path::{Path, PathBuf};

const NOW: u64 = 1_796_515_200_000; // 6 December 2026

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn config() -> GroupConfig {
    GroupConfig::from_json(&String::from_utf8(read("tests/fixtures/sheets/config.json")).unwrap())
        .unwrap()
}

fn source(path: &str, sheet: Option<Holds>) -> Source {
    Source {
        name: path.to_string(),
        bytes: read(path),
        sheet,
        sig: None,
    }
}

/// Every kind of source the fixtures hold: a snapshot, three sheets of posts, a directory.
fn fixtures() -> Vec<Source> {
    let sheet = |name: &str, holds| source(&format!("tests/fixtures/sheets/{name}"), Some(holds));
    vec![
        source("tests/fixtures/snapshot-v3.json", None),
        sheet("google-form-requests.csv", Holds::Asks),
        sheet("google-form-es-semicolons.csv", Holds::Asks),
        sheet("airtable-grid.csv", Holds::Asks),
        sheet("messy-offers.csv", Holds::Offers),
        sheet("resource-directory.csv", Holds::Resources),
    ]
}

fn inputs(sources: Vec<Source>) -> Inputs {
    Inputs {
        config: config(),
        sources,
        signer: Some(Signer::from_seed([9; 32])),
        group_key: None,
        now_ms: Some(NOW),
        clock_ms: NOW,
        site_url: None,
        lang: None,
        page: None,
    }
}

fn file<'a>(published: &'a Published, path: &str) -> &'a str {
    published
        .files
        .iter()
        .find(|(name, _)| name == path)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("{path} not written"))
}

fn json(published: &Published, path: &str) -> Value {
    serde_json::from_str(file(published, path)).unwrap()
}

/// Checks `instance` against the committed schema `api/schemas/v1/{name}.schema.json`.
fn validate(name: &str, instance: &Value) -> Result<(), String> {
    let schema_path = root().join(format!("api/schemas/v1/{name}.schema.json"));
    let schema: Value = serde_json::from_slice(&std::fs::read(&schema_path).unwrap()).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = format!("file://{}", schema_path.display());
    compiler.add_resource(&url, schema).unwrap();
    let index = compiler.compile(&url, &mut schemas).unwrap();
    schemas
        .validate(instance, index)
        .map_err(|error| format!("{error:#}"))
}

/// Validates every JSON file `publish` wrote against the committed schema of its name.
fn assert_matches_schemas(published: &Published) {
    for name in ["index", "board", "posts", "resources"] {
        let instance = json(published, &format!("api/v1/{name}.json"));
        if let Err(error) = validate(name, &instance) {
            panic!("api/v1/{name}.json does not match its schema: {error}");
        }
    }
}

#[test]
fn every_file_matches_its_committed_schema() {
    let published = publish(&inputs(fixtures()));
    assert!(!published.failed());
    assert_matches_schemas(&published);
    let mut with_site = inputs(fixtures());
    with_site.site_url = Some("https://example.org/circle/".into());
    with_site.signer = None;
    assert_matches_schemas(&publish(&with_site));
    // The schemas hold the promises: only open posts, only public contacts.
    let mut posts = json(&published, "api/v1/posts.json");
    posts["posts"][0]["status"] = "matched".into();
    assert!(validate("posts", &posts).is_err());
    let mut board = json(&published, "api/v1/board.json");
    let (_, post) = board["board"]["posts"]
        .as_object_mut()
        .unwrap()
        .iter_mut()
        .find(|(_, post)| post.get("contact").is_some())
        .unwrap();
    post["contact"]["visibility"] = "group".into();
    assert!(validate("board", &board).is_err());
    // The schemas are published beside the files, as committed.
    for name in ["index", "board", "posts", "resources"] {
        let committed = String::from_utf8(read(&format!("api/schemas/v1/{name}.schema.json")));
        assert_eq!(
            file(&published, &format!("api/schemas/v1/{name}.schema.json")),
            committed.unwrap()
        );
    }
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let first = publish(&inputs(fixtures()));
    let again = publish(&inputs(fixtures()));
    assert_eq!(first.files, again.files);
    let mut later = inputs(fixtures());
    later.now_ms = Some(NOW + 86_400_000);
    later.clock_ms = NOW + 999;
    let later = publish(&later);
    assert_ne!(
        file(&first, "api/v1/index.json"),
        file(&later, "api/v1/index.json"),
        "the publishing time is part of the input"
    );
    // Without a time, the newest date in the sources is the publishing time, not the clock.
    let mut undated = inputs(fixtures());
    undated.now_ms = None;
    let a = publish(&undated);
    undated.clock_ms += 3_600_000;
    let b = publish(&undated);
    assert_eq!(a.files, b.files);
    assert_eq!(
        json(&a, "api/v1/index.json")["published"],
        "2026-12-04T08:00:00Z",
        "the newest row of the Spanish sheet"
    );
}

#[test]
fn posts_json_lists_the_open_posts_newest_first_with_public_contacts_only() {
    let published = publish(&inputs(fixtures()));
    let posts = json(&published, "api/v1/posts.json");
    let list = posts["posts"].as_array().unwrap();
    assert_eq!(posts["count"], list.len());
    assert!(list.iter().all(|post| post["status"] == "open"));
    let posted: Vec<&str> = list.iter().map(|p| p["posted"].as_str().unwrap()).collect();
    let mut sorted = posted.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(posted, sorted, "newest first");
    let titles: Vec<&str> = list.iter().map(|p| p["title"].as_str().unwrap()).collect();
    for expected in [
        "Fresh fruit and milk for the kids",
        "Comida, transporte",
        "Folding chairs for a block party",
        "Sopa casera, 10 porciones",
        "Groceries for the week and cat food.",
    ] {
        assert!(titles.contains(&expected), "{expected} in {titles:?}");
    }
    // Matched, fulfilled and expired are not open; neither is what the sheets left out.
    for absent in [
        "Hot meals for my father after his surgery, and someone to call him daily",
        "Help with rent this month",
        "Driving to the food bank on Tuesdays",
        "Clases de inglés",
    ] {
        assert!(!titles.contains(&absent), "{absent} published as open");
    }
    let chairs = list
        .iter()
        .find(|p| p["title"] == "Folding chairs for a block party")
        .unwrap();
    assert_eq!(
        chairs["contact"],
        serde_json::json!({"method": "call", "value": "+15550100188", "link": "tel:+15550100188"})
    );
    assert_eq!(
        chairs["link"],
        format!("../../post/{}", chairs["id"].as_str().unwrap())
    );
    assert!(
        chairs["author_key"].is_string(),
        "signed with the sheet key"
    );
    // The schemas published beside the files hold examples; the files themselves must not.
    let everything: String = published
        .files
        .iter()
        .filter(|(name, _)| !name.contains("schemas"))
        .map(|(_, text)| text.as_str())
        .collect();
    for private in [
        "+15550100161",
        "12 Elm St",
        "Calle 5",
        "Tom Becker",
        "amira@example.org",
    ] {
        assert!(!everything.contains(private), "{private} published");
    }
}

#[test]
fn resources_and_the_index_say_what_the_group_publishes() {
    let published = publish(&inputs(fixtures()));
    let resources = json(&published, "api/v1/resources.json");
    let names: Vec<&str> = resources["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names[..4],
        [
            "Elm Street Community Fridge",
            "Hillcrest Library cooling room",
            "St. Anne's Pantry",
            "Station Road reading room"
        ],
        "most recently checked first"
    );
    let fridge = &resources["resources"][0];
    assert!(fridge["report"]["note"]
        .as_str()
        .unwrap()
        .contains("\n\nNo raw meat"));
    let index = json(&published, "api/v1/index.json");
    assert_eq!(index["group"]["name"], "Riverside Mutual Aid");
    assert_eq!(index["published"], "2026-12-06T00:00:00Z");
    assert_eq!(index["files"]["posts"], "posts.json");
    assert_eq!(
        index["counts"]["open_posts"],
        json(&published, "api/v1/posts.json")["count"]
    );
    assert_eq!(
        index["group"]["categories"][0],
        serde_json::json!({"key": "food", "label": {"en": "Food & groceries", "es": "Comida y víveres"}})
    );
}

/// A board of posts in every status, each with a contact of every visibility.
fn mixed_board() -> Board {
    let mut board = sample::posts(0..200, &[DeviceId(1), DeviceId(2)]);
    for (n, post) in board.posts.values_mut().enumerate() {
        let to = match n % 5 {
            0 => Status::Matched,
            1 => Status::Fulfilled,
            2 => Status::Closed(CloseReason::Withdrawn),
            _ => continue,
        };
        let at = Stamp::new(post.created.ms + 1, 0, post.created.device);
        post.status.set(to, at);
        post.history.insert(StatusChange {
            at,
            by: post.author.clone(),
            to,
        });
    }
    board
}

#[test]
fn the_open_posts_published_are_the_open_posts_of_the_source() {
    let board = mixed_board();
    let snapshot = Snapshot::encode(&board);
    let published = publish(&Inputs {
        sources: vec![Source {
            name: "board.json".into(),
            bytes: snapshot.into_bytes(),
            sheet: None,
            sig: None,
        }],
        ..inputs(Vec::new())
    });
    let mut open: Vec<_> = board
        .posts()
        .filter(|post| post.current_status() == Status::Open)
        .collect();
    open.sort_by(|a, b| b.created.cmp(&a.created).then(a.id.cmp(&b.id)));
    let expected: Vec<(String, String)> = open
        .iter()
        .map(|post| (post.id.to_string(), post.title.value.clone()))
        .collect();
    let posts = json(&published, "api/v1/posts.json");
    let got: Vec<(String, String)> = posts["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(got.len(), 80);
    assert_eq!(got, expected);
    // board.json is the source, redacted: it reads back as that board.
    let back = Snapshot::import(file(&published, "api/v1/board.json")).unwrap();
    assert_eq!(back, board.redacted(Audience::Public));
    assert_matches_schemas(&published);
}

#[test]
fn every_row_of_a_clean_request_sheet_is_published_as_an_open_ask() {
    let sheet = sample::request_sheet(500);
    let published = publish(&Inputs {
        config: GroupConfig::default(),
        sources: vec![Source {
            name: "requests.csv".into(),
            bytes: sheet.into_bytes(),
            sheet: Some(Holds::Asks),
            sig: None,
        }],
        now_ms: Some(1_793_491_200_000 + 86_400_000),
        ..inputs(Vec::new())
    });
    let read = published.sources[0].outcome.as_ref().unwrap();
    assert_eq!((read.rows, read.problems.len()), (500, 0));
    let posts = json(&published, "api/v1/posts.json");
    assert_eq!(posts["count"], 500);
    assert_eq!(
        posts["posts"][0]["posted"], "2026-11-01T00:08:19Z",
        "the last row"
    );
    assert_eq!(posts["posts"][499]["posted"], "2026-11-01T00:00:00Z");
    assert!(!file(&published, "api/v1/board.json").contains("Main St"));
    assert_matches_schemas(&published);
}

/// An offer of winter coats, signed by its author's key.
fn winter_coats() -> circle::model::Post {
    let author = Signer::from_seed([3; 32]);
    let mut draft = sample::post(
        &mut sample::Rng::new(1),
        circle::model::RecordId(0),
        Stamp::default(),
    )
    .draft();
    draft.title = "Winter coats to give".into();
    draft.kind = PostKind::Offer;
    circle::model::Post::create_signed(draft, Stamp::new(NOW - 1000, 0, DeviceId(5)), &author)
}

#[test]
fn forged_records_are_refused_and_reported_never_published() {
    let post = winter_coats();
    let mut board = Board::default();
    board.add_post(post.clone());
    let honest = Snapshot::encode(&board);
    let forged = honest.replace("Winter coats to give", "Send money to this number");
    let published = publish(&Inputs {
        sources: vec![Source {
            name: "forged.json".into(),
            bytes: forged.into_bytes(),
            sheet: None,
            sig: None,
        }],
        ..inputs(Vec::new())
    });
    let read = published.sources[0].outcome.as_ref().unwrap();
    assert_eq!(read.refused.len(), 1);
    assert_eq!(read.refused[0].0.reason, Refused::BadSignature);
    assert_eq!(json(&published, "api/v1/posts.json")["count"], 0);
    let report = circle::publish::report::text(&published);
    assert!(
        report.contains(&format!(
            "post {} was changed by someone other than its author",
            post.id
        )),
        "{report}"
    );
}

#[test]
fn board_json_is_signed_as_a_whole_with_the_sheet_key_and_only_without_a_key_is_it_not() {
    let published = publish(&inputs(fixtures()));
    let board = file(&published, "api/v1/board.json");
    let sig = file(&published, "api/v1/board.json.sig");
    let key = Signer::from_seed([9; 32]).key();
    assert!(vouch::holds(&key, board.as_bytes(), sig.as_bytes()));
    assert!(!vouch::holds(
        &key,
        file(&published, "api/v1/posts.json").as_bytes(),
        sig.as_bytes()
    ));
    let unsigned = publish(&Inputs {
        signer: None,
        ..inputs(fixtures())
    });
    assert!(unsigned
        .files
        .iter()
        .all(|(name, _)| !name.ends_with(".sig")));
}

#[test]
fn a_snapshot_this_group_signed_is_taken_as_checked_and_one_any_other_key_signed_is_checked() {
    // The signature vouches that `publish` checked every post when it wrote the file; so a
    // post changed inside a file the group's own key signed is believed (as the app believes the
    // group's deploy), and one inside a file signed by any other key, or over other bytes, is
    // refused as before.
    let post = winter_coats();
    let mut board = Board::default();
    board.add_post(post);
    let changed =
        Snapshot::encode(&board).replace("Winter coats to give", "Winter coats, sizes 2-12");
    let group = Signer::from_seed([9; 32]);
    let refused = |sig: Option<String>| {
        let published = publish(&Inputs {
            sources: vec![Source {
                name: "board.json".into(),
                bytes: changed.clone().into_bytes(),
                sheet: None,
                sig: sig.map(String::into_bytes),
            }],
            ..inputs(Vec::new())
        });
        published.sources[0].outcome.as_ref().unwrap().refused.len()
    };
    assert_eq!(refused(Some(vouch::sign(&group, changed.as_bytes()))), 0);
    assert_eq!(refused(None), 1);
    assert_eq!(
        refused(Some(vouch::sign(
            &Signer::from_seed([4; 32]),
            changed.as_bytes()
        ))),
        1
    );
    let other_bytes = changed.replace("sizes", "Sizes");
    assert_eq!(
        refused(Some(vouch::sign(&group, other_bytes.as_bytes()))),
        1
    );
}

#[test]
fn the_html_board_lists_open_posts_without_scripts_and_escapes_every_text() {
    let mut board = Board::default();
    let mut rng = sample::Rng::new(4);
    let mut hostile = sample::post(
        &mut rng,
        circle::model::RecordId(0xbad),
        Stamp::new(NOW - 5000, 0, DeviceId(7)),
    );
    hostile.title.value = "<script>alert('x')</script> & rice".into();
    hostile.contact.value = Some(Contact {
        method: ContactMethod::Text,
        value: "+1 555 010 0199".into(),
        visibility: Visibility::Public,
    });
    board.add_post(hostile);
    let mut group_only = sample::post(
        &mut rng,
        circle::model::RecordId(0x600d),
        Stamp::new(NOW - 9000, 0, DeviceId(7)),
    );
    group_only.title.value = "Blankets for two".into();
    group_only.contact.value = Some(Contact {
        method: ContactMethod::Call,
        value: "+1 555 010 0123".into(),
        visibility: Visibility::Group,
    });
    board.add_post(group_only);
    let mut config = config();
    config.name = "Riverside \"Mutual\" Aid".into();
    let published = publish(&Inputs {
        config,
        sources: vec![Source {
            name: "board.json".into(),
            bytes: Snapshot::encode(&board).into_bytes(),
            sheet: None,
            sig: None,
        }],
        site_url: Some("https://example.org/circle/".into()),
        lang: Some(Lang::Es),
        ..inputs(Vec::new())
    });
    let html = file(&published, "board.html");
    assert!(html.starts_with("<!doctype html>\n<html lang=\"es\" dir=\"ltr\">"));
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; rice"));
    assert!(
        html.contains("<meta property=\"og:title\" content=\"Riverside &quot;Mutual&quot; Aid: ")
    );
    assert!(html.contains(
        "· 2 publicaciones Lo que vecinas y vecinos de Riverside &quot;Mutual&quot; Aid piden"
    ));
    assert!(html
        .contains("<meta property=\"og:url\" content=\"https://example.org/circle/board.html\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(
        html.contains("<a href=\"sms:+15550100199\">"),
        "a public contact, as a link"
    );
    assert!(!html.contains("0100123"), "a group contact never shows");
    assert!(html.contains("Pide a Riverside &quot;Mutual&quot; Aid que te ponga en contacto"));
    assert!(html.contains("<a href=\"https://example.org/circle/post/0000000000000bad\">Responder en la aplicación</a>"));
    assert!(
        html.find("alert").unwrap() < html.find("Blankets").unwrap(),
        "newest first"
    );
}

#[test]
fn the_command_reports_rows_by_number_and_fails_only_on_what_it_cannot_read() {
    let out = std::env::temp_dir().join(format!("circle-publish-{}", std::process::id()));
    let run = |extra: &[&str]| {
        let fixtures = root().join("tests/fixtures/sheets");
        std::process::Command::new(env!("CARGO_BIN_EXE_publish"))
            .current_dir(root())
            .env_remove("CIRCLE_PUBLISH_SEED")
            .env_remove("SOURCE_DATE_EPOCH")
            .args(["--config", fixtures.join("config.json").to_str().unwrap()])
            .args([
                "--posts-csv",
                fixtures.join("google-form-requests.csv").to_str().unwrap(),
            ])
            .args([
                "--now",
                "2026-12-06T00:00:00Z",
                "--out",
                out.to_str().unwrap(),
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    let ok = run(&[]);
    let stderr = String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success(), "{stderr}");
    assert!(
        stderr.contains("Row 5: it is the same as row 4, so it is left out."),
        "{stderr}"
    );
    assert!(
        stderr.contains("Row 7: nothing says what is asked or offered"),
        "{stderr}"
    );
    let written = std::fs::read_to_string(out.join("api/v1/posts.json")).unwrap();
    assert!(written.contains("Fresh fruit and milk for the kids"));
    assert!(Path::new(&out.join("board.html")).exists());

    let missing = run(&["--snapshot", "tests/fixtures/no-such-board.json"]);
    assert_eq!(missing.status.code(), Some(1));
    let broken = run(&["--resources-csv", "tests/fixtures/snapshot-v3.json"]);
    assert_eq!(broken.status.code(), Some(1), "a sheet with no Name column");
    assert!(String::from_utf8_lossy(&broken.stderr).contains("cannot be read"));
    let usage = run(&["--colour", "red"]);
    assert_eq!(usage.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_members_board_is_encrypted_with_the_group_passphrase_and_shows_group_contacts() {
    let kdf = Kdf::new(group_salt(&config().name));
    let key = GroupKey::derive("river mint 42", &kdf).expect("a key");
    let with_key = || Inputs {
        group_key: Some(key.clone()),
        ..inputs(fixtures())
    };
    let published = publish(&with_key());
    let sealed = file(&published, "api/v1/board.enc.json");
    // Signed as a whole too, as board.json is, so a member's phone checks one signature.
    let sheet_key = Signer::from_seed([9; 32]).key();
    let sig = file(&published, "api/v1/board.enc.json.sig");
    assert!(vouch::holds(&sheet_key, sealed.as_bytes(), sig.as_bytes()));
    let opened = encrypted_board::open(sealed, &key).expect("opens with the passphrase");
    let members = Snapshot::decode(&opened).expect("a board");
    let public = Snapshot::decode(file(&published, "api/v1/board.json")).expect("a board");
    assert_eq!(
        members.posts.keys().collect::<Vec<_>>(),
        public.posts.keys().collect::<Vec<_>>()
    );
    let shown = |board: &Board, visibility| {
        board
            .posts()
            .filter(|post| {
                post.contact
                    .value
                    .as_ref()
                    .is_some_and(|c| c.visibility == visibility)
            })
            .count()
    };
    assert!(
        shown(&members, Visibility::Group) > 0,
        "members see group contacts"
    );
    assert_eq!(shown(&public, Visibility::Group), 0);
    assert_eq!(shown(&members, Visibility::Private), 0);
    assert!(members
        .posts()
        .all(|post| post.private_note.value.is_empty()));
    let group_contact = members
        .posts()
        .find_map(|post| {
            post.contact
                .value
                .clone()
                .filter(|c| c.visibility == Visibility::Group)
        })
        .expect("a group contact");
    for (name, text) in &published.files {
        if name != "api/v1/board.enc.json" {
            assert!(
                !text.contains(&group_contact.value),
                "{name} shows a group contact"
            );
        }
    }
    let wrong = GroupKey::derive("river mint 43", &kdf).expect("a key");
    assert_eq!(
        encrypted_board::open(sealed, &wrong),
        Err(OpenError::WrongPassphrase)
    );
    assert_eq!(
        file(&publish(&with_key()), "api/v1/board.enc.json"),
        sealed,
        "the same inputs give the same encrypted file"
    );
}

/// The committed members' board (`publish` wrote it from the schema 5 fixture, with the
/// passphrase below) keeps opening: a fixed vector for the file format.
#[test]
fn the_committed_members_board_opens_with_its_passphrase() {
    let text = String::from_utf8(read("tests/fixtures/board.enc.json")).expect("text");
    let kdf = encrypted_board::kdf_of(&text).expect("an encrypted board");
    let key = GroupKey::derive("river mint 42", &kdf).expect("a key");
    let snapshot = encrypted_board::open(&text, &key).expect("opens");
    let board = Snapshot::decode(&snapshot).expect("a board");
    assert!(board.posts().any(|post| {
        post.title.value == "Weekly veg box, can deliver"
            && post
                .contact
                .value
                .as_ref()
                .is_some_and(|contact| contact.visibility == Visibility::Group)
    }));
    let wrong = GroupKey::derive("river mint 43", &kdf).expect("a key");
    assert_eq!(
        encrypted_board::open(&text, &wrong),
        Err(OpenError::WrongPassphrase)
    );
}
