//! What a run of `publish` tells the coordinator, on standard error: per source, what was
//! merged, what the trust gate refused, and every sheet row left out or used without a value,
//! with its row number. The problems are said in the group's language through the message
//! catalogue; the frame around them is a command's log.

use super::{Holds, Published};
use crate::i18n::problems::refusal_text;
use crate::i18n::sheet::{column_note_text, row_problem_text, sheet_error_text};
use crate::i18n::{fill, Msg};
use crate::sources::group_source::SourceError;
use crate::sources::snapshot_file::FileError;
use std::fmt::Write;

/// The report, one line per fact, problems indented under their source.
pub fn text(published: &Published) -> String {
    let lang = published.lang;
    let mut out = String::new();
    for source in &published.sources {
        let what = match source.sheet {
            None => "snapshot",
            Some(Holds::Asks) => "sheet of asks",
            Some(Holds::Offers) => "sheet of offers",
            Some(Holds::Resources) => "sheet of places",
        };
        let read = match &source.outcome {
            Ok(read) => read,
            Err(failure) => {
                let why = match failure {
                    SourceError::Sheet(error) => sheet_error_text(lang, error),
                    SourceError::Snapshot(FileError::NotText { at }) => {
                        format!("not text (from byte {at})")
                    }
                    SourceError::Snapshot(FileError::Snapshot(error)) => error.to_string(),
                };
                let _ = writeln!(
                    out,
                    "publish: {} ({what}) cannot be read: {why}",
                    source.name
                );
                continue;
            }
        };
        let skipped = read.problems.iter().filter(|p| p.error.skips_row()).count();
        let _ = write!(
            out,
            "publish: {} ({what}): {} new, {} updated, {} unchanged",
            source.name, read.merged.added, read.merged.updated, read.merged.unchanged
        );
        if source.sheet.is_some() {
            let _ = write!(out, "; {} rows, {skipped} left out", read.rows);
        }
        if read.expired > 0 {
            let _ = write!(out, "; {} asks expired", read.expired);
        }
        if !read.refused.is_empty() {
            let _ = write!(out, "; {} refused by the trust gate", read.refused.len());
        }
        out.push('\n');
        for note in &read.columns {
            let _ = writeln!(out, "  {}", column_note_text(lang, note));
        }
        for problem in &read.problems {
            let _ = writeln!(out, "  {}", row_problem_text(lang, problem));
        }
        for (refusal, row) in &read.refused {
            let reason = refusal_text(lang, refusal);
            let line = match row {
                Some(row) => fill(
                    lang.text(Msg::RowAt),
                    &[("row", &row.to_string()), ("reason", &reason)],
                ),
                None => reason,
            };
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
