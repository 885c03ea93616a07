//! Calendar days (needed-by, available-until, expiry), kept as days since 1970-01-01 and written
//! as `YYYY-MM-DD`, so they mean the same thing in every time zone and every language.
//!
//! A date can arrive in a link anyone can craft, so no arithmetic here can overflow: the sums
//! are done in 64 bits, and a date past the last one a `Day` holds (11 July of the year
//! 5,881,580) does not exist.

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

const MS_PER_DAY: u64 = 86_400_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    /// The day (UTC) that contains the wall time `ms`; the last day there is for a time past it.
    pub fn from_ms(ms: u64) -> Self {
        Self(i32::try_from(ms / MS_PER_DAY).unwrap_or(i32::MAX))
    }

    /// Midnight UTC at the start of this day; 0 for a day before 1970.
    pub fn start_ms(self) -> u64 {
        u64::try_from(self.0)
            .unwrap_or(0)
            .saturating_mul(MS_PER_DAY)
    }

    pub fn plus(self, days: i32) -> Self {
        Self(self.0.saturating_add(days))
    }

    /// Builds a day from a civil date; `None` when the date does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Howard Hinnant's days_from_civil, in 64 bits so no year overflows.
        let y = i64::from(year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        i32::try_from(era * 146_097 + doe - 719_468).ok().map(Self)
    }

    /// The civil date (year, month, day) of this day.
    pub fn ymd(self) -> (i32, u32, u32) {
        // civil_from_days, in 64 bits: near the ends of `i32` the offset below would overflow.
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        // Both are in range by construction (1..=31 and 1..=12).
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        // Any i32 day count is within ±5.9 million years, so the year fits an i32.
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        (year, month, day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A moment as RFC 3339 in UTC, to the second: `2026-11-20T09:14:03Z`.
pub fn rfc3339(ms: u64) -> String {
    let day = Day::from_ms(ms);
    let seconds = (ms % 86_400_000) / 1000;
    format!(
        "{day}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl std::str::FromStr for Day {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{text}` is not a date like 2026-11-27");
        let mut parts = text.trim().splitn(3, '-');
        let mut number = || parts.next().and_then(|p| p.parse::<u32>().ok());
        let (Some(y), Some(m), Some(d)) = (number(), number(), number()) else {
            return Err(bad());
        };
        let year = i32::try_from(y).map_err(|_| bad())?;
        Self::from_ymd(year, m, d).ok_or_else(bad)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

struct DayVisitor;

impl Visitor<'_> for DayVisitor {
    type Value = Day;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date like 2026-11-27")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Day, E> {
        text.parse().map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DayVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates_convert_both_ways() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(
            Day::from_ymd(2026, 11, 27)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-11-27")
        );
        assert_eq!("2024-02-29".parse::<Day>().map(Day::ymd), Ok((2024, 2, 29)));
        assert!("2025-02-29".parse::<Day>().is_err());
        // The thirty-day months end on the 30th; 1900 was no leap year, 2000 was.
        for month in [4, 6, 9, 11] {
            assert!(Day::from_ymd(2026, month, 30).is_some(), "{month}");
            assert_eq!(Day::from_ymd(2026, month, 31), None, "{month}");
        }
        assert_eq!(Day::from_ymd(1900, 2, 29), None);
        assert!(Day::from_ymd(2000, 2, 29).is_some());
        assert!("27/11/2026".parse::<Day>().is_err());
    }

    #[test]
    fn the_ends_of_the_calendar_neither_overflow_nor_wrap() {
        assert_eq!(Day::from_ms(u64::MAX), Day(i32::MAX));
        assert_eq!(Day(i32::MAX).start_ms(), i32::MAX as u64 * MS_PER_DAY);
        assert_eq!(Day(i32::MIN).start_ms(), 0);
        assert_eq!(Day(i32::MAX).plus(1), Day(i32::MAX));
        assert_eq!(Day(i32::MIN).plus(-1), Day(i32::MIN));
        for day in [Day(i32::MAX), Day(i32::MIN), Day(0), Day(-1)] {
            let (y, m, d) = day.ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(day), "{day:?}");
        }
        let last = Day(i32::MAX).to_string();
        assert_eq!(last, "5881580-07-11");
        assert_eq!(last.parse::<Day>(), Ok(Day(i32::MAX)));
        assert_eq!(Day::from_ymd(5_881_580, 7, 12), None);
        assert_eq!(Day::from_ymd(i32::MAX, 12, 31), None);
        assert_eq!(Day::from_ymd(i32::MIN, 1, 1), None);
        assert!("2147483647-12-31".parse::<Day>().is_err());
        assert!("4294967295-01-01".parse::<Day>().is_err());
        assert!("99999999999-01-01".parse::<Day>().is_err());
    }

    #[test]
    fn every_day_for_two_centuries_round_trips() {
        let start = Day::from_ymd(1900, 1, 1).unwrap().0;
        for n in start..start + 73_000 {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
        }
    }
}
