//! Circle: a mutual aid board that needs no server.
//!
//! - `model`: the domain and its rules (posts, merge, redaction), plain Rust, tested natively;
//! - `store`: saving a board safely in browser storage;
//! - `sources`: codecs for what comes from or leaves the device (links, files, sheets);
//! - `i18n`: the message catalogue;
//! - `publish`: the group's static JSON API and plain HTML board (native only: the `publish`
//!   command);
//! - `ui`: the Leptos screens, compiled for the browser only.

pub mod i18n;
pub mod model;
pub mod sources;
pub mod store;

#[cfg(not(target_arch = "wasm32"))]
pub mod publish;

#[cfg(target_arch = "wasm32")]
pub mod ui;
