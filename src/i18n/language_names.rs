//! Languages people speak, shown by their own names ("Español", "العربية") where a post holds a
//! code ("es", "ar"), so a reader recognises their language whatever language the app shows.
//! Anything that is not a known code (a name the author typed, "Spanish") is shown as typed.

/// Own names of the languages neighbourhood mutual-aid groups most often list, by their
/// ISO 639 code.
const NAMES: [(&str, &str); 30] = [
    ("am", "አማርኛ"),
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fr", "Français"),
    ("hi", "हिन्दी"),
    ("hmn", "Hmoob"),
    ("ht", "Kreyòl ayisyen"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("ne", "नेपाली"),
    ("pl", "Polski"),
    ("ps", "پښتو"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("sw", "Kiswahili"),
    ("ti", "ትግርኛ"),
    ("tl", "Tagalog"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("yue", "粵語"),
    ("zh", "中文"),
];

/// The own name of the language a tag like `es` or `es-MX` names, if it is one of [`NAMES`].
pub fn language_name(tag: &str) -> Option<&'static str> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    NAMES
        .iter()
        .find(|(code, _)| *code == primary)
        .map(|(_, name)| *name)
}

/// A post's languages as a reader sees them: each code by its own name, the rest as typed,
/// separated by commas.
pub fn language_list(tags: &[String]) -> String {
    tags.iter()
        .map(|tag| language_name(tag).unwrap_or(tag.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_as_names_and_typed_names_stay() {
        let tags = ["en", "es-MX", "AR", "Spanish", "Tagalog"].map(String::from);
        assert_eq!(
            language_list(&tags),
            "English, Español, العربية, Spanish, Tagalog"
        );
        assert_eq!(language_name("english"), None);
    }

    #[test]
    fn the_table_is_sorted_and_has_no_twins() {
        assert!(NAMES.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn every_shipped_language_has_its_own_name() {
        for lang in super::super::Lang::ALL {
            assert_eq!(language_name(lang.code()), Some(lang.native_name()));
        }
    }
}
