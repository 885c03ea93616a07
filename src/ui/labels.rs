//! How a group's categories and areas are named on screen: built-in category keys through the
//! message catalogue, a group's own ones by the label in its config, anything else as typed.

use super::codes::code;
use super::state::AppState;
use crate::i18n::{self, Msg};
use crate::model::SearchLabels;
use leptos::prelude::*;

/// The label of a category key in the current language.
pub fn category(state: AppState, key: &str) -> String {
    let lang = state.lang.get();
    state
        .config
        .with(|config| i18n::group_labels::category(config, lang, key))
}

/// The label of an area key in the current language; areas a group does not list are places
/// an author typed, shown as typed.
pub fn area(state: AppState, key: &str) -> String {
    let lang = state.lang.get();
    state
        .config
        .with(|config| i18n::group_labels::area(config, lang, key))
}

/// The names of categories and areas a board search matches: in the current language and the
/// group's other languages.
pub fn search_labels(state: AppState) -> SearchLabels {
    let lang = state.lang.get();
    state
        .config
        .with(|config| i18n::search_labels(config, &i18n::search_languages(lang, config)))
}

/// `(value, label)` pairs for a choice among enum values, in the current language.
pub fn choices<T: serde::Serialize + Copy + Into<Msg>>(
    state: AppState,
    values: &[T],
) -> Vec<(String, String)> {
    values
        .iter()
        .map(|value| (code(value), state.t((*value).into()).to_string()))
        .collect()
}

/// `(key, label)` pairs for the group's categories, in its order and the current language.
pub fn category_choices(state: AppState) -> Vec<(String, String)> {
    state.config.with(|config| {
        config
            .categories
            .iter()
            .map(|choice| (choice.key.clone(), category(state, &choice.key)))
            .collect()
    })
}

/// `(key, label)` pairs for the areas the group lists, in its order and the current language.
pub fn area_choices(state: AppState) -> Vec<(String, String)> {
    state.config.with(|config| {
        config
            .areas
            .iter()
            .map(|choice| (choice.key.clone(), area(state, &choice.key)))
            .collect()
    })
}
