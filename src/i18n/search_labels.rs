//! The names a board search matches besides a post's own words: each category and area as it
//! reads in the languages given (the reader's, and the other languages the group works in), so
//! a neighbour who types "comida" or "food" finds the food posts whichever language is showing.

use super::{Lang, Msg};
use crate::model::{GroupConfig, SearchLabels};

/// The names of the group's categories and areas in `langs`: built-in categories from the
/// catalogue, a group's own categories and its areas by the labels in its config.
pub fn search_labels(config: &GroupConfig, langs: &[Lang]) -> SearchLabels {
    let mut labels = SearchLabels::new();
    for lang in langs {
        for choice in &config.categories {
            let name = Msg::category(&choice.key)
                .map_or_else(|| choice.label_in(lang.code()), |msg| lang.text(msg));
            labels.add_category(&choice.key, name);
        }
        for choice in &config.areas {
            labels.add_area(&choice.key, choice.label_in(lang.code()));
        }
    }
    labels
}

/// The languages a search names things in: the reader's first, then each other language of
/// the group that Circle ships.
pub fn search_languages(reader: Lang, config: &GroupConfig) -> Vec<Lang> {
    let mut langs = vec![reader];
    for lang in config
        .languages
        .iter()
        .filter_map(|tag| Lang::from_tag(tag))
    {
        if !langs.contains(&lang) {
            langs.push(lang);
        }
    }
    langs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Board, BoardFilter, Post, PostDraft, PostKind, RecordId, Stamp, Urgency};

    #[test]
    fn a_bilingual_group_finds_food_by_either_name() {
        let config = GroupConfig::from_json(
            r#"{"languages":["en","es"],"categories":["food",{"key":"school","label":{"es":"Útiles escolares"}}],
                "areas":[{"key":"riverside-north","label":{"en":"Riverside North","es":"Ribera Norte"}}]}"#,
        )
        .unwrap();
        assert_eq!(search_languages(Lang::Es, &config), [Lang::Es, Lang::En]);
        let labels = search_labels(&config, &search_languages(Lang::En, &config));
        let mut board = Board::default();
        for (n, category) in [(1, "food"), (2, "school")] {
            let draft = PostDraft {
                kind: PostKind::Ask,
                title: "Help please".into(),
                category: category.into(),
                area: "riverside-north".into(),
                contact: None,
                details: String::new(),
                urgency: Urgency::Anytime,
                quantity: None,
                author: "rosa".into(),
                languages: Vec::new(),
                until: None,
                recurring: false,
                private_note: String::new(),
            };
            board.add_post(Post::create(RecordId(n), draft, Stamp::default()));
        }
        let search = |text: &str| {
            let filter = BoardFilter {
                text: text.into(),
                ..BoardFilter::default()
            };
            let mut ids: Vec<u64> = board
                .filter_with(&filter, &labels)
                .iter()
                .map(|post| post.id.0)
                .collect();
            ids.sort_unstable();
            ids
        };
        assert_eq!(search("comida"), [1]);
        assert_eq!(search("Groceries"), [1]);
        assert_eq!(search("utiles"), [2]);
        assert_eq!(search("ribera norte"), [1, 2]);
        assert_eq!(search("comida ribera"), [1]);
    }
}
