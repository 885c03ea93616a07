//! What a search matches besides a post's own words: the names of its category and area as
//! people read them ("comida" and "food" find a post in "Food & groceries"). The model knows
//! only keys; the interface passes the names in, in the languages the group reads, so the
//! model stays free of the message catalogue.

use super::search::{fold, fold_into, holds};
use crate::model::sorted_map::SortedMap;

/// Folded names per category key and per area key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchLabels {
    categories: SortedMap<String, String>,
    areas: SortedMap<String, String>,
}

impl SearchLabels {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a name of the category `key`; a category may have several (one per language).
    pub fn add_category(&mut self, key: &str, label: &str) {
        add(&mut self.categories, key, label);
    }

    /// Adds a name of the area `key`.
    pub fn add_area(&mut self, key: &str, label: &str) {
        add(&mut self.areas, key, label);
    }

    /// Whether the category `key`, by its key or one of its names, holds `term` (folded).
    pub(crate) fn category_holds(&self, key: &str, term: &str) -> bool {
        // The key itself: "food" finds the food category in any language, and a group's own
        // category without names is found by its key.
        holds(&fold(key), term)
            || self
                .categories
                .get(key)
                .is_some_and(|names| holds(names, term))
    }

    /// Whether one of the names of the area `key` holds `term` (the key is in the post's text).
    pub(crate) fn area_holds(&self, key: &str, term: &str) -> bool {
        self.areas.get(key).is_some_and(|names| holds(names, term))
    }
}

fn add(names: &mut SortedMap<String, String>, key: &str, label: &str) {
    let all = names.get_or_insert_with(key.to_string(), String::new);
    // A line break between names keeps a word from matching across two of them.
    if !all.is_empty() {
        all.push('\n');
    }
    fold_into(label, all);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_every_language_and_the_key_match() {
        let mut labels = SearchLabels::new();
        labels.add_category("food", "Food & groceries");
        labels.add_category("food", "Comida y víveres");
        labels.add_area("riverside-north", "Ribera Norte");
        for term in ["food", "grocer", "comid", "viveres"] {
            assert!(labels.category_holds("food", term), "{term}");
        }
        assert!(
            !labels.category_holds("food", "groceriescomida"),
            "no match across names"
        );
        assert!(labels.category_holds("school-supplies", "school"));
        assert!(!labels.category_holds("meals", "food"));
        assert!(labels.area_holds("riverside-north", "ribera"));
        assert!(!labels.area_holds("hillcrest", "ribera"));
    }
}
