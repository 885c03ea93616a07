//! The work the board page hands to its reader worker: reading a published sheet, opening the
//! members' board, sealing and opening group members only links, and locking a board file for
//! group members. All need code a
//! neighbour who only reads the board never runs (the sheet reader with its column phrases and
//! the `csv` crate; Argon2id and XChaCha20-Poly1305), so it lives in a small wasm of its own
//! (`src/bin/reader.rs`), fetched only by a phone whose group publishes a sheet or a members'
//! board, or that makes or opens a group link. A job and its answer cross between the two as
//! JSON text, beside the source's bytes; [`run`] is the worker's whole work, tested here.

use super::encrypted_board::{self, GroupKey, OpenError};
use super::group_source::{read_source, SourceError};
use super::link_frame::Tag;
use super::sealed_link::{self, SealError, NONCE_BYTES};
use super::sheet::{RowProblem, SheetError, SheetOptions};
use crate::model::sorted_map::SortedMap;
use crate::model::{GroupConfig, Holds, Snapshot};
use serde::{Deserialize, Serialize};

/// What the page asks of the worker, about the bytes it sends beside the job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// Read the bytes as a published sheet holding `holds`, with the group's settings and its
    /// header mapping for this sheet.
    Sheet {
        holds: Holds,
        config: GroupConfig,
        columns: SortedMap<String, String>,
    },
    /// Derive the group's key from `passphrase` (slow on purpose), and check that it opens the
    /// members' board in the bytes.
    Unlock { passphrase: String },
    /// Open the members' board in the bytes with a key this phone keeps (also a board file
    /// locked for group members: it is the same format).
    Open { key: GroupKey },
    /// Lock the snapshot file's text in the bytes with the group's key, as an encrypted board
    /// file that only group members can open.
    SealBoard { key: GroupKey },
    /// Seal the JSON in the bytes as a group members only link tagged `tag`, with `nonce`
    /// (fresh random bytes the page drew).
    SealLink {
        key: GroupKey,
        tag: Tag,
        nonce: [u8; NONCE_BYTES],
    },
    /// Open the sealed body in the bytes of a group link tagged `tag`.
    OpenLink { key: GroupKey, tag: Tag },
}

/// The worker's answer to a [`Job`]. A sheet's row problems are `P`: [`RowProblem`]s here,
/// and on their way to the page the texts that say them (`ui::reader`), so the page carries
/// neither their reader nor the code that words them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer<P = RowProblem> {
    Sheet(Result<SheetAnswer<P>, SheetError>),
    Unlocked(Result<GroupKey, OpenError>),
    /// The board inside, as a snapshot file's text.
    Opened(Result<String, OpenError>),
    /// The locked board file's text.
    BoardSealed(String),
    /// The group link's fragment; `None` only if the cipher refused.
    LinkSealed(Option<String>),
    /// The group link's JSON.
    LinkOpened(Result<String, SealError>),
}

/// What a sheet gave: its records as a snapshot file's text (which the page reads with the
/// same importer as any board file), and its rows' problems.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SheetAnswer<P = RowProblem> {
    pub snapshot: String,
    pub problems: Vec<P>,
}

impl<P> Answer<P> {
    /// The same answer with a sheet's problems turned into `Q`s by `turn`.
    pub fn map_problems<Q>(self, turn: impl FnOnce(Vec<P>) -> Vec<Q>) -> Answer<Q> {
        match self {
            Answer::Sheet(sheet) => Answer::Sheet(sheet.map(|sheet| SheetAnswer {
                snapshot: sheet.snapshot,
                problems: turn(sheet.problems),
            })),
            Answer::Unlocked(key) => Answer::Unlocked(key),
            Answer::Opened(board) => Answer::Opened(board),
            Answer::BoardSealed(file) => Answer::BoardSealed(file),
            Answer::LinkSealed(link) => Answer::LinkSealed(link),
            Answer::LinkOpened(json) => Answer::LinkOpened(json),
        }
    }
}

/// Does `job` on `bytes`.
pub fn run(job: Job, bytes: &[u8]) -> Answer {
    match job {
        Job::Sheet {
            holds,
            config,
            columns,
        } => {
            let options = SheetOptions {
                columns: &columns,
                ..SheetOptions::new(&config)
            };
            Answer::Sheet(match read_source(bytes, Some(holds), options) {
                Ok(read) => Ok(SheetAnswer {
                    snapshot: Snapshot::encode(&read.board),
                    problems: read.problems,
                }),
                Err(SourceError::Sheet(error)) => Err(error),
                // A sheet is never read as a snapshot file.
                Err(SourceError::Snapshot(_)) => Err(SheetError::Empty),
            })
        }
        Job::Unlock { passphrase } => Answer::Unlocked(unlock(&passphrase, bytes)),
        Job::Open { key } => {
            Answer::Opened(text_of(bytes).and_then(|text| encrypted_board::open(text, &key)))
        }
        Job::SealBoard { key } => {
            Answer::BoardSealed(encrypted_board::seal(&String::from_utf8_lossy(bytes), &key))
        }
        Job::SealLink { key, tag, nonce } => {
            Answer::LinkSealed(sealed_link::seal(tag, bytes, &key, nonce))
        }
        Job::OpenLink { key, tag } => Answer::LinkOpened(
            sealed_link::open(tag, bytes, &key)
                .and_then(|json| String::from_utf8(json).map_err(|_| SealError::Damaged)),
        ),
    }
}

fn unlock(passphrase: &str, bytes: &[u8]) -> Result<GroupKey, OpenError> {
    let text = text_of(bytes)?;
    let key = GroupKey::derive(passphrase, &encrypted_board::kdf_of(text)?)?;
    encrypted_board::open(text, &key)?;
    Ok(key)
}

fn text_of(bytes: &[u8]) -> Result<&str, OpenError> {
    std::str::from_utf8(bytes).map_err(|_| OpenError::NotEncrypted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Board;
    use crate::sources::encrypted_board::{group_salt, seal, Kdf};
    use crate::sources::snapshot_file;

    /// A job and its answer as they cross between page and worker.
    fn across(job: Job, bytes: &[u8]) -> Answer {
        let job: Job = serde_json::from_str(&serde_json::to_string(&job).unwrap()).unwrap();
        let answer = run(job, bytes);
        serde_json::from_str(&serde_json::to_string(&answer).unwrap()).unwrap()
    }

    fn sheet_job() -> Job {
        Job::Sheet {
            holds: Holds::Offers,
            config: GroupConfig::default(),
            columns: SortedMap::new(),
        }
    }

    #[test]
    fn a_sheet_reads_as_the_page_would_read_it_itself() {
        let csv = "Timestamp,What can you offer?,Area\n\
                   2026-11-02 10:00,Soup on Sundays,north\n\
                   2026-11-02 11:00,,north\n";
        let Answer::Sheet(Ok(answer)) = across(sheet_job(), csv.as_bytes()) else {
            panic!("a sheet answer");
        };
        let board = snapshot_file::import(answer.snapshot.as_bytes()).expect("a board file");
        let direct = read_source(
            csv.as_bytes(),
            Some(Holds::Offers),
            SheetOptions::new(&GroupConfig::default()),
        )
        .expect("a sheet");
        assert_eq!(board, direct.board, "the same records, stamps and all");
        assert_eq!(board.posts().count(), 1);
        assert_eq!(answer.problems, direct.problems);
        assert_eq!(answer.problems[0].row, 3, "the row left out is named");
    }

    #[test]
    fn a_sheet_is_read_with_the_groups_own_column_names() {
        let csv = "Marca,Lo que ofrezco,Area\n2026-11-02 10:00,Sopa los domingos,north\n";
        let job = Job::Sheet {
            holds: Holds::Offers,
            config: GroupConfig::default(),
            columns: SortedMap::from_iter([
                ("Marca".to_string(), "timestamp".to_string()),
                ("Lo que ofrezco".to_string(), "title".to_string()),
            ]),
        };
        let Answer::Sheet(Ok(answer)) = across(job, csv.as_bytes()) else {
            panic!("a sheet answer");
        };
        let board = snapshot_file::import(answer.snapshot.as_bytes()).expect("a board file");
        let titles: Vec<_> = board.posts().map(|post| post.title.value.clone()).collect();
        assert_eq!(titles, ["Sopa los domingos"]);
        assert!(
            matches!(
                across(sheet_job(), csv.as_bytes()),
                Answer::Sheet(Err(SheetError::MissingColumn(_)))
            ),
            "without the mapping the sheet's headers name nothing Circle reads"
        );
    }

    #[test]
    fn a_sheet_that_cannot_be_read_says_why() {
        assert_eq!(
            across(sheet_job(), b""),
            Answer::Sheet(Err(SheetError::Empty))
        );
        assert_eq!(
            across(sheet_job(), b"Timestamp,Area\n2026-11-02 10:00,north\n"),
            Answer::Sheet(Err(SheetError::MissingColumn(
                crate::sources::sheet::Needed::Need
            )))
        );
    }

    /// A members' board sealed with a cheap key, so the test does not pay Argon2id's cost.
    fn members_board(passphrase: &str) -> (String, GroupKey, String) {
        let kdf = Kdf {
            memory_kib: 64,
            iterations: 1,
            ..Kdf::new(group_salt("Eastside"))
        };
        let key = GroupKey::derive(passphrase, &kdf).unwrap();
        let snapshot = Snapshot::encode(&Board::default());
        (seal(&snapshot, &key), key, snapshot)
    }

    #[test]
    fn the_right_passphrase_gives_the_key_and_a_wrong_one_is_told_apart() {
        let (file, key, _) = members_board("river mint 42");
        let unlock = |passphrase: &str| Job::Unlock {
            passphrase: passphrase.into(),
        };
        assert_eq!(
            across(unlock("river mint 42"), file.as_bytes()),
            Answer::Unlocked(Ok(key))
        );
        assert_eq!(
            across(unlock("river mint 43"), file.as_bytes()),
            Answer::Unlocked(Err(OpenError::WrongPassphrase))
        );
        assert_eq!(
            across(unlock("river mint 42"), b"{\"schema\": 5}"),
            Answer::Unlocked(Err(OpenError::NotEncrypted))
        );
    }

    #[test]
    fn a_group_link_sealed_in_the_worker_opens_there_with_the_same_key_only() {
        let (_, key, snapshot) = members_board("river mint 42");
        let seal = Job::SealLink {
            key: key.clone(),
            tag: *b"bk",
            nonce: [5; NONCE_BYTES],
        };
        let Answer::LinkSealed(Some(fragment)) = across(seal, snapshot.as_bytes()) else {
            panic!("a sealed link");
        };
        let Ok(crate::sources::share_link::Opened::Sealed(sealed)) =
            crate::sources::share_link::ShareLink::read(&fragment)
        else {
            panic!("a sealed link reads as one");
        };
        let open = |key: GroupKey| Job::OpenLink {
            key,
            tag: sealed.tag(),
        };
        assert_eq!(
            across(open(key.clone()), sealed.body()),
            Answer::LinkOpened(Ok(snapshot))
        );
        let (_, other, _) = members_board("river mint 43");
        assert_eq!(
            across(open(other), sealed.body()),
            Answer::LinkOpened(Err(SealError::WrongKey))
        );
        assert_eq!(
            across(open(key), &sealed.body()[..20]),
            Answer::LinkOpened(Err(SealError::Damaged))
        );
    }

    #[test]
    fn a_kept_key_opens_the_board_and_a_damaged_file_is_refused() {
        let (file, key, snapshot) = members_board("river mint 42");
        let open = || Job::Open { key: key.clone() };
        assert_eq!(
            across(open(), file.as_bytes()),
            Answer::Opened(Ok(snapshot))
        );
        let damaged = file.replacen("\"ciphertext\": \"", "\"ciphertext\": \"AAAA", 1);
        assert_ne!(damaged, file, "the test changed the sealed text");
        assert_eq!(
            across(open(), damaged.as_bytes()),
            Answer::Opened(Err(OpenError::Damaged))
        );
        assert_eq!(
            across(open(), &[0xff, 0xfe]),
            Answer::Opened(Err(OpenError::NotEncrypted))
        );
    }

    #[test]
    fn a_board_file_locked_for_group_members_shows_nothing_and_opens_with_the_key_only() {
        let (_, key, _) = members_board("river mint 42");
        let board = crate::model::board_with_posts(1);
        let snapshot = snapshot_file::export(&board, crate::model::Audience::Group);
        let Answer::BoardSealed(file) =
            across(Job::SealBoard { key: key.clone() }, snapshot.as_bytes())
        else {
            panic!("a locked file");
        };
        assert!(!file.contains("Groceries"), "nothing of the board shows");
        assert!(encrypted_board::is_encrypted(file.as_bytes()));
        assert_eq!(
            across(Job::Open { key }, file.as_bytes()),
            Answer::Opened(Ok(snapshot))
        );
        let (_, other, _) = members_board("river mint 43");
        assert_eq!(
            across(Job::Open { key: other }, file.as_bytes()),
            Answer::Opened(Err(OpenError::WrongPassphrase))
        );
    }
}
