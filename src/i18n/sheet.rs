//! What a published sheet's problems say to people: a sheet that cannot be read, a column
//! that is not read, a row left out or used without one value, each with the row number and
//! column letter the spreadsheet shows. Shared by the app's sync screen and `publish`.

use super::problems::{field_name, problem_text};
use super::{fill, Lang, Msg, Worded};
use crate::sources::sheet::words::column_letter;
use crate::sources::sheet::{ColumnNote, ColumnUse, Needed, RowError, RowProblem, SheetError};

/// Why a whole sheet could not be read.
pub fn sheet_error_text(lang: Lang, error: &SheetError) -> String {
    let text = |msg| lang.text(msg).to_string();
    match error {
        SheetError::TooLarge { max, .. } => fill(
            lang.text(Msg::SheetTooLarge),
            &[("max", &(max / (1024 * 1024)).to_string())],
        ),
        SheetError::NotText { at } => {
            fill(lang.text(Msg::SheetNotText), &[("at", &at.to_string())])
        }
        SheetError::Empty => text(Msg::SheetEmpty),
        SheetError::MissingColumn(Needed::Timestamp) => text(Msg::SheetNoTimestamp),
        SheetError::MissingColumn(Needed::Need) => text(Msg::SheetNoNeed),
        SheetError::MissingColumn(Needed::Name) => text(Msg::SheetNoName),
        SheetError::Malformed { row } => {
            fill(lang.text(Msg::SheetMalformed), &[("row", &row.to_string())])
        }
    }
}

/// Why a column is not read.
pub fn column_note_text(lang: Lang, note: &ColumnNote) -> String {
    let (msg, field, first) = match &note.use_ {
        ColumnUse::Unknown => (Msg::ColUnknown, "", String::new()),
        ColumnUse::KeptPrivate => (Msg::ColPrivate, "", String::new()),
        ColumnUse::Ignored => (Msg::ColIgnored, "", String::new()),
        ColumnUse::UnknownField(field) => (Msg::ColUnknownField, field.as_str(), String::new()),
        ColumnUse::Repeated { first } => (Msg::ColRepeated, "", column_letter(*first)),
    };
    fill(
        lang.text(msg),
        &[
            ("column", &column_letter(note.column)),
            ("header", &note.header),
            ("field", field),
            ("first", &first),
        ],
    )
}

/// The rows a sheet left out (rows used without one value are not listed), each worded in
/// every language.
pub fn skipped_rows(problems: Vec<RowProblem>) -> Vec<Worded> {
    problems
        .iter()
        .filter(|problem| problem.error.skips_row())
        .map(|problem| Worded::new(|lang| row_problem_text(lang, problem)))
        .collect()
}

/// One row's problem: where, and what follows from it.
pub fn row_problem_text(lang: Lang, problem: &RowProblem) -> String {
    let value = |msg, value: &str| fill(lang.text(msg), &[("value", value)]);
    let reason = match &problem.error {
        RowError::NoDate { value: v } => value(Msg::RowNoDate, v),
        RowError::NoTitle => lang.text(Msg::RowNoTitle).to_string(),
        RowError::NoName => lang.text(Msg::RowNoName).to_string(),
        RowError::UnknownKind { value: v } => value(Msg::RowUnknownKind, v),
        RowError::UnknownCategory { value: v } => value(Msg::RowUnknownCategory, v),
        RowError::UnknownStatus { value: v } => value(Msg::RowUnknownStatus, v),
        RowError::Duplicate { of } => {
            fill(lang.text(Msg::RowDuplicate), &[("first", &of.to_string())])
        }
        RowError::Invalid(error) => fill(
            lang.text(Msg::RowInvalid),
            &[
                ("field", lang.text(field_name(error.field))),
                ("problem", &problem_text(lang, error.problem)),
            ],
        ),
        RowError::BadContact(error) => fill(
            lang.text(Msg::RowBadContact),
            &[("problem", &problem_text(lang, *error))],
        ),
        RowError::Unread { value: v } => value(Msg::RowUnread, v),
        RowError::UnknownUrgency { value: v } => value(Msg::RowUnknownUrgency, v),
        RowError::UnknownPlace { value: v } => value(Msg::RowUnknownPlace, v),
    };
    let row = problem.row.to_string();
    match &problem.cell {
        Some(cell) => fill(
            lang.text(Msg::RowAtColumn),
            &[
                ("row", &row),
                ("column", &column_letter(cell.column)),
                ("header", &cell.header),
                ("reason", &reason),
            ],
        ),
        None => fill(lang.text(Msg::RowAt), &[("row", &row), ("reason", &reason)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PhoneError, Problem};
    use crate::sources::sheet::Cell;

    #[test]
    fn a_row_problem_names_the_row_and_column_and_never_repeats_a_contact() {
        let problem = RowProblem {
            row: 4,
            cell: Some(Cell {
                column: 9,
                header: "telephone".into(),
            }),
            error: RowError::BadContact(Problem::Phone(PhoneError::ExtraText)),
        };
        let en = row_problem_text(Lang::En, &problem);
        assert!(
            en.starts_with("Row 4, column J (“telephone”): the contact cannot be used"),
            "{en}"
        );
        let es = row_problem_text(Lang::Es, &problem);
        assert!(es.starts_with("Fila 4, columna J"), "{es}");
        let duplicate = RowProblem {
            row: 5,
            cell: None,
            error: RowError::Duplicate { of: 4 },
        };
        assert_eq!(
            row_problem_text(Lang::En, &duplicate),
            "Row 5: it is the same as row 4, so it is left out."
        );
    }

    #[test]
    fn skipped_rows_are_worded_in_every_language_and_rows_kept_are_not_listed() {
        let skipped = RowProblem {
            row: 5,
            cell: None,
            error: RowError::Duplicate { of: 4 },
        };
        let kept = RowProblem {
            row: 6,
            cell: None,
            error: RowError::UnknownUrgency {
                value: "soonish".into(),
            },
        };
        let rows = skipped_rows(vec![skipped.clone(), kept]);
        assert_eq!(
            rows.len(),
            1,
            "a row used without one value is not a row left out"
        );
        for lang in Lang::ALL {
            assert_eq!(rows[0].get(lang), row_problem_text(lang, &skipped));
        }
        assert_ne!(rows[0].get(Lang::En), rows[0].get(Lang::Es));
        let across: Vec<Worded> =
            serde_json::from_str(&serde_json::to_string(&rows).unwrap()).unwrap();
        assert_eq!(across, rows, "as the reader worker sends them");
    }

    #[test]
    fn column_notes_say_why() {
        let note = ColumnNote {
            column: 8,
            header: "Address".into(),
            use_: ColumnUse::KeptPrivate,
        };
        assert_eq!(
            column_note_text(Lang::En, &note),
            "Column I (“Address”) is never read: exact addresses are never published."
        );
        let repeated = ColumnNote {
            column: 5,
            header: "Phone 2".into(),
            use_: ColumnUse::Repeated { first: 4 },
        };
        assert!(column_note_text(Lang::Es, &repeated).contains("la columna E ya tiene"));
    }
}
