//! Text search that ignores case and accents ("cafe" finds "Café"), with a cache of each post's
//! folded text so a search over 10,000 posts scans prepared text instead of re-folding it on
//! every keystroke. A word is found in a post's title, details or area, or in the names of its
//! category and area (`search_labels`); words are searched by their stems (`stem`).
//!
//! The cache lives inside the board but is not part of it: it is not saved, and two boards
//! compare equal whatever their caches hold. It remembers the stamps of the fields it folded,
//! so an edit or a merge makes it stale by itself, and only changed posts are folded again.

use super::clock::Stamp;
use super::id::RecordId;
use super::post::Post;
use super::records::Records;
use super::search_labels::SearchLabels;
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
/// narrows a search ("ri", "rid", "ride"), so the next one only reads the posts this one found,
/// as long as the names it matched are the same.
struct LastSearch {
    words: Vec<String>,
    labels: SearchLabels,
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
    /// What each post's text was folded from, in the order of the posts.
    sources: Vec<Source>,
    /// Where each post's text is and what it holds, in the same order: all that a search
    /// reads, kept apart from `sources` so the walk over 10,000 posts reads little memory.
    posts: Vec<Folded>,
    /// The distinct category keys and area keys of the posts, which their names are matched
    /// against once per search instead of once per post.
    categories: Vec<String>,
    areas: Vec<String>,
}

/// The post a place in the corpus was folded from, as it was then.
#[derive(PartialEq, Eq)]
struct Source {
    id: RecordId,
    /// The stamps of the fields its text and keys were taken from.
    stamps: [Stamp; 4],
}

impl Source {
    fn of(post: &Post) -> Self {
        Self {
            id: post.id,
            stamps: [
                post.title.at,
                post.details.at,
                post.area.at,
                post.category.at,
            ],
        }
    }
}

/// One post's place in the corpus.
struct Folded {
    /// Where its text is in the corpus.
    span: (usize, usize),
    pairs: Pairs,
    /// Its category and area, as places in the corpus's lists of keys.
    category: u32,
    area: u32,
}

/// The place of `key` in `keys`, added if new.
fn intern(key: &str, keys: &mut Vec<String>, places: &mut BTreeMap<String, u32>) -> u32 {
    if let Some(&place) = places.get(key) {
        return place;
    }
    let place = u32::try_from(keys.len()).unwrap_or(u32::MAX);
    keys.push(key.to_string());
    places.insert(key.to_string(), place);
    place
}

/// Per key, a bit for each of the first 64 words that one of the key's names holds.
fn label_masks(
    keys: &[String],
    words: &[String],
    key_holds: impl Fn(&str, &str) -> bool,
) -> Vec<u64> {
    keys.iter()
        .map(|key| {
            words
                .iter()
                .take(64)
                .enumerate()
                .filter(|(_, word)| key_holds(key, word))
                .fold(0, |mask, (bit, _)| mask | 1 << bit)
        })
        .collect()
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
    fn is_current(&self, all: &Records<Post>) -> bool {
        self.sources.len() == all.len()
            && self
                .sources
                .iter()
                .zip(all.values())
                .all(|(source, post)| *source == Source::of(post))
    }

    /// Per post, whether its text or the names of its category and area hold every one of
    /// `words`; only posts marked in `within` are read, when it is given.
    fn holding_all(
        &self,
        words: &[String],
        labels: &SearchLabels,
        within: Option<&[bool]>,
    ) -> Vec<bool> {
        let pairs: Vec<Pairs> = words.iter().map(|word| Pairs::of(word)).collect();
        let needed = pairs.iter().fold(Pairs::default(), |all, p| all.union(*p));
        let by_category = label_masks(&self.categories, words, |key, word| {
            labels.category_holds(key, word)
        });
        let by_area = label_masks(&self.areas, words, |key, word| labels.area_holds(key, word));
        let named = |mask: u64, index: usize| index < 64 && mask & 1 << index != 0;
        // Mostly no name holds any word (once a few letters are typed): then the names are not
        // looked up for each post.
        let any_named = by_category.iter().chain(&by_area).any(|mask| *mask != 0);
        self.posts
            .iter()
            .enumerate()
            .map(|(index, folded)| {
                if !within.is_none_or(|within| within[index]) {
                    return false;
                }
                let text = &self.text[folded.span.0..folded.span.1];
                let mask = if any_named {
                    by_category[folded.category as usize] | by_area[folded.area as usize]
                } else {
                    0
                };
                if mask == 0 {
                    return folded.pairs.covers(&needed)
                        && words.iter().all(|word| holds(text, word));
                }
                // Words its names hold need not be in its text.
                words
                    .iter()
                    .zip(&pairs)
                    .enumerate()
                    .all(|(at, (word, pairs))| {
                        named(mask, at) || (folded.pairs.covers(pairs) && holds(text, word))
                    })
            })
            .collect()
    }

    /// Folds the board's posts again, reusing the text of posts that did not change.
    fn build(all: &Records<Post>, old: Option<&Corpus>) -> Self {
        let mut corpus = Corpus {
            text: String::with_capacity(old.map_or(0, |old| old.text.len())),
            sources: Vec::with_capacity(all.len()),
            posts: Vec::with_capacity(all.len()),
            categories: Vec::new(),
            areas: Vec::new(),
        };
        let (mut category_places, mut area_places) = (BTreeMap::new(), BTreeMap::new());
        let mut old_posts = old.map(|old| old.sources.iter().zip(&old.posts).peekable());
        for post in all.values() {
            let now = Source::of(post);
            let start = corpus.text.len();
            let reused = old.zip(old_posts.as_mut()).and_then(|(old, posts)| {
                while posts.next_if(|(source, _)| source.id < post.id).is_some() {}
                posts
                    .next_if(|(source, _)| **source == now)
                    .map(|(_, folded)| (&old.text[folded.span.0..folded.span.1], folded.pairs))
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
            let category = intern(
                &post.category.value,
                &mut corpus.categories,
                &mut category_places,
            );
            let area = intern(&post.area.value, &mut corpus.areas, &mut area_places);
            corpus.sources.push(now);
            corpus.posts.push(Folded {
                span: (start, corpus.text.len()),
                pairs,
                category,
                area,
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

    /// Keeps `posts` (in id order, from `all`) whose title, details or area, or the names in
    /// `labels` of their category and area, contain every one of `words` (already folded and
    /// stemmed).
    pub(crate) fn retain_matching(
        &self,
        posts: &mut Vec<&Post>,
        words: &[String],
        labels: &SearchLabels,
        all: &Records<Post>,
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
            .filter(|last| last.labels == *labels && narrows(&last.words, words))
            .map(|last| last.found.as_slice());
        let found = corpus.holding_all(words, labels, within);
        let mut folded = corpus.sources.iter().zip(&found).peekable();
        posts.retain(|post| {
            while folded.next_if(|(source, _)| source.id < post.id).is_some() {}
            folded
                .peek()
                .is_some_and(|(source, holds)| source.id == post.id && **holds)
        });
        cached.last = Some(Arc::new(LastSearch {
            words: words.to_vec(),
            labels: labels.clone(),
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
            .map_or(0, |corpus| corpus.sources.len());
        write!(f, "SearchCache({posts} posts)")
    }
}

/// Whether `text` holds `word`. Words are short and a post's text a few hundred bytes: there a
/// scan for the places where the word's first and last bytes both fit beats the general string
/// search, whose set-up and bookkeeping dominate on a phone's WebAssembly. It looks at eight
/// places at once in a 64-bit word (WebAssembly without SIMD still has those). Comparing bytes
/// is exact for UTF-8: a whole character only ever matches a whole character.
pub(crate) fn holds(text: &str, word: &str) -> bool {
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

        /// The letter-pair filter never rules out a post that holds the words.
        #[test]
        fn the_pair_filter_keeps_every_text_holding_the_words(
            text in "[a-fé \n]{0,40}",
            first in "[a-fé]{1,5}",
            second in "[a-fé]{1,5}",
        ) {
            let needed = Pairs::of(&first).union(Pairs::of(&second));
            if holds(&text, &first) && holds(&text, &second) {
                proptest::prop_assert!(Pairs::of(&text).covers(&needed));
            }
        }
    }

    /// The filter's worth: words whose letter pairs a text lacks are ruled out without a
    /// search, each word's pairs and the pairs of two words together.
    #[test]
    fn the_pair_filter_rules_out_words_a_text_cannot_hold() {
        let text = Pairs::of("rice and beans\n\nriverside-north");
        for word in ["rice", "beans", "north", "dean", "side"] {
            assert!(text.covers(&Pairs::of(word)), "{word}");
        }
        for word in ["soup", "clinic", "kayak", "blankets", "transport"] {
            assert!(!text.covers(&Pairs::of(word)), "{word}");
        }
        let both = |a, b| Pairs::of(a).union(Pairs::of(b));
        assert!(text.covers(&both("rice", "north")));
        assert!(!text.covers(&both("rice", "soup")));
        assert!(!text.covers(&both("soup", "rice")));
        assert!(!text.covers(&both("soup", "soup")), "a word typed twice");
        // A pair is both its letters, in order.
        assert!(!Pairs::of("xa").covers(&Pairs::of("ya")));
        assert!(!Pairs::of("ab").covers(&Pairs::of("ba")));
    }

    #[test]
    fn a_search_narrows_the_last_when_each_old_word_is_inside_a_new_one() {
        let words = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(narrows(&words("ri"), &words("rid")));
        assert!(narrows(&words("ri so"), &words("soup rice")));
        assert!(!narrows(&words("ri so"), &words("rice")));
        assert!(!narrows(&words("rid"), &words("ri")));
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

    /// `holds` reads eight places at once: a word is found starting at every place of a text
    /// past the first eight bytes and across them, and not where it only nearly is.
    #[test]
    fn a_word_is_found_at_every_place_of_a_long_text() {
        for word in ["r", "ri", "ric", "rice", "rices", "ñandú"] {
            for at in 0..24 {
                let text = format!("{}{word}{}", "-".repeat(at), ".".repeat(at % 9));
                assert!(holds(&text, word), "{word} at {at} in {text:?}");
                let cut: String = word.chars().take(word.chars().count() - 1).collect();
                let near = text.replacen(word, &cut, 1);
                assert!(!holds(&near, word), "{word} nearly at {at} in {near:?}");
            }
        }
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Ñandú CAFÉ Peñalolén"), "nandu cafe penalolen");
        assert_eq!(fold("Straße İstanbul"), "straße i\u{307}stanbul");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
        assert_eq!(fold("Привет"), "привет");
    }
}
