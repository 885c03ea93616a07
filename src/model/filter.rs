//! The board view's filters and text search (see `search.rs`); results come most urgent
//! first, then newest.

use super::board::Board;
use super::post::{Post, PostKind, Status, Urgency};
use super::search::fold;
use super::search_labels::SearchLabels;
use super::stem::stem;
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
    /// Words that must all appear in the title, details or area, or in the names of the
    /// category or area; each in any of its simple forms ("rides" finds "ride").
    pub text: String,
}

impl BoardFilter {
    /// What the board screen lists when it opens: everything that still needs doing (open or
    /// matched), of any kind, category or area. The app starts with it, and `publish` writes
    /// the board page's first view with it, so both list the same posts in the same order.
    pub fn on_opening() -> Self {
        Self {
            status: Some(StatusFilter::Active),
            ..Self::default()
        }
    }

    /// The open asks, which the board counts over its list ("15 open asks").
    pub fn open_asks() -> Self {
        Self {
            kind: Some(PostKind::Ask),
            status: Some(StatusFilter::Open),
            ..Self::default()
        }
    }
}

/// How many posts the board lists before "Show more": a phone screen or three. The app's list
/// and the first view `publish` writes show the same first page.
pub const BOARD_PAGE: usize = 30;

impl Board {
    /// Live posts that pass `filter`, most urgent first, then newest. A search matches category
    /// keys, not their names; the board screen passes the names with [`Board::filter_with`].
    pub fn filter(&self, filter: &BoardFilter) -> Vec<&Post> {
        self.filter_with(filter, &SearchLabels::default())
    }

    /// As [`Board::filter`], with the names of categories and areas a search also matches.
    pub fn filter_with(&self, filter: &BoardFilter, labels: &SearchLabels) -> Vec<&Post> {
        let mut found = self.matching(filter, labels);
        found.sort_by_cached_key(|post| {
            (post.urgency.value, std::cmp::Reverse(post.created), post.id)
        });
        found
    }

    /// How many live posts pass `filter`: as `filter(…).len()`, without putting them in order.
    pub fn count(&self, filter: &BoardFilter) -> usize {
        self.matching(filter, &SearchLabels::default()).len()
    }

    /// Live posts that pass `filter`, in id order.
    fn matching(&self, filter: &BoardFilter, labels: &SearchLabels) -> Vec<&Post> {
        let words: Vec<String> = filter
            .text
            .split_whitespace()
            .map(|word| stem(&fold(word)).to_string())
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
                    && filter
                        .status
                        .is_none_or(|s| s.admits(post.current_status()))
            })
            .collect();
        if !words.is_empty() {
            self.search
                .retain_matching(&mut found, &words, labels, &self.posts);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::signer;
    use crate::model::{sample_draft, DeviceId, RecordId, Stamp};

    /// Adds `draft` as post `n`, made at time `n`.
    fn put(board: &mut Board, n: u64, draft: crate::model::PostDraft) {
        board.add_post(crate::model::Post::create(
            RecordId(n),
            draft,
            Stamp::new(n, 0, DeviceId(1)),
        ));
    }

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
            put(&mut board, n, draft);
        }
        board
    }

    fn ids(posts: Vec<&Post>) -> Vec<u64> {
        posts.iter().map(|post| post.id.0).collect()
    }

    /// Post `n` of `kind` in `category` and `area`, moved to `status` after it was made.
    fn with_status(n: u64, kind: PostKind, category: &str, area: &str, status: Status) -> Post {
        let mut draft = sample_draft();
        draft.kind = kind;
        draft.category = category.into();
        draft.area = area.into();
        let mut post =
            crate::model::Post::create(RecordId(n), draft, Stamp::new(n, 0, DeviceId(1)));
        post.status.set(status, Stamp::new(n, 1, DeviceId(1)));
        post
    }

    #[test]
    fn each_filter_keeps_only_its_posts() {
        use crate::model::CloseReason;
        let mut board = Board::default();
        for post in [
            with_status(1, PostKind::Ask, "food", "north", Status::Open),
            with_status(2, PostKind::Ask, "rides", "south", Status::Matched),
            with_status(3, PostKind::Offer, "food", "south", Status::Open),
            with_status(4, PostKind::Ask, "food", "north", Status::Fulfilled),
            with_status(
                5,
                PostKind::Offer,
                "rides",
                "north",
                Status::Closed(CloseReason::Withdrawn),
            ),
        ] {
            board.add_post(post);
        }
        let sorted = |filter: &BoardFilter| {
            let mut found = ids(board.filter(filter));
            found.sort_unstable();
            found
        };
        assert_eq!(
            sorted(&BoardFilter::on_opening()),
            [1, 2, 3],
            "what still needs doing"
        );
        assert_eq!(sorted(&BoardFilter::open_asks()), [1], "open asks only");
        let by_status = |status| {
            sorted(&BoardFilter {
                status: Some(status),
                ..BoardFilter::default()
            })
        };
        assert_eq!(by_status(StatusFilter::Open), [1, 3]);
        assert_eq!(by_status(StatusFilter::Matched), [2]);
        assert_eq!(by_status(StatusFilter::Fulfilled), [4]);
        assert_eq!(by_status(StatusFilter::Closed), [5]);
        let category = sorted(&BoardFilter {
            category: Some("rides".into()),
            ..BoardFilter::default()
        });
        assert_eq!(category, [2, 5]);
        let area = sorted(&BoardFilter {
            area: Some("south".into()),
            ..BoardFilter::default()
        });
        assert_eq!(area, [2, 3]);
    }

    #[test]
    fn results_come_most_urgent_then_newest() {
        assert_eq!(ids(board().filter(&BoardFilter::default())), [4, 2, 1, 3]);
    }

    #[test]
    fn typing_a_search_finds_what_a_fresh_search_finds() {
        let typed = board();
        for text in [
            "c",
            "ca",
            "caf",
            "cafe",
            "cafe s",
            "c",
            "ri",
            "ride",
            "rid",
            "clinic ride",
            "x",
            "",
        ] {
            let filter = BoardFilter {
                text: text.into(),
                ..BoardFilter::default()
            };
            assert_eq!(
                ids(typed.filter(&filter)),
                ids(board().filter(&filter)),
                "{text}"
            );
        }
    }

    #[test]
    fn counting_agrees_with_filtering() {
        let board = board();
        for filter in [
            BoardFilter::default(),
            BoardFilter {
                kind: Some(PostKind::Ask),
                ..BoardFilter::default()
            },
            BoardFilter {
                text: "cafe".into(),
                ..BoardFilter::default()
            },
        ] {
            assert_eq!(board.count(&filter), board.filter(&filter).len());
        }
        assert_eq!(
            board.count(&BoardFilter {
                kind: Some(PostKind::Ask),
                ..BoardFilter::default()
            }),
            3
        );
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
        // Post 3's area "north" is followed by post 4's title "Ride to clinic".
        assert_eq!(
            search("northride"),
            Vec::<u64>::new(),
            "no match across posts"
        );
    }

    #[test]
    fn search_sees_edits_and_merges() {
        use crate::model::Merge;
        let mut board = board();
        let search = BoardFilter {
            text: "blankets".into(),
            ..BoardFilter::default()
        };
        assert!(board.filter(&search).is_empty());
        let mut draft = board.post(RecordId(2)).unwrap().draft();
        draft.details = "Two warm BLANKETS".into();
        board
            .edit_post(
                RecordId(2),
                draft,
                Stamp::new(10, 0, DeviceId(1)),
                &signer(),
            )
            .unwrap();
        assert_eq!(ids(board.filter(&search)), [2]);
        let mut other = board.clone();
        let mut draft = other.post(RecordId(2)).unwrap().draft();
        draft.details = "Sorted, thanks".into();
        other
            .edit_post(
                RecordId(2),
                draft,
                Stamp::new(11, 0, DeviceId(1)),
                &signer(),
            )
            .unwrap();
        board.merge(&other);
        assert!(board.filter(&search).is_empty());
    }

    /// Three posts in food, rides and meals, and the names of those categories and of an area
    /// in English and Spanish.
    fn named_board() -> (Board, SearchLabels, SearchLabels) {
        let mut board = Board::default();
        let rows = [
            (1, "Rice and beans", "food", "riverside-north"),
            (2, "Lift to the clinic", "rides", "hillcrest"),
            (3, "Hot soup", "meals", "riverside-north"),
        ];
        for (n, title, category, area) in rows {
            let mut draft = sample_draft();
            draft.title = title.into();
            draft.details = String::new();
            draft.category = category.into();
            draft.area = area.into();
            put(&mut board, n, draft);
        }
        let names = |lang: usize| {
            let mut labels = SearchLabels::new();
            let en = [
                ("food", "Food & groceries"),
                ("rides", "Rides & transport"),
                ("meals", "Meals"),
            ];
            let es = [
                ("food", "Comida y víveres"),
                ("rides", "Traslados y transporte"),
                ("meals", "Comidas preparadas"),
            ];
            for (key, label) in [en, es][lang] {
                labels.add_category(key, label);
            }
            labels.add_area("riverside-north", ["Riverside North", "Ribera Norte"][lang]);
            labels
        };
        (board, names(0), names(1))
    }

    fn found(board: &Board, text: &str, labels: &SearchLabels) -> Vec<u64> {
        let filter = BoardFilter {
            text: text.into(),
            ..BoardFilter::default()
        };
        let mut ids = ids(board.filter_with(&filter, labels));
        ids.sort_unstable();
        ids
    }

    #[test]
    fn a_search_finds_the_names_of_categories_and_areas() {
        let (board, en, es) = named_board();
        assert_eq!(found(&board, "groceries", &en), [1]);
        assert_eq!(found(&board, "grocery", &en), [1]);
        assert_eq!(found(&board, "food", &en), [1]);
        assert_eq!(found(&board, "food", &es), [1], "the key, in any language");
        assert_eq!(found(&board, "comida", &es), [1, 3]);
        assert_eq!(found(&board, "comidas", &es), [1, 3]);
        assert_eq!(found(&board, "viveres", &es), [1]);
        assert_eq!(found(&board, "rides", &en), [2]);
        assert_eq!(found(&board, "ride", &en), [2]);
        assert_eq!(found(&board, "transporte", &es), [2]);
        assert_eq!(found(&board, "transport", &es), [2]);
        assert_eq!(found(&board, "ribera soup", &es), [3]);
        assert_eq!(found(&board, "north rice", &en), [1]);
        assert_eq!(found(&board, "ribera", &en), Vec::<u64>::new());
        assert_eq!(found(&board, "rice clinic", &en), Vec::<u64>::new());
        // Without names, a search reads only the posts' own words and keys.
        let none = SearchLabels::default();
        assert_eq!(found(&board, "comida", &none), Vec::<u64>::new());
        assert_eq!(found(&board, "riverside", &none), [1, 3]);
    }

    /// Names still count when every name holds a word, and when a post's category and its
    /// area both hold the same one; a word its names hold is not needed in its text, but
    /// every other word is, whole; and a long search is read to its last word.
    #[test]
    fn a_search_finds_names_however_many_hold_its_words() {
        let mut board = Board::default();
        let mut draft = sample_draft();
        draft.title = "Rice and beans".into();
        draft.details = String::new();
        draft.category = "food".into();
        draft.area = "market".into();
        put(&mut board, 1, draft);
        let mut labels = SearchLabels::new();
        labels.add_category("food", "Food & groceries");
        labels.add_area("market", "Market and groceries row");
        assert_eq!(found(&board, "groceries", &labels), [1]);
        assert_eq!(found(&board, "groceries rice", &labels), [1]);
        // "kean": each pair of its letters is in the post ("marKEt", "bEAns", "ANd"), the word
        // is not.
        assert_eq!(found(&board, "groceries kean", &labels), Vec::<u64>::new());
        let long = format!("groceries {}beans", "rice ".repeat(63));
        assert_eq!(found(&board, &long, &labels), [1]);
    }

    /// The search's cache of folded text follows the board: a post added after the others
    /// (the largest id), and the only post edited, are searched as they are now.
    #[test]
    fn a_search_sees_a_post_added_last_and_the_only_post_edited() {
        let mut board = board();
        let none = SearchLabels::default();
        let search = |board: &Board, text: &str| found(board, text, &none);
        assert_eq!(search(&board, "kayak"), Vec::<u64>::new());
        let mut draft = sample_draft();
        draft.title = "Kayak to lend".into();
        put(&mut board, 99, draft);
        assert_eq!(search(&board, "kayak"), [99]);

        let mut alone = Board::default();
        put(&mut alone, 1, sample_draft());
        assert_eq!(search(&alone, "kayak"), Vec::<u64>::new());
        let mut draft = alone.post(RecordId(1)).unwrap().draft();
        draft.title = "Kayak to lend".into();
        alone
            .edit_post(
                RecordId(1),
                draft,
                Stamp::new(10, 0, DeviceId(1)),
                &signer(),
            )
            .unwrap();
        assert_eq!(search(&alone, "kayak"), [1]);
    }

    #[test]
    fn a_search_in_another_language_is_not_narrowed_from_the_last() {
        let (board, en, es) = named_board();
        // "com" then "comi": a narrowing search, but with other names.
        assert_eq!(found(&board, "com", &en), Vec::<u64>::new());
        assert_eq!(found(&board, "comi", &es), [1, 3]);
        assert_eq!(found(&board, "comid", &en), Vec::<u64>::new());
        for text in [
            "t",
            "tr",
            "tra",
            "tran",
            "trans",
            "transp",
            "transporte",
            "r",
            "ri",
            "rid",
        ] {
            for labels in [&en, &es] {
                let fresh = named_board().0;
                assert_eq!(
                    found(&board, text, labels),
                    found(&fresh, text, labels),
                    "{text}"
                );
            }
        }
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
