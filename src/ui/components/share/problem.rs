//! Why a link or file cannot be opened, said in the person's language with the place it went
//! wrong (line and column, record and field) filled in, and why the trust gate left a record out.

use crate::i18n::problems::problem_text;
pub use crate::i18n::problems::refusal_text;
use crate::i18n::problems::{field_name, record_text};
use crate::i18n::{fill, Lang, Msg};
use crate::model::snapshot::MAX_IMPORT_BYTES;
use crate::model::{RecordError, SnapshotError};
use crate::sources::encrypted_board::OpenError;
use crate::sources::share_link::LinkError;
use crate::sources::snapshot_file::FileError;
use crate::ui::format;

/// Everything that can stop a link or a file from reaching the preview. Each leaves the board
/// as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Link(LinkError),
    File(FileError),
    /// The browser could not read the picked file.
    Unreadable,
    /// A group link or a locked file, and the reader worker that opens it could not be
    /// started.
    NoReader,
    /// A board file locked for group members, on a phone that holds no group key.
    FileLocked,
    /// A board file locked for group members that this phone's key does not open.
    GroupFile(OpenError),
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
                LinkError::Locked => lang.text(Msg::ErrLinkLocked).to_string(),
                LinkError::WrongKey => lang.text(Msg::ErrLinkWrongKey).to_string(),
            },
            ImportError::File(FileError::NotText { at }) => {
                fill(lang.text(Msg::ErrFileNotText), &[("at", &number(*at))])
            }
            ImportError::File(FileError::Snapshot(error)) => snapshot_text(lang, error),
            ImportError::Unreadable => lang.text(Msg::ErrFileRead).to_string(),
            ImportError::NoReader => lang.text(Msg::ErrNoReader).to_string(),
            ImportError::FileLocked => lang.text(Msg::ErrFileLocked).to_string(),
            ImportError::GroupFile(error) => lang
                .text(match error {
                    OpenError::WrongPassphrase => Msg::ErrFileWrongKey,
                    OpenError::Newer { .. } | OpenError::Unsupported => Msg::ErrFileLockedNewer,
                    OpenError::Damaged | OpenError::NotEncrypted => Msg::ErrFileLockedDamaged,
                })
                .to_string(),
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
