//! Phone numbers as people type them ("+1 (555) 010-0199", "0044 20 7946 0000", "600 000 000"
//! with the group's default country code), read into one international form, E.164: `+`, the
//! country calling code and the national number, digits only. A contact link dials exactly that,
//! so "555 0100 after 6pm" can never become a call to 55501006.
//!
//! Without the full numbering plans of every country (a large download), the checks are the
//! ones that hold everywhere: the country code is a real one (the codes form a prefix-free set,
//! so the first digits say which it is), and the whole number has 7 to 15 digits. For the
//! countries whose national numbers have a known length, that length is checked too.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What is wrong with a typed phone number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PhoneError {
    /// Letters or other text beside the number: times, names, "ext. 12", a second number.
    ExtraText,
    /// No `+` (or `00`) and country code, and the group sets no default one.
    NoCountryCode,
    /// The digits after `+` do not begin with any country calling code.
    UnknownCountryCode,
    /// Fewer digits than a number of that country has.
    TooShort,
    /// More digits than a number of that country has.
    TooLong,
}

impl fmt::Display for PhoneError {
    // For logs and developer messages; the interface translates the enum instead.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for PhoneError {}

/// A phone number in international form.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PhoneNumber {
    /// The country code and the national number, digits only.
    digits: String,
    /// How many of `digits` are the country code (1 to 3).
    code_len: usize,
}

/// E.164: at most 15 digits, country code included.
const MAX_DIGITS: usize = 15;
/// The shortest numbers in use (a few small islands) have 7 digits with their country code.
const MIN_DIGITS: usize = 7;

/// Every country calling code ITU-T E.164 assigns to a country or territory (not the global
/// services such as +800). No code is the beginning of another.
const COUNTRY_CODES: [u16; 207] = [
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211,
    212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234,
    235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253,
    254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298,
    299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377,
    378, 379, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505,
    506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675,
    676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 850, 852, 853,
    855, 856, 880, 886, 960, 961, 962, 963, 964, 965, 966, 967, 968, 970, 971, 972, 973, 974, 975,
    976, 977, 992, 993, 994, 995, 996, 998,
];

/// Lengths of the national number (after the country code) where every number of a country has
/// one of a few known lengths: the places Circle's groups are most likely in.
const NATIONAL_LENGTHS: [(u16, usize, usize); 18] = [
    (1, 10, 10),  // United States, Canada and the Caribbean (NANP)
    (7, 10, 10),  // Russia, Kazakhstan
    (33, 9, 9),   // France
    (34, 9, 9),   // Spain
    (44, 9, 10),  // United Kingdom
    (52, 10, 11), // Mexico (11 with the old mobile "1")
    (54, 10, 11), // Argentina (11 with the mobile "9")
    (55, 10, 11), // Brazil
    (56, 9, 9),   // Chile
    (57, 10, 10), // Colombia
    (58, 10, 10), // Venezuela
    (61, 9, 9),   // Australia
    (91, 10, 10), // India
    (502, 8, 8),  // Guatemala
    (503, 8, 8),  // El Salvador
    (504, 8, 8),  // Honduras
    (505, 8, 8),  // Nicaragua
    (506, 8, 8),  // Costa Rica
];

/// The digit a country's numbers start with when dialled at home (the trunk prefix), which the
/// international form drops: "020 7946 0000" in the UK is +44 20 7946 0000. Only countries
/// where it is certain: elsewhere a leading 0 is part of the number (Italy) and is kept.
const TRUNK_PREFIXES: [(u16, char); 38] = [
    (1, '1'),
    (7, '8'),
    (20, '0'),
    (27, '0'),
    (31, '0'),
    (32, '0'),
    (33, '0'),
    (40, '0'),
    (41, '0'),
    (43, '0'),
    (44, '0'),
    (46, '0'),
    (49, '0'),
    (51, '0'),
    (54, '0'),
    (58, '0'),
    (61, '0'),
    (62, '0'),
    (63, '0'),
    (64, '0'),
    (66, '0'),
    (81, '0'),
    (82, '0'),
    (84, '0'),
    (86, '0'),
    (90, '0'),
    (91, '0'),
    (92, '0'),
    (94, '0'),
    (98, '0'),
    (233, '0'),
    (234, '0'),
    (254, '0'),
    (255, '0'),
    (256, '0'),
    (353, '0'),
    (380, '0'),
    (880, '0'),
];

/// Whether `code` is a country calling code.
pub fn is_country_code(code: u16) -> bool {
    COUNTRY_CODES.binary_search(&code).is_ok()
}

impl PhoneNumber {
    /// Reads a number as a person types it: digits with spaces, dashes, dots, slashes or
    /// brackets between them; `+` or `00` and the country code first, or, when the group sets
    /// `default_code`, a national number of that country. A trunk "(0)" after the country code
    /// is dropped, as people write it in the UK and Germany.
    pub fn parse(text: &str, default_code: Option<u16>) -> Result<Self, PhoneError> {
        let typed = Typed::read(text)?;
        let (digits, trunk_zero_at) = match (typed.plus, default_code) {
            (true, _) => (typed.digits, typed.trunk_zero_at),
            (false, _) if typed.digits.starts_with("00") => typed.after_prefix(2),
            // From the US and Canada, 011 calls abroad.
            (false, Some(1)) if typed.digits.starts_with("011") => typed.after_prefix(3),
            // A national number: `national` drops its trunk prefix, "(0)" or not.
            (false, Some(code)) => (national(code, &typed.digits), None),
            (false, None) => return Err(PhoneError::NoCountryCode),
        };
        let code_len = (1..=3)
            .find(|&len| {
                digits
                    .get(..len)
                    .and_then(|code| code.parse().ok())
                    .is_some_and(is_country_code)
            })
            .ok_or(if digits.len() < 3 {
                PhoneError::TooShort
            } else {
                PhoneError::UnknownCountryCode
            })?;
        let mut digits = digits;
        if let Some(at) = trunk_zero_at {
            // "(0)" right after the country code only.
            if at == code_len && digits[at..].starts_with('0') {
                digits.remove(at);
            }
        }
        let number = Self { digits, code_len };
        number.check_length()?;
        Ok(number)
    }

    fn check_length(&self) -> Result<(), PhoneError> {
        let national = self.digits.len() - self.code_len;
        let (min, max) = NATIONAL_LENGTHS
            .iter()
            .find(|(code, _, _)| *code == self.country_code())
            .map_or(
                (
                    MIN_DIGITS.saturating_sub(self.code_len),
                    MAX_DIGITS - self.code_len,
                ),
                |&(_, min, max)| (min, max),
            );
        if national < min {
            Err(PhoneError::TooShort)
        } else if national > max {
            Err(PhoneError::TooLong)
        } else {
            Ok(())
        }
    }

    /// The country calling code: 1, 34, 502…
    pub fn country_code(&self) -> u16 {
        // Always 1 to 3 ASCII digits by construction.
        self.digits[..self.code_len].parse().unwrap_or_default()
    }

    /// The number after the country code.
    pub fn national(&self) -> &str {
        &self.digits[self.code_len..]
    }

    /// All the digits, country code first, without `+`: what `wa.me` links take.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// The E.164 form: "+15550100199". What Circle stores and dials.
    pub fn e164(&self) -> String {
        format!("+{}", self.digits)
    }

    /// For reading: "+1 5550100199", the country code apart from the national number.
    pub fn readable(&self) -> String {
        format!("+{} {}", &self.digits[..self.code_len], self.national())
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "+{}", self.digits)
    }
}

/// `text` as a number in E.164 form, or what is wrong with it. Normalizing a normalized number
/// gives it back unchanged.
pub fn normalize(text: &str, default_code: Option<u16>) -> Result<String, PhoneError> {
    PhoneNumber::parse(text, default_code).map(|number| number.e164())
}

/// A national number of the country `code` in international form: without its trunk prefix,
/// after the country code.
fn national(code: u16, digits: &str) -> String {
    let trunk = TRUNK_PREFIXES
        .iter()
        .find(|(country, _)| *country == code)
        .map(|(_, digit)| *digit);
    let national_max = NATIONAL_LENGTHS
        .iter()
        .find(|(country, _, _)| *country == code)
        .map(|(_, _, max)| *max);
    let rest = match (trunk, digits.chars().next()) {
        // A trunk "1" or "8" starts numbers that are also one digit too long without it; a
        // trunk "0" never starts a national number.
        (Some(trunk), Some(first)) if first == trunk => {
            let too_long = national_max.is_none_or(|max| digits.len() > max);
            if trunk == '0' || too_long {
                &digits[1..]
            } else {
                digits
            }
        }
        _ => digits,
    };
    format!("{code}{rest}")
}

/// What a person typed, reduced to its digits.
struct Typed {
    /// Whether it began with `+`.
    plus: bool,
    digits: String,
    /// Where in `digits` a "(0)" stood, if it did.
    trunk_zero_at: Option<usize>,
}

impl Typed {
    fn read(text: &str) -> Result<Self, PhoneError> {
        let text = text.trim();
        let (plus, rest) = match text.strip_prefix(['+', '＋']) {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut typed = Typed {
            plus,
            digits: String::with_capacity(16),
            trunk_zero_at: None,
        };
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if let Some(digit) = digit_value(c) {
                typed.digits.push(digit);
            } else if c == '(' && chars.peek() == Some(&'0') {
                // "(0)" says the 0 is dialled only at home.
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.next() == Some(')') {
                    typed.trunk_zero_at = Some(typed.digits.len());
                }
            } else if !is_separator(c) {
                return Err(PhoneError::ExtraText);
            }
            if typed.digits.len() > MAX_DIGITS + 4 {
                // Beyond any number, even with "00" or "011" first and a "(0)"; stop reading.
                return Err(PhoneError::TooLong);
            }
        }
        if typed.digits.is_empty() {
            return Err(PhoneError::TooShort);
        }
        Ok(typed)
    }

    /// The digits after an international prefix of `len` digits ("00", "011"), with the place
    /// of a "(0)" counted from there.
    fn after_prefix(&self, len: usize) -> (String, Option<usize>) {
        let at = self.trunk_zero_at.and_then(|at| at.checked_sub(len));
        (self.digits[len..].to_string(), at)
    }
}

/// The digit a character stands for: ASCII, full-width (as Japanese and Chinese keyboards type
/// them) and Arabic-Indic digits.
fn digit_value(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => '0',
        '０'..='９' => '０',
        '٠'..='٩' => '٠',
        '۰'..='۹' => '۰',
        _ => return None,
    };
    char::from_digit(u32::from(c) - u32::from(zero), 10)
}

/// The marks people put between digit groups, including the dashes and spaces phones put in
/// on their own when text is pasted.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '(' | ')' | '‐' | '‑' | '‒' | '–' | '—')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn e164(text: &str) -> Result<String, PhoneError> {
        normalize(text, None)
    }

    #[test]
    fn reads_numbers_as_people_type_them() {
        assert_eq!(e164("+1 555 010 0199"), Ok("+15550100199".into()));
        assert_eq!(e164("+1 (555) 010-0199"), Ok("+15550100199".into()));
        assert_eq!(e164("+1.555.010.0199"), Ok("+15550100199".into()));
        assert_eq!(e164("  +34 600 000 000 "), Ok("+34600000000".into()));
        assert_eq!(e164("0034 600-000-000"), Ok("+34600000000".into()));
        assert_eq!(e164("+44 (0)20 7946 0000"), Ok("+442079460000".into()));
        assert_eq!(e164("+49 030/1234567"), Ok("+490301234567".into()));
        assert_eq!(e164("+52 55 1234 5678"), Ok("+525512345678".into()));
        assert_eq!(e164("+683 4002"), Ok("+6834002".into()));
        assert_eq!(
            e164("＋３４ ６００ ０００ ０００"),
            Ok("+34600000000".into())
        );
        assert_eq!(
            e164("+1 555\u{a0}010\u{2011}0199"),
            Ok("+15550100199".into())
        );
    }

    #[test]
    fn says_what_is_wrong() {
        assert_eq!(e164("555 0100 after 6pm"), Err(PhoneError::ExtraText));
        assert_eq!(e164("+1 555 010 0199 ext. 4"), Err(PhoneError::ExtraText));
        assert_eq!(
            e164("+1 555 010 0199 or +1 555 010 0198"),
            Err(PhoneError::ExtraText)
        );
        assert_eq!(
            e164("+1 555 010 0199, evenings"),
            Err(PhoneError::ExtraText)
        );
        assert_eq!(e164("555 010 0199"), Err(PhoneError::NoCountryCode));
        assert_eq!(e164("+1 555 0100"), Err(PhoneError::TooShort));
        assert_eq!(e164("+1 555 010 01999"), Err(PhoneError::TooLong));
        assert_eq!(e164("+34 600 000 00"), Err(PhoneError::TooShort));
        assert_eq!(e164("+999 1234 5678"), Err(PhoneError::UnknownCountryCode));
        assert_eq!(e164("+"), Err(PhoneError::TooShort));
        assert_eq!(e164("--"), Err(PhoneError::TooShort));
        assert_eq!(e164("+49 12"), Err(PhoneError::TooShort));
        assert_eq!(e164("+49 1234 5678 9012 34"), Err(PhoneError::TooLong));
        assert_eq!(e164(&"1".repeat(10_000)), Err(PhoneError::TooLong));
    }

    #[test]
    fn a_group_default_reads_national_numbers() {
        let us = |text| normalize(text, Some(1));
        assert_eq!(us("(555) 010-0199"), Ok("+15550100199".into()));
        assert_eq!(us("1 555 010 0199"), Ok("+15550100199".into()));
        assert_eq!(us("011 34 600 000 000"), Ok("+34600000000".into()));
        assert_eq!(us("+34 600 000 000"), Ok("+34600000000".into()));
        assert_eq!(us("555 0100"), Err(PhoneError::TooShort));
        assert_eq!(
            normalize("600 000 000", Some(34)),
            Ok("+34600000000".into())
        );
        assert_eq!(
            normalize("020 7946 0000", Some(44)),
            Ok("+442079460000".into())
        );
        // Italy keeps its leading 0 in the international form.
        assert_eq!(
            normalize("06 1234 5678", Some(39)),
            Ok("+390612345678".into())
        );
        assert_eq!(
            normalize("8 912 345 67 89", Some(7)),
            Ok("+79123456789".into())
        );
    }

    /// The edges of reading: where a "(0)" stands, how many digits are read before giving up,
    /// when a trunk prefix is dropped, and the digits of other scripts. A number read wrong
    /// dials a stranger.
    #[test]
    fn reads_to_the_edges_of_what_people_type() {
        // "(0)" is dropped right after the country code only; "(0" alone is a bracket and a 0.
        assert_eq!(e164("+49 (0)30 1234567"), Ok("+49301234567".into()));
        assert_eq!(e164("+49 30 (0)1234567"), Ok("+493001234567".into()));
        assert_eq!(e164("+49 (030 1234567"), Ok("+490301234567".into()));
        // Eighteen digits are read (a 15-digit number after "011"); a nineteenth is too many.
        let us = |text| normalize(text, Some(1));
        assert_eq!(us("011 49 1234 5678 9012 3"), Ok("+491234567890123".into()));
        assert_eq!(us("011 49 1234 5678 9012 34"), Err(PhoneError::TooLong));
        // "00" or "011" first, then "(0)" after the country code: dropped as after "+". And
        // nineteen digits are read when one is that "(0)".
        assert_eq!(e164("0044 (0)20 7946 0000"), Ok("+442079460000".into()));
        assert_eq!(
            us("011 49 (0)1234 5678 9012 3"),
            Ok("+491234567890123".into())
        );
        assert_eq!(us("0034 600 000 000"), Ok("+34600000000".into()));
        // Too few digits to hold a country code, against digits that hold none.
        assert_eq!(e164("+99"), Err(PhoneError::TooShort));
        assert_eq!(e164("+999"), Err(PhoneError::UnknownCountryCode));
        assert_eq!(e164("+683 400"), Err(PhoneError::TooShort));
        // A trunk "8" is dropped only from a number one digit too long with it: St Petersburg's
        // numbers begin with 812. A trunk "0" always, even before the shorter national length.
        let russia = |text| normalize(text, Some(7));
        assert_eq!(russia("812 345 67 89"), Ok("+78123456789".into()));
        assert_eq!(russia("8 812 345 67 89"), Ok("+78123456789".into()));
        assert_eq!(
            normalize("020 794 6000", Some(44)),
            Ok("+44207946000".into())
        );
        // Typed without its trunk "0", a number keeps its first digit.
        assert_eq!(
            normalize("20 7946 0000", Some(44)),
            Ok("+442079460000".into())
        );
        // Arabic-Indic and Eastern Arabic-Indic digits, and dashes phones put in.
        assert_eq!(e164("+٣٤ ٦٠٠ ٠٠٠ ٠٠٩"), Ok("+34600000009".into()));
        assert_eq!(e164("+۳۴ ۶۰۰ ۰۰۰ ۰۰۹"), Ok("+34600000009".into()));
        assert_eq!(e164("+1 555–010—0199"), Ok("+15550100199".into()));
        assert_eq!(e164("+1 555‐010‒0199"), Ok("+15550100199".into()));
    }

    #[test]
    fn parts_of_a_number() {
        let number = PhoneNumber::parse("+502 5555 0100", None).unwrap();
        assert_eq!(number.country_code(), 502);
        assert_eq!(number.national(), "55550100");
        assert_eq!(number.digits(), "50255550100");
        assert_eq!(number.readable(), "+502 55550100");
        assert_eq!(number.to_string(), "+50255550100");
    }

    #[test]
    fn no_country_code_begins_another() {
        for a in COUNTRY_CODES {
            for b in COUNTRY_CODES {
                let (a, b) = (a.to_string(), b.to_string());
                assert!(a == b || !b.starts_with(&a), "{a} begins {b}");
            }
        }
        assert!(COUNTRY_CODES.windows(2).all(|w| w[0] < w[1]), "sorted");
        for (code, _, _) in NATIONAL_LENGTHS {
            assert!(is_country_code(code), "{code}");
        }
        for (code, _) in TRUNK_PREFIXES {
            assert!(is_country_code(code), "{code}");
        }
    }

    /// Digits and the marks people put between them, sometimes with a `+` or `00` first; half
    /// of them begin with a real country code, so many are numbers.
    fn typed() -> impl Strategy<Value = String> {
        let start = prop_oneof![
            "(\\+|00)?".boxed(),
            prop::sample::select(COUNTRY_CODES.to_vec())
                .prop_map(|code| format!("+{code} "))
                .boxed(),
        ];
        (start, "[0-9 ().\\-/]{0,24}").prop_map(|(start, rest)| start + &rest)
    }

    proptest! {
        #[test]
        fn normalizing_twice_changes_nothing(
            text in typed(),
            default in proptest::option::of(prop::sample::select(COUNTRY_CODES.to_vec())),
        ) {
            if let Ok(once) = normalize(&text, default) {
                prop_assert_eq!(normalize(&once, default), Ok(once.clone()));
                prop_assert_eq!(normalize(&once, None), Ok(once));
            }
        }

        #[test]
        fn a_written_number_reads_back_the_same(
            code in prop::sample::select(COUNTRY_CODES.to_vec()),
            national in "[1-9][0-9]{3,13}",
        ) {
            if let Ok(number) = PhoneNumber::parse(&format!("+{code}{national}"), None) {
                prop_assert_eq!(PhoneNumber::parse(&number.readable(), None), Ok(number.clone()));
                prop_assert_eq!(PhoneNumber::parse(&number.e164(), None), Ok(number.clone()));
                prop_assert_eq!(number.country_code(), code);
            }
        }

        #[test]
        fn any_letter_is_extra_text(
            before in "[0-9 ]{0,8}",
            letter in "[a-zA-Zá-ú:,;#*]",
            after in "[0-9 ]{0,8}",
        ) {
            prop_assert_eq!(
                normalize(&format!("+1 {before}{letter}{after}"), None),
                Err(PhoneError::ExtraText)
            );
        }
    }
}
