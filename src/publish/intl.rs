//! Numbers and moments written as the app writes them with the browser's `Intl`
//! (`src/ui/format.rs`), for the languages Circle ships, so the first view `publish` writes
//! into the board page reads, and wraps, as the app's board will when it takes over. Moments
//! are in UTC: the host cannot know the reader's time zone, and the app writes its own.

use crate::i18n::Lang;
use crate::model::Day;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ES: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];

/// A whole number with the language's digit grouping: `1,234` in English; `1234` and `12.345`
/// in Spanish, which groups only from five digits.
pub fn number(lang: Lang, n: usize) -> String {
    let digits = n.to_string();
    let (separator, from) = match lang {
        Lang::En => (',', 4),
        Lang::Es => ('.', 5),
    };
    if digits.len() < from {
        return digits;
    }
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A moment as a medium date and a short time, in UTC: `Dec 3, 2026, 2:05 PM` in English,
/// `3 dic 2026, 14:05` in Spanish.
pub fn moment(lang: Lang, ms: u64) -> String {
    let (year, month, day) = Day::from_ms(ms).ymd();
    let minutes = ms / 60_000 % (24 * 60);
    let (hour, minute) = (minutes / 60, minutes % 60);
    let month = (month as usize).saturating_sub(1).min(11);
    match lang {
        Lang::En => {
            let half = if hour < 12 { "AM" } else { "PM" };
            let hour = (hour + 11) % 12 + 1;
            format!(
                "{} {day}, {year}, {hour}:{minute:02} {half}",
                MONTHS_EN[month]
            )
        }
        Lang::Es => format!("{day} {} {year}, {hour}:{minute:02}", MONTHS_ES[month]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-03T14:05:00Z, and 2026-01-13T00:05:00Z.
    const AFTERNOON: u64 = 1_796_306_700_000;
    const MIDNIGHT: u64 = 1_768_262_700_000;

    #[test]
    fn numbers_group_as_intl_does() {
        assert_eq!(number(Lang::En, 30), "30");
        assert_eq!(number(Lang::En, 1234), "1,234");
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::Es, 1234), "1234");
        assert_eq!(number(Lang::Es, 12345), "12.345");
    }

    /// The strings Chromium's (and Node's) `Intl.DateTimeFormat` writes for these moments with
    /// `dateStyle: "medium", timeStyle: "short", timeZone: "UTC"`.
    #[test]
    fn moments_read_as_intl_writes_them() {
        assert_eq!(moment(Lang::En, AFTERNOON), "Dec 3, 2026, 2:05 PM");
        assert_eq!(moment(Lang::En, MIDNIGHT), "Jan 13, 2026, 12:05 AM");
        assert_eq!(moment(Lang::Es, AFTERNOON), "3 dic 2026, 14:05");
        assert_eq!(moment(Lang::Es, MIDNIGHT), "13 ene 2026, 0:05");
    }
}
