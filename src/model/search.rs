//! Text search that ignores case and accents ("cafe" finds "Café"), with a cache of each post's
//! folded text so a search over 10,000 posts scans prepared text instead of re-folding it on
//! every keystroke.
//!
//! The cache lives inside the board but is not part of it: it is not saved, and two boards
//! compare equal whatever their caches hold. It remembers the stamps of the fields it folded,
//! so an edit or a merge makes it stale by itself, and only changed posts are folded again.

use super::clock::Stamp;
use super::id::RecordId;
use super::post::Post;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

/// Folded search text of every post, and the last search. Cloning a board clones the cache
/// (cheaply: both are shared).
#[derive(Default)]
pub struct SearchCache(Mutex<Cached>);

#[derive(Clone, Default)]
struct Cached {
    corpus: Option<Arc<Corpus>>,
    last: Option<Arc<LastSearch>>,
}

/// The words of the last search and, per post of the corpus, whether it holds them all. Typing
/// narrows a search ("ri", "rid", "ride"), so the next one only reads the posts this one found.
struct LastSearch {
    words: Vec<String>,
    found: Vec<bool>,
}

/// Whether every post holding all of `new` holds all of `old`: each old word is inside a new one.
fn narrows(old: &[String], new: &[String]) -> bool {
    old.iter()
        .all(|old| new.iter().any(|new| new.contains(old.as_str())))
}

/// Every post's folded text end to end, in id order like the board's posts, so a search walks
/// one block of memory in step with the posts instead of looking each one up.
struct Corpus {
    text: String,
    posts: Vec<Folded>,
}

/// One post's place in the corpus.
struct Folded {
    id: RecordId,
    /// The stamps of the fields its text was folded from.
    stamps: [Stamp; 3],
    /// Where its text is in the corpus.
    span: (usize, usize),
    pairs: Pairs,
}

fn stamps(post: &Post) -> [Stamp; 3] {
    [post.title.at, post.details.at, post.area.at]
}

/// The pairs of adjacent bytes a text holds, hashed into 256 bits. A word with a pair the text
/// lacks cannot be in it, so most posts are ruled out by four machine words instead of a string
/// search: on a phone's WebAssembly that search was most of a keystroke's time.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Pairs([u64; 4]);

impl Pairs {
    fn of(text: &str) -> Self {
        let mut pairs = Self::default();
        for pair in text.as_bytes().windows(2) {
            let bit =
                (u32::from(pair[0]) << 8 | u32::from(pair[1])).wrapping_mul(0x9e37_79b1) >> 24;
            pairs.0[bit as usize / 64] |= 1 << (bit % 64);
        }
        pairs
    }

    fn union(self, other: Self) -> Self {
        Self(std::array::from_fn(|i| self.0[i] | other.0[i]))
    }

    /// Whether every pair in `other` may be in this text.
    fn covers(&self, other: &Self) -> bool {
        self.0
            .iter()
            .zip(other.0)
            .all(|(mine, theirs)| mine & theirs == theirs)
    }
}

impl Corpus {
    /// Whether the corpus was folded from exactly these posts as they are now.
    fn is_current(&self, all: &BTreeMap<RecordId, Post>) -> bool {
        self.posts.len() == all.len()
            && self
                .posts
                .iter()
                .zip(all.values())
                .all(|(folded, post)| folded.id == post.id && folded.stamps == stamps(post))
    }

    /// Per post, whether its text holds every one of `words`; only posts marked in `within`
    /// are read, when it is given.
    fn holding_all(&self, words: &[String], within: Option<&[bool]>) -> Vec<bool> {
        let needed = words
            .iter()
            .fold(Pairs::default(), |all, word| all.union(Pairs::of(word)));
        self.posts
            .iter()
            .enumerate()
            .map(|(index, folded)| {
                within.is_none_or(|within| within[index])
                    && folded.pairs.covers(&needed)
                    && words
                        .iter()
                        .all(|word| holds(&self.text[folded.span.0..folded.span.1], word))
            })
            .collect()
    }

    /// Folds the board's posts again, reusing the text of posts that did not change.
    fn build(all: &BTreeMap<RecordId, Post>, old: Option<&Corpus>) -> Self {
        let mut corpus = Corpus {
            text: String::with_capacity(old.map_or(0, |old| old.text.len())),
            posts: Vec::with_capacity(all.len()),
        };
        let mut old_posts = old.map(|old| old.posts.iter().peekable());
        for post in all.values() {
            let now = stamps(post);
            let start = corpus.text.len();
            let reused = old.zip(old_posts.as_mut()).and_then(|(old, posts)| {
                while posts.next_if(|folded| folded.id < post.id).is_some() {}
                posts
                    .next_if(|folded| folded.id == post.id && folded.stamps == now)
                    .map(|folded| (&old.text[folded.span.0..folded.span.1], folded.pairs))
            });
            let pairs = match reused {
                Some((text, pairs)) => {
                    corpus.text.push_str(text);
                    pairs
                }
                None => {
                    // Line breaks keep a word from matching across two fields.
                    fold_into(&post.title.value, &mut corpus.text);
                    corpus.text.push('\n');
                    fold_into(&post.details.value, &mut corpus.text);
                    corpus.text.push('\n');
                    fold_into(&post.area.value, &mut corpus.text);
                    Pairs::of(&corpus.text[start..])
                }
            };
            corpus.posts.push(Folded {
                id: post.id,
                stamps: now,
                span: (start, corpus.text.len()),
                pairs,
            });
        }
        corpus
    }
}

impl SearchCache {
    fn cached(&self) -> MutexGuard<'_, Cached> {
        // A panic while the lock was held leaves at worst an old corpus, which is checked
        // against the posts before use anyway.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps `posts` (in id order, from `all`) whose title, details or area contain every one
    /// of `words` (already folded).
    pub(crate) fn retain_matching(
        &self,
        posts: &mut Vec<&Post>,
        words: &[String],
        all: &BTreeMap<RecordId, Post>,
    ) {
        let mut cached = self.cached();
        let corpus = match &cached.corpus {
            Some(corpus) if corpus.is_current(all) => Arc::clone(corpus),
            old => {
                let corpus = Arc::new(Corpus::build(all, old.as_deref()));
                *cached = Cached {
                    corpus: Some(Arc::clone(&corpus)),
                    last: None,
                };
                corpus
            }
        };
        let within = cached
            .last
            .as_ref()
            .filter(|last| narrows(&last.words, words))
            .map(|last| last.found.as_slice());
        let found = corpus.holding_all(words, within);
        let mut folded = corpus.posts.iter().zip(&found).peekable();
        posts.retain(|post| {
            while folded.next_if(|(folded, _)| folded.id < post.id).is_some() {}
            folded
                .peek()
                .is_some_and(|(folded, holds)| folded.id == post.id && **holds)
        });
        cached.last = Some(Arc::new(LastSearch {
            words: words.to_vec(),
            found,
        }));
    }
}

impl Clone for SearchCache {
    fn clone(&self) -> Self {
        Self(Mutex::new(self.cached().clone()))
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
        let posts = self
            .cached()
            .corpus
            .as_ref()
            .map_or(0, |corpus| corpus.posts.len());
        write!(f, "SearchCache({posts} posts)")
    }
}

/// Whether `text` holds `word`. Words are short and a post's text a few hundred bytes: there a
/// scan for the places where the word's first and last bytes both fit beats the general string
/// search, whose set-up and bookkeeping dominate on a phone's WebAssembly. It looks at eight
/// places at once in a 64-bit word (WebAssembly without SIMD still has those). Comparing bytes
/// is exact for UTF-8: a whole character only ever matches a whole character.
fn holds(text: &str, word: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
        return true;
    };
    let Some(places) = (text.len() + 1).checked_sub(word.len()) else {
        return false;
    };
    let end = word.len() - 1;
    let matches_at = |at: usize| text[at..=at + end] == *word;
    // The high bit of each byte that is zero in `x` (and perhaps of a byte above one: those
    // places are checked in full anyway).
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let eight = |from: usize| {
        text.get(from..from + 8)
            .and_then(|bytes| <[u8; 8]>::try_from(bytes).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let (firsts, lasts) = (ONES * u64::from(first), ONES * u64::from(last));
    let mut at = 0;
    while at + 8 <= places {
        let mut candidates = zero_bytes(eight(at) ^ firsts) & zero_bytes(eight(at + end) ^ lasts);
        while candidates != 0 {
            if matches_at(at + candidates.trailing_zeros() as usize / 8) {
                return true;
            }
            candidates &= candidates - 1;
        }
        at += 8;
    }
    (at..places).any(|at| text[at] == first && text[at + end] == last && matches_at(at))
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

    proptest::proptest! {
        #[test]
        fn holds_agrees_with_the_standard_search(text in "[abé \n]{0,40}", word in "[abé]{1,5}") {
            proptest::prop_assert_eq!(holds(&text, &word), text.contains(word.as_str()));
        }
    }

    #[test]
    fn a_word_is_found_anywhere_and_only_whole() {
        assert!(holds("rice", "rice"));
        assert!(holds("brown rice", "rice"));
        assert!(holds("rice bags", "r"));
        assert!(holds("nandu ñandú", "ñandú"));
        assert!(!holds("ric", "rice"));
        assert!(!holds("rinse", "rice"));
        assert!(!holds("", "r"));
        assert!(holds("anything", ""));
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Ñandú CAFÉ Peñalolén"), "nandu cafe penalolen");
        assert_eq!(fold("Straße İstanbul"), "straße i\u{307}stanbul");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
        assert_eq!(fold("Привет"), "привет");
    }
}
