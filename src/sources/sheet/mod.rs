//! Published sheets (CSV): a request form's responses become posts, a directory of places
//! becomes resources. Sheets arrive as groups really export them, so every reader here takes
//! a byte order mark, CRLF line ends, cells quoted over several lines, semicolons (or tabs)
//! instead of commas, and stray spaces in its stride.
//!
//! - `columns`: which column holds what, by header, with the group's own mapping;
//! - `answers`: what the words in the cells mean (categories, urgency, status…);
//! - `dates`: the dates and times sheets write;
//! - `posts`, `resources`: one row into one record;
//! - `problems`: what is wrong with a sheet, a column or a row, typed;
//! - `words`: how headers and answers are compared.
//!
//! Rows that cannot be used are listed with their row number, as the spreadsheet numbers them,
//! and the reason; none is dropped silently. Records from a sheet are deterministic: the same
//! row always gives the same record, id and stamps included, so reading a sheet again changes
//! nothing and merging never duplicates.

mod answers;
pub mod columns;
pub mod dates;
pub mod posts;
pub mod problems;
pub mod resources;
pub mod words;

pub use posts::{expire_asks, read_posts, sign};
pub use problems::{Cell, ColumnNote, ColumnUse, Needed, RowError, RowProblem, SheetError};
pub use resources::read_resources;

use crate::model::snapshot::MAX_IMPORT_BYTES;
use crate::model::sorted_map::SortedMap;
use crate::model::{GroupConfig, PostKind, Signer};
use csv::StringRecord;
use dates::DateOrder;

/// The largest sheet read, in bytes: the same limit as a snapshot.
pub const MAX_SHEET_BYTES: usize = MAX_IMPORT_BYTES;

/// What a sheet is read with.
#[derive(Clone, Copy)]
pub struct SheetOptions<'a> {
    pub config: &'a GroupConfig,
    /// The group's `{"Header": "field"}` for this sheet (`sources[].columns` in `config.json`).
    pub columns: &'a SortedMap<String, String>,
    /// What a row that does not say ask or offer is: a request form's rows are asks.
    pub kind: PostKind,
    /// The group's sheet key, which signs the posts a sheet gives; without one they are
    /// unsigned, and the app shows them so.
    pub signer: Option<&'a Signer>,
}

impl<'a> SheetOptions<'a> {
    /// Asks, unsigned, with no mapping of the group's own.
    pub fn new(config: &'a GroupConfig) -> Self {
        static NO_MAPPING: SortedMap<String, String> = SortedMap::new();
        Self {
            config,
            columns: &NO_MAPPING,
            kind: PostKind::Ask,
            signer: None,
        }
    }
}

/// What came out of a sheet.
#[derive(Clone, Debug, Default)]
pub struct SheetRead<T> {
    /// Each record with the row it came from.
    pub records: Vec<(usize, T)>,
    /// Every row left out or used without one value, in row order.
    pub problems: Vec<RowProblem>,
    /// Columns not read, and why.
    pub columns: Vec<ColumnNote>,
    /// Rows read, blank rows aside.
    pub rows: usize,
}

impl<T> SheetRead<T> {
    /// Nothing read yet from `table`, whose columns `columns` notes.
    fn of(table: &Table, columns: Vec<ColumnNote>) -> Self {
        Self {
            records: Vec::with_capacity(table.rows.len()),
            problems: Vec::new(),
            columns,
            rows: table.rows.len(),
        }
    }

    /// The rows left out.
    pub fn skipped(&self) -> impl Iterator<Item = &RowProblem> {
        self.problems
            .iter()
            .filter(|problem| problem.error.skips_row())
    }
}

/// The rows of a sheet, each with the number the spreadsheet shows it under.
struct Table {
    headers: Vec<String>,
    rows: Vec<(usize, StringRecord)>,
}

impl Table {
    /// The order of the dates in column `index`: the one its cells show, else day first when
    /// its header reads as Spanish (holds one of `spanish`, folded), month first otherwise.
    fn date_order(
        &self,
        index: Option<usize>,
        header: Option<&str>,
        spanish: &[&str],
    ) -> DateOrder {
        let spanish = header
            .map(words::fold)
            .is_some_and(|header| spanish.iter().any(|word| header.contains(word)));
        DateOrder::of_cells(
            self.rows.iter().map(|(_, record)| cell(record, index)),
            if spanish {
                DateOrder::DayFirst
            } else {
                DateOrder::MonthFirst
            },
        )
    }

    /// Reads a sheet's bytes: size-checked, the byte order mark dropped, the separator found
    /// from the header line, cells trimmed, blank rows left out (but counted).
    fn read(bytes: &[u8]) -> Result<Self, SheetError> {
        if bytes.len() > MAX_SHEET_BYTES {
            return Err(SheetError::TooLarge {
                bytes: bytes.len(),
                max: MAX_SHEET_BYTES,
            });
        }
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|error| SheetError::NotText {
            at: error.valid_up_to(),
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator(text))
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let mut headers: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        // The spreadsheet numbers rows, not lines: a cell over three lines is still one row,
        // and an empty line is a row of its own. Between two records are the line break that
        // ended the first and one for each empty line. The reader has passed the first break
        // already, all of it or, of a CRLF, its CR only.
        let mut row = 0usize;
        let mut record = StringRecord::new();
        loop {
            let start = reader.position().byte();
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(_) => return Err(SheetError::Malformed { row: row + 1 }),
            }
            let start = usize::try_from(start).unwrap_or(usize::MAX);
            let rest = text.as_bytes().get(start..).unwrap_or_default();
            let passed = start > 0
                && match text.as_bytes().get(start - 1) {
                    Some(b'\n') => true,
                    Some(b'\r') => rest.first() != Some(&b'\n'),
                    _ => false,
                };
            let breaks = usize::from(passed) + line_breaks_at(rest);
            row += if row == 0 { 1 + breaks } else { breaks };
            if record.iter().all(str::is_empty) {
                continue;
            }
            match headers {
                None => headers = Some(record.iter().map(one_line_end).collect()),
                Some(_) if record.iter().any(|cell| cell.contains('\r')) => {
                    rows.push((row, record.iter().map(one_line_end).collect()));
                }
                Some(_) => rows.push((row, record.clone())),
            }
        }
        let headers = headers.ok_or(SheetError::Empty)?;
        Ok(Self { headers, rows })
    }
}

/// The separator of a sheet: whichever of comma, semicolon and tab the header line holds most
/// of, outside quotes (spreadsheets in many European locales write semicolons). A comma when
/// none.
fn separator(text: &str) -> u8 {
    let (mut counts, mut quoted) = ([0usize; 3], false);
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)));
    [b',', b';', b'\t'][best.unwrap_or(0)]
}

/// A cell with its line breaks written as `\n`, whatever the sheet was saved with.
fn one_line_end(cell: &str) -> String {
    cell.replace("\r\n", "\n").replace('\r', "\n")
}

/// How many line breaks (CRLF, LF or CR) `bytes` starts with.
fn line_breaks_at(bytes: &[u8]) -> usize {
    let (mut breaks, mut at) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => at += 2,
            b'\r' | b'\n' => at += 1,
            _ => break,
        }
        breaks += 1;
    }
    breaks
}

/// A cell of a row, empty when the row is short.
fn cell(record: &StringRecord, index: Option<usize>) -> &str {
    index.and_then(|index| record.get(index)).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        Table::read(text.as_bytes())
            .unwrap()
            .rows
            .into_iter()
            .map(|(row, record)| (row, record.iter().map(str::to_string).collect()))
            .collect()
    }

    #[test]
    fn rows_are_numbered_as_the_spreadsheet_shows_them() {
        let text = "Title,Details\r\nRice,\"two\r\nlines\"\r\n\r\nBeans,x\r\n,\r\nFruit,y";
        assert_eq!(
            rows(text),
            [
                (2, vec!["Rice".into(), "two\nlines".into()]),
                (4, vec!["Beans".into(), "x".into()]),
                (6, vec!["Fruit".into(), "y".into()]),
            ]
        );
    }

    #[test]
    fn the_separator_comes_from_the_header_line() {
        assert_eq!(separator("a;b;c\n1,5;2;3"), b';');
        assert_eq!(separator("\"a;b\",c\n"), b',');
        assert_eq!(separator("a\tb\n"), b'\t');
        assert_eq!(separator("single"), b',');
        let text = "\u{feff}Título ; Zona\n Arroz ; Norte \n";
        let table = Table::read(text.as_bytes()).unwrap();
        assert_eq!(table.headers, ["Título", "Zona"]);
        assert_eq!(rows(text), [(2, vec!["Arroz".into(), "Norte".into()])]);
    }

    #[test]
    fn separators_inside_quotes_or_past_the_header_line_do_not_count() {
        assert_eq!(separator("\"a;b;c\",d\n"), b',');
        assert_eq!(separator("\"a,b,c\";d\n"), b';');
        assert_eq!(separator("\"a\tb\tc\",d\n"), b',');
        assert_eq!(separator("a;b\nx,y,z,w\n"), b';');
        assert_eq!(separator("a;b\rx,y,z,w\r"), b';');
        // A header cell over two lines, with commas of its own.
        assert_eq!(separator("\"Name\n(first), (last)\";b;c\n"), b';');
        // A comma sheet whose question has a semicolon of its own: commas count too.
        assert_eq!(separator("Name,Phone,Address; or cross streets\n"), b',');
    }

    /// The same sheet saved with each kind of line end (Excel and Google Sheets write CRLF,
    /// LibreOffice and many scripts LF, old Macs CR), with an empty row in two places and a
    /// cell over two lines: its rows keep the numbers the spreadsheet shows.
    #[test]
    fn rows_keep_their_numbers_whatever_the_line_ends() {
        for end in ["\r\n", "\n", "\r"] {
            let text = [
                "Title,Details",
                "",
                "Rice,\"two",
                "lines\"",
                "Beans,x",
                "",
                "",
                "Fruit,y",
            ]
            .join(end);
            let numbers: Vec<usize> = rows(&text).iter().map(|(row, _)| *row).collect();
            assert_eq!(numbers, [3, 4, 7], "line ends {end:?}");
        }
    }

    #[test]
    fn blank_lines_before_the_header_count_as_rows() {
        assert_eq!(
            rows("\n\r\nTitle,Details\nRice,x"),
            [(4, vec!["Rice".into(), "x".into()])]
        );
    }

    #[test]
    fn what_is_not_a_sheet() {
        assert!(matches!(
            Table::read(b"\x89PNG\r\n"),
            Err(SheetError::NotText { at: 0 })
        ));
        assert!(matches!(Table::read(b""), Err(SheetError::Empty)));
        assert!(matches!(Table::read(b"\r\n,,\r\n"), Err(SheetError::Empty)));
        let mut huge = vec![b'a'; MAX_SHEET_BYTES];
        assert!(Table::read(&huge).is_ok(), "as large as a sheet may be");
        huge.push(b'a');
        assert!(matches!(
            Table::read(&huge),
            Err(SheetError::TooLarge { .. })
        ));
    }
}
