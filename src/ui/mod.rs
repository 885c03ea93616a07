//! The Leptos screens and widgets; compiled for the browser only.
//!
//! Two entry pages share this module: the board page a neighbour opens ([`mount`]) and the
//! group's workspace ([`mount_workspace`], its screens in `workspace/`). State lives in one
//! context ([`state::AppState`]) and flows down; screens in `pages/` compose small components
//! from `components/<area>/`; all text comes from the message catalogue.

pub(crate) mod app;
mod codes;
mod components;
mod demo;
mod first_view;
mod format;
mod group_file;
mod group_link;
mod labels;
mod members;
mod pages;
mod platform;
mod reader;
mod remote;
mod routes;
mod signatures;
mod state;
mod sync;
mod worker;
mod workspace;
mod write_back;

/// Starts the board page in the page's `<body>`, in place of index.html's loading note or
/// the board's first view (`first_view`).
pub fn mount() {
    // In a task of its own, after the one that compiled and started the WebAssembly: on a slow
    // phone the two together would hold the page for longer than either.
    leptos::prelude::set_timeout(
        || leptos::mount::mount_to(first_view::container(), app::App).forget(),
        std::time::Duration::ZERO,
    );
}

/// Starts the reader worker (`src/bin/reader.rs`), which answers the board page's jobs.
pub fn serve_reader() {
    reader::serve();
}

/// Starts the signature worker (`src/bin/verifier.rs`), which checks the board page's batches.
pub fn serve_verifier() {
    signatures::serve();
}

/// Starts the group's workspace (group/index.html) the same way.
pub fn mount_workspace() {
    platform::remove_id("circle-loading");
    leptos::mount::mount_to_body(workspace::app::WorkspaceApp);
}
