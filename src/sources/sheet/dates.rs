//! Dates and times as sheets write them: Google Forms' "3/14/2024 9:05:12" (or "14/03/2024
//! 9:05:12" from a Spanish account), Airtable's "3/14/2024 9:05am" and "March 14, 2024",
//! ISO "2024-03-14T09:05:12Z", Spanish "14 de marzo de 2024".
//!
//! Whether 3/4 is the 3rd of April or March the 4th is decided once per sheet: a day above 12
//! in either place settles it; otherwise the header's language does (a "Marca temporal"
//! column comes from a Spanish account, which writes the day first). Times without a zone are
//! read as UTC: the sheet does not say its zone, and only the order of posts depends on it.

use crate::model::Day;

const MS_PER_SECOND: u64 = 1000;

/// Which number of "3/4/2024" is the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    MonthFirst,
    DayFirst,
}

impl DateOrder {
    /// The order the cells of one column show, else `default`.
    pub fn of_cells<'a>(cells: impl IntoIterator<Item = &'a str>, default: DateOrder) -> Self {
        let (mut day_first, mut month_first) = (false, false);
        for cell in cells {
            let tokens = tokens(cell);
            let (_, rest) = split_time(&tokens);
            if let [Token::Num(a, la), Token::Num(b, _), Token::Num(_, _)] = numbers(&rest)[..] {
                if la < 4 {
                    day_first |= a > 12 && b <= 12;
                    month_first |= b > 12 && a <= 12;
                }
            }
        }
        match (day_first, month_first) {
            (true, false) => Self::DayFirst,
            (false, true) => Self::MonthFirst,
            _ => default,
        }
    }
}

/// A moment (milliseconds since 1970, UTC) from a cell, or `None` when it is not one. A date
/// without a time is its midnight.
pub fn moment(cell: &str, order: DateOrder) -> Option<u64> {
    let tokens = tokens(cell);
    let (time, rest) = split_time(&tokens);
    let day = date(&rest, order)?;
    let (seconds, offset) = time.unwrap_or((0, 0));
    let local = day.start_ms().checked_add(seconds * MS_PER_SECOND)?;
    let utc = i128::from(local) - i128::from(offset) * i128::from(MS_PER_SECOND);
    u64::try_from(utc).ok()
}

/// A calendar day from a cell ("needed by"), its time of day ignored.
pub fn day(cell: &str, order: DateOrder) -> Option<Day> {
    let tokens = tokens(cell);
    let (_, rest) = split_time(&tokens);
    date(&rest, order)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    /// A number and how many digits it was written with.
    Num(u64, usize),
    /// A word, folded.
    Word(String),
    Sep(char),
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(digit) = c.to_digit(10) {
            let (mut n, mut len) = (u64::from(digit), 1);
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n.saturating_mul(10).saturating_add(u64::from(d));
                len += 1;
                chars.next();
            }
            out.push(Token::Num(n, len));
        } else if c.is_alphabetic() {
            let mut word = c.to_string();
            while let Some(&next) = chars.peek().filter(|c| c.is_alphabetic()) {
                word.push(next);
                chars.next();
            }
            out.push(Token::Word(super::words::fold(&word)));
        } else if !c.is_whitespace() {
            out.push(Token::Sep(c));
        }
    }
    out
}

fn numbers(tokens: &[Token]) -> Vec<Token> {
    tokens
        .iter()
        .filter(|token| matches!(token, Token::Num(..)))
        .cloned()
        .collect()
}

/// Takes a time of day out of `tokens`: the seconds since midnight and the zone's offset from
/// UTC in seconds, and the tokens left for the date.
fn split_time(tokens: &[Token]) -> (Option<(u64, i64)>, Vec<Token>) {
    use Token::*;
    let Some(start) = (0..tokens.len()).find(|&i| {
        matches!(
            tokens.get(i..i + 3),
            Some([Num(_, 1..=2), Sep(':'), Num(_, 2)])
        )
    }) else {
        return (None, tokens.to_vec());
    };
    let (Num(mut hour, _), Num(minute, _)) = (&tokens[start], &tokens[start + 2]) else {
        return (None, tokens.to_vec());
    };
    let mut end = start + 3;
    let mut second = 0;
    if let Some([Sep(':'), Num(s, 2)]) = tokens.get(end..end + 2) {
        second = *s;
        end += 2;
        if let Some([Sep('.'), Num(..)]) = tokens.get(end..end + 2) {
            end += 2;
        }
    }
    // am / pm, also written "a. m." and "p.m.".
    let half = match tokens.get(end) {
        Some(Word(word)) if word == "am" || word == "pm" => {
            end += 1;
            Some(word == "pm")
        }
        Some(Word(word)) if word == "a" || word == "p" => {
            let pm = word == "p";
            let mut next = end + 1;
            while matches!(tokens.get(next), Some(Sep('.'))) {
                next += 1;
            }
            match tokens.get(next) {
                Some(Word(m)) if m == "m" => {
                    end = next + 1;
                    while matches!(tokens.get(end), Some(Sep('.'))) {
                        end += 1;
                    }
                    Some(pm)
                }
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(pm) = half {
        if !(1..=12).contains(&hour) {
            return (None, tokens.to_vec());
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
    }
    // A zone written as a word ("Z", "UTC", "GMT") is UTC already, and is left among the date's
    // tokens, where a word that names no month is passed over.
    let mut offset = 0i64;
    match tokens.get(end..) {
        Some([Sep(sign @ ('+' | '-')), Num(h, 2), Sep(':'), Num(m, 2), ..]) => {
            offset = (*h as i64) * 3600 + (*m as i64) * 60;
            if *sign == '-' {
                offset = -offset;
            }
            end += 4;
        }
        Some([Sep(sign @ ('+' | '-')), Num(hm, 4), ..]) => {
            offset = (*hm as i64 / 100) * 3600 + (*hm as i64 % 100) * 60;
            if *sign == '-' {
                offset = -offset;
            }
            end += 2;
        }
        _ => {}
    }
    if hour > 23 || *minute > 59 || second > 59 {
        return (None, tokens.to_vec());
    }
    let mut rest = tokens[..start].to_vec();
    rest.extend_from_slice(&tokens[end..]);
    (Some((hour * 3600 + minute * 60 + second, offset)), rest)
}

/// The month a word names, in English or Spanish, in full or cut to three letters.
fn month(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &str); 12] = [
        ("january", "enero"),
        ("february", "febrero"),
        ("march", "marzo"),
        ("april", "abril"),
        ("may", "mayo"),
        ("june", "junio"),
        ("july", "julio"),
        ("august", "agosto"),
        ("september", "septiembre"),
        ("october", "octubre"),
        ("november", "noviembre"),
        ("december", "diciembre"),
    ];
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|(en, es)| en.starts_with(word) || es.starts_with(word))
        .and_then(|index| u32::try_from(index + 1).ok())
}

fn date(tokens: &[Token], order: DateOrder) -> Option<Day> {
    let nums: Vec<(u64, usize)> = tokens
        .iter()
        .filter_map(|token| match token {
            Token::Num(n, len) => Some((*n, *len)),
            _ => None,
        })
        .collect();
    let named = tokens.iter().find_map(|token| match token {
        Token::Word(word) => month(word),
        _ => None,
    });
    let year = |(n, len): (u64, usize)| match len {
        4 => i32::try_from(n).ok(),
        2 => i32::try_from(2000 + n).ok(),
        _ => None,
    };
    let small = |n: u64| u32::try_from(n).ok();
    let (y, m, d) = match (named, nums.as_slice()) {
        // "March 14, 2024", "14 de marzo de 2024", "14 Mar 2024"
        (Some(m), [a, b]) if a.1 <= 2 => (year(*b)?, m, small(a.0)?),
        (Some(m), [a, b]) if a.1 == 4 => (year(*a)?, m, small(b.0)?),
        (None, [a, b, c]) if a.1 == 4 => (year(*a)?, small(b.0)?, small(c.0)?),
        (None, [a, b, c]) if a.1 <= 2 && b.1 <= 2 => {
            let (m, d) = match order {
                DateOrder::MonthFirst => (a.0, b.0),
                DateOrder::DayFirst => (b.0, a.0),
            };
            (year(*c)?, small(m)?, small(d)?)
        }
        _ => return None,
    };
    Day::from_ymd(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS_2024_03_14: u64 = 1_710_374_400_000;

    fn at(h: u64, m: u64, s: u64) -> Option<u64> {
        Some(MS_2024_03_14 + (h * 3600 + m * 60 + s) * 1000)
    }

    #[test]
    fn the_shapes_sheets_write() {
        use DateOrder::*;
        assert_eq!(moment("3/14/2024 9:05:12", MonthFirst), at(9, 5, 12));
        assert_eq!(moment("14/03/2024 9:05:12", DayFirst), at(9, 5, 12));
        assert_eq!(moment("3/14/2024 9:05pm", MonthFirst), at(21, 5, 0));
        assert_eq!(moment("3/14/2024 12:30 a. m.", MonthFirst), at(0, 30, 0));
        assert_eq!(moment("2024-03-14T09:05:12.000Z", DayFirst), at(9, 5, 12));
        assert_eq!(
            moment("2024-03-14 11:05:12+02:00", MonthFirst),
            at(9, 5, 12)
        );
        assert_eq!(moment("2024-03-14", MonthFirst), at(0, 0, 0));
        assert_eq!(moment("March 14, 2024 9:05am", DayFirst), at(9, 5, 0));
        assert_eq!(moment("14 de marzo de 2024", MonthFirst), at(0, 0, 0));
        assert_eq!(moment("3/14/24", MonthFirst), at(0, 0, 0));
    }

    #[test]
    fn what_is_not_a_date() {
        use DateOrder::*;
        for bad in [
            "",
            "yesterday",
            "14/3/2024",
            "2024-02-30",
            "3/14/2024 25:00",
            "12345",
        ] {
            assert_eq!(moment(bad, MonthFirst), None, "{bad}");
        }
        assert_eq!(day("next Tuesday", DayFirst), None);
        assert_eq!(day("2024-03-20", DayFirst), Day::from_ymd(2024, 3, 20));
    }

    #[test]
    fn twelve_oclock_and_the_edges_of_a_day() {
        use DateOrder::*;
        assert_eq!(moment("3/14/2024 12:00 am", MonthFirst), at(0, 0, 0));
        assert_eq!(moment("3/14/2024 12:00 pm", MonthFirst), at(12, 0, 0));
        assert_eq!(moment("3/14/2024 1:00 p.m.", MonthFirst), at(13, 0, 0));
        assert_eq!(moment("3/14/2024 11:59 P. M.", MonthFirst), at(23, 59, 0));
        assert_eq!(moment("3/14/2024 23:59:59", MonthFirst), at(23, 59, 59));
        assert_eq!(moment("3/14/2024 0:00:00", MonthFirst), at(0, 0, 0));
        for bad in [
            "3/14/2024 0:30 am",
            "3/14/2024 13:00 pm",
            "3/14/2024 24:00",
            "3/14/2024 10:60",
            "3/14/2024 10:59:60",
        ] {
            assert_eq!(moment(bad, MonthFirst), None, "{bad}");
        }
        // "a" or "p" not followed by "m" is no half of the day: the time stays as written.
        assert_eq!(moment("3/14/2024 9:05 a", MonthFirst), at(9, 5, 0));
        assert_eq!(moment("3/14/2024 9:05 p x", MonthFirst), at(9, 5, 0));
        // Nor is any other letter before an "m": twelve stays noon.
        assert_eq!(moment("3/14/2024 12:05 o m", MonthFirst), at(12, 5, 0));
        assert_eq!(moment("3/14/2024 12:05 a x", MonthFirst), at(12, 5, 0));
        // A zone after the half of the day still counts.
        assert_eq!(moment("3/14/2024 4:05 am -05:00", MonthFirst), at(9, 5, 0));
        assert_eq!(
            moment("3/14/2024 4:05 a. m. -05:00", MonthFirst),
            at(9, 5, 0)
        );
        assert_eq!(moment("3/14/2024 4:05 A.M. -0500", MonthFirst), at(9, 5, 0));
    }

    #[test]
    fn zones_move_the_moment_to_utc() {
        use DateOrder::*;
        for utc in ["Z", " UTC", " GMT"] {
            assert_eq!(
                moment(&format!("2024-03-14 09:05:12{utc}"), MonthFirst),
                at(9, 5, 12)
            );
        }
        assert_eq!(
            moment("2024-03-14 04:05:12-05:00", MonthFirst),
            at(9, 5, 12)
        );
        assert_eq!(moment("2024-03-14 14:35:12+0530", MonthFirst), at(9, 5, 12));
        assert_eq!(moment("2024-03-14 01:05:12-0800", MonthFirst), at(9, 5, 12));
        assert_eq!(
            moment("2024-03-14 11:05:12+02:30", MonthFirst),
            at(8, 35, 12)
        );
        // Before 1970 in UTC is no moment a sheet row can have.
        assert_eq!(moment("1970-01-01 00:30+01:00", MonthFirst), None);
        assert_eq!(
            moment("1970-01-01 01:30+01:00", MonthFirst),
            Some(1_800_000)
        );
    }

    #[test]
    fn months_by_name_in_either_language_and_years_by_their_digits() {
        use DateOrder::*;
        let day = |y, m, d| Day::from_ymd(y, m, d);
        assert_eq!(super::day("14 Mar 24", DayFirst), day(2024, 3, 14));
        assert_eq!(super::day("2024 March 14", DayFirst), day(2024, 3, 14));
        assert_eq!(super::day("5 de mayo de 2024", DayFirst), day(2024, 5, 5));
        assert_eq!(super::day("May 5, 2024", DayFirst), day(2024, 5, 5));
        assert_eq!(super::day("1 sept 2024", DayFirst), day(2024, 9, 1));
        assert_eq!(super::day("24 dic 2024", DayFirst), day(2024, 12, 24));
        assert_eq!(super::day("2 ene 2025", DayFirst), day(2025, 1, 2));
        assert_eq!(super::day("3 January 2025", DayFirst), day(2025, 1, 3));
        // Two letters name no month; a three-digit year is no year.
        assert_eq!(super::day("14 ma 2024", DayFirst), None);
        assert_eq!(super::day("14 Mar 202", DayFirst), None);
        assert_eq!(super::day("3/14/202", MonthFirst), None);
        assert_eq!(super::day("003/14/2024", MonthFirst), None);
        assert_eq!(super::day("3/014/2024", MonthFirst), None);
        assert_eq!(super::day("2024/3/5", DayFirst), day(2024, 3, 5));
        assert_eq!(super::day("5/3/2024", DayFirst), day(2024, 3, 5));
        assert_eq!(super::day("5/3/2024", MonthFirst), day(2024, 5, 3));
        // A number too long for any date does not overflow.
        assert_eq!(
            super::day("99999999999999999999999/1/2024", MonthFirst),
            None
        );
        assert_eq!(super::day("5/3/2024 extra 7", MonthFirst), None);
    }

    #[test]
    fn only_a_day_or_month_above_twelve_settles_the_order_and_never_a_year() {
        use DateOrder::*;
        assert_eq!(DateOrder::of_cells(["13/12/2024"], MonthFirst), DayFirst);
        assert_eq!(DateOrder::of_cells(["12/13/2024"], DayFirst), MonthFirst);
        assert_eq!(DateOrder::of_cells(["12/12/2024"], DayFirst), DayFirst);
        // Twelve itself is a month: it settles nothing.
        assert_eq!(DateOrder::of_cells(["12/5/2024"], MonthFirst), MonthFirst);
        assert_eq!(DateOrder::of_cells(["5/12/2024"], DayFirst), DayFirst);
        assert_eq!(DateOrder::of_cells(["13/13/2024"], MonthFirst), MonthFirst);
        assert_eq!(DateOrder::of_cells(["13/13/2024"], DayFirst), DayFirst);
        // A year written first is no day: "2024/13/1" settles nothing.
        assert_eq!(DateOrder::of_cells(["2024/13/1"], DayFirst), DayFirst);
        assert_eq!(DateOrder::of_cells(["2024/1/13"], MonthFirst), MonthFirst);
        // Cells that disagree settle nothing either.
        let both = ["13/1/2024", "1/13/2024"];
        assert_eq!(DateOrder::of_cells(both, MonthFirst), MonthFirst);
        assert_eq!(DateOrder::of_cells(both, DayFirst), DayFirst);
        // The time does not count as a date's numbers.
        assert_eq!(
            DateOrder::of_cells(["3/4/2024 13:14:15"], MonthFirst),
            MonthFirst
        );
    }

    #[test]
    fn a_day_above_twelve_settles_the_order() {
        use DateOrder::*;
        let us = ["3/4/2024 10:00:00", "3/14/2024 10:00:00"];
        assert_eq!(DateOrder::of_cells(us, DayFirst), MonthFirst);
        let es = ["3/4/2024 10:00:00", "14/3/2024 10:00:00"];
        assert_eq!(DateOrder::of_cells(es, MonthFirst), DayFirst);
        assert_eq!(DateOrder::of_cells(["3/4/2024"], DayFirst), DayFirst);
        assert_eq!(DateOrder::of_cells(["2024-03-14"], MonthFirst), MonthFirst);
    }
}
