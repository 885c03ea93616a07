//! How a sheet's words are compared: headers and answers are folded to lower-case words without
//! accents or punctuation ("¿Qué necesitas?" → "que necesitas"), and a phrase is found only as
//! whole words, so "pet food" is about pets and "not urgent" is not "urgent".

use std::collections::HashMap;

/// `text` folded for comparison: lower case, accents dropped, every run of anything but letters
/// and digits one space, no space at either end.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = unaccent(c);
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

fn unaccent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        other => other,
    }
}

/// Whether the folded `text` holds the folded `phrase` as whole words.
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    phrase_at(text, phrase).is_some()
}

/// Where the folded `phrase` first stands as whole words in the folded `text`.
fn phrase_at(text: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    text.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        let before = at == 0 || text.as_bytes()[at - 1] == b' ';
        let end = at + phrase.len();
        let after = end == text.len() || text.as_bytes()[end] == b' ';
        before && after
    })
}

/// Folded phrases, each naming a value. [`Phrases::best`] finds the value whose longest phrase
/// a folded text holds as whole words, longer phrases winning over shorter ones (so "pet food"
/// beats "food"), and earlier entries winning ties. Looked up by the text's word sequences, so
/// a row costs a few lookups however many phrases there are.
pub struct Phrases<T> {
    map: HashMap<String, (usize, T)>,
    max_words: usize,
}

impl<T: Copy> Phrases<T> {
    pub fn new<'a>(pairs: impl IntoIterator<Item = (T, &'a str)>) -> Self {
        let mut map = HashMap::new();
        let mut max_words = 0;
        for (order, (value, phrase)) in pairs.into_iter().enumerate() {
            if phrase.is_empty() {
                continue;
            }
            max_words = max_words.max(phrase.split(' ').count());
            map.entry(phrase.to_string()).or_insert((order, value));
        }
        Self { map, max_words }
    }

    pub fn from_table(table: &[(T, &[&str])]) -> Self {
        Self::new(
            table
                .iter()
                .flat_map(|(value, phrases)| phrases.iter().map(move |phrase| (*value, *phrase))),
        )
    }

    pub fn best(&self, folded: &str) -> Option<T> {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(folded.match_indices(' ').map(|(at, _)| at + 1))
            .collect();
        let ends: Vec<usize> = folded
            .match_indices(' ')
            .map(|(at, _)| at)
            .chain(std::iter::once(folded.len()))
            .collect();
        let mut found: Option<(usize, usize, T)> = None;
        for (first, &start) in starts.iter().enumerate() {
            for &end in ends.iter().skip(first).take(self.max_words) {
                if let Some(&(order, value)) = self.map.get(&folded[start..end]) {
                    let better = found.is_none_or(|(len, best_order, _)| {
                        end - start > len || (end - start == len && order < best_order)
                    });
                    if better {
                        found = Some((end - start, order, value));
                    }
                }
            }
        }
        found.map(|(_, _, value)| value)
    }
}

/// The answers of a multi-valued cell ("Food, pet care; clothing/laundry" or one per line), as
/// typed and trimmed.
pub fn pieces(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([',', ';', '\n', '\r', '|'])
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
}

/// Yes or no, in English or Spanish, as a form or a tick box writes it.
pub fn yes_no(cell: &str) -> Option<bool> {
    const YES: &[&str] = &[
        "yes",
        "y",
        "true",
        "checked",
        "si",
        "s",
        "x",
        "1",
        "ok",
        "sure",
        "claro",
        "por favor",
        "please",
    ];
    const NO: &[&str] = &["no", "n", "false", "0", "not", "nope"];
    let folded = fold(cell);
    let first = folded.split(' ').next().unwrap_or_default();
    if cell.trim() == "✓" || cell.trim() == "✔" || YES.contains(&folded.as_str()) {
        Some(true)
    } else if NO.contains(&first) {
        Some(false)
    } else if YES.contains(&first) {
        Some(true)
    } else {
        None
    }
}

/// `text` cut to at most `max` characters at a word boundary, with "…" when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let whole_word = text.chars().nth(max - 1).is_some_and(char::is_whitespace);
    let end = match cut.rfind(' ') {
        Some(at) if !whole_word && at > max / 2 => at,
        _ => cut.len(),
    };
    format!(
        "{}…",
        cut[..end].trim_end_matches([' ', ',', ';', '.', ':'])
    )
}

/// A spreadsheet's name for the column at `index` (from 0): A, B, … Z, AA, AB…
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_accents_and_punctuation() {
        assert_eq!(fold("¿Qué necesitas?"), "que necesitas");
        assert_eq!(
            fold("  What do you need? Check all that apply "),
            "what do you need check all that apply"
        );
        assert_eq!(fold("Teléfono / Móvil"), "telefono movil");
        assert_eq!(fold("AÑO"), "ano");
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("pet food", "food"));
        assert!(has_phrase("food bank nearby", "food"));
        assert!(!has_phrase("seafood", "food"));
        assert!(!has_phrase("foods", "food"));
        assert!(has_phrase("not urgent", "urgent"));
        let urgent = Phrases::from_table(&[(1, &["urgent"][..]), (2, &["not urgent"])]);
        assert_eq!(urgent.best("not urgent"), Some(2));
        assert_eq!(urgent.best("urgent not"), Some(1));
        let food = Phrases::from_table(&[(1, &["food", "pet"][..]), (2, &["pet food", "dog"])]);
        assert_eq!(food.best("cheap pet food please"), Some(2));
        assert_eq!(food.best("seafood"), None);
        assert_eq!(
            food.best("dog or pet"),
            Some(1),
            "a tie goes to the earlier entry"
        );
        assert_eq!(food.best("pet or dog"), Some(1), "wherever it stands");
        assert_eq!(food.best(""), None);
    }

    #[test]
    fn answers_split_on_commas_semicolons_and_lines() {
        let split: Vec<_> = pieces("Food, pet care; clothing/laundry\n ,Rides ").collect();
        assert_eq!(split, ["Food", "pet care", "clothing/laundry", "Rides"]);
    }

    #[test]
    fn yes_and_no_in_either_language() {
        for yes in ["Yes", "sí", "SI", "x", "✓", "✔", "Yes, please"] {
            assert_eq!(yes_no(yes), Some(true), "{yes}");
        }
        for no in ["No", "no, it's fine", "FALSE"] {
            assert_eq!(yes_no(no), Some(false), "{no}");
        }
        assert_eq!(yes_no("maybe"), None);
        assert_eq!(yes_no(""), None);
    }

    #[test]
    fn shortening_cuts_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("Food, pet care, clothing", 16), "Food, pet care…");
        assert!(shorten(&"x".repeat(300), 120).chars().count() <= 120);
        // A word cut through is dropped when a space stands past half the room; when the only
        // space is at half or before, the cut stays mid-word rather than lose half the title.
        assert_eq!(shorten("Groceries for the week", 12), "Groceries…");
        assert_eq!(shorten("Coffee grinder needed", 12), "Coffee grin…");
    }

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
