//! Snapshots: a whole board as one versioned JSON document, `{"schema":N,"board":{…}}` with
//! `schema` first. Older schemas are migrated on load; a newer one, broken JSON or a damaged
//! record gives a typed error that says where, and never a half-loaded board.

use super::board::{Board, RecordError};
use super::id::RecordId;
use super::kinds::EachKind;
use super::record::{Record, RecordRef};
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::{Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

/// The schema this version of Circle writes.
pub const SCHEMA: u32 = 5;

/// The largest snapshot accepted from outside the device, in bytes.
pub const MAX_IMPORT_BYTES: usize = 32 * 1024 * 1024;

/// Step `n` turns a board of schema `n + 1` into schema `n + 2`. A new schema appends a step
/// here and a fixture under `tests/fixtures/`.
const MIGRATIONS: [fn(&mut Value); SCHEMA as usize - 1] = [
    posts_without_field_stamps,
    |_unsigned_posts_stay_as_they_are| {},
    sign_ups_as_entries,
    |_fields_from_before_signing_stay_as_they_are| {},
];

/// Schema 1 → 2: posts write a field's stamp only when it is not `created` (see `post_json`).
/// Schema 2 → 3 added signatures, responses and moderation: a schema-2 post reads as it is, an
/// unsigned post, and the step changes nothing. The number went up so that an older Circle
/// refuses a signed board by name instead of dropping its signatures on the next save.
fn posts_without_field_stamps(board: &mut Value) {
    if let Some(posts) = board.get_mut("posts").and_then(Value::as_object_mut) {
        posts.values_mut().for_each(super::post_json::from_schema_1);
    }
}

/// Schema 4 → 5 sealed the fields of the records a group keeps together (see `trust::sealed`):
/// a field may be `[value, stamp, seal]`, and a record may name its `author`. A schema-4 record
/// reads as it is, with no author and no seals; the number went up so that an older Circle
/// refuses a sealed board by name instead of failing on its first sealed field.
///
/// Schema 3 → 4 signed what others add to a record: condition reports, check-ins and sign-ups
/// (see `entry`). Reports and check-ins from before read as they are, unsigned. A shift's
/// sign-ups were a map from handle to `[yes, stamp]`; they become a list of unsigned entries,
/// `{"at", "by", "yes"}`, beside which signed ones are written. (The number went up for the
/// reason schema 3 did.)
fn sign_ups_as_entries(board: &mut Value) {
    let Some(shifts) = board.get_mut("shifts").and_then(Value::as_object_mut) else {
        return;
    };
    for shift in shifts.values_mut() {
        let Some(signups) = shift.get_mut("signups") else {
            continue;
        };
        let Some(by_handle) = signups.as_object() else {
            continue;
        };
        let list = by_handle
            .iter()
            .map(
                |(handle, choice)| match choice.as_array().map(Vec::as_slice) {
                    Some([yes, at]) => serde_json::json!({ "at": at, "by": handle, "yes": yes }),
                    // Left as it is, for the reader to refuse with its place.
                    _ => choice.clone(),
                },
            )
            .collect();
        *signups = Value::Array(list);
    }
}

/// Why a snapshot could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, max: usize },
    /// Not JSON: broken at this line and column (both from 1).
    Syntax { line: usize, column: usize },
    /// JSON, but without a `schema` number and a `board`.
    NotASnapshot,
    /// Made by a newer Circle; this version cannot read it.
    Newer { schema: u32 },
    /// A schema number no Circle ever wrote.
    UnknownSchema { schema: u32 },
    /// A value of the wrong shape, in `record` when it is inside one. `detail` is serde's
    /// description (for logs); `line` and `column` point into the text.
    Invalid {
        line: usize,
        column: usize,
        record: Option<RecordRef>,
        detail: String,
    },
    /// A record filed under another record's id.
    WrongId { record: RecordRef },
    /// A record breaks an input limit.
    Limits(RecordError),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes, max } => write!(f, "snapshot of {bytes} bytes is over {max}"),
            Self::Syntax { line, column } => {
                write!(f, "not valid JSON at line {line}, column {column}")
            }
            Self::NotASnapshot => f.write_str("not a Circle snapshot"),
            Self::Newer { schema } => write!(f, "made by a newer Circle (schema {schema})"),
            Self::UnknownSchema { schema } => write!(f, "unknown schema {schema}"),
            Self::Invalid {
                line,
                column,
                record,
                detail,
            } => {
                if let Some(record) = record {
                    write!(f, "{record}: ")?;
                }
                write!(f, "{detail} (line {line}, column {column})")
            }
            Self::WrongId { record } => write!(f, "{record} is filed under another id"),
            Self::Limits(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for SnapshotError {}

/// Encodes and decodes snapshots.
pub struct Snapshot;

#[derive(Serialize)]
struct Envelope<'a> {
    schema: u32,
    board: &'a Board,
}

impl Snapshot {
    /// The board as a snapshot, `schema` first.
    pub fn encode(board: &Board) -> String {
        let envelope = Envelope {
            schema: SCHEMA,
            board,
        };
        // Serializing maps with string keys and plain structs cannot fail.
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    /// Reads a snapshot this device wrote, or any trusted one, migrating older schemas.
    pub fn decode(text: &str) -> Result<Board, SnapshotError> {
        let mut reader = serde_json::Deserializer::from_str(text);
        let parsed = reader
            .deserialize_map(EnvelopeVisitor)
            .and_then(|envelope| reader.end().map(|()| envelope))
            .map_err(|error| explain(text, &error))?;
        let Some(schema) = parsed.schema else {
            return Err(SnapshotError::NotASnapshot);
        };
        if schema > SCHEMA {
            return Err(SnapshotError::Newer { schema });
        }
        let board = match parsed.board {
            ParsedBoard::Missing | ParsedBoard::Skipped => return Err(SnapshotError::NotASnapshot),
            ParsedBoard::Current(board) => *board,
            ParsedBoard::Raw(mut value) => {
                if schema == 0 {
                    return Err(SnapshotError::UnknownSchema { schema });
                }
                for step in &MIGRATIONS[schema as usize - 1..] {
                    step(&mut value);
                }
                read_value::<Board>(&value).map_err(|error| SnapshotError::Invalid {
                    line: 0,
                    column: 0,
                    record: find_damaged_record(&value),
                    detail: error.to_string(),
                })?
            }
        };
        check_ids(&board)?;
        Ok(board)
    }

    /// Reads a snapshot from outside the device (a file, a link, a published board): as
    /// `decode`, and also refuses oversized input and records over the input limits.
    pub fn import(text: &str) -> Result<Board, SnapshotError> {
        if text.len() > MAX_IMPORT_BYTES {
            return Err(SnapshotError::TooLarge {
                bytes: text.len(),
                max: MAX_IMPORT_BYTES,
            });
        }
        let board = Self::decode(text)?;
        board.check_limits().map_err(SnapshotError::Limits)?;
        Ok(board)
    }
}

struct Parsed {
    schema: Option<u32>,
    board: ParsedBoard,
}

enum ParsedBoard {
    Missing,
    /// Read straight into the current shape, in one pass.
    Current(Box<Board>),
    /// Kept as JSON for migration (older schema, or `board` before `schema`).
    Raw(Value),
    /// Skipped: the schema is newer than this version reads.
    Skipped,
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Parsed;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Circle snapshot")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Parsed, A::Error> {
        let mut parsed = Parsed {
            schema: None,
            board: ParsedBoard::Missing,
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "schema" => parsed.schema = Some(map.next_value()?),
                "board" => {
                    parsed.board = match parsed.schema {
                        Some(SCHEMA) => ParsedBoard::Current(Box::new(map.next_value()?)),
                        Some(newer) if newer > SCHEMA => {
                            map.next_value::<IgnoredAny>()?;
                            ParsedBoard::Skipped
                        }
                        _ => ParsedBoard::Raw(map.next_value()?),
                    }
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if let (Some(SCHEMA), ParsedBoard::Raw(value)) = (parsed.schema, &parsed.board) {
            // `board` came before `schema`: read it now.
            parsed.board = ParsedBoard::Current(Box::new(
                read_value::<Board>(value).map_err(de::Error::custom)?,
            ));
        }
        Ok(parsed)
    }
}

/// Turns serde's error into ours, finding the damaged record on the (rare) failure path.
fn explain(text: &str, error: &serde_json::Error) -> SnapshotError {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => SnapshotError::Syntax { line, column },
        Category::Data => {
            let record = serde_json::from_str::<Value>(text)
                .ok()
                .and_then(|value| value.get("board").and_then(find_damaged_record));
            if record.is_none() && !text.trim_start().starts_with('{') {
                return SnapshotError::NotASnapshot;
            }
            SnapshotError::Invalid {
                line,
                column,
                record,
                detail: error.to_string(),
            }
        }
    }
}

/// Reads a value kept as JSON (for migration, or on the error path) through the text reader
/// the one-pass decode uses. Serde's reader for `Value` would be a second copy of every record's
/// reading code in the download, for paths that are rare and need no speed.
fn read_value<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// The first record of a raw board that does not read as its kind.
fn find_damaged_record(board: &Value) -> Option<RecordRef> {
    struct FirstBad<'a>(&'a Value, Option<RecordRef>);
    impl EachKind for FirstBad<'_> {
        fn kind<T: Record>(&mut self) {
            if self.1.is_some() {
                return;
            }
            let Some(records) = self.0.get(T::FIELD).and_then(Value::as_object) else {
                return;
            };
            self.1 = records.iter().find_map(|(key, value)| {
                read_value::<T>(value).err().map(|_| RecordRef {
                    kind: T::KIND,
                    id: key.parse().unwrap_or(RecordId(0)),
                })
            });
        }
    }
    let mut step = FirstBad(board, None);
    Board::each_kind(&mut step);
    step.1
}

/// Every record is filed under its own id.
fn check_ids(board: &Board) -> Result<(), SnapshotError> {
    struct FirstMisfiled<'a>(&'a Board, Option<RecordRef>);
    impl EachKind for FirstMisfiled<'_> {
        fn kind<T: Record>(&mut self) {
            if self.1.is_none() {
                self.1 = T::all(self.0)
                    .iter()
                    .find(|(key, record)| **key != record.id())
                    .map(|(key, _)| RecordRef {
                        kind: T::KIND,
                        id: *key,
                    });
            }
        }
    }
    let mut step = FirstMisfiled(board, None);
    Board::each_kind(&mut step);
    match step.1 {
        Some(record) => Err(SnapshotError::WrongId { record }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample_draft, DeviceId, Post, RecordKind, Stamp};

    fn board() -> Board {
        let mut board = Board::default();
        board.add_post(Post::create(
            RecordId(0xab),
            sample_draft(),
            Stamp::new(1_700_000_000_000, 0, DeviceId(7)),
        ));
        board
    }

    #[test]
    fn a_snapshot_starts_with_its_schema_and_round_trips() {
        let text = Snapshot::encode(&board());
        assert!(text.starts_with(r#"{"schema":5,"board":{"posts":{"00000000000000ab":"#));
        assert_eq!(Snapshot::decode(&text), Ok(board()));
    }

    #[test]
    fn a_newer_schema_is_refused_by_name() {
        let text = r#"{"schema":7,"board":{"posts":{},"shapes":[1,2]}}"#;
        assert_eq!(
            Snapshot::decode(text),
            Err(SnapshotError::Newer { schema: 7 })
        );
    }

    #[test]
    fn schema_may_come_after_the_board() {
        let text = Snapshot::encode(&board());
        let reordered = format!(
            r#"{{"board":{},"schema":5}}"#,
            &text[r#"{"schema":5,"board":"#.len()..text.len() - 1]
        );
        assert_eq!(Snapshot::decode(&reordered), Ok(board()));
    }

    #[test]
    fn broken_json_names_line_and_column() {
        let text = "{\"schema\":1,\n\"board\":{\"posts\":{]}}";
        assert_eq!(
            Snapshot::decode(text),
            Err(SnapshotError::Syntax {
                line: 2,
                column: 19
            })
        );
        assert_eq!(
            Snapshot::decode("[1,2]").unwrap_err(),
            SnapshotError::NotASnapshot
        );
        assert_eq!(
            Snapshot::decode(r#"{"board":{}}"#),
            Err(SnapshotError::NotASnapshot)
        );
        assert_eq!(
            Snapshot::decode(r#"{"schema":0,"board":{}}"#),
            Err(SnapshotError::UnknownSchema { schema: 0 })
        );
        // Shaped as a snapshot but damaged outside any record: named by line and column.
        assert!(matches!(
            Snapshot::decode(r#"{"schema":"five","board":{}}"#),
            Err(SnapshotError::Invalid {
                line: 1,
                record: None,
                ..
            })
        ));
    }

    #[test]
    fn a_damaged_record_is_named() {
        let text = Snapshot::encode(&board()).replace(r#""days""#, r#""someday""#);
        match Snapshot::decode(&text) {
            Err(SnapshotError::Invalid { record, line, .. }) => {
                assert_eq!(
                    record,
                    Some(RecordRef {
                        kind: RecordKind::Post,
                        id: RecordId(0xab)
                    })
                );
                assert_eq!(line, 1);
            }
            other => panic!("expected a damaged record, got {other:?}"),
        }
    }

    #[test]
    fn a_record_under_a_foreign_id_is_refused() {
        let text = Snapshot::encode(&board()).replacen("00000000000000ab", "00000000000000ac", 1);
        assert_eq!(
            Snapshot::decode(&text),
            Err(SnapshotError::WrongId {
                record: RecordRef {
                    kind: RecordKind::Post,
                    id: RecordId(0xac)
                }
            })
        );
    }

    /// A big group's board file (ten megabytes) imports; the limit is 32 MiB to the byte.
    #[test]
    fn a_board_file_up_to_32_mib_imports_and_one_byte_more_is_too_large() {
        let text = Snapshot::encode(&board());
        // JSON may end in spaces: a file of any size around the same board.
        let sized = |bytes: usize| format!("{text}{}", " ".repeat(bytes - text.len()));
        assert_eq!(Snapshot::import(&sized(10 << 20)), Ok(board()));
        assert_eq!(Snapshot::import(&sized(32 << 20)), Ok(board()));
        assert_eq!(
            Snapshot::import(&sized((32 << 20) + 1)),
            Err(SnapshotError::TooLarge {
                bytes: (32 << 20) + 1,
                max: 32 << 20
            })
        );
    }

    /// `publish` prints these in its report (src/publish/report.rs), so each says what is wrong
    /// in words; the app words them in the reader's language instead (`ui::components::share`).
    #[test]
    fn each_error_says_what_is_wrong_for_publish() {
        let said = |text: &str| Snapshot::import(text).unwrap_err().to_string();
        assert_eq!(
            said("{\"schema\":1,\n\"board\":{\"posts\":{]}}"),
            "not valid JSON at line 2, column 19"
        );
        assert_eq!(said("[1,2]"), "not a Circle snapshot");
        assert_eq!(
            said(r#"{"schema":7,"board":{}}"#),
            "made by a newer Circle (schema 7)"
        );
        let moved = Snapshot::encode(&board()).replacen("00000000000000ab", "00000000000000ac", 1);
        assert_eq!(
            said(&moved),
            "post 00000000000000ac is filed under another id"
        );
    }

    #[test]
    fn imports_are_held_to_the_limits() {
        let mut board = board();
        board.posts.get_mut(&RecordId(0xab)).unwrap().title.value = "x".repeat(1000);
        let text = Snapshot::encode(&board);
        assert!(Snapshot::decode(&text).is_ok());
        assert!(matches!(
            Snapshot::import(&text),
            Err(SnapshotError::Limits(_))
        ));
    }
}
