//! How a sheet's words are compared: headers and answers are folded to lower-case words without
//! accents or punctuation ("¿Qué necesitas?" → "que necesitas"), and a phrase is found only as
//! whole words, so "pet food" is about pets and "not urgent" is not "urgent".

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

/// The value whose longest phrase the folded `text` holds, longer phrases winning over shorter
/// ones (so "pet food" beats "food"), and earlier entries winning ties.
pub fn best<T: Copy>(text: &str, table: &[(T, &[&str])]) -> Option<T> {
    best_of(
        text,
        table
            .iter()
            .flat_map(|(value, phrases)| phrases.iter().map(move |phrase| (*value, *phrase))),
    )
}

/// As [`best`], over any list of (value, folded phrase) pairs.
pub fn best_of<'a, T: Copy>(
    text: &str,
    pairs: impl IntoIterator<Item = (T, &'a str)>,
) -> Option<T> {
    let mut found: Option<(usize, T)> = None;
    for (value, phrase) in pairs {
        if phrase.len() > found.map_or(0, |(len, _)| len) && has_phrase(text, phrase) {
            found = Some((phrase.len(), value));
        }
    }
    found.map(|(_, value)| value)
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
        assert!(!has_phrase("seafood", "food"));
        assert!(has_phrase("not urgent", "urgent"));
        assert_eq!(
            best("not urgent", &[(1, &["urgent"]), (2, &["not urgent"])]),
            Some(2)
        );
        assert_eq!(
            best("pet food", &[(1, &["food"]), (2, &["pet food"])]),
            Some(2)
        );
        assert_eq!(best("spaceships", &[(1, &["food"])]), None);
    }

    #[test]
    fn answers_split_on_commas_semicolons_and_lines() {
        let split: Vec<_> = pieces("Food, pet care; clothing/laundry\n ,Rides ").collect();
        assert_eq!(split, ["Food", "pet care", "clothing/laundry", "Rides"]);
    }

    #[test]
    fn yes_and_no_in_either_language() {
        for yes in ["Yes", "sí", "SI", "x", "✓", "Yes, please"] {
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
    }

    #[test]
    fn columns_are_lettered_like_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
