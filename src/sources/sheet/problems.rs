//! What can be wrong with a sheet, typed so the app and `publish` can say it in the reader's
//! language (`i18n::sheet`): a sheet that cannot be read at all, a column that is not read,
//! and a row that is left out or used without one of its values. Rows are numbered as the
//! spreadsheet shows them (the header is row 1), columns by their letter.

use crate::model::{Problem, ValidationError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a sheet cannot be read at all. Nothing of it is used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SheetError {
    /// Larger than the limit, in bytes.
    TooLarge { bytes: usize, max: usize },
    /// Not UTF-8 text (a spreadsheet file rather than its CSV, a picture…); `at` is the first
    /// bad byte.
    NotText { at: usize },
    /// No header row.
    Empty,
    /// No column holds what every row needs.
    MissingColumn(Needed),
    /// The CSV itself is broken at this row.
    Malformed { row: usize },
}

/// What a sheet must have a column for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Needed {
    /// When each row was submitted (a form's "Timestamp"): it dates a post and identifies it.
    Timestamp,
    /// What is asked or offered: a title, a "What do you need?" question, a category or
    /// details.
    Need,
    /// A resource's name.
    Name,
}

impl fmt::Display for SheetError {
    // For logs; people read the catalogue's words (`i18n::sheet`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for SheetError {}

/// Why a column is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnUse {
    /// No field has this header; the group can map it in `config.json`.
    Unknown,
    /// An exact address: never published, so never read.
    KeptPrivate,
    /// The group's mapping says `"ignore"`.
    Ignored,
    /// The group's mapping names a field sheets do not have (a typo, most likely).
    UnknownField(String),
    /// Another column, earlier in the sheet, already holds this field.
    Repeated { first: usize },
}

/// A column that is not read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnNote {
    /// From 0; [`super::words::column_letter`] names it.
    pub column: usize,
    pub header: String,
    pub use_: ColumnUse,
}

/// What is wrong with one row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowError {
    // The row is left out:
    /// The date it was submitted is empty or unreadable (`value` as typed, cut short).
    NoDate { value: String },
    /// Nothing says what is asked or offered.
    NoTitle,
    /// A resource without a name.
    NoName,
    /// Neither ask nor offer.
    UnknownKind { value: String },
    /// No category the group has, and the group has no "other".
    UnknownCategory { value: String },
    /// A status Circle does not know: left out rather than shown open when it may be done.
    UnknownStatus { value: String },
    /// The same as an earlier row (a form sent twice).
    Duplicate { of: usize },
    /// A value breaks the rules every post or resource is held to: too long, a line break in
    /// a title, an area the group does not have…
    Invalid(ValidationError),
    // The row is used without one value:
    /// The phone number or email address cannot be used; the post has no contact. The value
    /// is never repeated in a message: messages may end up in a public log.
    BadContact(Problem),
    /// A value that cannot be read is left out (a date, a number, a stock level…).
    Unread { value: String },
    /// An urgency Circle does not know, read as "anytime".
    UnknownUrgency { value: String },
    /// A kind of place Circle does not know, read as "other".
    UnknownPlace { value: String },
}

impl RowError {
    /// Whether the row is left out (else it is used without the one value).
    pub fn skips_row(&self) -> bool {
        !matches!(
            self,
            Self::BadContact(_)
                | Self::Unread { .. }
                | Self::UnknownUrgency { .. }
                | Self::UnknownPlace { .. }
        )
    }
}

/// A column of the sheet, named by its letter and header in messages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// From 0.
    pub column: usize,
    pub header: String,
}

/// One problem with one row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// As the spreadsheet numbers it: the header is row 1.
    pub row: usize,
    /// The column the problem is in, when it is in one.
    pub cell: Option<Cell>,
    pub error: RowError,
}

impl fmt::Display for RowProblem {
    // For logs and tests; people read the catalogue's words (`i18n::sheet`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}", self.row)?;
        if let Some(cell) = &self.cell {
            write!(f, " ({})", cell.header)?;
        }
        write!(f, ": {:?}", self.error)
    }
}

/// The longest value a message repeats from a cell.
pub const QUOTED_MAX: usize = 60;
