//! The Leptos screens and widgets; compiled for the browser only.
//!
//! State lives in one context ([`state::AppState`]) and flows down; screens in `pages/` compose
//! small components from `components/<area>/`; all text comes from the message catalogue.

mod app;
mod codes;
mod components;
mod demo;
mod format;
mod labels;
mod pages;
mod platform;
mod remote;
mod routes;
mod signatures;
mod state;
mod sync;

/// Starts Circle in the page's `<body>`, in place of index.html's loading note.
pub fn mount() {
    platform::remove_id("circle-loading");
    leptos::mount::mount_to_body(app::App);
}
