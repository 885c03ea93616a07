//! Text search that ignores case and accents ("cafe" finds "Café"), with a cache of each post's
//! folded text so a search over 10,000 posts scans prepared text instead of re-folding it on
//! every keystroke.
//!
//! The cache lives inside the board but is not part of it: it is not saved, and two boards
//! compare equal whatever their caches hold. An entry is keyed by the stamps of the fields it
//! was folded from, so an edit or a merge makes it stale by itself.

use super::clock::Stamp;
use super::id::RecordId;
use super::post::Post;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, Mutex, MutexGuard};

/// Folded search text per post. Cloning a board clones the entries (cheaply: they are shared).
#[derive(Default)]
pub struct SearchCache(Mutex<Entries>);

type Entries = HashMap<RecordId, Entry, BuildHasherDefault<IdHasher>>;

/// Record ids are already random, so they hash as themselves.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[derive(Clone)]
struct Entry {
    stamps: [Stamp; 3],
    text: Arc<str>,
}

impl SearchCache {
    fn entries(&self) -> MutexGuard<'_, Entries> {
        // A panic while the lock was held leaves at worst a stale entry, which is re-checked
        // by its stamps anyway.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps `posts` whose title, details or area contain every one of `words` (already
    /// folded).
    pub(crate) fn retain_matching(
        &self,
        posts: &mut Vec<&Post>,
        words: &[String],
        all: &BTreeMap<RecordId, Post>,
    ) {
        let mut entries = self.entries();
        posts.retain(|post| {
            let stamps = [post.title.at, post.details.at, post.area.at];
            let entry = entries
                .entry(post.id)
                .and_modify(|entry| {
                    if entry.stamps != stamps {
                        *entry = Entry::new(post, stamps);
                    }
                })
                .or_insert_with(|| Entry::new(post, stamps));
            words.iter().all(|word| entry.text.contains(word.as_str()))
        });
        // Deleted and merged-away posts leave entries behind; drop them once they pile up.
        if entries.len() > 2 * all.len() + 64 {
            entries.retain(|id, _| all.contains_key(id));
        }
    }
}

impl Entry {
    fn new(post: &Post, stamps: [Stamp; 3]) -> Self {
        let mut text = String::with_capacity(
            post.title.value.len() + post.details.value.len() + post.area.value.len() + 2,
        );
        // Line breaks keep a word from matching across two fields.
        fold_into(&post.title.value, &mut text);
        text.push('\n');
        fold_into(&post.details.value, &mut text);
        text.push('\n');
        fold_into(&post.area.value, &mut text);
        Self {
            stamps,
            text: text.into(),
        }
    }
}

impl Clone for SearchCache {
    fn clone(&self) -> Self {
        Self(Mutex::new(self.entries().clone()))
    }
}

impl PartialEq for SearchCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for SearchCache {}

impl fmt::Debug for SearchCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SearchCache({} entries)", self.entries().len())
    }
}

/// Appends `text` lower-cased and without accents: "Ñandú" → "nandu". Covers the Latin
/// letters of the languages groups write in; other scripts are only lower-cased.
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // Copy the ASCII run in one go; most text is mostly ASCII.
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase().map(strip_accent));
            rest = chars.as_str();
        }
    }
}

/// `text` folded as by [`fold_into`].
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

fn strip_accent(c: char) -> char {
    match c {
        'à'..='å'
        | 'ā'
        | 'ă'
        | 'ą'
        | 'ǎ'
        | 'ạ'
        | 'ả'
        | 'ấ'
        | 'ầ'
        | 'ẩ'
        | 'ẫ'
        | 'ậ'
        | 'ắ'
        | 'ằ'
        | 'ẳ'
        | 'ẵ'
        | 'ặ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => {
            'e'
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ỉ' | 'ị' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö'
        | 'ø'
        | 'ō'
        | 'ŏ'
        | 'ő'
        | 'ơ'
        | 'ǒ'
        | 'ọ'
        | 'ỏ'
        | 'ố'
        | 'ồ'
        | 'ổ'
        | 'ỗ'
        | 'ộ'
        | 'ớ'
        | 'ờ'
        | 'ở'
        | 'ỡ'
        | 'ợ' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù'..='ü'
        | 'ũ'
        | 'ū'
        | 'ŭ'
        | 'ů'
        | 'ű'
        | 'ų'
        | 'ư'
        | 'ǔ'
        | 'ụ'
        | 'ủ'
        | 'ứ'
        | 'ừ'
        | 'ử'
        | 'ữ'
        | 'ự' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Ñandú CAFÉ Peñalolén"), "nandu cafe penalolen");
        assert_eq!(fold("Straße İstanbul"), "straße i\u{307}stanbul");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
        assert_eq!(fold("Привет"), "привет");
    }
}
