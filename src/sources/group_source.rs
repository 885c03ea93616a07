//! One of a group's published sources read into a board, before the trust gate: a snapshot file
//! such as `board.json`, or a published sheet of asks, offers or places. `publish` and the app
//! read sources with this one step, so a sheet reads the same on a phone as in the group's
//! deploy workflow.

use super::sheet::{self, ColumnNote, RowProblem, SheetError, SheetOptions, SheetRead};
use super::snapshot_file::{self, FileError};
use crate::model::{Board, Holds, PostKind, RecordId};
use std::collections::BTreeMap;

/// What came out of a source.
#[derive(Clone, Debug, Default)]
pub struct SourceRead {
    pub board: Board,
    /// Which sheet row each record came from, so a refusal can name its row.
    pub rows: BTreeMap<RecordId, usize>,
    /// Sheet rows left out or used without a value.
    pub problems: Vec<RowProblem>,
    /// Sheet columns not read, and why.
    pub columns: Vec<ColumnNote>,
    /// Data rows of a sheet.
    pub rows_read: usize,
}

/// Why a source could not be read at all. Nothing of it is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    Snapshot(FileError),
    Sheet(SheetError),
}

/// Reads `bytes` as a snapshot file (`sheet` is `None`) or as a sheet holding `sheet`, with
/// `options` for a sheet (its own `kind` is set from `sheet` here).
pub fn read_source(
    bytes: &[u8],
    sheet: Option<Holds>,
    options: SheetOptions,
) -> Result<SourceRead, SourceError> {
    let Some(holds) = sheet else {
        let board = snapshot_file::import(bytes).map_err(SourceError::Snapshot)?;
        return Ok(SourceRead {
            board,
            ..SourceRead::default()
        });
    };
    let options = SheetOptions {
        kind: if holds == Holds::Offers {
            PostKind::Offer
        } else {
            PostKind::Ask
        },
        ..options
    };
    let mut read = SourceRead::default();
    match holds {
        Holds::Resources => {
            let sheet = sheet::read_resources(bytes, options).map_err(SourceError::Sheet)?;
            read.note(&sheet);
            for (row, resource) in sheet.records {
                read.rows.insert(resource.id, row);
                read.board.resources.insert(resource.id, resource);
            }
        }
        Holds::Asks | Holds::Offers => {
            // Posts are left unsigned: `publish` signs them with the group's key once old
            // asks have expired.
            let options = SheetOptions {
                signer: None,
                ..options
            };
            let sheet = sheet::read_posts(bytes, options).map_err(SourceError::Sheet)?;
            read.note(&sheet);
            for (row, post) in sheet.records {
                read.rows.insert(post.id, row);
                read.board.add_post(post);
            }
        }
    }
    Ok(read)
}

impl SourceRead {
    fn note<T>(&mut self, sheet: &SheetRead<T>) {
        self.problems = sheet.problems.clone();
        self.columns = sheet.columns.clone();
        self.rows_read = sheet.rows;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GroupConfig;

    #[test]
    fn a_sheet_of_offers_gives_offers_and_names_its_rows() {
        let config = GroupConfig::default();
        let csv = "Timestamp,What can you offer?,Area\n\
                   2026-11-02 10:00,Soup on Sundays,north\n\
                   2026-11-02 11:00,,north\n";
        let read = read_source(
            csv.as_bytes(),
            Some(Holds::Offers),
            SheetOptions::new(&config),
        )
        .expect("a sheet");
        let posts: Vec<_> = read.board.posts().collect();
        assert_eq!(posts.len(), 1);
        assert_eq!(posts[0].kind, PostKind::Offer);
        assert_eq!(
            read.rows[&posts[0].id], 2,
            "the spreadsheet's own row number"
        );
        assert_eq!(read.rows_read, 2);
        assert!(read.problems.iter().any(|problem| problem.row == 3));
    }

    #[test]
    fn a_snapshot_file_gives_its_whole_board() {
        let config = GroupConfig::default();
        let csv = "Timestamp,What can you offer?,Area\n2026-11-02 10:00,Soup on Sundays,north\n";
        let sheet = read_source(
            csv.as_bytes(),
            Some(Holds::Offers),
            SheetOptions::new(&config),
        )
        .expect("a sheet");
        let file = crate::model::Snapshot::encode(&sheet.board);
        let read = read_source(file.as_bytes(), None, SheetOptions::new(&config)).expect("a file");
        assert_eq!(
            read.board, sheet.board,
            "every record of the file, as it was"
        );
        assert_eq!(read.board.posts().count(), 1);
    }

    #[test]
    fn a_sheets_posts_stay_unsigned_whatever_key_they_are_read_with() {
        // `publish` signs a sheet's posts only after old asks have expired: one signed here
        // would carry a revision that expiring then changes, and its signature would break.
        let config = GroupConfig::default();
        let signer = crate::model::trust::Signer::from_seed([7; 32]);
        let csv = "Timestamp,What do you need?,Area\n2026-11-02 10:00,Rides to the clinic,north\n";
        let read = read_source(
            csv.as_bytes(),
            Some(Holds::Asks),
            SheetOptions {
                signer: Some(&signer),
                ..SheetOptions::new(&config)
            },
        )
        .expect("a sheet");
        let posts: Vec<_> = read.board.posts().collect();
        assert_eq!(posts.len(), 1);
        assert!(!posts[0].is_signed());
    }

    #[test]
    fn a_snapshot_that_is_not_one_is_refused_whole() {
        let config = GroupConfig::default();
        let error = read_source(b"<html>", None, SheetOptions::new(&config)).unwrap_err();
        assert!(matches!(error, SourceError::Snapshot(_)));
    }
}
