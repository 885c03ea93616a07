//! Snapshot files: the whole board as one JSON file, to keep, to hand over to the next
//! coordinator, or to open on another device. Export is redaction plus the model's snapshot
//! codec; import takes the raw bytes of a picked or dropped file and refuses, with a typed
//! error, anything that is not a snapshot, before it can change the board.

use crate::model::snapshot::MAX_IMPORT_BYTES;
use crate::model::{Audience, Board, Day, Snapshot, SnapshotError};

/// The media type to save and pick snapshot files with.
pub const MEDIA_TYPE: &str = "application/json";

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not UTF-8 text (a picture, a spreadsheet, a zip…). `at` is the first bad byte.
    NotText { at: usize },
    /// Text, but not a snapshot this Circle can read: the snapshot codec says why and where
    /// (including `TooLarge` over 32 MB, `Syntax { line, column }` for broken JSON).
    Snapshot(SnapshotError),
}

/// The board, redacted for `audience`, as the text of a snapshot file. `Audience::Full` keeps
/// private details: for handing a board over, chosen on purpose.
pub fn export(board: &Board, audience: Audience) -> String {
    Snapshot::encode(&board.redacted(audience))
}

/// A file name that sorts by date and says what the file is: `circle-board-2026-11-27.json`,
/// with `-full` for an unredacted export, so nobody publishes one by mistake.
pub fn file_name(today: Day, audience: Audience) -> String {
    let suffix = match audience {
        Audience::Public => "",
        Audience::Group => "-group",
        Audience::Full => "-full",
    };
    format!("circle-board-{today}{suffix}.json")
}

/// Reads a snapshot file: size-checked before decoding, a UTF-8 byte order mark (added by some
/// editors) skipped, then held to the same limits as every input from outside.
pub fn import(bytes: &[u8]) -> Result<Board, FileError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(FileError::Snapshot(SnapshotError::TooLarge {
            bytes: bytes.len(),
            max: MAX_IMPORT_BYTES,
        }));
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| FileError::NotText {
        at: error.valid_up_to(),
    })?;
    Snapshot::import(text).map_err(FileError::Snapshot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_files_by_day_and_audience() {
        let day = Day::from_ymd(2026, 11, 27).unwrap();
        assert_eq!(
            file_name(day, Audience::Public),
            "circle-board-2026-11-27.json"
        );
        assert_eq!(
            file_name(day, Audience::Full),
            "circle-board-2026-11-27-full.json"
        );
    }

    #[test]
    fn refuses_what_is_not_a_snapshot() {
        assert_eq!(
            import(b"\x89PNG\r\n\x1a\n"),
            Err(FileError::NotText { at: 0 })
        );
        assert_eq!(
            import(b"{\"schema\":1,\n\"board\":{\"posts\":{]}}"),
            Err(FileError::Snapshot(SnapshotError::Syntax {
                line: 2,
                column: 19
            }))
        );
        assert_eq!(
            import(b"Need,Area\nRice,North\n"),
            Err(FileError::Snapshot(SnapshotError::Syntax {
                line: 1,
                column: 1
            }))
        );
        let huge = vec![b' '; MAX_IMPORT_BYTES + 1];
        assert!(matches!(
            import(&huge),
            Err(FileError::Snapshot(SnapshotError::TooLarge { .. }))
        ));
    }

    #[test]
    fn the_size_limit_is_checked_first_and_a_file_of_exactly_the_limit_is_read() {
        // Too large is said before anything else, even of bytes that are not text at all.
        assert_eq!(
            import(&vec![0xff; MAX_IMPORT_BYTES + 1]),
            Err(FileError::Snapshot(SnapshotError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1,
                max: MAX_IMPORT_BYTES
            }))
        );
        // At the limit the file is read: here it is only blank, so it is no snapshot.
        assert!(matches!(
            import(&vec![b' '; MAX_IMPORT_BYTES]),
            Err(FileError::Snapshot(SnapshotError::Syntax { .. }))
        ));
    }

    #[test]
    fn reads_its_own_export_with_or_without_a_bom() {
        let text = export(&Board::default(), Audience::Public);
        assert_eq!(import(text.as_bytes()), Ok(Board::default()));
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(import(with_bom.as_bytes()), Ok(Board::default()));
    }
}
