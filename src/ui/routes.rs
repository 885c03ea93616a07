//! The app's addresses. Paths here are relative to the base the app is published under; links
//! get the base through [`href`], and `use_navigate` adds it by itself.

use super::state::AppState;
use crate::model::{PostKind, RecordId};

pub const BOARD: &str = "/";
pub const MINE: &str = "/mine";
pub const SETTINGS: &str = "/settings";
pub const SHARE: &str = "/share";
pub const PLACES: &str = "/places";

pub fn new_post(kind: PostKind) -> &'static str {
    match kind {
        PostKind::Ask => "/new/ask",
        PostKind::Offer => "/new/offer",
    }
}

pub fn post(id: RecordId) -> String {
    format!("/post/{id}")
}

pub fn shift(id: RecordId) -> String {
    format!("/shift/{id}")
}

pub fn place(id: RecordId) -> String {
    format!("/places/{id}")
}

/// The `href` for an app path, under the base the page was published at.
pub fn href(path: &str) -> String {
    AppState::get().href(path)
}
