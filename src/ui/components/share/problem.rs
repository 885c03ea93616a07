//! Why a link or file cannot be opened, said in the person's language with the place it went
//! wrong (line and column, record and field) filled in, and why the trust gate left a record out.

use crate::i18n::{fill, Lang, Msg};
use crate::model::snapshot::MAX_IMPORT_BYTES;
use crate::model::{Field, RecordError, RecordKind, RecordRef, Refusal, Refused, SnapshotError};
use crate::sources::share_link::LinkError;
use crate::sources::snapshot_file::FileError;
use crate::ui::components::form::field_error::problem_text;
use crate::ui::format;

/// Everything that can stop a link or a file from reaching the preview. Each leaves the board
/// as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Link(LinkError),
    File(FileError),
    /// The browser could not read the picked file.
    Unreadable,
}

impl ImportError {
    /// A file over the limit, refused before it is read into memory.
    pub fn too_large(bytes: usize) -> Self {
        ImportError::File(FileError::Snapshot(SnapshotError::TooLarge {
            bytes,
            max: MAX_IMPORT_BYTES,
        }))
    }

    /// What went wrong, as one sentence (or two) in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let number = |n: usize| format::number(lang, n);
        match self {
            ImportError::Link(error) => match error {
                LinkError::Empty => lang.text(Msg::ErrLinkEmpty).to_string(),
                LinkError::NotCircle => lang.text(Msg::ErrLinkNotCircle).to_string(),
                LinkError::UnknownVersion(version) => fill(
                    lang.text(Msg::ErrLinkVersion),
                    &[("version", &version.to_string())],
                ),
                LinkError::Truncated => lang.text(Msg::ErrLinkTruncated).to_string(),
                LinkError::Damaged => lang.text(Msg::ErrLinkDamaged).to_string(),
                LinkError::TooLarge => lang.text(Msg::ErrLinkTooLarge).to_string(),
                LinkError::BadContent(error) => snapshot_text(lang, error),
            },
            ImportError::File(FileError::NotText { at }) => {
                fill(lang.text(Msg::ErrFileNotText), &[("at", &number(*at))])
            }
            ImportError::File(FileError::Snapshot(error)) => snapshot_text(lang, error),
            ImportError::Unreadable => lang.text(Msg::ErrFileRead).to_string(),
        }
    }
}

fn snapshot_text(lang: Lang, error: &SnapshotError) -> String {
    let number = |n: usize| format::number(lang, n);
    let text = |msg| lang.text(msg);
    match error {
        SnapshotError::TooLarge { max, .. } => fill(
            text(Msg::ErrTooLarge),
            &[("max", &number(max / (1024 * 1024)))],
        ),
        SnapshotError::Syntax { line, column } => fill(
            text(Msg::ErrSyntax),
            &[("line", &number(*line)), ("column", &number(*column))],
        ),
        SnapshotError::NotASnapshot => text(Msg::ErrNotASnapshot).to_string(),
        SnapshotError::Newer { schema } => {
            fill(text(Msg::ErrNewer), &[("schema", &schema.to_string())])
        }
        SnapshotError::UnknownSchema { schema } => fill(
            text(Msg::ErrUnknownSchema),
            &[("schema", &schema.to_string())],
        ),
        SnapshotError::Invalid {
            line,
            column,
            record,
            ..
        } => {
            let msg = if record.is_some() {
                Msg::ErrInvalidIn
            } else {
                Msg::ErrInvalid
            };
            let record = record.map(|record| record_text(lang, record));
            fill(
                text(msg),
                &[
                    ("record", &record.unwrap_or_default()),
                    ("line", &number(*line)),
                    ("column", &number(*column)),
                ],
            )
        }
        SnapshotError::WrongId { record } => fill(
            text(Msg::ErrWrongId),
            &[("record", &record_text(lang, *record))],
        ),
        SnapshotError::Limits(RecordError { record, error }) => fill(
            text(Msg::ErrLimits),
            &[
                ("record", &record_text(lang, *record)),
                ("field", text(field_name(error.field))),
                ("problem", &problem_text(lang, error.problem)),
            ],
        ),
    }
}

/// Why the trust gate left a record out, in `lang`, naming the record.
pub fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    let (msg, field) = match refusal.reason {
        Refused::BadSignature => (Msg::RefBadSignature, None),
        Refused::ForgedAuthor => (Msg::RefForgedAuthor, None),
        Refused::UnsignedChange => (Msg::RefUnsignedChange, None),
        Refused::FutureStamp => (Msg::RefFutureStamp, None),
        Refused::TooMany(field) => (Msg::RefTooMany, Some(field)),
        Refused::BadResponse => (Msg::RefBadResponse, None),
        Refused::NotCoordinator => (Msg::RefNotCoordinator, None),
        Refused::BadEntry => (Msg::RefBadEntry, None),
    };
    let field = field.map_or("", |field| lang.text(field_name(field)));
    fill(
        lang.text(msg),
        &[
            ("record", &record_text(lang, refusal.record)),
            ("field", field),
        ],
    )
}

/// "post 00ab…": the kind of record in words, and its id so a coordinator can find it.
fn record_text(lang: Lang, record: RecordRef) -> String {
    let msg = match record.kind {
        RecordKind::Post => Msg::RecPost,
        RecordKind::Match => Msg::RecMatch,
        RecordKind::Resource => Msg::RecResource,
        RecordKind::Roster => Msg::RecRoster,
        RecordKind::Shift => Msg::RecShift,
        RecordKind::FundEntry => Msg::RecFundEntry,
        RecordKind::Skill => Msg::RecSkill,
    };
    fill(lang.text(msg), &[("id", &record.id.to_string())])
}

fn field_name(field: Field) -> Msg {
    match field {
        Field::Title => Msg::FldTitle,
        Field::Details => Msg::FldDetails,
        Field::Category => Msg::FldCategory,
        Field::Area => Msg::FldArea,
        Field::Author => Msg::FldAuthor,
        Field::ContactValue => Msg::FldContact,
        Field::Languages => Msg::FldLanguages,
        Field::Quantity => Msg::FldQuantity,
        Field::PrivateNote => Msg::FldPrivateNote,
        Field::Name => Msg::FldName,
        Field::Hours => Msg::FldHours,
        Field::Accepts => Msg::FldAccepts,
        Field::Needs => Msg::FldNeeds,
        Field::Serves => Msg::FldServes,
        Field::Note => Msg::FldNote,
        Field::Handle => Msg::FldHandle,
        Field::Task => Msg::FldTask,
        Field::HeadCount => Msg::FldHeadCount,
        Field::Purpose => Msg::FldPurpose,
        Field::Amount => Msg::FldAmount,
        Field::Skill => Msg::FldSkill,
        Field::Cadence => Msg::FldCadence,
        Field::History => Msg::FldHistory,
        Field::Responses => Msg::FldResponses,
        Field::Moderation => Msg::FldModeration,
        Field::Reports => Msg::FldReports,
        Field::People => Msg::FldPeople,
        Field::CheckIns => Msg::FldCheckIns,
        Field::Signups => Msg::FldSignups,
    }
}
