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

    #[test]
    fn a_bilingual_group_names_things_in_both_languages() {
        let config = GroupConfig::from_json(
            r#"{"languages":["en","es","fr"],
                "categories":["food",{"key":"school","label":{"es":"Útiles escolares"}}],
                "areas":[{"key":"river","label":{"en":"Riverside","es":"Ribera"}},"hill"]}"#,
        )
        .unwrap();
        assert_eq!(search_languages(Lang::Es, &config), [Lang::Es, Lang::En]);
        let mut expected = SearchLabels::new();
        for (lang, food, river) in [
            (Lang::Es, "Comida y víveres", "Ribera"),
            (Lang::En, "Food & groceries", "Riverside"),
        ] {
            assert_eq!(Msg::category("food").map(|msg| lang.text(msg)), Some(food));
            expected.add_category("food", food);
            // A group's own category has its label in one language: it stands for both.
            expected.add_category("school", "Útiles escolares");
            expected.add_area("river", river);
            expected.add_area("hill", "hill");
        }
        let labels = search_labels(&config, &search_languages(Lang::Es, &config));
        assert_eq!(labels, expected);
        assert!(labels.category_holds("food", "comid") && labels.category_holds("food", "grocer"));
        assert!(labels.area_holds("river", "ribera") && !labels.area_holds("hill", "ribera"));
    }
}
