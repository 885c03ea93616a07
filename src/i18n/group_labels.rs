//! How a group's categories and areas are named: built-in category keys through the message
//! catalogue, a group's own categories and its areas by the labels in its config, anything else
//! (an area an author typed) as it is. The app's screens, the plain HTML board and the board
//! page's first view all name them through these two, so they read the same everywhere.

use super::{Lang, Msg};
use crate::model::config::Choice;
use crate::model::GroupConfig;

/// The label of category `key` in `lang`.
pub fn category(config: &GroupConfig, lang: Lang, key: &str) -> String {
    match Msg::category(key) {
        Some(msg) => lang.text(msg).to_string(),
        None => listed(&config.categories, lang, key),
    }
}

/// The label of area `key` in `lang`; an area the group does not list is shown as typed.
pub fn area(config: &GroupConfig, lang: Lang, key: &str) -> String {
    listed(&config.areas, lang, key)
}

/// The label the group's list gives `key` in `lang`, or `key` itself.
fn listed(choices: &[Choice], lang: Lang, key: &str) -> String {
    choices.iter().find(|choice| choice.key == key).map_or_else(
        || key.to_string(),
        |choice| choice.label_in(lang.code()).to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_then_the_groups_own_then_as_typed() {
        let config = GroupConfig::from_json(
            r#"{"categories":["food",{"key":"school","label":{"es":"Útiles escolares"}}],
                "areas":[{"key":"river","label":{"en":"Riverside","es":"Ribera"}}]}"#,
        )
        .unwrap();
        assert_eq!(category(&config, Lang::Es, "food"), "Comida y víveres");
        assert_eq!(category(&config, Lang::En, "school"), "Útiles escolares");
        assert_eq!(category(&config, Lang::En, "bikes"), "bikes");
        assert_eq!(area(&config, Lang::Es, "river"), "Ribera");
        assert_eq!(area(&config, Lang::En, "Corner of 5th"), "Corner of 5th");
    }
}
