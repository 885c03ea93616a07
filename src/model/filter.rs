//! The board view's filters and text search. Search ignores case and accents ("cafe" finds
//! "Café"), so people find posts however they type; results come most urgent first, then
//! newest.

use super::board::Board;
use super::post::{Post, PostKind, Status, Urgency};
use serde::{Deserialize, Serialize};

/// Which statuses to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusFilter {
    /// Open or matched: what still needs doing.
    Active,
    Open,
    Matched,
    Fulfilled,
    /// Closed for any reason.
    Closed,
}

impl StatusFilter {
    pub fn admits(self, status: Status) -> bool {
        match self {
            Self::Active => status.is_active(),
            Self::Open => status == Status::Open,
            Self::Matched => status == Status::Matched,
            Self::Fulfilled => status == Status::Fulfilled,
            Self::Closed => matches!(status, Status::Closed(_)),
        }
    }
}

/// What the board view asks for; `None` or empty text means "any".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BoardFilter {
    pub kind: Option<PostKind>,
    pub category: Option<String>,
    pub area: Option<String>,
    pub urgency: Option<Urgency>,
    pub status: Option<StatusFilter>,
    /// Words that must all appear in the title, details or area.
    pub text: String,
}

impl Board {
    /// Live posts that pass `filter`, most urgent first, then newest.
    pub fn filter(&self, filter: &BoardFilter) -> Vec<&Post> {
        let words: Vec<Vec<char>> = filter
            .text
            .split_whitespace()
            .map(|word| fold(word).collect())
            .collect();
        let mut found: Vec<&Post> = self
            .posts()
            .filter(|post| {
                filter.kind.is_none_or(|kind| post.kind == kind)
                    && filter
                        .category
                        .as_ref()
                        .is_none_or(|key| post.category.value == *key)
                    && filter
                        .area
                        .as_ref()
                        .is_none_or(|key| post.area.value == *key)
                    && filter.urgency.is_none_or(|u| post.urgency.value == u)
                    && filter.status.is_none_or(|s| s.admits(post.status.value))
                    && words.iter().all(|word| {
                        contains(&post.title.value, word)
                            || contains(&post.details.value, word)
                            || contains(&post.area.value, word)
                    })
            })
            .collect();
        found.sort_by(|a, b| {
            (a.urgency.value, std::cmp::Reverse(a.created), a.id).cmp(&(
                b.urgency.value,
                std::cmp::Reverse(b.created),
                b.id,
            ))
        });
        found
    }
}

/// Whether `text`, folded, contains the folded `word`.
fn contains(text: &str, word: &[char]) -> bool {
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    if text.is_ascii() && word.iter().all(char::is_ascii) {
        // The common case, without decoding: compare bytes ignoring ASCII case.
        let text = text.as_bytes();
        let first = first as u8;
        return text.len() >= word.len()
            && (0..=text.len() - word.len()).any(|start| {
                text[start].to_ascii_lowercase() == first
                    && rest
                        .iter()
                        .zip(&text[start + 1..])
                        .all(|(&c, &t)| t.to_ascii_lowercase() == c as u8)
            });
    }
    let folded: Vec<char> = fold(text).collect();
    folded.windows(word.len()).any(|window| window == word)
}

/// Lower case without accents: "Ñandú" → "nandu". Covers the Latin letters of the languages
/// groups write in; other scripts are only lower-cased.
pub fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(char::to_lowercase).map(strip_accent)
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
    use crate::model::{sample_draft, DeviceId, RecordId, Stamp};

    fn board() -> Board {
        let mut board = Board::default();
        let rows = [
            (
                1,
                PostKind::Ask,
                Urgency::Week,
                "Café for the shelter",
                "north",
            ),
            (2, PostKind::Ask, Urgency::Today, "Insulin run", "south"),
            (
                3,
                PostKind::Offer,
                Urgency::Anytime,
                "Spare cafetière",
                "north",
            ),
            (
                4,
                PostKind::Ask,
                Urgency::Today,
                "Ride to clinic",
                "Peñalolén",
            ),
        ];
        for (n, kind, urgency, title, area) in rows {
            let mut draft = sample_draft();
            draft.kind = kind;
            draft.urgency = urgency;
            draft.title = title.into();
            draft.area = area.into();
            board.add_post(crate::model::Post::create(
                RecordId(n),
                draft,
                Stamp::new(n, 0, DeviceId(1)),
            ));
        }
        board
    }

    fn ids(posts: Vec<&Post>) -> Vec<u64> {
        posts.iter().map(|post| post.id.0).collect()
    }

    #[test]
    fn results_come_most_urgent_then_newest() {
        assert_eq!(ids(board().filter(&BoardFilter::default())), [4, 2, 1, 3]);
    }

    #[test]
    fn text_search_ignores_case_and_accents() {
        let board = board();
        let search = |text: &str| {
            ids(board.filter(&BoardFilter {
                text: text.into(),
                ..BoardFilter::default()
            }))
        };
        assert_eq!(search("CAFE"), [1, 3]);
        assert_eq!(search("café shelter"), [1]);
        assert_eq!(search("penalolen"), [4]);
        assert_eq!(search("PEÑA"), [4]);
        assert_eq!(search("nothing-like-this"), Vec::<u64>::new());
    }

    #[test]
    fn fields_filter_together() {
        let board = board();
        let filter = BoardFilter {
            kind: Some(PostKind::Ask),
            area: Some("north".into()),
            status: Some(StatusFilter::Active),
            ..BoardFilter::default()
        };
        assert_eq!(ids(board.filter(&filter)), [1]);
        let closed = BoardFilter {
            status: Some(StatusFilter::Closed),
            ..BoardFilter::default()
        };
        assert!(board.filter(&closed).is_empty());
    }
}
