//! Reads the opening hours people write for a place ("Always open", "Mon–Fri 9:00–17:00",
//! "Saturdays 10am–1pm", "Lun a Vie 9–17", "Noon to 8 pm") well enough to answer "open now?".
//! Hours it cannot read give no answer, never a wrong one: the place then shows its hours as
//! written and is left out of "open now".

/// A moment in the place's week: `weekday` 0 is Monday, `minute` counts from midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekMoment {
    pub weekday: u8,
    pub minute: u16,
}

const ALWAYS: [&str; 7] = [
    "always open",
    "24/7",
    "24 hours",
    "open 24",
    "siempre abierto",
    "24 horas",
    "abierto siempre",
];

/// Whether a place with these `hours` is open at `at`; `None` when the hours cannot be read.
/// Clauses apart (separated by `;` or a new line) each name their days, or every day.
pub fn open_at(hours: &str, at: WeekMoment) -> Option<bool> {
    let text = fold(hours);
    if ALWAYS.iter().any(|phrase| text.contains(phrase)) {
        return Some(true);
    }
    let mut answer = None;
    for clause in text.split([';', '\n']) {
        let tokens = tokens(clause);
        let ranges = times(&tokens);
        if ranges.is_empty() {
            continue;
        }
        let days = days(&tokens);
        let open = ranges
            .iter()
            .any(|&(start, end)| open_in(days, start, end, at));
        answer = Some(answer.unwrap_or(false) || open);
    }
    answer
}

/// Whether `at` falls in `start..end` on one of `days` (a bit a weekday); a range that ends
/// after midnight belongs to the day it starts on.
fn open_in(days: u8, start: u16, end: u16, at: WeekMoment) -> bool {
    let on = |weekday: u8| days & (1 << weekday) != 0;
    if start < end {
        on(at.weekday) && (start..end).contains(&at.minute)
    } else {
        let yesterday = (at.weekday + 6) % 7;
        (on(at.weekday) && at.minute >= start) || (on(yesterday) && at.minute < end)
    }
}

/// Lower case without the accents Spanish hours carry, and one kind of dash.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            '–' | '—' | '‒' => '-',
            other => other,
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    /// A time as written: hours, minutes.
    Time(u16, u16),
    Dash,
}

fn tokens(clause: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = clause.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut hours = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                hours.push(d);
                chars.next();
            }
            let mut minutes = String::new();
            if matches!(chars.peek(), Some(':' | '.' | 'h')) {
                chars.next();
                while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    minutes.push(d);
                    chars.next();
                }
            }
            let hours = hours.parse().unwrap_or(99);
            let minutes = minutes.parse().unwrap_or(0);
            out.push(Token::Time(hours, minutes));
        } else if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&l) = chars.peek().filter(|l| l.is_alphabetic() || **l == '.') {
                if l != '.' {
                    word.push(l);
                }
                chars.next();
            }
            out.push(Token::Word(word));
        } else {
            if c == '-' {
                out.push(Token::Dash);
            }
            chars.next();
        }
    }
    out
}

fn is_range_word(token: &Token) -> bool {
    matches!(token, Token::Dash)
        || matches!(token, Token::Word(w) if ["to", "a", "through", "until", "till", "hasta", "al"].contains(&w.as_str()))
}

/// A time of day in minutes, from a time and the word after it (am, pm).
fn minutes(hours: u16, minutes: u16, after: Option<&Token>) -> Option<(u16, Option<bool>)> {
    let pm = match after {
        Some(Token::Word(w)) if w == "pm" => Some(true),
        Some(Token::Word(w)) if w == "am" => Some(false),
        _ => None,
    };
    let hours = match pm {
        Some(true) if hours < 12 => hours + 12,
        Some(false) if hours == 12 => 0,
        _ => hours,
    };
    (hours <= 24 && minutes < 60).then_some((hours * 60 + minutes, pm))
}

/// A time at `tokens[i]`: a number, or noon or midnight; with the index after it.
fn time_at(tokens: &[Token], i: usize) -> Option<(u16, Option<bool>, usize)> {
    match tokens.get(i)? {
        Token::Time(h, m) => {
            let after = tokens.get(i + 1);
            let (minute, pm) = minutes(*h, *m, after)?;
            let used = usize::from(pm.is_some());
            Some((minute, pm, i + 1 + used))
        }
        Token::Word(w) if w == "noon" || w == "mediodia" => Some((12 * 60, Some(true), i + 1)),
        Token::Word(w) if w == "midnight" || w == "medianoche" => Some((24 * 60, None, i + 1)),
        _ => None,
    }
}

/// Every "from to" time range in a clause, in minutes.
fn times(tokens: &[Token]) -> Vec<(u16, u16)> {
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((start, start_pm, next)) = time_at(tokens, i) else {
            i += 1;
            continue;
        };
        if !tokens.get(next).is_some_and(is_range_word) {
            i = next;
            continue;
        }
        let Some((mut end, end_pm, after)) = time_at(tokens, next + 1) else {
            i = next;
            continue;
        };
        // "9-5" and "10-2pm": an end before the start, written without am, is in the afternoon.
        if end <= start && start_pm.is_none() && end_pm != Some(false) && end + 12 * 60 > start {
            end += 12 * 60;
        }
        ranges.push((start, end.min(24 * 60)));
        i = after;
    }
    ranges
}

/// The weekday a word names, 0 for Monday.
fn weekday(word: &str) -> Option<u8> {
    const NAMES: [&[&str]; 7] = [
        &["mon", "monday", "mondays", "lun", "lunes"],
        &["tue", "tues", "tuesday", "tuesdays", "mar", "martes"],
        &["wed", "wednesday", "wednesdays", "mie", "miercoles"],
        &[
            "thu",
            "thur",
            "thurs",
            "thursday",
            "thursdays",
            "jue",
            "jueves",
        ],
        &["fri", "friday", "fridays", "vie", "viernes"],
        &["sat", "saturday", "saturdays", "sab", "sabado", "sabados"],
        &["sun", "sunday", "sundays", "dom", "domingo", "domingos"],
    ];
    NAMES
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|day| u8::try_from(day).ok())
}

/// The days a clause names, a bit a weekday; every day when it names none.
fn days(tokens: &[Token]) -> u8 {
    const EVERY_DAY: u8 = 0b111_1111;
    let words: Vec<&str> = tokens
        .iter()
        .map(|token| match token {
            Token::Word(w) => w.as_str(),
            Token::Dash => "-",
            Token::Time(..) => "",
        })
        .collect();
    let text = words.join(" ");
    if text.contains("weekend")
        || text.contains("fines de semana")
        || text.contains("fin de semana")
    {
        return 0b110_0000;
    }
    if text.contains("weekday") || text.contains("entre semana") {
        return 0b001_1111;
    }
    let mut days = 0u8;
    let mut i = 0;
    while i < tokens.len() {
        let Some(first) = words.get(i).and_then(|w| weekday(w)) else {
            i += 1;
            continue;
        };
        let last = tokens
            .get(i + 1)
            .filter(|token| is_range_word(token))
            .and_then(|_| words.get(i + 2))
            .and_then(|w| weekday(w));
        match last {
            Some(last) => {
                let mut day = first;
                loop {
                    days |= 1 << day;
                    if day == last {
                        break;
                    }
                    day = (day + 1) % 7;
                }
                i += 3;
            }
            None => {
                days |= 1 << first;
                i += 1;
            }
        }
    }
    if days == 0 {
        EVERY_DAY
    } else {
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MON: u8 = 0;
    const TUE: u8 = 1;
    const THU: u8 = 3;
    const FRI: u8 = 4;
    const SAT: u8 = 5;
    const SUN: u8 = 6;

    fn at(weekday: u8, hours: u16, minutes: u16) -> WeekMoment {
        WeekMoment {
            weekday,
            minute: hours * 60 + minutes,
        }
    }

    #[test]
    fn hours_as_groups_write_them() {
        let cases: &[(&str, WeekMoment, Option<bool>)] = &[
            ("Always open", at(SUN, 3, 0), Some(true)),
            ("Abierto 24 horas", at(MON, 3, 0), Some(true)),
            ("Saturdays 10:00–13:00", at(SAT, 10, 0), Some(true)),
            ("Saturdays 10:00–13:00", at(SAT, 13, 0), Some(false)),
            ("Saturdays 10:00–13:00", at(SUN, 11, 0), Some(false)),
            ("Tue & Thu 10:00–14:00", at(THU, 13, 59), Some(true)),
            ("Tue & Thu 10:00–14:00", at(FRI, 12, 0), Some(false)),
            ("Mon-Fri 9am-5pm", at(FRI, 16, 30), Some(true)),
            ("Mon-Fri 9am-5pm", at(SAT, 16, 30), Some(false)),
            ("Mon-Fri 9-5", at(TUE, 16, 0), Some(true)),
            ("Lun a Vie 9:00-17:00", at(MON, 8, 59), Some(false)),
            ("Lun a Vie 9:00-17:00", at(MON, 9, 0), Some(true)),
            (
                "Every day 12:00–20:00 during heat alerts",
                at(SUN, 19, 0),
                Some(true),
            ),
            (
                "Noon to 8 pm on heat-advisory days",
                at(TUE, 12, 30),
                Some(true),
            ),
            (
                "Noon to 8 pm on heat-advisory days",
                at(TUE, 21, 0),
                Some(false),
            ),
            (
                "Fri-Sun 10am-2pm; Mon 18:00-20:00",
                at(MON, 19, 0),
                Some(true),
            ),
            (
                "Fri-Sun 10am-2pm; Mon 18:00-20:00",
                at(SUN, 13, 0),
                Some(true),
            ),
            (
                "Fri-Sun 10am-2pm; Mon 18:00-20:00",
                at(TUE, 13, 0),
                Some(false),
            ),
            ("Sábados de 10 a 13 h", at(SAT, 12, 0), Some(true)),
            ("Weekends 8-12", at(SUN, 9, 0), Some(true)),
            ("Weekends 8-12", at(MON, 9, 0), Some(false)),
            ("Fri 22:00-02:00", at(SAT, 1, 0), Some(true)),
            ("Fri 22:00-02:00", at(FRI, 1, 0), Some(false)),
        ];
        for (hours, moment, expected) in cases {
            assert_eq!(open_at(hours, *moment), *expected, "{hours} at {moment:?}");
        }
    }

    /// Each way of writing a time, a range, a day and a week that the reader knows, at both
    /// sides of each edge: a place wrongly "open now" sends someone on a wasted trip.
    #[test]
    fn every_way_of_writing_hours_is_read_to_the_minute() {
        const WED: u8 = 2;
        let cases: &[(&str, WeekMoment, Option<bool>)] = &[
            // Accents and every kind of dash.
            ("Miércoles 9-12", at(WED, 10, 0), Some(true)),
            ("Miércoles 9-12", at(THU, 10, 0), Some(false)),
            ("Mediodía a 8 pm", at(TUE, 13, 0), Some(true)),
            ("Noon to midnight", at(SUN, 23, 30), Some(true)),
            ("Noon to midnight", at(MON, 1, 0), Some(false)),
            ("Noon to 8 pm", at(TUE, 11, 0), Some(false)),
            // Midnight is the end of the day it is written with.
            ("Sat midnight to 6am", at(SUN, 3, 0), Some(true)),
            ("Sat midnight to 6am", at(SAT, 3, 0), Some(false)),
            ("Mediodía a medianoche", at(SUN, 11, 30), Some(false)),
            ("Mediodía a medianoche", at(SUN, 23, 30), Some(true)),
            ("Mon—Fri 9—17", at(FRI, 10, 0), Some(true)),
            ("Mon‒Fri 9‒17", at(SAT, 10, 0), Some(false)),
            ("Mon‒Fri 9‒17", at(THU, 16, 59), Some(true)),
            // Minutes after a colon, a dot or an "h"; am and pm with their dots.
            ("Lunes al viernes 9:30–17:30", at(MON, 9, 29), Some(false)),
            ("Lunes al viernes 9:30–17:30", at(MON, 9, 30), Some(true)),
            ("Lunes al viernes 9:30–17:30", at(FRI, 17, 29), Some(true)),
            ("Lunes al viernes 9:30–17:30", at(SAT, 10, 0), Some(false)),
            ("Sat 9.30-12.15", at(SAT, 12, 14), Some(true)),
            ("Sat 9.30-12.15", at(SAT, 12, 15), Some(false)),
            ("Sáb 9h30-13h", at(SAT, 9, 15), Some(false)),
            ("Sáb 9h30-13h", at(SAT, 12, 45), Some(true)),
            ("9 a.m. - 5 p.m.", at(MON, 16, 59), Some(true)),
            ("9 a.m. - 5 p.m.", at(MON, 17, 0), Some(false)),
            ("12pm-4pm", at(MON, 12, 30), Some(true)),
            ("12pm-4pm", at(MON, 0, 30), Some(false)),
            ("12am-6am", at(MON, 3, 0), Some(true)),
            ("12am-6am", at(MON, 6, 0), Some(false)),
            ("12am-6am", at(MON, 13, 0), Some(false)),
            ("0:00-24:00", at(SUN, 23, 59), Some(true)),
            // Every word that joins two times or two days.
            ("Mon through Fri 9 to 5", at(WED, 16, 0), Some(true)),
            ("Mon through Fri 9 to 5", at(WED, 17, 0), Some(false)),
            ("Mon through Fri 9 to 5", at(SUN, 16, 0), Some(false)),
            ("9 until 5", at(SUN, 12, 0), Some(true)),
            ("9 till 5", at(SUN, 8, 0), Some(false)),
            ("De 9 hasta 17", at(SAT, 16, 0), Some(true)),
            // An end before its start, written without am, is in the afternoon; with am, or
            // twelve hours or more before the start, the range runs past midnight.
            ("Mon 9-9", at(MON, 20, 0), Some(true)),
            ("Mon 9-9", at(TUE, 8, 0), Some(false)),
            ("9-5am", at(MON, 3, 0), Some(true)),
            ("9-5am", at(MON, 6, 0), Some(false)),
            ("20:00-8:00", at(TUE, 7, 0), Some(true)),
            ("20:00-8:00", at(TUE, 12, 0), Some(false)),
            // A range from a time to the same time is the whole day round.
            ("9am-9am", at(MON, 3, 0), Some(true)),
            // Past midnight into the next week; the edges of the night.
            ("Sun 22:00-02:00", at(MON, 1, 0), Some(true)),
            ("Sun 22:00-02:00", at(SUN, 1, 0), Some(false)),
            ("Fri 22:00-02:00", at(FRI, 22, 0), Some(true)),
            ("Fri 22:00-02:00", at(FRI, 21, 59), Some(false)),
            ("Fri 22:00-02:00", at(SAT, 2, 0), Some(false)),
            // Days named as a range across the week's end, as a week's part, or one by one.
            ("Sat-Mon 10-14", at(SUN, 11, 0), Some(true)),
            ("Sat-Mon 10-14", at(MON, 11, 0), Some(true)),
            ("Sat-Mon 10-14", at(TUE, 11, 0), Some(false)),
            ("Fines de semana 9-13", at(SAT, 10, 0), Some(true)),
            ("Fines de semana 9-13", at(FRI, 10, 0), Some(false)),
            ("Fin de semana 9-13", at(SUN, 10, 0), Some(true)),
            ("Weekdays 9-17", at(WED, 10, 0), Some(true)),
            ("Weekdays 9-17", at(SAT, 10, 0), Some(false)),
            ("Entre semana 9-17", at(MON, 10, 0), Some(true)),
            ("Entre semana 9-17", at(SUN, 10, 0), Some(false)),
            ("Tues, Thurs 10-14", at(THU, 11, 0), Some(true)),
            ("Tues, Thurs 10-14", at(WED, 11, 0), Some(false)),
            ("Dom 10-14", at(SUN, 11, 0), Some(true)),
            ("Mon, Wed, Fri 9-17", at(WED, 10, 0), Some(true)),
            ("Mon, Wed, Fri 9-17", at(TUE, 10, 0), Some(false)),
            // Two ranges in a day; a clause with no hours leaves the others to answer.
            ("Mon 9-12 14-17", at(MON, 13, 0), Some(false)),
            ("Mon 9-12 14-17", at(MON, 15, 0), Some(true)),
            ("Closed Sundays; Mon 9-17", at(MON, 10, 0), Some(true)),
            ("Closed Sundays; Mon 9-17", at(SUN, 10, 0), Some(false)),
            ("Open 24 hours", at(WED, 4, 0), Some(true)),
            ("24/7", at(WED, 4, 0), Some(true)),
            // Times that are no times.
            ("25:00-26:00", at(MON, 12, 0), None),
            ("9:60-17:00", at(MON, 12, 0), None),
        ];
        for (hours, moment, expected) in cases {
            assert_eq!(open_at(hours, *moment), *expected, "{hours} at {moment:?}");
        }
    }

    #[test]
    fn hours_it_cannot_read_give_no_answer() {
        for hours in ["", "Call ahead", "When the church is open", "Ask Maria"] {
            assert_eq!(open_at(hours, at(MON, 12, 0)), None, "{hours}");
        }
    }
}
