//! The part of a search word that its plural and other simple forms share, in English and
//! Spanish: "groceries" and "grocery" both search for "grocer", "comidas" and "comida" for
//! "comid", "medicinas" and "medicine" for "medicin". A search finds the words that contain
//! it, so the stem finds every form. Only the endings people type are taken off; a short word
//! is left whole, so the first letters of a word being typed search for exactly those letters.

/// The stem of a folded (lower-case, unaccented) search word.
pub fn stem(word: &str) -> &str {
    let len = word.chars().count();
    if len < 4 || !word.is_ascii() {
        // Short words, and words of other scripts, whose endings these rules do not know.
        return word;
    }
    // English verb forms: "driving", "shopping", "cooked". A short base is kept whole
    // ("thing", "speed", "pared").
    for (ending, shortest_base) in [("ing", 3), ("ed", 4)] {
        if let Some(base) = word.strip_suffix(ending) {
            if base.len() >= shortest_base {
                return undouble(base);
            }
        }
    }
    let singular = plural_stripped(word);
    // A final vowel that marks gender or number in Spanish ("comida", "huevo", "leche") or an
    // English silent e ("medicine", "table"); and "y" for the "ies" of an English plural.
    let bytes = singular.as_bytes();
    match bytes {
        [.., b'a' | b'o' | b'e'] if bytes.len() >= 5 => &singular[..singular.len() - 1],
        [.., before, b'y'] if bytes.len() >= 4 && !is_vowel(*before) => {
            &singular[..singular.len() - 1]
        }
        _ => singular,
    }
}

/// `word` without a plural ending: "groceries" → "grocer", "boxes" → "box", "rides" → "ride".
fn plural_stripped(word: &str) -> &str {
    if word.len() >= 5 {
        if let Some(base) = word.strip_suffix("ies") {
            return base;
        }
        if let Some(base) = word.strip_suffix("es") {
            if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
                return base;
            }
        }
    }
    match word.as_bytes() {
        // "glass", "bus", "this" end in s without being plurals.
        [.., b's' | b'u' | b'i', b's'] => word,
        [.., b's'] => &word[..word.len() - 1],
        _ => word,
    }
}

/// "shopp" → "shop": the consonant English doubles before "-ing" and "-ed". Not "ll", "ss" or
/// "zz", which stay ("filling", "dressed").
fn undouble(base: &str) -> &str {
    match base.as_bytes() {
        [.., a, b] if a == b && !is_vowel(*a) && !matches!(a, b'l' | b's' | b'z') => {
            &base[..base.len() - 1]
        }
        _ => base,
    }
}

fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_singular_share_a_stem() {
        for forms in [
            ["groceries", "grocery"],
            ["rides", "ride"],
            ["comidas", "comida"],
            ["medicinas", "medicina"],
            ["medicines", "medicine"],
            ["babies", "baby"],
            ["boxes", "box"],
            ["lunches", "lunch"],
            ["papeles", "papel"],
            ["ciudades", "ciudad"],
            ["huevos", "huevo"],
            ["tables", "table"],
            ["families", "family"],
            ["toys", "toy"],
        ] {
            let [plural, singular] = forms;
            let (a, b) = (stem(plural), stem(singular));
            assert!(
                plural.contains(a) && singular.contains(a) && singular.contains(b),
                "{plural} → {a}, {singular} → {b}"
            );
            assert!(a == b || b.contains(a) || a.contains(b), "{a} / {b}");
        }
    }

    #[test]
    fn stems_of_common_words() {
        let cases = [
            ("groceries", "grocer"),
            ("grocery", "grocer"),
            ("comidas", "comid"),
            ("medicinas", "medicin"),
            ("medicine", "medicin"),
            ("driving", "driv"),
            ("shopping", "shop"),
            ("filling", "fill"),
            ("needed", "need"),
            ("transporte", "transport"),
            ("glass", "glass"),
            ("bus", "bus"),
            ("this", "this"),
            ("rice", "rice"),
            ("ride", "ride"),
            ("cafe", "cafe"),
            ("used", "used"),
            ("thing", "thing"),
            ("speed", "speed"),
            ("cooked", "cook"),
            ("clothes", "cloth"),
            ("frijoles", "frijol"),
            // The shortest bases and words each rule takes, and the letters it leaves.
            ("eating", "eat"),
            ("seeing", "see"),
            ("dressed", "dress"),
            ("huevo", "huev"),
            ("leche", "lech"),
            ("baby", "bab"),
            ("family", "famil"),
            ("monkey", "monkey"),
            ("days", "day"),
            ("buses", "bus"),
            ("dishes", "dish"),
            ("aches", "ach"),
            ("ashes", "ash"),
            // A word these English and Spanish rules do not know is searched whole.
            ("straße", "straße"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn a_word_being_typed_is_searched_as_typed() {
        for partial in [
            "c",
            "co",
            "com",
            "r",
            "ri",
            "rid",
            "gro",
            "nan",
            "при",
            "привет",
        ] {
            assert_eq!(stem(partial), partial);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_stem_is_a_beginning_of_its_word(word in "[a-zñé]{0,12}") {
            proptest::prop_assert!(word.starts_with(stem(&word)));
            proptest::prop_assert!(!stem(&word).is_empty() || word.is_empty());
        }
    }
}
